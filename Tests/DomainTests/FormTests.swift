import Domain
import Testing

@Suite("Forms: answers, visibility, the builder's edits and publishing rules")
struct FormTests {
    static let survey = FormDefinition(sections: [
        FormSection(
            title: "Plats",
            fields: [
                FormField(
                    key: "ground", label: "Underlag", kind: .choice, required: true,
                    options: ["gräs", "asfalt", "grus", "annat"]),
                FormField(
                    key: "ground_other", label: "Vilket underlag", kind: .text, required: true,
                    visibleWhen: FieldCondition(field: "ground", equals: "annat")),
                FormField(key: "truck_access", label: "Framkomligt för lastbil", kind: .yesNo, required: true),
                FormField(
                    key: "access_notes", label: "Beskriv framkomligheten", kind: .longText, required: true,
                    visibleWhen: FieldCondition(field: "truck_access", equals: "no")),
                FormField(
                    key: "gate_width", label: "Grindens bredd (m)", kind: .number,
                    visibleWhen: FieldCondition(field: "access_notes", equals: "grind")),
            ]),
        FormSection(
            title: "Övrigt",
            fields: [
                FormField(key: "budget", label: "Budget", kind: .money),
                FormField(key: "date", label: "Datum", kind: .date),
                FormField(key: "packed", label: "Packat", kind: .checklist, required: true, options: ["tält", "golv"]),
                FormField(key: "photos", label: "Foton", kind: .file, required: true),
            ]),
    ])

    @Test func hiddenFieldsAreNeitherRequiredNorStored() {
        let outcome = FormAnswers.validate(
            Self.survey,
            submitted: [
                "ground": ["gräs"], "ground_other": ["lera"], "truck_access": ["yes"], "access_notes": ["grind"],
                "gate_width": ["x"], "packed": ["tält", "golv"],
            ],
            files: ["photos": ["a.jpg"]])
        #expect(
            outcome
                == .valid([
                    "ground": .string("gräs"), "truck_access": .bool(true),
                    "packed": .array([.string("tält"), .string("golv")]),
                    "photos": .array([.string("a.jpg")]),
                ]))
    }

    @Test func aVisibleRequiredFieldLeftEmptyIsRefusedInTheMembersLanguage() {
        let outcome = FormAnswers.validate(
            Self.survey,
            submitted: [
                "ground": ["annat"], "truck_access": ["no"], "access_notes": ["grind"], "gate_width": ["3,5 m"],
                "packed": ["tält"],
            ])
        guard case .invalid(let problems) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(problems.map(\.field) == ["ground_other", "gate_width", "packed", "photos"])
        #expect(problems[0].message(.sv) == "Vilket underlag: fyll i det här fältet.")
        #expect(problems[0].message(.en) == "Vilket underlag: please fill in this field.")
        #expect(problems[1].message(.en) == "Grindens bredd (m): write a number, such as 12 or 3.5.")
        #expect(problems[2].message(.sv) == "Packat: bocka av golv.")
    }

    @Test func valuesAreReadByKind() {
        let outcome = FormAnswers.validate(
            Self.survey,
            submitted: [
                "ground": ["grus"], "truck_access": ["no"], "access_notes": ["grind"], "gate_width": ["3,5"],
                "budget": ["1 250,50"], "date": ["2026-06-12"], "packed": ["golv", "tält"],
            ],
            files: ["photos": ["a.jpg"]])
        guard case .valid(let answers) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(answers["gate_width"] == .number(3.5))
        #expect(answers["budget"] == .number(125_050))
        #expect(answers["date"] == .string("2026-06-12"))
        #expect(answers["truck_access"] == .bool(false))
        #expect(answers["packed"] == .array([.string("tält"), .string("golv")]), "in the form's order")
        let bad = FormAnswers.validate(
            Self.survey, submitted: ["ground": ["betong"], "date": ["2026-02-30"], "truck_access": ["yes"]])
        guard case .invalid(let problems) = bad else { return }
        #expect(problems.map(\.field) == ["ground", "date", "packed", "photos"])
        // An amount that would not read back as whole öre is refused, not stored.
        let huge = FormAnswers.validate(
            Self.survey,
            submitted: [
                "ground": ["grus"], "truck_access": ["yes"], "packed": ["tält", "golv"],
                "budget": ["92 233 720 368 547 758,07"],
            ], files: ["photos": ["a.jpg"]])
        guard case .invalid(let hugeProblems) = huge else {
            Issue.record("\(huge)")
            return
        }
        #expect(hugeProblems.map(\.field) == ["budget"])
    }

    @Test func aConditionOnAHiddenFieldHidesToo() {
        let visible = FormAnswers.visibility(
            Self.survey, submitted: ["truck_access": ["yes"], "access_notes": ["grind"]])
        #expect(visible["access_notes"] == false)
        #expect(visible["gate_width"] == false, "its condition's field is hidden")
        #expect(visible["ground"] == true)
    }

    @Test func theBuilderRoundTripsItsInputsAndAppliesEdits() {
        let values = FormBuilder.values(Self.survey)
        #expect(FormBuilder.definition { values[$0] } == Self.survey)
        var edited = FormBuilder.apply(.addField(section: 0), to: Self.survey)
        #expect(edited.sections[0].fields.count == 6)
        #expect(edited.sections[0].fields.last?.key == "field_10")
        edited = FormBuilder.apply(.moveDown(5), to: edited)
        #expect(
            edited.sections[1].fields.first?.key == "field_10", "down past the end of a section moves it to the next")
        edited = FormBuilder.apply(.moveUp(5), to: edited)
        #expect(edited.sections[0].fields.last?.key == "field_10")
        edited = FormBuilder.apply(.remove(0), to: edited)
        #expect(edited.fields.first?.key == "ground_other")
        edited = FormBuilder.apply(.removeSection(1), to: edited)
        #expect(edited.sections.count == 1)
        #expect(edited.fields.count == 9, "the removed section's fields join the one before")
        #expect(FormBuilder.Edit("up:3") == .moveUp(3))
        #expect(FormBuilder.Edit("drop table") == nil)
        #expect(FormBuilder.key(for: "Framkomligt för lastbil?") == "framkomligt_for_lastbil")
    }

    @Test func publishingNeedsLabelsUniqueKeysAndConditionsOnEarlierFields() {
        #expect(FormRules.problems(Self.survey).isEmpty)
        var bad = Self.survey
        bad.sections[0].fields[0].options = []
        bad.sections[0].fields[1].label = ""
        bad.sections[0].fields[3].visibleWhen = FieldCondition(field: "truck_access", equals: "kanske")
        bad.sections[1].fields[0].key = "ground"
        bad.sections[1].fields[1].visibleWhen = FieldCondition(field: "photos", equals: "x")
        let problems = FormRules.problems(bad)
        #expect(problems.map(\.input) == ["f0_options", "f1_label", "f3_when_value", "f5_key", "f6_when_field"])
        #expect(problems[2].message(.en) == "The value must be one of: yes, no.")
        #expect(FormRules.nameProblem("")?.kind == .nameMissing)
        #expect(
            FormRules.problems(FormDefinition(sections: [FormSection(title: "", fields: [])])).map(\.kind) == [
                .noFields
            ])
    }
}
