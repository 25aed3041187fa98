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

    public init(
        id: Int64, kind: InvoiceDocument.Kind, state: String, number: String?, customerID: Int64, customerName: String,
        bookingID: Int64?, bookingNumber: String?, issueDate: CalendarDate?, dueDate: CalendarDate?, ocr: String?,
        payable: Money?, createdAt: Date
    ) {
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
}

/// A draft as issuing reads it.
public struct InvoiceDraft: Sendable {
    public let id: Int64
    public let kind: InvoiceDocument.Kind
    public let state: String
    public let buyer: InvoiceParty
    public let lines: [InvoiceLine]
    public let allowances: [InvoiceAllowance]
    public let period: RentalPeriod?
    public let orderReference: String
    public let credited: (number: String, issueDate: CalendarDate)?

    public init(
        id: Int64, kind: InvoiceDocument.Kind, state: String, buyer: InvoiceParty, lines: [InvoiceLine],
        allowances: [InvoiceAllowance], period: RentalPeriod?, orderReference: String,
        credited: (number: String, issueDate: CalendarDate)?
    ) {
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
