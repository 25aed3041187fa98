/// Everything staff keep about a customer: who they are (the part a quotation freezes), where to
/// deliver, which language to write to them in, and internal notes.
///
/// Made from a submitted form with ``init(form:)``, which validates and normalises every field, or
/// from a stored row; ``formValues`` gives the form's text back, so the two round-trip.
public struct CustomerProfile: Sendable, Hashable {
    public var details: CustomerDetails
    public var deliveryAddress: PostalAddress
    /// The language of emails and the signing page for this customer.
    public var locale: Language
    /// Internal; never shown to the customer.
    public var notes: String
    /// Where its e-invoices go on the Peppol network, `scheme:identifier` (`0007:5567890123`), or
    /// empty: then a Swedish business's organisation number (scheme 0007), as invoices assume.
    public var peppolID: String

    public init(
        details: CustomerDetails, deliveryAddress: PostalAddress = PostalAddress(), locale: Language = .sv,
        notes: String = "", peppolID: String = ""
    ) {
        self.peppolID = peppolID
        self.details = details
        self.deliveryAddress = deliveryAddress
        self.locale = locale
        self.notes = notes
    }

    /// The form's fields; raw values are the form field names.
    public enum Field: String, Sendable, CaseIterable {
        case kind, name
        case companyName = "company_name"
        case orgNumber = "org_number"
        case vatNumber = "vat_number"
        case email, phone
        case billingLine1 = "billing_line1"
        case billingLine2 = "billing_line2"
        case billingPostalCode = "billing_postal_code"
        case billingCity = "billing_city"
        case billingCountry = "billing_country"
        case deliveryLine1 = "delivery_line1"
        case deliveryLine2 = "delivery_line2"
        case deliveryPostalCode = "delivery_postal_code"
        case deliveryCity = "delivery_city"
        case deliveryCountry = "delivery_country"
        case locale, notes
        case peppolID = "peppol_id"
    }

    /// The form was refused: a problem per field (never empty).
    public struct Invalid: Error, Sendable, Equatable {
        public let problems: [Field: RecordFieldProblem]
    }

    /// Longest accepted text per field, in characters.
    public static func maximumLength(_ field: Field) -> Int {
        switch field {
        case .kind, .locale: 10
        case .name, .companyName, .billingLine1, .billingLine2, .deliveryLine1, .deliveryLine2: 200
        case .orgNumber: 30
        case .vatNumber: 20
        case .email: 254
        case .phone: 40
        case .billingPostalCode, .deliveryPostalCode: 12
        case .billingCity, .deliveryCity: 100
        case .billingCountry, .deliveryCountry: 2
        case .notes: 10_000
        case .peppolID: 60
        }
    }

    /// Reads a submitted form (field name → text; missing fields are empty).
    ///
    /// Trims every value; upper-cases country codes (empty: `SE`) and VAT numbers (spaces
    /// removed); writes Swedish organisation numbers as `NNNNNN-NNNN` and Swedish postal codes as
    /// `NNN NN`. A company needs a company name; a person's company fields are dropped.
    /// - Throws: ``Invalid`` with every problem found, not just the first.
    public init(form values: [String: String]) throws(Invalid) {
        var problems: [Field: RecordFieldProblem] = [:]
        var texts: [Field: String] = [:]
        for field in Field.allCases {
            var value = RecordFieldRules.trimmed(values[field.rawValue] ?? "")
            if field != .notes { value = RecordFieldRules.singleLine(value) }
            if let problem = RecordFieldRules.length(value, Self.maximumLength(field)) { problems[field] = problem }
            texts[field] = value
        }
        func text(_ field: Field) -> String { texts[field] ?? "" }

        let kindText = text(.kind)
        let kind = CustomerDetails.Kind(rawValue: kindText)
        if kind == nil { problems[.kind] = kindText.isEmpty ? .required : .invalidChoice }
        let name = text(.name)
        if name.isEmpty { problems[.name] = .required }

        var companyName = text(.companyName)
        var orgNumber = text(.orgNumber)
        var vatNumber = text(.vatNumber).uppercased().filter { $0 != " " }
        if kind == .person {
            // A person has no company: whatever the hidden fields held is dropped, not stored.
            companyName = ""
            orgNumber = ""
            vatNumber = ""
            problems[.companyName] = nil
            problems[.orgNumber] = nil
            problems[.vatNumber] = nil
        } else if kind == .company, companyName.isEmpty, problems[.companyName] == nil {
            problems[.companyName] = .required
        }

        let billing = Self.address(
            texts, .billingLine1, .billingLine2, .billingPostalCode, .billingCity, .billingCountry, &problems)
        let delivery = Self.address(
            texts, .deliveryLine1, .deliveryLine2, .deliveryPostalCode, .deliveryCity, .deliveryCountry, &problems)

        if !orgNumber.isEmpty, problems[.orgNumber] == nil {
            if let normalised = Self.organisationNumber(orgNumber, country: billing.country) {
                orgNumber = normalised
            } else {
                problems[.orgNumber] = .invalidOrganisationNumber
            }
        }
        if !vatNumber.isEmpty, problems[.vatNumber] == nil, !Self.isVATNumber(vatNumber) {
            problems[.vatNumber] = .invalidVATNumber
        }

        let email = text(.email)
        if !email.isEmpty, problems[.email] == nil, !RecordFieldRules.isEmail(email) {
            problems[.email] = .invalidEmail
        }
        let phone = text(.phone)
        if !phone.isEmpty, problems[.phone] == nil, !RecordFieldRules.isPhone(phone) {
            problems[.phone] = .invalidPhone
        }

        let localeText = text(.locale)
        let locale = localeText.isEmpty ? Language.default : Language(rawValue: localeText)
        if locale == nil { problems[.locale] = .invalidChoice }
        let notes = text(.notes)
        let peppolID = kind == .company ? text(.peppolID) : ""
        if !peppolID.isEmpty, problems[.peppolID] == nil, !Self.isPeppolID(peppolID) {
            problems[.peppolID] = .invalidPeppolID
        }

        guard problems.isEmpty, let kind, let locale else { throw Invalid(problems: problems) }
        self.init(
            details: CustomerDetails(
                kind: kind, name: name, companyName: companyName, organisationNumber: orgNumber, vatNumber: vatNumber,
                email: email, phone: phone, billingAddress: billing),
            deliveryAddress: delivery, locale: locale, notes: notes, peppolID: peppolID)
    }

    /// The form's text for this profile (what ``init(form:)`` reads back to the same profile).
    public var formValues: [String: String] {
        let b = details.billingAddress
        let d = deliveryAddress
        let pairs: [(Field, String)] = [
            (.kind, details.kind.rawValue), (.name, details.name), (.companyName, details.companyName),
            (.orgNumber, details.organisationNumber), (.vatNumber, details.vatNumber), (.email, details.email),
            (.phone, details.phone),
            (.billingLine1, b.line1), (.billingLine2, b.line2), (.billingPostalCode, b.postalCode),
            (.billingCity, b.city), (.billingCountry, b.country),
            (.deliveryLine1, d.line1), (.deliveryLine2, d.line2), (.deliveryPostalCode, d.postalCode),
            (.deliveryCity, d.city), (.deliveryCountry, d.country),
            (.locale, locale.rawValue), (.notes, notes), (.peppolID, peppolID),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { ($0.0.rawValue, $0.1) })
    }

    /// A flat field → text map of what is stored, for audit rows (`AuditStore.changes`): the form's
    /// fields, so the activity log names them as the form does.
    public var auditFields: [String: String] { formValues }

    // MARK: - Rules

    private static func address(
        _ texts: [Field: String], _ line1: Field, _ line2: Field, _ postalCode: Field, _ city: Field, _ country: Field,
        _ problems: inout [Field: RecordFieldProblem]
    ) -> PostalAddress {
        func text(_ field: Field) -> String { texts[field] ?? "" }
        var countryCode = text(country).uppercased()
        if countryCode.isEmpty { countryCode = "SE" }
        if problems[country] == nil, !RecordFieldRules.isCountryCode(countryCode) {
            problems[country] = .invalidCountry
        }
        var code = text(postalCode)
        if !code.isEmpty, problems[postalCode] == nil, countryCode == "SE" {
            let digits = RecordFieldRules.digits(of: code)
            if digits.count == 5, code.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == " " }) {
                code = "\(digits.prefix(3)) \(digits.suffix(2))"
            } else {
                problems[postalCode] = .invalidPostalCode
            }
        }
        return PostalAddress(
            line1: text(line1), line2: text(line2), postalCode: code, city: text(city), country: countryCode)
    }

    /// Swedish (`SE`): ten digits, or twelve with the century, written `NNNNNN-NNNN`, with the
    /// right Luhn check digit (an invoice's Peppol address is made from it). Elsewhere:
    /// letters, digits, spaces, `-`, `/` and `.`, with at least one digit.
    static func organisationNumber(_ text: String, country: String) -> String? {
        if country == "SE" {
            guard text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "-" || $0 == " " }) else { return nil }
            var digits = RecordFieldRules.digits(of: text)
            if digits.count == 12 { digits = String(digits.dropFirst(2)) }
            guard digits.count == 10 else { return nil }
            let written = "\(digits.prefix(6))-\(digits.suffix(4))"
            return SwedishRegistration.isValidOrganisationNumber(written) ? written : nil
        }
        let allowed: Set<Character> = [" ", "-", "/", "."]
        guard text.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || allowed.contains($0) }),
            text.contains(where: { $0.isASCII && $0.isNumber })
        else { return nil }
        return text
    }

    /// A Peppol participant identifier: a four-digit ICD scheme, a colon and the identifier
    /// (letters, digits, `.`, `-`, `_`); a Swedish organisation number (0007) must have its Luhn digit.
    static func isPeppolID(_ text: String) -> Bool {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit), !parts[1].isEmpty,
            parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) })
        else { return false }
        if parts[0] == "0007" {
            return parts[1].count == 10 && SwedishRegistration.isValidOrganisationNumber(parts[1])
        }
        return true
    }

    /// Two letters, then 2–13 letters or digits; Swedish ones are `SE` + 12 digits.
    static func isVATNumber(_ text: String) -> Bool {
        let characters = Array(text)
        guard (4...15).contains(characters.count), characters.prefix(2).allSatisfy({ $0.isASCII && $0.isUppercase }),
            characters.dropFirst(2).allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) })
        else { return false }
        if text.hasPrefix("SE") { return characters.count == 14 && characters.dropFirst(2).allSatisfy(\.isNumber) }
        return true
    }
}
