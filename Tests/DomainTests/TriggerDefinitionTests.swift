import Domain
import Foundation
import Testing

@Suite("Trigger definitions: parsing, conditions, placeholders, windows")
struct TriggerDefinitionTests {
    static let context = try! JSONValue(
        json: """
            {"event": {"id": 7, "type": "booking.status_changed"},
             "object": {"number": "EG-2026-0012", "state": "cancelled", "total_ore": 12500000,
                        "customer": {"name": "Åsa Öberg", "email": "asa@example.se"}, "tags": ["tält", "golv"]},
             "details": {"state": "cancelled", "cancel_reason": "Regn"},
             "previous": {"state": "confirmed"}}
            """)

    @Test func aDefinitionRoundTripsAndBadOnesAreRefusedWithTheReason() throws {
        let json = """
            {"conditions": {"all": [{"field": "object.total_ore", "op": "greater", "value": 10000000},
                                    {"any": [{"field": "object.state", "op": "changed_to", "value": "cancelled"},
                                             {"field": "object.customer.email", "op": "empty"}]}]},
             "window": {"weekdays": [1, 2, 3, 4, 5], "from": "08:00", "to": "17:00"},
             "actions": [{"type": "wait", "days": 3}, {"type": "email", "to": "role:manager", "subject": "Avbokad {{object.number}}", "body": "Hej"},
                         {"type": "check", "conditions": {"all": [{"field": "object.state", "op": "equals", "value": "cancelled"}]}},
                         {"type": "note", "text": "Avbokad av kund"}, {"type": "resend_link"}, {"type": "webhook", "url": "https://crm.example.se/x"},
                         {"type": "set_state", "state": "cancelled", "reason": "Kunden avbokade"}]}
            """
        let definition = try TriggerDefinition.parse(json)
        #expect(definition.actions.count == 7)
        #expect(definition.actions.last == .setState(.cancelled, reason: "Kunden avbokade"))
        #expect(try TriggerDefinition.parse(definition.json) == definition, "what is stored reads back the same")

        #expect(throws: TriggerDefinitionError.noActions) { try TriggerDefinition.parse(#"{"actions": []}"#) }
        #expect(throws: TriggerDefinitionError.unknownAction("sms")) {
            try TriggerDefinition.parse(#"{"actions": [{"type": "sms"}]}"#)
        }
        #expect(throws: TriggerDefinitionError.unknownOperator("like")) {
            try TriggerDefinition.parse(
                #"{"conditions": {"all": [{"field": "x", "op": "like", "value": 1}]}, "actions": [{"type": "resend_link"}]}"#
            )
        }
        #expect(throws: TriggerDefinitionError.badRecipient("kunden")) {
            try TriggerDefinition.parse(
                #"{"actions": [{"type": "email", "to": "kunden", "subject": "s", "body": "b"}]}"#)
        }
        #expect(throws: TriggerDefinitionError.badWait) {
            try TriggerDefinition.parse(#"{"actions": [{"type": "wait", "seconds": 5}]}"#)
        }
        // A number that would overflow when turned into seconds is refused, not a crash.
        #expect(throws: TriggerDefinitionError.badWait) {
            try TriggerDefinition.parse(#"{"actions": [{"type": "wait", "days": 900000000000000000}]}"#)
        }
        #expect(throws: TriggerDefinitionError.badWait) {
            try TriggerDefinition.parse(#"{"actions": [{"type": "wait", "days": -1, "hours": 30}]}"#)
        }
        #expect(throws: TriggerDefinitionError.badWindow) {
            try TriggerDefinition.parse(
                #"{"window": {"weekdays": [8], "from": "08:00", "to": "17:00"}, "actions": [{"type": "resend_link"}]}"#)
        }
        #expect(throws: TriggerDefinitionError.self) { try TriggerDefinition.parse("not json") }
        // A state no use case moves to, and a cancellation without the reason its page asks for.
        #expect(throws: TriggerDefinitionError.self) {
            try TriggerDefinition.parse(#"{"actions": [{"type": "set_state", "state": "signed"}]}"#)
        }
        #expect(throws: TriggerDefinitionError.self) {
            try TriggerDefinition.parse(#"{"actions": [{"type": "set_state", "state": "cancelled", "reason": " "}]}"#)
        }
    }

    @Test func conditionsAreEvaluatedWithTheirValuesShown() throws {
        let group = try JSONDecoder().decode(
            ConditionGroup.self,
            from: Data(
                """
                {"all": [{"field": "object.total_ore", "op": "greater", "value": 10000000},
                         {"field": "object.state", "op": "changed_from", "value": "confirmed"},
                         {"field": "object.tags", "op": "contains", "value": "golv"},
                         {"field": "object.state", "op": "in", "value": ["cancelled", "closed"]},
                         {"any": [{"field": "object.customer.email", "op": "empty"},
                                  {"field": "details.cancel_reason", "op": "contains", "value": "regn"}]}]}
                """.utf8))
        let (holds, trace) = TriggerEvaluation.evaluate(group, in: Self.context)
        #expect(holds)
        #expect(trace.count == 6)
        #expect(
            trace[0]
                == ConditionTrace(
                    field: "object.total_ore", op: "greater", expected: "10000000", actual: "12500000", holds: true,
                    depth: 0))
        #expect(trace[1].actual == "confirmed → cancelled")
        #expect(trace[4].holds == false && trace[4].depth == 1)

        let notChanged = ConditionGroup(conditions: [.compare(field: "object.number", op: .changed, value: nil)])
        #expect(!TriggerEvaluation.evaluate(notChanged, in: Self.context).holds)
        let differs = ConditionGroup(
            match: .any, conditions: [.compare(field: "object.state", op: .differs, value: .string("cancelled"))])
        #expect(!TriggerEvaluation.evaluate(differs, in: Self.context).holds)
        #expect(TriggerEvaluation.evaluate(ConditionGroup(), in: Self.context).holds, "no conditions: always")
    }

    @Test func placeholdersAreFilledAndMissingOnesListed() {
        let rendered = TriggerEvaluation.render(
            "Bokning {{object.number}} för {{ object.customer.name }}: {{object.nope}} ({{event.type}})",
            in: Self.context)
        #expect(rendered.text == "Bokning EG-2026-0012 för Åsa Öberg:  (booking.status_changed)")
        #expect(rendered.missing == ["object.nope"])
        #expect(TriggerEvaluation.render("{{unclosed", in: Self.context).text == "{{unclosed")
    }

    @Test func aWindowInStockholmTimeAndItsNextOpening() throws {
        let window = try TimeWindow(weekdays: [1, 2, 3, 4, 5], from: "08:00", to: "17:00")
        // Friday 2026-12-04 16:59 CET is inside; 17:00 is not; the next opening is Monday 08:00 CET.
        let formatter = ISO8601DateFormatter()
        #expect(window.contains(formatter.date(from: "2026-12-04T15:59:00Z")!))
        #expect(!window.contains(formatter.date(from: "2026-12-04T16:00:00Z")!))
        #expect(
            window.next(after: formatter.date(from: "2026-12-04T16:00:00Z")!)
                == formatter.date(from: "2026-12-07T07:00:00Z"))
        // Summer time: 08:00 CEST is 06:00 UTC.
        #expect(
            window.next(after: formatter.date(from: "2026-06-13T10:00:00Z")!)
                == formatter.date(from: "2026-06-15T06:00:00Z"))
    }
}
