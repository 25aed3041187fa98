public import Foundation

/// One imported BgMax file as the pages and the command show it.
public struct PaymentImportSummary: Sendable, Equatable {
    public let id: Int64
    public let fileName: String
    public let writtenAt: String
    public let receivingBankgiro: String
    public let matched: Int
    public let unmatched: Int
    public let duplicates: Int
    /// What was booked to invoices, and what the file's payments came to (deductions not counted).
    public let matchedAmount: Money
    public let totalAmount: Money
    public let importedBy: String?
    public let importedAt: Date

    public init(
        id: Int64, fileName: String, writtenAt: String, receivingBankgiro: String, matched: Int, unmatched: Int,
        duplicates: Int, matchedAmount: Money, totalAmount: Money, importedBy: String?, importedAt: Date
    ) {
        self.id = id
        self.fileName = fileName
        self.writtenAt = writtenAt
        self.receivingBankgiro = receivingBankgiro
        self.matched = matched
        self.unmatched = unmatched
        self.duplicates = duplicates
        self.matchedAmount = matchedAmount
        self.totalAmount = totalAmount
        self.importedBy = importedBy
        self.importedAt = importedAt
    }
}

/// A payment from a file that was not booked by itself, waiting for a person.
public struct UnmatchedPayment: Sendable, Equatable {
    public enum Kind: String, Sendable { case payment, deduction }
    public enum State: String, Sendable { case open, resolved, ignored }

    public let id: Int64
    public let importID: Int64
    public let kind: Kind
    public let reason: PaymentImportRules.Unmatched
    public let paidOn: CalendarDate
    public let amount: Money
    public let reference: String
    public let extraReferences: String
    public let senderName: String
    public let senderBankgiro: String
    public let information: String
    public let bgcSerial: String
    public let state: State
    public let invoiceNumber: String?
    public let ignoreReason: String?

    public init(
        id: Int64, importID: Int64, kind: Kind, reason: PaymentImportRules.Unmatched, paidOn: CalendarDate,
        amount: Money, reference: String, extraReferences: String, senderName: String, senderBankgiro: String,
        information: String, bgcSerial: String, state: State, invoiceNumber: String?, ignoreReason: String?
    ) {
        self.id = id
        self.importID = importID
        self.kind = kind
        self.reason = reason
        self.paidOn = paidOn
        self.amount = amount
        self.reference = reference
        self.extraReferences = extraReferences
        self.senderName = senderName
        self.senderBankgiro = senderBankgiro
        self.information = information
        self.bgcSerial = bgcSerial
        self.state = state
        self.invoiceNumber = invoiceNumber
        self.ignoreReason = ignoreReason
    }
}

/// What an import decides, without the database: whether a file is ours to book, and where each
/// payment goes.
public enum PaymentImportRules {
    /// Why a file is not booked at all.
    public enum Refusal: Sendable, Equatable, CustomStringConvertible {
        /// The settings have no bankgiro, so no file can be checked against it.
        case noBankgiro
        /// A section is for another bankgiro than the settings' (digits, as in the file).
        case otherBankgiro(file: String, settings: String)
        /// A file from Bankgirot's test period (TK01 marked T).
        case testFile
        /// Not in kronor.
        case currency(String)

        /// English, for the command line; the pages say it in the user's language.
        public var description: String {
            switch self {
            case .noBankgiro: "the settings have no bankgiro number to check the file against"
            case .otherBankgiro(let file, let settings):
                "the file is for bankgiro \(file), the company's is \(settings): not imported"
            case .testFile: "the file is marked as a test file (T) from Bankgirot: not imported"
            case .currency(let currency): "the file's payments are in \(currency), not SEK: not imported"
            }
        }
    }

    /// Why a payment waits in the queue.
    public enum Unmatched: String, Sendable, CaseIterable {
        /// Not an OCR reference (wrong check digit or length digit, or no reference).
        case invalidReference = "invalid_reference"
        /// A valid OCR reference that no issued invoice has.
        case unknownReference = "unknown_reference"
        /// The invoice is credited: money for it is a question for a person.
        case credited
        /// TK22/TK23 name more invoices than one: split by hand.
        case severalReferences = "several_references"
        /// A TK21 deduction: a sum the payer took off the deposit (a credit, say), not a payment.
        case deduction
        case zeroAmount = "zero_amount"
        /// Dated in a locked bookkeeping period: booking it would change exported books.
        case lockedPeriod = "locked_period"
    }

    /// An issued invoice found by an OCR reference.
    public struct Invoice: Sendable, Equatable {
        public let id: Int64
        public let credited: Bool
        public init(id: Int64, credited: Bool) {
            self.id = id
            self.credited = credited
        }
    }

    public enum Decision: Sendable, Equatable {
        case book(invoiceID: Int64, ocr: OCRReference)
        case queue(Unmatched)
    }

    /// The file is booked only when it is a production file in kronor for the settings' bankgiro.
    public static func refusal(_ file: BgMaxFile, bankgiro: String) -> Refusal? {
        let ours = digits(bankgiro)
        guard !ours.isEmpty else { return .noBankgiro }
        if file.header.isTest { return .testFile }
        for section in file.sections {
            if section.receivingBankgiro != ours {
                return .otherBankgiro(file: section.receivingBankgiro, settings: ours)
            }
            if section.currency != "SEK" { return .currency(section.currency) }
        }
        return nil
    }

    /// A bankgiro number as BgMax writes it: digits, without leading zeros (`5050-1055` → `50501055`).
    public static func digits(_ bankgiro: String) -> String {
        String(bankgiro.filter(\.isASCIIDigit).drop { $0 == "0" })
    }

    /// The OCR reference a payment is matched by, if it has one (spaces allowed, as payers type).
    public static func ocr(_ payment: BgMaxFile.Payment) -> OCRReference? {
        OCRReference(parsing: payment.reference)
    }

    /// Where a payment goes, given the issued invoice its OCR reference names (if any). Deductions
    /// and payments naming several invoices always wait for a person; over-payments are booked as
    /// they are (the invoice's status shows them).
    public static func decide(_ payment: BgMaxFile.Payment, invoice: Invoice?) -> Decision {
        if payment.kind != .payment { return .queue(.deduction) }
        if payment.amount.ore <= 0 { return .queue(.zeroAmount) }
        if !payment.extraReferences.isEmpty { return .queue(.severalReferences) }
        guard let ocr = ocr(payment) else { return .queue(.invalidReference) }
        guard let invoice else { return .queue(.unknownReference) }
        if invoice.credited { return .queue(.credited) }
        return .book(invoiceID: invoice.id, ocr: ocr)
    }

    /// Bankgirot's identity of a payment: the same payment in two files has the same key.
    public static func key(_ payment: BgMaxFile.Payment, in section: BgMaxFile.Section) -> String {
        "\(section.receivingBankgiro)/\(section.paymentDate.iso)/\(payment.bgcSerial)"
    }
}
