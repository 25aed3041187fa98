/// A BgMax file: Bankgirot's report of the payments received on a bankgiro ("Bankgiro
/// Inbetalningar", technical manual, chapter 3). ISO-8859-1 text of 80-character records, each
/// starting with its transaction code (TK): a start record (TK01), then one section per deposit
/// — an opening record (TK05), its payments (TK20) and deductions (TK21), each followed by its
/// extra references (TK22, TK23 negative), information texts (TK25), name (TK26), addresses
/// (TK27, TK28) and organisation number (TK29), and a deposit record (TK15) — and an end record
/// (TK70) whose counts are checked here. Records of a code the manual does not define are skipped,
/// as the manual asks; everything else that does not fit its layout is refused with its line.
public struct BgMaxFile: Sendable, Equatable {
    /// TK01.
    public struct Header: Sendable, Equatable {
        /// "BGMAX" (positions 3–22).
        public let layoutName: String
        /// Positions 23–24.
        public let version: Int
        /// When Bankgirot wrote the file, `YYYYMMDDHHMMSSffffff` as written (positions 25–44).
        public let writtenAt: String
        /// `T` (a test file) rather than `P` (production) at position 45.
        public let isTest: Bool
    }

    /// A deposit: TK05 … TK15.
    public struct Section: Sendable, Equatable {
        /// The receiving bankgiro number, digits without leading zeros (TK05 positions 3–12).
        public let receivingBankgiro: String
        /// TK05 positions 23–25 (SEK).
        public let currency: String
        /// TK15 positions 3–37, digits without leading zeros.
        public let bankAccount: String
        /// The payment date of every payment in the section (TK15 positions 38–45).
        public let paymentDate: CalendarDate
        /// TK15 positions 46–50.
        public let depositSerial: Int
        /// TK15 positions 51–68: the payments less the deductions.
        public let depositAmount: Money
        public let payments: [Payment]
    }

    /// A TK20 payment or a TK21 deduction, with the records that follow it.
    public struct Payment: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case payment
            /// TK21 with its deduction code (position 71) as written.
            case deduction(code: Int)
        }

        public let kind: Kind
        /// The line of its TK20 or TK21 record (from 1).
        public let line: Int
        /// Digits without leading zeros; empty when the payer has none (positions 3–12).
        public let senderBankgiro: String
        /// As written, without the padding (positions 13–37).
        public let reference: String
        /// Positions 38–55, in öre; a deduction's amount is written positive.
        public let amount: Money
        /// Position 56, as written: 2 says the reference passed Bankgirot's OCR check under the
        /// agreement; 0 and 1 mean no reference, higher codes other references. Matching does
        /// not rely on it: the import checks the OCR reference (length and check digit) itself.
        public let referenceCode: Int
        /// Position 57: 1 electronic through a bank, 2 supplier payments (LB), 3 paper, 4 autogiro.
        public let channel: Int
        /// Bankgirot's serial number of the payment (positions 58–69), as written.
        public let bgcSerial: String
        /// Position 70: 1 when Bankgirot has an image of the payment slip.
        public let hasImage: Bool
        public var extraReferences: [ExtraReference] = []
        /// TK25 texts, in order.
        public var information: [String] = []
        /// TK26.
        public var name = ""
        public var extraName = ""
        /// TK27.
        public var address = ""
        public var postalCode = ""
        /// TK28.
        public var city = ""
        public var country = ""
        public var countryCode = ""
        /// TK29, digits.
        public var organisationNumber = ""
    }

    /// A TK22 (or, with a negative amount, TK23) extra reference of the payment before it.
    public struct ExtraReference: Sendable, Equatable {
        public let reference: String
        public let amount: Money
        public let referenceCode: Int
    }

    /// TK70: what the file says it holds.
    public struct Counts: Sendable, Equatable {
        public let payments: Int
        public let deductions: Int
        public let extraReferences: Int
        public let deposits: Int
    }

    public let header: Header
    public let sections: [Section]
    public let counts: Counts

    /// Every payment and deduction, with its section.
    public var entries: [(section: Section, payment: Payment)] {
        sections.flatMap { section in section.payments.map { (section, $0) } }
    }

    /// Reads a file as Bankgirot delivers it (ISO-8859-1; CRLF or LF line ends; a record whose
    /// trailing spaces were cut is read as if they were there).
    public static func parse(_ bytes: [UInt8]) throws(BgMaxError) -> BgMaxFile {
        var parser = BgMaxParser()
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var line = bytes[start..<end]
            if line.last == 0x0D { line = line.dropLast() }
            lineNumber += 1
            start = end + 1
            // A final empty line (a file ending in a line break) is no record.
            if line.isEmpty, start >= bytes.count { break }
            // Anything but a start record first is some other file, whatever its lines look like.
            if lineNumber == 1, !line.starts(with: Array("01BGMAX".utf8)) { throw .notBgMax }
            try parser.read(BgMaxRecord(line: lineNumber, bytes: line))
        }
        return try parser.finish(lines: lineNumber)
    }
}

/// Why a BgMax file was refused, with the line (from 1) where that was found.
public enum BgMaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A field of the layout.
    public enum Field: String, Sendable, Equatable {
        case transactionCode, layoutName, version, timestamp, testMarker, bankgiro, currency, bankAccount,
            paymentDate, depositSerial, amount, referenceCode, channel, bgcSerial, imageMarker, deductionCode,
            count, organisationNumber

        /// In English words, for `description`.
        public var words: String {
            switch self {
            case .transactionCode: "transaction code"
            case .layoutName: "layout name"
            case .testMarker: "test marker"
            case .bankAccount: "bank account"
            case .paymentDate: "payment date"
            case .depositSerial: "deposit serial number"
            case .referenceCode: "reference code"
            case .channel: "payment channel code"
            case .bgcSerial: "BGC serial number"
            case .imageMarker: "image marker"
            case .deductionCode: "deduction code"
            case .organisationNumber: "organisation number"
            case .version, .timestamp, .bankgiro, .currency, .amount, .count: rawValue
            }
        }
    }

    /// Records of other kinds that must be in a section's order.
    public enum Context: String, Sendable, Equatable {
        /// The first record must be TK01 BGMAX.
        case start
        /// TK20/TK21/TK15 outside a section (before its TK05).
        case outsideSection
        /// TK22–TK29 without a payment before them.
        case withoutPayment
        /// TK05 or TK70 while a section is open (its TK15 is missing).
        case sectionNotClosed
        /// Anything after TK70.
        case afterEnd
    }

    case empty
    /// The file does not start with a BgMax start record.
    case notBgMax
    /// Longer than 80 characters.
    case lineTooLong(line: Int, length: Int)
    /// A field does not hold what the layout says it must.
    case invalidField(line: Int, code: String, field: Field)
    case unexpectedRecord(line: Int, code: String, context: Context)
    /// No TK70 at the end.
    case missingEndRecord
    /// TK70 states other counts than the file holds.
    case countMismatch(line: Int, field: CountField, stated: Int, found: Int)
    /// A TK15's amount or number of payments differs from its section's payments.
    case depositMismatch(line: Int, statedOre: Int64, foundOre: Int64, statedCount: Int, foundCount: Int)

    public enum CountField: String, Sendable, Equatable {
        case payments, deductions, extraReferences, deposits
    }

    /// English, for the command line and logs; the pages say it in the user's language.
    public var description: String {
        switch self {
        case .empty: "the file is empty"
        case .notBgMax: "line 1: not a BgMax file (it must start with a TK01 record of layout BGMAX)"
        case .lineTooLong(let line, let length): "line \(line): \(length) characters, a record has 80"
        case .invalidField(let line, let code, let field): "line \(line): TK\(code) has an invalid \(field.words)"
        case .unexpectedRecord(let line, let code, let context):
            switch context {
            case .start: "line \(line): TK\(code) where the TK01 start record must be"
            case .outsideSection: "line \(line): TK\(code) outside a section (no TK05 opening record before it)"
            case .withoutPayment: "line \(line): TK\(code) without a TK20 or TK21 payment before it"
            case .sectionNotClosed: "line \(line): TK\(code) before the open section's TK15 deposit record"
            case .afterEnd: "line \(line): TK\(code) after the TK70 end record"
            }
        case .missingEndRecord: "the TK70 end record is missing (the file may be cut short)"
        case .countMismatch(let line, let field, let stated, let found):
            "line \(line): TK70 says \(stated) \(field.rawValue), the file holds \(found)"
        case .depositMismatch(let line, let statedOre, let foundOre, let statedCount, let foundCount):
            "line \(line): TK15 says \(statedCount) payments of \(Money(ore: statedOre).formatted(.en)) in all, "
                + "the section holds \(foundCount) of \(Money(ore: foundOre).formatted(.en))"
        }
    }
}

/// One record: its line number and its 80 characters (ISO-8859-1: one byte, one character).
struct BgMaxRecord {
    let line: Int
    let code: String
    private let text: [Character]

    init(line: Int, bytes: ArraySlice<UInt8>) throws(BgMaxError) {
        self.line = line
        guard bytes.count <= 80 else { throw .lineTooLong(line: line, length: bytes.count) }
        var text = bytes.map { Character(Unicode.Scalar($0)) }
        text += Array(repeating: " ", count: 80 - text.count)
        self.text = text
        code = String(text[0..<2])
        guard code.allSatisfy(\.isASCIIDigit) else {
            throw .invalidField(line: line, code: code, field: .transactionCode)
        }
    }

    /// Positions `from`–`to` as the manual numbers them (from 1, inclusive).
    func text(_ from: Int, _ to: Int) -> String { String(text[(from - 1)..<to]) }

    /// The field without its padding.
    func trimmed(_ from: Int, _ to: Int) -> String {
        String(text[(from - 1)..<to]).trimmingSpaces
    }

    /// A numeric field (digits only, zero-padded).
    func number(_ from: Int, _ to: Int, _ field: BgMaxError.Field) throws(BgMaxError) -> Int64 {
        let digits = text(from, to)
        guard digits.allSatisfy(\.isASCIIDigit), let value = Int64(digits) else {
            throw .invalidField(line: line, code: code, field: field)
        }
        return value
    }

    /// A number field that may be blank.
    func digits(_ from: Int, _ to: Int, _ field: BgMaxError.Field) throws(BgMaxError) -> String {
        let value = trimmed(from, to)
        guard value.allSatisfy(\.isASCIIDigit) else { throw .invalidField(line: line, code: code, field: field) }
        let stripped = value.drop { $0 == "0" }
        return String(stripped)
    }
}

extension String {
    var trimmingSpaces: String {
        var view = Substring(self)
        while view.first == " " { view = view.dropFirst() }
        while view.last == " " { view = view.dropLast() }
        return String(view)
    }
}

/// The file's grammar as a small state machine: start → (section)+ → end.
struct BgMaxParser {
    private var header: BgMaxFile.Header?
    private var sections: [BgMaxFile.Section] = []
    private var open: (line: Int, bankgiro: String, currency: String)?
    private var payments: [BgMaxFile.Payment] = []
    private var counts: (line: Int, counts: BgMaxFile.Counts)?

    mutating func read(_ record: BgMaxRecord) throws(BgMaxError) {
        let line = record.line
        let code = record.code
        guard counts == nil else { throw .unexpectedRecord(line: line, code: code, context: .afterEnd) }
        guard header != nil else {
            guard code == "01", record.trimmed(3, 22) == "BGMAX" else {
                throw line == 1 ? .notBgMax : .unexpectedRecord(line: line, code: code, context: .start)
            }
            header = try Self.start(record)
            return
        }
        switch code {
        case "05":
            guard open == nil else { throw .unexpectedRecord(line: line, code: code, context: .sectionNotClosed) }
            let currency = record.trimmed(23, 25)
            guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw .invalidField(line: line, code: code, field: .currency)
            }
            let bankgiro = try record.digits(3, 12, .bankgiro)
            guard !bankgiro.isEmpty else { throw .invalidField(line: line, code: code, field: .bankgiro) }
            open = (line, bankgiro, currency)
            payments = []
        case "20", "21":
            guard open != nil else { throw .unexpectedRecord(line: line, code: code, context: .outsideSection) }
            payments.append(try Self.payment(record))
        case "22", "23":
            guard open != nil, var payment = payments.popLast() else {
                throw .unexpectedRecord(line: line, code: code, context: .withoutPayment)
            }
            let amount = try record.number(38, 55, .amount)
            payment.extraReferences.append(
                BgMaxFile.ExtraReference(
                    reference: record.trimmed(13, 37), amount: Money(ore: code == "23" ? -amount : amount),
                    referenceCode: Int(try record.number(56, 56, .referenceCode))))
            payments.append(payment)
        case "25", "26", "27", "28", "29":
            guard open != nil, var payment = payments.popLast() else {
                throw .unexpectedRecord(line: line, code: code, context: .withoutPayment)
            }
            switch code {
            case "25": payment.information.append(record.trimmed(3, 52))
            case "26":
                payment.name = record.trimmed(3, 37)
                payment.extraName = record.trimmed(38, 72)
            case "27":
                payment.address = record.trimmed(3, 37)
                payment.postalCode = record.trimmed(38, 46)
            case "28":
                payment.city = record.trimmed(3, 37)
                payment.country = record.trimmed(38, 72)
                payment.countryCode = record.trimmed(73, 74)
            default:
                let number = record.trimmed(3, 14)
                guard number.allSatisfy(\.isASCIIDigit) else {
                    throw .invalidField(line: line, code: code, field: .organisationNumber)
                }
                payment.organisationNumber = number
            }
            payments.append(payment)
        case "15":
            guard let opened = open else {
                throw .unexpectedRecord(line: line, code: code, context: .outsideSection)
            }
            sections.append(try Self.deposit(record, opened: opened, payments: payments))
            open = nil
            payments = []
        case "70":
            guard open == nil else { throw .unexpectedRecord(line: line, code: code, context: .sectionNotClosed) }
            counts = (
                line,
                BgMaxFile.Counts(
                    payments: Int(try record.number(3, 10, .count)), deductions: Int(try record.number(11, 18, .count)),
                    extraReferences: Int(try record.number(19, 26, .count)),
                    deposits: Int(try record.number(27, 34, .count)))
            )
        case "01": throw .unexpectedRecord(line: line, code: code, context: .afterEnd)
        default:
            // The manual: a record of a transaction code one does not know is skipped.
            break
        }
    }

    func finish(lines: Int) throws(BgMaxError) -> BgMaxFile {
        guard let header else { throw lines == 0 ? .empty : .notBgMax }
        guard let (line, stated) = counts else { throw .missingEndRecord }
        let entries = sections.flatMap(\.payments)
        let found = BgMaxFile.Counts(
            payments: entries.count { $0.kind == .payment }, deductions: entries.count { $0.kind != .payment },
            extraReferences: entries.reduce(0) { $0 + $1.extraReferences.count }, deposits: sections.count)
        for (field, path) in [
            (BgMaxError.CountField.payments, \BgMaxFile.Counts.payments), (.deductions, \.deductions),
            (.extraReferences, \.extraReferences), (.deposits, \.deposits),
        ] where stated[keyPath: path] != found[keyPath: path] {
            throw .countMismatch(line: line, field: field, stated: stated[keyPath: path], found: found[keyPath: path])
        }
        return BgMaxFile(header: header, sections: sections, counts: stated)
    }

    static func start(_ record: BgMaxRecord) throws(BgMaxError) -> BgMaxFile.Header {
        let version = try record.number(23, 24, .version)
        let timestamp = record.text(25, 44)
        guard timestamp.allSatisfy(\.isASCIIDigit),
            (try? CalendarDate(
                iso: "\(timestamp.prefix(4))-\(timestamp.dropFirst(4).prefix(2))-\(timestamp.dropFirst(6).prefix(2))"))
                != nil
        else { throw .invalidField(line: record.line, code: record.code, field: .timestamp) }
        let marker = record.text(45, 45)
        guard marker == "P" || marker == "T" else {
            throw .invalidField(line: record.line, code: record.code, field: .testMarker)
        }
        return BgMaxFile.Header(
            layoutName: record.trimmed(3, 22), version: Int(version), writtenAt: timestamp, isTest: marker == "T")
    }

    static func payment(_ record: BgMaxRecord) throws(BgMaxError) -> BgMaxFile.Payment {
        // In the layout's order, so the first wrong field is the one named.
        let sender = try record.digits(3, 12, .bankgiro)
        let amount = try record.number(38, 55, .amount)
        let referenceCode = try record.number(56, 56, .referenceCode)
        let channel = try record.number(57, 57, .channel)
        let serial = record.text(58, 69)
        guard serial.allSatisfy(\.isASCIIDigit) else {
            throw .invalidField(line: record.line, code: record.code, field: .bgcSerial)
        }
        let image = try record.number(70, 70, .imageMarker)
        let kind: BgMaxFile.Payment.Kind =
            record.code == "21" ? .deduction(code: Int(try record.number(71, 71, .deductionCode))) : .payment
        return BgMaxFile.Payment(
            kind: kind, line: record.line, senderBankgiro: sender, reference: record.trimmed(13, 37),
            amount: Money(ore: amount), referenceCode: Int(referenceCode), channel: Int(channel), bgcSerial: serial,
            hasImage: image == 1)
    }

    static func deposit(
        _ record: BgMaxRecord, opened: (line: Int, bankgiro: String, currency: String), payments: [BgMaxFile.Payment]
    ) throws(BgMaxError) -> BgMaxFile.Section {
        let date = record.text(38, 45)
        guard date.allSatisfy(\.isASCIIDigit),
            let day = try? CalendarDate(iso: "\(date.prefix(4))-\(date.dropFirst(4).prefix(2))-\(date.suffix(2))")
        else { throw .invalidField(line: record.line, code: record.code, field: .paymentDate) }
        let amount = try record.number(51, 68, .amount)
        let count = Int(try record.number(72, 79, .count))
        let found = payments.reduce(Int64(0)) { $0 + ($1.kind == .payment ? $1.amount.ore : -$1.amount.ore) }
        guard amount == found, count == payments.count else {
            throw .depositMismatch(
                line: record.line, statedOre: amount, foundOre: found, statedCount: count, foundCount: payments.count)
        }
        return BgMaxFile.Section(
            receivingBankgiro: opened.bankgiro, currency: opened.currency,
            bankAccount: try record.digits(3, 37, .bankAccount), paymentDate: day,
            depositSerial: Int(try record.number(46, 50, .depositSerial)), depositAmount: Money(ore: amount),
            payments: payments)
    }
}
