import Domain
import Testing

/// How a lead hook reads a posted JSON object through its mapping.
@Suite("Lead mapping")
struct LeadMappingTests {
    @Test func readsNestedPathsNumbersAndISOTimesThroughTheCustomerFormsRules() throws {
        let mapping = LeadMapping(paths: [
            .name: "form.fields.0.value", .email: "form.email", .start: "when.from", .end: "when.to", .guests: "n",
            .company: "org", .organisationNumber: "orgnr",
        ])
        let body = try JSONValue(
            json: """
                {"form": {"fields": [{"value": " Bo Ek "}], "email": "bo@example.se"},
                 "when": {"from": "2027-05-01T14:00:00+02:00", "to": "2027-05-03"}, "n": 120,
                 "org": "Ek AB", "orgnr": "5561234567"}
                """)
        let lead = try mapping.lead(from: body).get()
        #expect(lead.customer.details.name == "Bo Ek")
        #expect(lead.customer.details.kind == .company)
        #expect(lead.customer.details.organisationNumber == "556123-4567")
        #expect(lead.period?.start.iso == "2027-05-01" && lead.period?.days == 3)
        #expect(lead.guests == 120 && lead.note == "Gäster: 120")
    }

    @Test func aSingleDayANameOnlyAndEveryProblemAtOnce() throws {
        let one = try LeadMapping.standard.lead(from: try JSONValue(json: #"{"name": "Bo", "start": "2027-05-01"}"#))
            .get()
        #expect(one.period?.days == 1 && one.customer.details.kind == .person)
        let noDate = try LeadMapping.standard.lead(from: try JSONValue(json: #"{"email": "a@b.se"}"#)).get()
        #expect(noDate.period == nil && noDate.customer.details.name == "a@b.se")

        let problems = LeadMapping.standard.lead(
            from: try JSONValue(
                json: #"{"name": {"first": "Bo"}, "email": "nope", "start": "1 maj", "guests": "many", "phone": "x"}"#))
        guard case .failure(let found) = problems else {
            Issue.record("a broken lead was read")
            return
        }
        #expect(
            found.problems == [
                "name (name) is not text", "email is not valid", "phone is not valid",
                "start is not a date (YYYY-MM-DD)",
                "guests is not a whole number",
            ])
    }

    @Test func pathsAreDottedNamesAndTheMappingRoundTripsThroughItsJSON() {
        #expect(LeadMapping.isValidPath("contact.email") && LeadMapping.isValidPath("items.0.name"))
        #expect(
            !LeadMapping.isValidPath("contact..email") && !LeadMapping.isValidPath("a b")
                && !LeadMapping.isValidPath(""))
        #expect(LeadMapping(json: LeadMapping.standard.json) == LeadMapping.standard)
        #expect(LeadMapping(json: "not json").paths.isEmpty)
    }
}
