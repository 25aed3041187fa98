/// Whether a form can be published: a name, and fields that a task can be filled with. Each
/// problem names the builder's input it belongs to (`name`, `f3_label`, …) and says what is wrong
/// in the member's language.
public enum FormRules {
    public static let maximumLabel = 200
    public static let maximumHelp = 500
    public static let maximumOptions = 50

    public static func nameProblem(_ name: String) -> FormDefinitionProblem? {
        if name.isEmpty { return FormDefinitionProblem(input: "name", kind: .nameMissing) }
        if name.lengthForLimits > 100 { return FormDefinitionProblem(input: "name", kind: .tooLong(maximum: 100)) }
        if name.contains(where: {
            $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }) {
            return FormDefinitionProblem(input: "name", kind: .controlCharacters)
        }
        return nil
    }

    /// What stops `definition` from being published, in the page's order (empty: publishable).
    public static func problems(_ definition: FormDefinition) -> [FormDefinitionProblem] {
        var problems: [FormDefinitionProblem] = []
        let fields = definition.fields
        if fields.isEmpty { problems.append(FormDefinitionProblem(input: "fields", kind: .noFields)) }
        var seen: [String: Int] = [:]
        for (i, field) in fields.enumerated() {
            let p = "f\(i)_"
            if !isKey(field.key) {
                problems.append(FormDefinitionProblem(input: p + "key", kind: .badKey))
            } else if seen[field.key] != nil {
                problems.append(FormDefinitionProblem(input: p + "key", kind: .keyTaken(field.key)))
            }
            if field.label.isEmpty {
                problems.append(FormDefinitionProblem(input: p + "label", kind: .labelMissing))
            } else if field.label.lengthForLimits > maximumLabel {
                problems.append(FormDefinitionProblem(input: p + "label", kind: .tooLong(maximum: maximumLabel)))
            }
            if field.help.lengthForLimits > maximumHelp {
                problems.append(FormDefinitionProblem(input: p + "help", kind: .tooLong(maximum: maximumHelp)))
            }
            if field.kind.hasOptions {
                if field.options.isEmpty {
                    problems.append(FormDefinitionProblem(input: p + "options", kind: .optionsMissing))
                } else if field.options.count > maximumOptions
                    || field.options.contains(where: { $0.lengthForLimits > maximumLabel })
                {
                    problems.append(FormDefinitionProblem(input: p + "options", kind: .tooManyOptions(maximumOptions)))
                } else if Set(field.options).count != field.options.count {
                    problems.append(FormDefinitionProblem(input: p + "options", kind: .optionTwice))
                }
            }
            if let condition = field.visibleWhen {
                // Only an earlier field: the form reads top to bottom, and no condition can loop.
                if let index = seen[condition.field] {
                    let other = fields[index]
                    let values = other.kind == .yesNo ? ["yes", "no"] : other.options
                    if other.kind == .file || other.kind == .signature {
                        problems.append(FormDefinitionProblem(input: p + "when_field", kind: .conditionOnFile))
                    } else if condition.equals.isEmpty
                        || (!values.isEmpty && !values.contains(condition.equals))
                    {
                        problems.append(
                            FormDefinitionProblem(input: p + "when_value", kind: .conditionValue(values)))
                    }
                } else {
                    problems.append(FormDefinitionProblem(input: p + "when_field", kind: .conditionField))
                }
            }
            if seen[field.key] == nil { seen[field.key] = i }
        }
        for (s, section) in definition.sections.enumerated() where section.title.lengthForLimits > maximumLabel {
            problems.append(FormDefinitionProblem(input: "s\(s)_title", kind: .tooLong(maximum: maximumLabel)))
        }
        return problems
    }

    static func isKey(_ key: String) -> Bool {
        !key.isEmpty && key.count <= 40 && key.unicodeScalars.first.map { ("a"..."z").contains($0) } == true
            && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

public struct FormDefinitionProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case nameMissing
        case nameTaken
        case controlCharacters
        case tooLong(maximum: Int)
        case noFields
        case badKey
        case keyTaken(String)
        case labelMissing
        case optionsMissing
        case tooManyOptions(Int)
        case optionTwice
        /// The condition's field is not an earlier field of the form.
        case conditionField
        case conditionOnFile
        /// The condition's value is not one the field can have (`yes`/`no`, or its options).
        case conditionValue([String])
    }

    /// The builder's input it is shown next to.
    public let input: String
    public let kind: Kind

    public init(input: String, kind: Kind) {
        self.input = input
        self.kind = kind
    }

    public func message(_ language: Language) -> String {
        let sv = language == .sv
        switch kind {
        case .nameMissing: return sv ? "Ge formuläret ett namn." : "Give the form a name."
        case .nameTaken: return sv ? "Ett annat formulär har redan det namnet." : "Another form already has that name."
        case .controlCharacters: return sv ? "Skriv namnet på en rad." : "Write the name on one line."
        case .tooLong(let maximum): return sv ? "Högst \(maximum) tecken." : "At most \(maximum) characters."
        case .noFields: return sv ? "Lägg till minst ett fält." : "Add at least one field."
        case .badKey:
            return sv
                ? "Nyckeln får bara ha a–z, 0–9 och _ (högst 40 tecken)."
                : "The key may only have a–z, 0–9 and _ (at most 40 characters)."
        case .keyTaken(let key):
            return sv ? "Ett annat fält har redan nyckeln \(key)." : "Another field already has the key \(key)."
        case .labelMissing: return sv ? "Skriv fältets rubrik." : "Write the field's label."
        case .optionsMissing: return sv ? "Skriv alternativen, ett per rad." : "Write the options, one per line."
        case .tooManyOptions(let maximum):
            return sv
                ? "Högst \(maximum) alternativ, vart och ett högst 200 tecken."
                : "At most \(maximum) options, each at most 200 characters."
        case .optionTwice: return sv ? "Ett alternativ står två gånger." : "An option is listed twice."
        case .conditionField:
            return sv ? "Välj ett fält som står före det här." : "Choose a field that comes before this one."
        case .conditionOnFile:
            return sv
                ? "Ett fil- eller signaturfält kan inte styra synlighet."
                : "A file or signature field cannot control visibility."
        case .conditionValue(let values):
            if values.isEmpty {
                return sv ? "Skriv värdet som ska visa fältet." : "Write the value that shows the field."
            }
            let list = values.joined(separator: ", ")
            return sv ? "Värdet måste vara ett av: \(list)." : "The value must be one of: \(list)."
        }
    }
}
