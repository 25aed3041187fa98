import Domain
import Testing

/// The custom fields' pure rules: a definition's key, label, options and default; a value read by
/// its kind (what the forms refuse, what they store); list filters read from a query.
@Suite("Custom field rules")
struct CustomFieldRulesTests {
    static func field(
        _ kind: CustomFieldKind, options: [String] = [], required: Bool = false
    )
        -> CustomFieldDefinition
    {
        CustomFieldDefinition(
            id: CustomFieldID(rawValue: 1), entity: .quotation, key: "f", kind: kind, label: "F", options: options,
            required: required, filterable: true)
    }

    @Test func keysAreLowerCaseLettersDigitsAndUnderscoresFromALetter() {
        for key in ["a", "markunderlag", "vikt_kg", "x1", String(repeating: "a", count: 40)] {
            #expect(CustomFieldRules.isKey(key), "\(key)")
        }
        for key in ["", "1a", "_a", "Kund", "kund typ", "kund-typ", "å", String(repeating: "a", count: 41), "a'--"] {
            #expect(!CustomFieldRules.isKey(key), "\(key)")
        }
    }

    @Test func aDefinitionIsRefusedForItsFirstProblem() {
        func refusal(_ draft: CustomFieldDraft, taken: Set<String> = []) -> CustomFieldRefusal? {
            CustomFieldRules.refusal(draft, existingKeys: taken)
        }
        let ok = CustomFieldDraft(entity: .customer, key: "kundtyp", kind: .choice, label: "Kundtyp", options: "A\nB")
        #expect(refusal(ok) == nil)
        #expect(refusal(ok, taken: ["kundtyp"]) == .keyTaken("kundtyp"))
        var draft = ok
        draft.label = "  "
        #expect(refusal(draft) == .labelMissing)
        draft = ok
        draft.label = "Kund\ttyp"
        #expect(refusal(draft) == .labelHasControlCharacters)
        draft = ok
        draft.options = "\n \n"
        #expect(refusal(draft) == .optionsMissing)
        draft.options = "A\nB\nA"
        #expect(refusal(draft) == .optionRepeated("A"))
        draft = ok
        draft.defaultValue = "C"
        #expect(refusal(draft) == .defaultInvalid(.invalidChoice))
        draft.defaultValue = "B"
        #expect(refusal(draft) == nil)
        draft.customerVisible = true
        #expect(refusal(draft) == .customerVisibleNotQuotation)
        let date = CustomFieldDraft(entity: .booking, key: "d", kind: .date, label: "D", defaultValue: "2026-02-30")
        #expect(refusal(date) == .defaultInvalid(.invalidDate))
        let link = CustomFieldDraft(entity: .booking, key: "k", kind: .customer, label: "K", defaultValue: "3")
        #expect(refusal(link) == .defaultNotAllowed)
    }

    @Test func valuesAreReadByKind() throws {
        #expect(try CustomFieldValues.value("  Hej  ", Self.field(.text)) == .string("Hej"))
        #expect(try CustomFieldValues.value("", Self.field(.text)) == nil)
        #expect(throws: CustomValueProblem.tooLong(maximum: 500)) {
            try CustomFieldValues.value(String(repeating: "x", count: 501), Self.field(.text))
        }
        #expect(try CustomFieldValues.value("12,5", Self.field(.number)) == .number(12.5))
        #expect(try CustomFieldValues.value("1 234", Self.field(.number)) == .number(1234))
        #expect(try CustomFieldValues.value("-3.25", Self.field(.number)) == .number(-3.25))
        for bad in ["12a", "1-2", "1.2.3", "1e400", "NaN"] {
            #expect(throws: CustomValueProblem.notNumber, "\(bad)") {
                try CustomFieldValues.value(bad, Self.field(.number))
            }
        }
        #expect(try CustomFieldValues.value("1 250,50", Self.field(.money)) == .number(125_050))
        #expect(throws: CustomValueProblem.amount) { try CustomFieldValues.value("mycket", Self.field(.money)) }
        #expect(try CustomFieldValues.value("2026-06-19", Self.field(.date)) == .string("2026-06-19"))
        #expect(throws: CustomValueProblem.invalidDate) { try CustomFieldValues.value("2026-02-29", Self.field(.date)) }
        #expect(try CustomFieldValues.value("ja", Self.field(.yesNo)) == .bool(true))
        #expect(try CustomFieldValues.value("false", Self.field(.yesNo)) == .bool(false))
        let choice = Self.field(.choice, options: ["gräs", "asfalt"])
        #expect(try CustomFieldValues.value("gräs", choice) == .string("gräs"))
        #expect(throws: CustomValueProblem.invalidChoice) { try CustomFieldValues.value("sand", choice) }
        let multi = Self.field(.multiChoice, options: ["a", "b", "c"])
        #expect(try CustomFieldValues.value("c\na\nc", multi) == .array([.string("a"), .string("c")]))
        #expect(throws: CustomValueProblem.invalidChoice) { try CustomFieldValues.value("a\nz", multi) }
        #expect(try CustomFieldValues.value("#12", Self.field(.customer)) == .number(12))
        #expect(throws: CustomValueProblem.noSuchRecord) {
            try CustomFieldValues.value("12", Self.field(.product)) { _, _ in false }
        }
    }

    @Test func aFormIsCheckedWholeAndAnUpdateLeavesWhatWasNotPosted() {
        let fields = [
            CustomFieldDefinition(
                id: CustomFieldID(rawValue: 1), entity: .booking, key: "a", kind: .text, label: "A", required: true),
            CustomFieldDefinition(
                id: CustomFieldID(rawValue: 2), entity: .booking, key: "b", kind: .number, label: "B"),
            CustomFieldDefinition(
                id: CustomFieldID(rawValue: 3), entity: .booking, key: "c", kind: .text, label: "C", archived: true),
        ]
        let refused = CustomFieldValues.validate(["cf_b": "x"], fields)
        #expect(refused.problems == ["cf_a": .required, "cf_b": .notNumber])
        let created = CustomFieldValues.validate(["cf_a": "hej", "cf_b": "", "cf_c": "ignored"], fields)
        #expect(created.problems.isEmpty && created.values == ["a": .string("hej")])
        let updated = CustomFieldValues.validate(["cf_b": ""], fields, updating: true)
        #expect(updated.problems.isEmpty && updated.values == ["b": .null])
    }

    @Test func filtersReadOnlyFilterableFieldsAndValuesOfTheirKind() {
        let fields = [
            CustomFieldDefinition(
                id: CustomFieldID(rawValue: 1), entity: .customer, key: "typ", kind: .choice, label: "T",
                options: ["A"], filterable: true),
            CustomFieldDefinition(
                id: CustomFieldID(rawValue: 2), entity: .customer, key: "vikt", kind: .number, label: "V",
                filterable: true),
            CustomFieldDefinition(
                id: CustomFieldID(rawValue: 3), entity: .customer, key: "ja", kind: .yesNo, label: "J", filterable: true
            ),
            CustomFieldDefinition(
                id: CustomFieldID(rawValue: 4), entity: .customer, key: "hemlig", kind: .text, label: "H"),
            CustomFieldDefinition(
                id: CustomFieldID(rawValue: 5), entity: .customer, key: "dag", kind: .date, label: "D", filterable: true
            ),
        ]
        let query = [
            "cf_typ": "A", "cf_vikt_from": "10", "cf_vikt_to": "x", "cf_ja": "kanske", "cf_hemlig": "x",
            "cf_dag_to": "2026-06-30",
        ]
        #expect(
            CustomFilter.parse(fields) { query[$0] } == [
                .equals(key: "typ", .string("A")), .between(key: "vikt", from: 10, to: nil),
                .dates(key: "dag", from: nil, to: "2026-06-30"),
            ])
    }
}
