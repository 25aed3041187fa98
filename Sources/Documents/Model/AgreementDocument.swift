public import Domain

/// Everything the signed agreement PDF shows, already in display form.
///
/// The caller formats money, dates and numbers (`"1 234,50 kr"`, `"12–14 juni 2026"`), so rendering
/// is a pure function of this value: the same document gives the same pages. Plain strings only;
/// control characters are shown as spaces and a `"\n"` starts a new line.
public struct AgreementDocument: Sendable, Equatable {
    /// The language of the labels the renderer adds ("Kund", "Sida 1 av 2"); the caller's strings are shown as given.
    public var language: Language
    public var company: CompanyProfile
    /// The heading, e.g. "Hyresavtal".
    public var title: String
    /// `Q-YYYY-NNNN`.
    public var quotationNumber: String
    public var quotationVersion: Int
    /// `EG-YYYY-NNNN`; `nil` when the agreement is rendered before a booking exists.
    public var bookingNumber: String?
    /// The customer block, one entry per line: name, company, organisation number, address, email, phone.
    public var customerLines: [String]
    /// The rental period as the caller shows it.
    public var rentalPeriod: String
    /// The delivery address, one entry per line; empty means none (shown as a dash).
    public var deliveryAddress: [String]
    public var lines: [AgreementLine]
    /// Lines excluding VAT, discount, shipping, VAT, total: in the order they are shown.
    public var totals: [AgreementTotal]
    /// The terms as the signing page showed them (`Sanitizer.RichTextReader` reads them).
    public var terms: [RichBlock]
    public var signature: Signature
    public var evidence: SigningEvidence
    /// False for the offer as sent (the customer's "unsigned PDF"): no signature or evidence section.
    public var isSigned = true
    /// The quotation's customer-visible custom fields as frozen into the version, under the parties.
    public var customFields: [AgreementField] = []

    public init(
        language: Language, company: CompanyProfile, title: String, quotationNumber: String, quotationVersion: Int,
        bookingNumber: String?, customerLines: [String], rentalPeriod: String, deliveryAddress: [String],
        lines: [AgreementLine], totals: [AgreementTotal], terms: [RichBlock], signature: Signature,
        evidence: SigningEvidence
    ) {
        self.language = language
        self.company = company
        self.title = title
        self.quotationNumber = quotationNumber
        self.quotationVersion = quotationVersion
        self.bookingNumber = bookingNumber
        self.customerLines = customerLines
        self.rentalPeriod = rentalPeriod
        self.deliveryAddress = deliveryAddress
        self.lines = lines
        self.totals = totals
        self.terms = terms
        self.signature = signature
        self.evidence = evidence
    }
}

/// One row of the lines table; every cell already formatted.
public struct AgreementLine: Sendable, Equatable {
    public var name: String
    public var quantity: String
    /// Rental days; empty for items priced per rental.
    public var days: String
    public var unitPrice: String
    public var lineTotal: String

    public init(name: String, quantity: String, days: String, unitPrice: String, lineTotal: String) {
        self.name = name
        self.quantity = quantity
        self.days = days
        self.unitPrice = unitPrice
        self.lineTotal = lineTotal
    }
}

/// One row under the table ("Moms 25 %", "625,00 kr"). `emphasised` rows (the total) are bold with a rule above.
public struct AgreementTotal: Sendable, Equatable {
    public var label: String
    public var amount: String
    public var emphasised: Bool

    public init(label: String, amount: String, emphasised: Bool = false) {
        self.label = label
        self.amount = amount
        self.emphasised = emphasised
    }
}

/// A custom field shown on the agreement: its label and its value as text.
public struct AgreementField: Sendable, Equatable {
    public var label: String
    public var value: String

    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}
