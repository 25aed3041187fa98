import Foundation
import Testing

@testable import Domain

@Suite("Inquiry extraction JSON and the language model merge")
struct InquiryExtractionJSONTests {
    @Test("absent values are null, never missing keys")
    func nullsArePresent() throws {
        let empty = InquiryExtraction(kind: .autoReply, language: .en)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(empty.jsonText().utf8)) as? [String: Any])
        #expect(
            Set(object.keys)
                == [
                    "kind", "language", "customer", "period", "guests", "deliveryAddress", "lines", "confidence",
                    "sources",
                ])
        #expect(object["period"] is NSNull)
        #expect(object["guests"] is NSNull)
        #expect(object["deliveryAddress"] is NSNull)
        #expect(object["kind"] as? String == "auto-reply")
        let customer = try #require(object["customer"] as? [String: Any])
        #expect(Set(customer.keys) == ["name", "email", "phone", "company", "organisationNumber"])
        #expect(customer.values.allSatisfy { $0 is NSNull })
    }

    @Test("a line carries sku, productId and addonId, null where they do not apply")
    func lineShape() throws {
        let extraction = InquiryFixtures.extract("Leverans tack, och 10 stolar.")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(extraction.jsonText().utf8)) as? [String: Any])
        let lines = try #require(object["lines"] as? [[String: Any]])
        #expect(lines.count == 2)
        for line in lines {
            #expect(Set(line.keys) == ["sku", "productId", "addonId", "name", "quantity", "confidence", "source"])
        }
        #expect(lines.contains { $0["sku"] is NSNull && $0["addonId"] as? Int == 1 })
    }

    @Test("decoding gives back the same extraction")
    func roundTrip() throws {
        let text =
            "Hej! Vi blir 80 gäster lördag 20 juni. 80 stolar och 10 bord, leverans till Storgatan 12, 411 38 Göteborg. Org.nr 556677-8899\n\nMvh Anna Svensson\n070-123 45 67"
        let extraction = InquiryFixtures.extract(text)
        #expect(extraction.period != nil)
        #expect(extraction.customer.organisationNumber == "556677-8899")
        let decoded = try JSONDecoder().decode(InquiryExtraction.self, from: Data(extraction.jsonText().utf8))
        #expect(decoded == extraction)
    }

    @Test("the model schema is JSON and strict")
    func schema() throws {
        let schema = try #require(
            try JSONSerialization.jsonObject(with: Data(InquiryExtraction.modelJSONSchema.utf8)) as? [String: Any])
        #expect(schema["additionalProperties"] as? Bool == false)
        let required = try #require(schema["required"] as? [String])
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(required) == Set(properties.keys))
    }

    private let input = InquiryInput(subject: "x", text: "", sentAt: InquiryFixtures.noon("2026-05-14"))

    @Test("the model's answer is checked field by field")
    func validation() throws {
        let answer = InquiryModelAnswer(
            json: """
                {"language": "sv",
                 "customer": {"name": "Anna", "email": "not an address", "phone": "070-123 45 67",
                              "company": "Anna AB", "organisationNumber": "556677-8898"},
                 "period": {"start": "2026-06-20", "end": "2026-06-19"},
                 "guests": 0,
                 "deliveryAddress": {"line1": "Storgatan 1", "postalCode": "41138", "city": "Göteborg"},
                 "lines": [{"sku": "STOL-VIT", "addonId": null, "name": "x", "quantity": 40},
                           {"sku": "NOPE", "addonId": null, "name": "x", "quantity": 1},
                           {"sku": "LJUS-GAMMAL", "addonId": null, "name": "x", "quantity": 1},
                           {"sku": null, "addonId": 1, "name": "x", "quantity": 1},
                           {"sku": null, "addonId": 99, "name": "x", "quantity": 1},
                           {"sku": "BORD-180", "addonId": null, "name": "x", "quantity": 2.5},
                           {"sku": "BORD-RUND", "addonId": null, "name": "x", "quantity": 20000}]}
                """, input: input, catalogue: InquiryFixtures.catalogue)
        #expect(answer.customer.name == "Anna")
        #expect(answer.customer.email == nil)
        #expect(answer.customer.organisationNumber == nil)
        #expect(answer.customer.phone == "070-123 45 67")
        #expect(answer.period == nil)
        #expect(answer.guests == nil)
        #expect(answer.deliveryAddress == .init(line1: "Storgatan 1", postalCode: "411 38", city: "Göteborg"))
        #expect(answer.lines.map { $0.sku ?? "addon:\($0.addonId ?? 0)" } == ["STOL-VIT", "addon:1"])
        // Far from the message's date, or no JSON at all.
        let far = InquiryModelAnswer(
            json: #"{"period": {"start": "2029-06-20", "end": "2029-06-21"}}"#, input: input,
            catalogue: InquiryFixtures.catalogue)
        #expect(far.period == nil)
        #expect(
            InquiryModelAnswer(json: "nonsense", input: input, catalogue: [])
                == InquiryModelAnswer(
                    json: "{}", input: input, catalogue: []))
    }

    @Test("sure rule fields stay, unsure ones and gaps take the model's; lines are a union")
    func merge() throws {
        var rules = InquiryExtraction()
        rules.customer.name = "Anna"
        rules.confidence[.name] = 0.55
        rules.customer.email = "anna@example.se"
        rules.confidence[.email] = 0.95
        rules.lines = [.init(sku: "STOL-VIT", productId: 9, name: "Klappstol vit", quantity: 80, confidence: 0.9)]
        let merged = rules.merged(
            withModelJSON: """
                {"customer": {"name": "Anna Svensson", "email": "other@example.se", "phone": null, "company": null,
                              "organisationNumber": null},
                 "guests": 80, "period": {"start": "2026-06-20", "end": "2026-06-22"},
                 "lines": [{"sku": "STOL-VIT", "addonId": null, "name": "x", "quantity": 100},
                           {"sku": "BORD-180", "addonId": null, "name": "x", "quantity": 10}]}
                """, input: input, catalogue: InquiryFixtures.catalogue)
        #expect(merged.customer.name == "Anna Svensson")
        #expect(merged.confidence[.name] == 0.7)
        #expect(merged.sources[.name] == InquiryExtraction.modelSource)
        #expect(merged.customer.email == "anna@example.se")
        #expect(merged.guests == 80)
        #expect(merged.period == (try period("2026-06-20", "2026-06-22")))
        #expect(InquiryFixtures.lines(merged) == ["STOL-VIT": 80, "BORD-180": 10])
    }
}
