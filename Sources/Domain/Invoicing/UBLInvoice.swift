/// An invoice or credit note as Peppol BIS Billing 3.0 UBL 2.1 XML (EN 16931 with the Swedish
/// rules SE-R-001…013), the way the kit's `se-rental-invoice.xml` shows it: seller with VAT and
/// organisation number and "Godkänd för F-skatt", bankgiro as payment means 30 with the OCR
/// reference, the rental period as the invoice period, VAT once per rate, öresavrundning as the
/// payable rounding amount (BT-114). Pure text building; every value is escaped.
public enum UBLInvoice {
    public static func xml(_ document: InvoiceDocument) -> String {
        var x = XMLText()
        let credit = document.kind == .creditNote
        let root = credit ? "CreditNote" : "Invoice"
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        x.raw(
            "<\(root) xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:\(root)-2\" "
                + "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\" "
                + "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n")
        x.element(
            "cbc:CustomizationID", "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0")
        x.element("cbc:ProfileID", "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0")
        x.element("cbc:ID", document.number)
        x.element("cbc:IssueDate", document.issueDate.iso)
        if !credit { x.element("cbc:DueDate", document.dueDate.iso) }
        x.element(credit ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode", credit ? "381" : "380")
        // A security deposit is outside VAT (category O): no rate, and by BR-O-02 no VAT numbers.
        let outside = document.purpose.isOutsideVAT
        let reverseCharge = !outside && InvoiceRequirements.isReverseCharge(document.buyer)
        if reverseCharge { x.element("cbc:Note", "Omvänd betalningsskyldighet") }
        x.element("cbc:DocumentCurrencyCode", "SEK")
        x.element(
            "cbc:BuyerReference",
            document.buyer.contact.isEmpty
                ? (document.orderReference.isEmpty ? document.number : document.orderReference)
                : document.buyer.contact)
        if let period = document.period {
            x.open("cac:InvoicePeriod")
            x.element("cbc:StartDate", period.start.iso)
            x.element("cbc:EndDate", period.end.iso)
            x.close("cac:InvoicePeriod")
        }
        if !document.orderReference.isEmpty, !credit {
            x.open("cac:OrderReference")
            x.element("cbc:ID", document.orderReference)
            x.close("cac:OrderReference")
        }
        if let credited = document.credited {
            x.open("cac:BillingReference")
            x.open("cac:InvoiceDocumentReference")
            x.element("cbc:ID", credited.number)
            x.element("cbc:IssueDate", credited.issueDate.iso)
            x.close("cac:InvoiceDocumentReference")
            x.close("cac:BillingReference")
        }
        seller(&x, document.seller, withVATNumber: !outside)
        buyer(&x, document.buyer, withVATNumber: !outside)
        // A credit note is not paid with the OCR reference: it has no payment means.
        if !credit {
            paymentMeans(&x, document)
        }
        if !credit {
            x.open("cac:PaymentTerms")
            x.element(
                "cbc:Note",
                "\(document.paymentTermsDays) dagar netto. Ange OCR \(document.ocr.digits) vid betalning. "
                    + "Dröjsmålsränta enligt räntelagen.")
            x.close("cac:PaymentTerms")
        }
        for allowance in document.allowances {
            x.open("cac:AllowanceCharge")
            x.element("cbc:ChargeIndicator", "false")
            x.element("cbc:AllowanceChargeReason", allowance.reason)
            x.amount("cbc:Amount", allowance.amount)
            category(&x, allowance.vatRate, reverseCharge: reverseCharge, outside: outside, withReason: false)
            x.close("cac:AllowanceCharge")
        }
        x.open("cac:TaxTotal")
        x.amount("cbc:TaxAmount", document.totals.vat)
        for rate in document.totals.rates {
            x.open("cac:TaxSubtotal")
            x.amount("cbc:TaxableAmount", rate.taxable)
            x.amount("cbc:TaxAmount", rate.vat)
            category(&x, rate.rate, reverseCharge: reverseCharge, outside: outside, withReason: true)
            x.close("cac:TaxSubtotal")
        }
        x.close("cac:TaxTotal")
        let totals = document.totals
        x.open("cac:LegalMonetaryTotal")
        x.amount("cbc:LineExtensionAmount", totals.linesTotal)
        x.amount("cbc:TaxExclusiveAmount", totals.taxExclusive)
        x.amount("cbc:TaxInclusiveAmount", totals.taxInclusive)
        if !totals.allowances.isZero { x.amount("cbc:AllowanceTotalAmount", totals.allowances) }
        if !totals.rounding.isZero { x.amount("cbc:PayableRoundingAmount", totals.rounding) }
        x.amount("cbc:PayableAmount", totals.payable)
        x.close("cac:LegalMonetaryTotal")
        for (index, line) in document.lines.enumerated() {
            let tag = credit ? "cac:CreditNoteLine" : "cac:InvoiceLine"
            x.open(tag)
            x.element("cbc:ID", String(index + 1))
            x.element(
                credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", String(line.quantity),
                attributes: [("unitCode", line.unit.rawValue)])
            x.amount("cbc:LineExtensionAmount", totals.lineNets[index])
            if !line.discount.isZero {
                x.open("cac:AllowanceCharge")
                x.element("cbc:ChargeIndicator", "false")
                x.element("cbc:AllowanceChargeReason", "Rabatt")
                x.amount("cbc:Amount", line.discount)
                x.close("cac:AllowanceCharge")
            }
            x.open("cac:Item")
            x.element("cbc:Name", String(line.description.prefix(200)))
            x.open("cac:ClassifiedTaxCategory")
            x.element("cbc:ID", outside ? "O" : categoryCode(line.vatRate, reverseCharge: reverseCharge))
            if !outside { x.element("cbc:Percent", percent(reverseCharge ? .zero : line.vatRate)) }
            x.open("cac:TaxScheme")
            x.element("cbc:ID", "VAT")
            x.close("cac:TaxScheme")
            x.close("cac:ClassifiedTaxCategory")
            x.close("cac:Item")
            x.open("cac:Price")
            x.amount("cbc:PriceAmount", line.unitPrice)
            x.close("cac:Price")
            x.close(tag)
        }
        x.raw("</\(root)>\n")
        return x.text
    }

    /// One payment means per account the seller has, each a credit transfer (code 30: EN 16931
    /// wants one code for all of them, UBL-SR-47, and its name once, UBL-SR-46): the bankgiro and
    /// the plusgiro with SE:BANKGIRO / SE:PLUSGIRO as the Swedish rules ask, the IBAN with its BIC;
    /// each with the OCR reference.
    static func paymentMeans(_ x: inout XMLText, _ document: InvoiceDocument) {
        let seller = document.seller
        var accounts: [(id: String, branch: String?)] = []
        if !seller.bankgiro.isEmpty { accounts.append((seller.bankgiro.filter(\.isASCIIDigit), "SE:BANKGIRO")) }
        if let plusgiro = seller.plusgiro, !plusgiro.isEmpty {
            accounts.append((plusgiro.filter(\.isASCIIDigit), "SE:PLUSGIRO"))
        }
        if let iban = seller.iban, !iban.isEmpty {
            accounts.append((iban, seller.bic.flatMap { $0.isEmpty ? nil : $0 }))
        }
        for (index, account) in accounts.enumerated() {
            x.open("cac:PaymentMeans")
            x.element(
                "cbc:PaymentMeansCode", "30", attributes: index == 0 ? [("name", "Credit transfer")] : [])
            x.element("cbc:PaymentID", document.ocr.digits)
            x.open("cac:PayeeFinancialAccount")
            x.element("cbc:ID", account.id)
            x.element("cbc:Name", seller.party.legalName)
            if let branch = account.branch {
                x.open("cac:FinancialInstitutionBranch")
                x.element("cbc:ID", branch)
                x.close("cac:FinancialInstitutionBranch")
            }
            x.close("cac:PayeeFinancialAccount")
            x.close("cac:PaymentMeans")
        }
    }

    static func seller(_ x: inout XMLText, _ seller: InvoiceSeller, withVATNumber: Bool = true) {
        let party = seller.party
        x.open("cac:AccountingSupplierParty")
        x.open("cac:Party")
        if let digits = party.organisationDigits {
            x.element("cbc:EndpointID", digits, attributes: [("schemeID", "0007")])
        }
        name(&x, party.name)
        address(&x, party.address)
        if withVATNumber {
            x.open("cac:PartyTaxScheme")
            x.element("cbc:CompanyID", party.vatNumber)
            scheme(&x, "VAT")
            x.close("cac:PartyTaxScheme")
        }
        if seller.approvedForFTax {
            x.open("cac:PartyTaxScheme")
            x.element("cbc:CompanyID", "Godkänd för F-skatt")
            scheme(&x, "TAX")
            x.close("cac:PartyTaxScheme")
        }
        x.open("cac:PartyLegalEntity")
        x.element("cbc:RegistrationName", party.legalName)
        if let digits = party.organisationDigits {
            x.element("cbc:CompanyID", digits, attributes: [("schemeID", "0007")])
        }
        if !seller.registeredSeat.isEmpty { x.element("cbc:CompanyLegalForm", "Säte: \(seller.registeredSeat)") }
        x.close("cac:PartyLegalEntity")
        contact(&x, party)
        x.close("cac:Party")
        x.close("cac:AccountingSupplierParty")
    }

    static func buyer(_ x: inout XMLText, _ party: InvoiceParty, withVATNumber: Bool = true) {
        x.open("cac:AccountingCustomerParty")
        x.open("cac:Party")
        // The buyer's Peppol address: the one on the customer, else a Swedish company's
        // organisation number. A private person has none and is not reached through Peppol;
        // their XML is EN 16931 (checked without the Peppol layer, whose R010 asks for the address).
        if let endpoint = endpoint(of: party) {
            x.element("cbc:EndpointID", endpoint.id, attributes: [("schemeID", endpoint.scheme)])
        }
        name(&x, party.name)
        address(&x, party.address)
        if withVATNumber, !party.vatNumber.isEmpty {
            x.open("cac:PartyTaxScheme")
            x.element("cbc:CompanyID", party.vatNumber)
            scheme(&x, "VAT")
            x.close("cac:PartyTaxScheme")
        }
        x.open("cac:PartyLegalEntity")
        x.element("cbc:RegistrationName", party.legalName)
        if let digits = party.organisationDigits, party.address.country.uppercased() == "SE" {
            x.element("cbc:CompanyID", digits, attributes: [("schemeID", "0007")])
        }
        x.close("cac:PartyLegalEntity")
        contact(&x, party)
        x.close("cac:Party")
        x.close("cac:AccountingCustomerParty")
    }

    /// The buyer's Peppol address (BT-49), or nil for a buyer Peppol does not reach.
    public static func buyerEndpoint(_ document: InvoiceDocument) -> (scheme: String, id: String)? {
        endpoint(of: document.buyer)
    }

    /// The customer's own Peppol address; else a Swedish company's organisation number (0007);
    /// else a business elsewhere in the EU by its VAT number under its country's VAT scheme.
    static func endpoint(of party: InvoiceParty) -> (scheme: String, id: String)? {
        let own = (party.peppolID ?? "").split(separator: ":", maxSplits: 1).map(String.init)
        if party.isCompany, own.count == 2 { return (own[0], own[1]) }
        if let digits = party.organisationDigits, party.address.country.uppercased() == "SE" { return ("0007", digits) }
        if party.isCompany, let scheme = vatEndpointScheme[party.address.country.uppercased()],
            !party.vatNumber.isEmpty
        {
            return (scheme, party.vatNumber)
        }
        return nil
    }

    /// The Peppol electronic address schemes (EAS) that name an EU country's VAT number.
    static let vatEndpointScheme: [String: String] = [
        "AT": "9914", "BE": "9925", "BG": "9926", "CY": "9928", "CZ": "9929", "DE": "9930", "EE": "9931",
        "ES": "9920", "FR": "9957", "GR": "9933", "HR": "9934", "HU": "9910", "IE": "9935", "IT": "9906",
        "LT": "9937", "LU": "9938", "LV": "9939", "MT": "9943", "NL": "9944", "PL": "9945", "PT": "9946",
        "RO": "9947", "SI": "9949", "SK": "9950",
    ]

    static func name(_ x: inout XMLText, _ name: String) {
        x.open("cac:PartyName")
        x.element("cbc:Name", name)
        x.close("cac:PartyName")
    }

    static func address(_ x: inout XMLText, _ address: PostalAddress) {
        x.open("cac:PostalAddress")
        if !address.line1.isEmpty { x.element("cbc:StreetName", address.line1) }
        if !address.line2.isEmpty { x.element("cbc:AdditionalStreetName", address.line2) }
        if !address.city.isEmpty { x.element("cbc:CityName", address.city) }
        if !address.postalCode.isEmpty { x.element("cbc:PostalZone", address.postalCode) }
        x.open("cac:Country")
        x.element("cbc:IdentificationCode", address.country.isEmpty ? "SE" : address.country.uppercased())
        x.close("cac:Country")
        x.close("cac:PostalAddress")
    }

    static func contact(_ x: inout XMLText, _ party: InvoiceParty) {
        guard !party.contact.isEmpty || !party.phone.isEmpty || !party.email.isEmpty else { return }
        x.open("cac:Contact")
        if !party.contact.isEmpty { x.element("cbc:Name", party.contact) }
        if !party.phone.isEmpty { x.element("cbc:Telephone", party.phone) }
        if !party.email.isEmpty { x.element("cbc:ElectronicMail", party.email) }
        x.close("cac:Contact")
    }

    static func scheme(_ x: inout XMLText, _ id: String) {
        x.open("cac:TaxScheme")
        x.element("cbc:ID", id)
        x.close("cac:TaxScheme")
    }

    static func category(
        _ x: inout XMLText, _ rate: VATRate, reverseCharge: Bool, outside: Bool = false, withReason: Bool
    ) {
        x.open("cac:TaxCategory")
        if outside {
            x.element("cbc:ID", "O")
            if withReason {
                x.element("cbc:TaxExemptionReasonCode", "VATEX-EU-O")
                x.element("cbc:TaxExemptionReason", "Deposition, ej föremål för moms")
            }
            scheme(&x, "VAT")
            x.close("cac:TaxCategory")
            return
        }
        x.element("cbc:ID", categoryCode(rate, reverseCharge: reverseCharge))
        x.element("cbc:Percent", percent(reverseCharge ? .zero : rate))
        if withReason, reverseCharge {
            x.element("cbc:TaxExemptionReasonCode", "VATEX-EU-AE")
            x.element("cbc:TaxExemptionReason", "Omvänd betalningsskyldighet")
        }
        scheme(&x, "VAT")
        x.close("cac:TaxCategory")
    }

    /// S standard rate, AE reverse charge, Z zero rated.
    static func categoryCode(_ rate: VATRate, reverseCharge: Bool) -> String {
        reverseCharge ? "AE" : rate.basisPoints == 0 ? "Z" : "S"
    }

    /// `25`, `12.5`.
    static func percent(_ rate: VATRate) -> String {
        let whole = rate.basisPoints / 100
        let fraction = rate.basisPoints % 100
        return fraction == 0 ? String(whole) : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// XML text with two-space indentation; element content and attribute values escaped.
struct XMLText {
    private(set) var text = ""
    private var depth = 1

    mutating func raw(_ string: String) { text += string }

    mutating func open(_ name: String) {
        text += String(repeating: "  ", count: depth) + "<\(name)>\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        text += String(repeating: "  ", count: depth) + "</\(name)>\n"
    }

    mutating func element(_ name: String, _ value: String, attributes: [(String, String)] = []) {
        let attrs = attributes.map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined()
        text += String(repeating: "  ", count: depth) + "<\(name)\(attrs)>\(Self.escape(value))</\(name)>\n"
    }

    mutating func amount(_ name: String, _ money: Money) {
        element(name, Self.decimal(money), attributes: [("currencyID", "SEK")])
    }

    /// `1234.50`, `-0.19`.
    static func decimal(_ money: Money) -> String {
        let negative = money.ore < 0
        let ore = negative ? -money.ore : money.ore
        let fraction = ore % 100
        return (negative ? "-" : "") + "\(ore / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // XML 1.0 allows no C0 controls other than tab, line feed and carriage return.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
