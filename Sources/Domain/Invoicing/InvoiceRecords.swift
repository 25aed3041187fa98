public import Foundation

/// An invoice as the pages and the command show it.
public struct InvoiceSummary: Sendable, Equatable {
    public let id: Int64
    public let kind: InvoiceDocument.Kind
    public let state: String
    public let number: String?
    public let customerID: Int64
    public let customerName: String
    public let bookingID: Int64?
    public let bookingNumber: String?
    public let issueDate: CalendarDate?
    public let dueDate: CalendarDate?
    public let ocr: String?
    public let payable: Money?
    public let createdAt: Date
    /// The sum of the payments registered against it.
    public let paid: Money
    /// What its issued credit notes have taken back (their amounts to pay).
    public let creditedAmount: Money
    public let purpose: InvoicePurpose

    public init(
        id: Int64, kind: InvoiceDocument.Kind, state: String, number: String?, customerID: Int64, customerName: String,
        bookingID: Int64?, bookingNumber: String?, issueDate: CalendarDate?, dueDate: CalendarDate?, ocr: String?,
        payable: Money?, createdAt: Date, paid: Money = .zero, creditedAmount: Money = .zero,
        purpose: InvoicePurpose = .full
    ) {
        self.paid = paid
        self.creditedAmount = creditedAmount
        self.purpose = purpose
        self.id = id
        self.kind = kind
        self.state = state
        self.number = number
        self.customerID = customerID
        self.customerName = customerName
        self.bookingID = bookingID
        self.bookingNumber = bookingNumber
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.ocr = ocr
        self.payable = payable
        self.createdAt = createdAt
    }

    /// Credit notes have taken back all of it.
    public var credited: Bool { payable.map { creditedAmount.ore > 0 && creditedAmount >= $0 } ?? false }

    /// What the customer owes after its credit notes (before payments).
    public var due: Money? { payable.map { Money(ore: $0.ore - creditedAmount.ore) } }

    /// Where it stands today.
    public func status(today: CalendarDate) -> InvoiceStatus {
        InvoiceStatus.of(
            state: state, kind: kind, payable: payable, paid: paid, dueDate: dueDate, credited: creditedAmount,
            today: today)
    }
}

/// A draft as issuing reads it.
public struct InvoiceDraft: Sendable {
    public let id: Int64
    public let kind: InvoiceDocument.Kind
    public let purpose: InvoicePurpose
    public let state: String
    public let buyer: InvoiceParty
    public let lines: [InvoiceLine]
    public let allowances: [InvoiceAllowance]
    public let period: RentalPeriod?
    public let orderReference: String
    /// For a credit note: the invoice it credits, its id and (below) its number and date.
    public let creditedID: Int64?
    public let credited: (number: String, issueDate: CalendarDate)?
    /// The customer's language: the PDF's.
    public let language: Language

    /// The lines as charged: without Swedish VAT under reverse charge (a business elsewhere in
    /// the EU with its VAT number), as written otherwise.
    public var chargedLines: [InvoiceLine] {
        let reverseCharge = InvoiceRequirements.isReverseCharge(buyer)
        return lines.map { line in
            var line = line
            if reverseCharge { line.vatRate = .zero }
            return line
        }
    }

    /// The document discounts as charged (see `chargedLines`).
    public var chargedAllowances: [InvoiceAllowance] {
        let reverseCharge = InvoiceRequirements.isReverseCharge(buyer)
        return allowances.map { allowance in
            var allowance = allowance
            if reverseCharge { allowance.vatRate = .zero }
            return allowance
        }
    }

    public init(
        id: Int64, kind: InvoiceDocument.Kind, purpose: InvoicePurpose = .full, state: String, buyer: InvoiceParty,
        lines: [InvoiceLine], allowances: [InvoiceAllowance], period: RentalPeriod?, orderReference: String,
        creditedID: Int64? = nil, credited: (number: String, issueDate: CalendarDate)?, language: Language = .sv
    ) {
        self.creditedID = creditedID
        self.language = language
        self.purpose = purpose
        self.id = id
        self.kind = kind
        self.state = state
        self.buyer = buyer
        self.lines = lines
        self.allowances = allowances
        self.period = period
        self.orderReference = orderReference
        self.credited = credited
    }
}

/// The seller and the invoicing settings.
public struct InvoiceSettings: Sendable {
    public let seller: InvoiceSeller
    public let termsDays: Int
    public let roundToKronor: Bool
    public init(seller: InvoiceSeller, termsDays: Int, roundToKronor: Bool) {
        self.seller = seller
        self.termsDays = termsDays
        self.roundToKronor = roundToKronor
    }
}

/// Where an invoice stands, derived from its payments, due date and credit notes (never stored).
public enum InvoiceStatus: String, Sendable, CaseIterable {
    case draft
    case issued
    case partlyPaid = "partly_paid"
    case paid
    case overdue
    case credited

    /// A credit note is `issued` once issued. An invoice: credited (its issued credit notes take
    /// back all of it), else paid (payments reach the amount to pay less what was credited), else
    /// overdue (past its due date), else partly paid, else issued.
    public static func of(
        state: String, kind: InvoiceDocument.Kind, payable: Money?, paid: Money, dueDate: CalendarDate?,
        credited: Money, today: CalendarDate
    ) -> InvoiceStatus {
        guard state == "issued" else { return .draft }
        guard kind == .invoice, let payable else { return .issued }
        if credited.ore > 0, credited >= payable { return .credited }
        if paid.ore >= payable.ore - credited.ore { return .paid }
        if let dueDate, dueDate < today { return .overdue }
        return paid.isZero ? .issued : .partlyPaid
    }
}

/// How a payment came in.
public enum PaymentMethod: String, Sendable, CaseIterable, Codable {
    case bankgiro, transfer, swish, card, cash
    /// Offset from the customer's security deposit (a damage invoice paid with it).
    case deposit
}

/// One payment registered against an invoice.
public struct InvoicePayment: Sendable, Equatable {
    public let paidOn: CalendarDate
    public let amount: Money
    public let method: PaymentMethod
    public let reference: String
    /// `manual` or `bgmax`.
    public let source: String

    public init(paidOn: CalendarDate, amount: Money, method: PaymentMethod, reference: String, source: String) {
        self.paidOn = paidOn
        self.amount = amount
        self.method = method
        self.reference = reference
        self.source = source
    }
}
