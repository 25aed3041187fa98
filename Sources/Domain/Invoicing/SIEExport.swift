/// The bookkeeping of issued invoices, credit notes and payments as an SIE 4I file ("SIE
/// filformat utgåva 4B"): one voucher per document in series A (its sequence as the voucher
/// number), one per payment in series B, accounts from the BAS chart as the company maps them
/// (`BASMapping`, edited on the bookkeeping page), CP437 text with CRLF line ends and a `#KSUMMA`
/// CRC-32, so an accounting program imports it as it is.
public enum SIEExport {
    /// An issued invoice or credit note as the bookkeeping sees it.
    public struct Document: Sendable, Equatable {
        public let number: String
        public let sequence: Int
        public let isCreditNote: Bool
        public let issueDate: CalendarDate
        public let customerName: String
        public let reverseCharge: Bool
        /// Per VAT rate: the taxable amount and the VAT.
        public let rates: [(rate: VATRate, taxable: Money, vat: Money)]
        public let rounding: Money
        public let payable: Money
        /// A security deposit: its amount is a liability, not revenue.
        public let isSecurityDeposit: Bool

        public init(
            number: String, sequence: Int, isCreditNote: Bool, issueDate: CalendarDate, customerName: String,
            reverseCharge: Bool, rates: [(rate: VATRate, taxable: Money, vat: Money)], rounding: Money, payable: Money,
            isSecurityDeposit: Bool = false
        ) {
            self.isSecurityDeposit = isSecurityDeposit
            self.number = number
            self.sequence = sequence
            self.isCreditNote = isCreditNote
            self.issueDate = issueDate
            self.customerName = customerName
            self.reverseCharge = reverseCharge
            self.rates = rates
            self.rounding = rounding
            self.payable = payable
        }

        public static func == (lhs: Document, rhs: Document) -> Bool { lhs.number == rhs.number }
    }

    /// A payment received against an invoice.
    public struct Payment: Sendable, Equatable {
        public let paidOn: CalendarDate
        public let amount: Money
        public let invoiceNumber: String
        public let reference: String
        /// Paid from the customer's security deposit: the deposits' liability, not the bank.
        public let fromSecurityDeposit: Bool
        /// Its voucher number in series B (the payment's own id, so every export numbers it the
        /// same), or nil to number the period's payments from 1.
        public let voucherNumber: Int?

        public init(
            paidOn: CalendarDate, amount: Money, invoiceNumber: String, reference: String,
            fromSecurityDeposit: Bool = false, voucherNumber: Int? = nil
        ) {
            self.voucherNumber = voucherNumber
            self.fromSecurityDeposit = fromSecurityDeposit
            self.paidOn = paidOn
            self.amount = amount
            self.invoiceNumber = invoiceNumber
            self.reference = reference
        }
    }

    public struct Voucher: Sendable, Equatable {
        public let series: String
        public let number: Int
        public let date: CalendarDate
        public let text: String
        public let rows: [Row]

        public struct Row: Sendable, Equatable {
            public let account: Int
            public let amount: Money
        }
    }

    /// A document's voucher: the receivable against revenue and VAT per rate and the rounding; a
    /// credit note the same with every sign turned.
    public static func voucher(_ document: Document, mapping: BASMapping) -> Voucher {
        let sign: Int64 = document.isCreditNote ? -1 : 1
        var rows = [
            Voucher.Row(account: mapping[.receivables].number, amount: Money(ore: sign * document.payable.ore))
        ]
        for rate in document.rates {
            // A security deposit is a liability, not revenue.
            let revenue =
                document.isSecurityDeposit
                ? mapping[.securityDeposits] : mapping.revenue(rate.rate, reverseCharge: document.reverseCharge)
            rows.append(Voucher.Row(account: revenue.number, amount: Money(ore: -sign * rate.taxable.ore)))
            if let vat = mapping.vat(rate.rate), !rate.vat.isZero {
                rows.append(Voucher.Row(account: vat.number, amount: Money(ore: -sign * rate.vat.ore)))
            }
        }
        if !document.rounding.isZero {
            rows.append(
                Voucher.Row(account: mapping[.rounding].number, amount: Money(ore: -sign * document.rounding.ore)))
        }
        let kind = document.isCreditNote ? "Kreditfaktura" : "Faktura"
        return Voucher(
            series: "A", number: document.sequence, date: document.issueDate,
            text: "\(kind) \(document.number) \(document.customerName)", rows: rows)
    }

    public static func voucher(_ payment: Payment, number: Int, mapping: BASMapping) -> Voucher {
        Voucher(
            series: "B", number: number, date: payment.paidOn,
            text: "Inbetalning faktura \(payment.invoiceNumber)"
                + (payment.reference.isEmpty ? "" : " ref \(payment.reference)"),
            rows: [
                Voucher.Row(
                    account: mapping[payment.fromSecurityDeposit ? .securityDeposits : .bank].number,
                    amount: payment.amount),
                Voucher.Row(account: mapping[.receivables].number, amount: Money(ore: -payment.amount.ore)),
            ])
    }

    /// A reminder's charges: the receivable grows by the fee and förseningsersättning (reminder
    /// fees) and the late interest (interest income).
    public struct Reminder: Sendable, Equatable {
        public let remindedOn: CalendarDate
        public let invoiceNumber: String
        public let sequence: Int
        public let fees: Money
        public let interest: Money
        /// Its voucher number in series C (the reminder's id), or nil to number from 1.
        public let voucherNumber: Int?

        public init(
            remindedOn: CalendarDate, invoiceNumber: String, sequence: Int, fees: Money, interest: Money,
            voucherNumber: Int? = nil
        ) {
            self.voucherNumber = voucherNumber
            self.remindedOn = remindedOn
            self.invoiceNumber = invoiceNumber
            self.sequence = sequence
            self.fees = fees
            self.interest = interest
        }
    }

    public static func voucher(_ reminder: Reminder, number: Int, mapping: BASMapping) -> Voucher {
        var rows = [
            Voucher.Row(
                account: mapping[.receivables].number, amount: Money(ore: reminder.fees.ore + reminder.interest.ore))
        ]
        if !reminder.fees.isZero {
            rows.append(Voucher.Row(account: mapping[.reminderFees].number, amount: Money(ore: -reminder.fees.ore)))
        }
        if !reminder.interest.isZero {
            rows.append(Voucher.Row(account: mapping[.lateInterest].number, amount: Money(ore: -reminder.interest.ore)))
        }
        return Voucher(
            series: "C", number: number, date: reminder.remindedOn,
            text: "Påminnelse \(reminder.sequence) faktura \(reminder.invoiceNumber)", rows: rows)
    }

    /// Every voucher of the period: the documents' (series A, their sequence), the payments'
    /// (series B) and the reminders' (series C), each numbered by its own id when given, so
    /// consecutive exports never repeat a voucher number in a series.
    public static func vouchers(
        documents: [Document], payments: [Payment], reminders: [Reminder] = [], mapping: BASMapping
    ) -> [Voucher] {
        documents.map { voucher($0, mapping: mapping) }
            + payments.enumerated().map {
                voucher($0.element, number: $0.element.voucherNumber ?? $0.offset + 1, mapping: mapping)
            }
            + reminders.enumerated().map {
                voucher($0.element, number: $0.element.voucherNumber ?? $0.offset + 1, mapping: mapping)
            }
    }

    /// The file: CP437 bytes, CRLF line ends, `#KSUMMA` over everything between its two lines.
    public static func file(
        companyName: String, organisationNumber: String, generated: CalendarDate, fiscalYear: RentalPeriod,
        documents: [Document], payments: [Payment], reminders: [Reminder] = [], mapping: BASMapping = .standard
    ) -> [UInt8] {
        let vouchers = vouchers(documents: documents, payments: payments, reminders: reminders, mapping: mapping)
        var used = Set<Int>()
        for voucher in vouchers { for row in voucher.rows { used.insert(row.account) } }
        var records: [(label: String, fields: [Field])] = [
            ("#PROGRAM", [.quoted("EventGaraget"), .plain("1.0")]),
            ("#FORMAT", [.plain("PC8")]),
            ("#GEN", [.plain(compact(generated))]),
            ("#SIETYP", [.plain("4")]),
            ("#ORGNR", [.plain(organisationNumber)]),
            ("#FNAMN", [.quoted(companyName)]),
            ("#RAR", [.plain("0"), .plain(compact(fiscalYear.start)), .plain(compact(fiscalYear.end))]),
            ("#KPTYP", [.plain("BAS2024")]),
            ("#VALUTA", [.plain("SEK")]),
        ]
        for account in used.sorted() {
            records.append(
                ("#KONTO", [.plain(String(account)), .quoted(mapping.name(of: account) ?? String(account))]))
        }
        var lines: [String] = ["#FLAGGA 0", "#KSUMMA"]
        // The checksum covers each record's label and field contents, run together (CRC-32, as
        // the PNG logo check uses it).
        var checksummed: [UInt8] = []
        func add(_ label: String, _ fields: [Field]) {
            lines.append(([label] + fields.map(\.written)).joined(separator: " "))
            checksummed += cp437(label + fields.map(\.content).joined())
        }
        for record in records { add(record.label, record.fields) }
        for voucher in vouchers {
            add(
                "#VER",
                [
                    .plain(voucher.series), .plain(String(voucher.number)), .plain(compact(voucher.date)),
                    .quoted(voucher.text),
                ])
            lines.append("{")
            for row in voucher.rows {
                add("#TRANS", [.plain(String(row.account)), .objects, .plain(decimal(row.amount))])
            }
            lines.append("}")
        }
        lines.append("#KSUMMA \(CRC32.checksum(checksummed))")
        return cp437(lines.joined(separator: "\r\n") + "\r\n")
    }

    enum Field {
        case plain(String)
        case quoted(String)
        /// An empty object list `{}`.
        case objects

        var written: String {
            switch self {
            case .plain(let text): text
            case .quoted(let text):
                "\"" + text.replacingQuotes + "\""
            case .objects: "{}"
            }
        }

        /// What the checksum covers: the content, without quotes or braces.
        var content: String {
            switch self {
            case .plain(let text): text
            case .quoted(let text): text.replacingQuotes
            case .objects: ""
            }
        }
    }

    static func compact(_ date: CalendarDate) -> String { date.iso.filter { $0 != "-" } }

    /// `1234.50`, `-0.19`.
    public static func decimal(_ money: Money) -> String { XMLText.decimal(money) }

    /// Code page 437: ASCII as it is, the Nordic and other Latin letters it has, `?` otherwise.
    static func cp437(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(scalar.value >= 0x20 || scalar == "\r" || scalar == "\n" ? UInt8(scalar.value) : 0x20)
            } else {
                bytes.append(cp437High[scalar] ?? UInt8(ascii: "?"))
            }
        }
        return bytes
    }

    static let cp437High: [Unicode.Scalar: UInt8] = [
        "Ç": 0x80, "ü": 0x81, "é": 0x82, "â": 0x83, "ä": 0x84, "à": 0x85, "å": 0x86, "ç": 0x87, "ê": 0x88,
        "ë": 0x89, "è": 0x8A, "ï": 0x8B, "î": 0x8C, "ì": 0x8D, "Ä": 0x8E, "Å": 0x8F, "É": 0x90, "æ": 0x91,
        "Æ": 0x92, "ô": 0x93, "ö": 0x94, "ò": 0x95, "û": 0x96, "ù": 0x97, "ÿ": 0x98, "Ö": 0x99, "Ü": 0x9A,
        "¢": 0x9B, "£": 0x9C, "¥": 0x9D, "á": 0xA0, "í": 0xA1, "ó": 0xA2, "ú": 0xA3, "ñ": 0xA4, "Ñ": 0xA5,
        "§": 0x15, "–": 0x2D, "—": 0x2D, "’": 0x27, "“": 0x22, "”": 0x22, "\u{A0}": 0x20,
    ]
}

extension String {
    /// SIE quotes a `"` inside a quoted field with a backslash.
    /// (A line break in a text would end the record: it becomes a space.)
    fileprivate var replacingQuotes: String {
        var out = ""
        for character in self {
            out += character == "\"" ? "\\\"" : character.isNewline ? " " : String(character)
        }
        return out
    }
}
