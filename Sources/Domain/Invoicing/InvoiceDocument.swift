/// A party on an invoice, frozen when the invoice is issued.
public struct InvoiceParty: Sendable, Hashable, Codable {
    /// The name the party trades under (the company, or the person).
    public var name: String
    /// The registered name (a company's legal name; a person's name).
    public var legalName: String
    public var isCompany: Bool
    /// Swedish `NNNNNN-NNNN`, or empty.
    public var organisationNumber: String
    /// `SE…01` or another EU VAT number, or empty.
    public var vatNumber: String
    public var address: PostalAddress
    public var email: String
    public var phone: String
    /// The buyer's contact person (BT-10 / BT-56), or empty.
    public var contact: String
    /// The buyer's Peppol participant id (`0007:5567890123`) from the customer, when set (BT-49);
    /// nil on documents from before it existed.
    public var peppolID: String?

    public init(
        name: String, legalName: String, isCompany: Bool, organisationNumber: String = "", vatNumber: String = "",
        address: PostalAddress, email: String = "", phone: String = "", contact: String = ""
    ) {
        self.name = name
        self.legalName = legalName
        self.isCompany = isCompany
        self.organisationNumber = organisationNumber
        self.vatNumber = vatNumber
        self.address = address
        self.email = email
        self.phone = phone
        self.contact = contact
    }

    /// A Swedish organisation number's ten digits when its last is the right Luhn check digit
    /// (Peppol's PEPPOL-COMMON-R049 refuses any other), or nil.
    public var organisationDigits: String? {
        SwedishRegistration.isValidOrganisationNumber(organisationNumber)
            ? organisationNumber.filter(\.isASCIIDigit) : nil
    }
}

/// The seller: the company from the settings, with what Swedish invoices must say about it.
public struct InvoiceSeller: Sendable, Hashable, Codable {
    public var party: InvoiceParty
    /// "Godkänd för F-skatt".
    public var approvedForFTax: Bool
    /// The registered seat of an AB ("Säte: Göteborg"), or empty.
    public var registeredSeat: String
    /// `NNN-NNNN` or `NNNN-NNNN`, or empty.
    public var bankgiro: String
    /// `NNNNNNN-N`, an IBAN and its BIC, when the settings have them (nil on documents issued
    /// before they existed).
    public var plusgiro: String?
    public var iban: String?
    public var bic: String?

    public init(
        party: InvoiceParty, approvedForFTax: Bool, registeredSeat: String, bankgiro: String, plusgiro: String? = nil,
        iban: String? = nil, bic: String? = nil
    ) {
        self.plusgiro = plusgiro
        self.iban = iban
        self.bic = bic
        self.party = party
        self.approvedForFTax = approvedForFTax
        self.registeredSeat = registeredSeat
        self.bankgiro = bankgiro
    }
}

/// The company's logo for the invoice PDF: the settings' PNG or JPEG with its size in pixels.
public struct InvoiceLogo: Sendable, Hashable {
    public let bytes: [UInt8]
    public let isJPEG: Bool
    public let width: Int
    public let height: Int

    public init(bytes: [UInt8], isJPEG: Bool, width: Int, height: Int) {
        self.bytes = bytes
        self.isJPEG = isJPEG
        self.width = width
        self.height = height
    }
}

/// An issued invoice or credit note, everything its UBL, PDF and bookkeeping are made from.
public struct InvoiceDocument: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case invoice
        /// A credit note (ändringsfaktura) referring to the invoice it corrects.
        case creditNote = "credit_note"
    }

    public var kind: Kind
    public var number: String
    public var issueDate: CalendarDate
    public var dueDate: CalendarDate
    /// The rental period: the time of supply.
    public var period: RentalPeriod?
    public var seller: InvoiceSeller
    public var buyer: InvoiceParty
    public var lines: [InvoiceLine]
    public var allowances: [InvoiceAllowance]
    public var totals: InvoiceTotals
    public var ocr: OCRReference
    public var paymentTermsDays: Int
    /// For a credit note: the invoice it corrects (BT-25) and that invoice's date (BT-26).
    public var credited: (number: String, issueDate: CalendarDate)?
    /// The quotation or booking it comes from, for the buyer's order reference.
    public var orderReference: String
    public var purpose: InvoicePurpose
    /// The company's logo at the top of the PDF, when the settings have one.
    public var logo: InvoiceLogo?

    public init(
        kind: Kind, number: String, issueDate: CalendarDate, dueDate: CalendarDate, period: RentalPeriod?,
        seller: InvoiceSeller, buyer: InvoiceParty, lines: [InvoiceLine], allowances: [InvoiceAllowance],
        totals: InvoiceTotals, ocr: OCRReference, paymentTermsDays: Int,
        credited: (number: String, issueDate: CalendarDate)? = nil, orderReference: String = "",
        purpose: InvoicePurpose = .full
    ) {
        self.purpose = purpose
        self.kind = kind
        self.number = number
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.period = period
        self.seller = seller
        self.buyer = buyer
        self.lines = lines
        self.allowances = allowances
        self.totals = totals
        self.ocr = ocr
        self.paymentTermsDays = paymentTermsDays
        self.credited = credited
        self.orderReference = orderReference
    }

    public static func == (lhs: InvoiceDocument, rhs: InvoiceDocument) -> Bool {
        lhs.number == rhs.number && lhs.kind == rhs.kind && lhs.totals == rhs.totals
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(number)
        hasher.combine(kind)
    }
}

/// What ML 2023:200 chapter 17 § 24 requires on an invoice, checked before a number is taken:
/// every reason an invoice cannot be issued yet, in words staff can act on.
public enum InvoiceRequirements {
    public enum Problem: String, Sendable, Hashable, CaseIterable {
        case sellerName = "seller_name"
        case sellerAddress = "seller_address"
        case sellerVATNumber = "seller_vat_number"
        case sellerOrganisationNumber = "seller_organisation_number"
        case sellerRegisteredSeat = "seller_registered_seat"
        case paymentAccount = "payment_account"
        case buyerName = "buyer_name"
        case buyerAddress = "buyer_address"
        case buyerVATNumberForReverseCharge = "buyer_vat_number"
    }

    public static func problems(seller: InvoiceSeller, buyer: InvoiceParty) -> [Problem] {
        var problems: [Problem] = []
        if seller.party.legalName.trimmingWhitespace.isEmpty { problems.append(.sellerName) }
        if !complete(seller.party.address) { problems.append(.sellerAddress) }
        if seller.party.vatNumber.isEmpty { problems.append(.sellerVATNumber) }
        if seller.party.organisationDigits == nil { problems.append(.sellerOrganisationNumber) }
        // An aktiebolag's invoices state its registered seat (ABL 2005:551 28 kap. 1 §).
        if seller.party.legalName.hasSuffix(" AB"), seller.registeredSeat.trimmingWhitespace.isEmpty {
            problems.append(.sellerRegisteredSeat)
        }
        if seller.bankgiro.isEmpty, (seller.plusgiro ?? "").isEmpty, (seller.iban ?? "").isEmpty {
            problems.append(.paymentAccount)
        }
        if buyer.legalName.trimmingWhitespace.isEmpty { problems.append(.buyerName) }
        if !complete(buyer.address) { problems.append(.buyerAddress) }
        // A business buyer in another EU country is invoiced without VAT (reverse charge), which
        // needs its VAT number; without one the invoice cannot be right either way.
        if buyer.isCompany, isOtherEU(buyer.address.country), buyer.vatNumber.isEmpty {
            problems.append(.buyerVATNumberForReverseCharge)
        }
        return problems
    }

    /// Reverse charge (omvänd betalningsskyldighet): a business buyer with a VAT number in another
    /// EU country.
    public static func isReverseCharge(_ buyer: InvoiceParty) -> Bool {
        buyer.isCompany && isOtherEU(buyer.address.country) && !buyer.vatNumber.isEmpty
    }

    static let otherEU: Set<String> = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
        "LV", "MT", "NL", "PL", "PT", "RO", "SI", "SK",
    ]

    static func isOtherEU(_ country: String) -> Bool { otherEU.contains(country.uppercased()) }

    static func complete(_ address: PostalAddress) -> Bool {
        !address.line1.trimmingWhitespace.isEmpty && !address.postalCode.trimmingWhitespace.isEmpty
            && !address.city.trimmingWhitespace.isEmpty
    }
}
