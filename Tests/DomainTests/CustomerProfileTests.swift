import Testing

@testable import Domain

@Suite("Customer form rules")
struct CustomerProfileTests {
    func company(_ changes: [String: String] = [:]) -> [String: String] {
        var form = [
            "kind": "company", "name": " Sofia Lindström ", "company_name": "Västkustens Bröllop & Fest AB",
            "org_number": "5567890123", "vat_number": "se 5567 8901 2301", "email": "sofia@vastkustensfest.example",
            "phone": "031-70 80 90", "billing_line1": "Kungsportsavenyen 21", "billing_postal_code": "41136",
            "billing_city": "Göteborg", "billing_country": "", "delivery_line1": "Särö Västerskog",
            "delivery_postal_code": "429 44", "delivery_city": "Särö", "delivery_country": "se", "locale": "en",
            "notes": "Ring före leverans.\nPort kod 1234.",
        ]
        for (key, value) in changes { form[key] = value }
        return form
    }

    @Test func aCompanyIsReadAndNormalised() throws {
        let profile = try CustomerProfile(form: company())
        #expect(profile.details.kind == .company)
        #expect(profile.details.name == "Sofia Lindström")
        #expect(profile.details.organisationNumber == "556789-0123")
        #expect(profile.details.vatNumber == "SE556789012301")
        #expect(profile.details.billingAddress.postalCode == "411 36")
        #expect(profile.details.billingAddress.country == "SE")
        #expect(profile.deliveryAddress.country == "SE")
        #expect(profile.locale == .en)
        #expect(profile.notes == "Ring före leverans.\nPort kod 1234.")
        // A Swedish number with a wrong check digit is refused: an invoice's Peppol address is made from it.
        #expect(throws: (any Error).self) { try CustomerProfile(form: company(["org_number": "556789-0124"])) }
        // The Peppol address: scheme:identifier, a Swedish one with its check digit; a person has none.
        #expect(try CustomerProfile(form: company(["peppol_id": "0007:5567890123"])).peppolID == "0007:5567890123")
        #expect(
            try CustomerProfile(form: company(["peppol_id": "0088:7300010000001"])).peppolID == "0088:7300010000001")
        for bad in ["5567890123", "0007:5567890124", "7:123", "0007:"] {
            #expect(throws: (any Error).self, "\(bad)") { try CustomerProfile(form: company(["peppol_id": bad])) }
        }
        // The form's text reads back to the same customer.
        #expect(try CustomerProfile(form: profile.formValues) == profile)
    }

    @Test func aCompanyNeedsACompanyNameAndAPersonDropsCompanyFields() throws {
        #expect(throws: CustomerProfile.Invalid(problems: [.companyName: .required])) {
            try CustomerProfile(form: company(["company_name": "  "]))
        }
        let person = try CustomerProfile(form: company(["kind": "person", "org_number": "not checked"]))
        #expect(person.details.companyName.isEmpty)
        #expect(person.details.organisationNumber.isEmpty)
        #expect(person.details.vatNumber.isEmpty)
    }

    @Test func everyProblemIsReportedAtOnce() {
        var problems: [CustomerProfile.Field: RecordFieldProblem] = [:]
        do {
            _ = try CustomerProfile(
                form: company([
                    "kind": "alien", "name": "", "email": "anna@example", "phone": "ring mig", "org_number": "12-34",
                    "vat_number": "SE123", "billing_postal_code": "1234", "delivery_country": "Sweden",
                    "locale": "de", "billing_city": String(repeating: "x", count: 101),
                ]))
        } catch { problems = error.problems }
        #expect(problems[.kind] == .invalidChoice)
        #expect(problems[.name] == .required)
        #expect(problems[.email] == .invalidEmail)
        #expect(problems[.phone] == .invalidPhone)
        #expect(problems[.vatNumber] == .invalidVATNumber)
        #expect(problems[.billingPostalCode] == .invalidPostalCode)
        #expect(problems[.deliveryCountry] == .tooLong(maximum: 2))
        #expect(problems[.locale] == .invalidChoice)
        #expect(problems[.billingCity] == .tooLong(maximum: 100))
    }

    /// The customer form takes exactly what the mailer can send to (finding F5): no angle
    /// brackets, and no non-ASCII address, which needs SMTPUTF8 the mailer does not speak.
    @Test(arguments: [
        ("a@b.se", true), ("anna.berg+fest@example.co.uk", true), ("åsa@exempel.se", false),
        ("anna@example", false), ("anna@@example.se", false), ("anna @example.se", false), ("@example.se", false),
        ("anna@-example.se", false), ("anna@example..se", false), (".anna@example.se", false),
        ("<anna@example.se>", false), ("Anna <anna@example.se>", false), ("anna@exämple.se", false),
        ("anna@example.se,eva@example.se", false),
    ])
    func emailAddresses(address: String, valid: Bool) {
        #expect(RecordFieldRules.isEmail(address) == valid)
    }

    @Test func foreignCustomersKeepTheirOwnFormats() throws {
        let profile = try CustomerProfile(
            form: company([
                "billing_country": "no", "org_number": "NO 923 609 016", "billing_postal_code": "0150",
                "vat_number": "NO923609016MVA",
            ]))
        #expect(profile.details.billingAddress.country == "NO")
        #expect(profile.details.billingAddress.postalCode == "0150")
        #expect(profile.details.organisationNumber == "NO 923 609 016")
    }

    @Test func aPastedNewlineInAOneLineFieldBecomesASpace() throws {
        let profile = try CustomerProfile(form: company(["name": "Sofia\nLindström"]))
        #expect(profile.details.name == "Sofia Lindström")
    }
}
