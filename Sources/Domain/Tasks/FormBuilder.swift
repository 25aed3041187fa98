/// The form builder's page as flat form fields, and its edits. The page works without JavaScript:
/// every field of the form is a row of inputs (`f3_label`, `f3_kind`, …, numbered in the order
/// shown, `f3_section` naming its section); adding, removing or moving a field posts the page, the
/// server applies the edit and shows the page again. Nothing is stored until "Save" or "Publish".
public enum FormBuilder {
    public static let maximumFields = 80
    public static let maximumSections = 12

    /// What a builder button asks for: `add:2` (a field at the end of section 2), `section` (a new
    /// section), `remove:5`, `up:5`, `down:5` (the field numbered 5), `remove_section:1`.
    public enum Edit: Sendable, Equatable {
        case addField(section: Int)
        case addSection
        case remove(Int)
        case moveUp(Int)
        case moveDown(Int)
        case removeSection(Int)

        public init?(_ text: String) {
            if text == "section" {
                self = .addSection
                return
            }
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let index = Int(parts[1]), index >= 0 else { return nil }
            switch parts[0] {
            case "add": self = .addField(section: index)
            case "remove": self = .remove(index)
            case "up": self = .moveUp(index)
            case "down": self = .moveDown(index)
            case "remove_section": self = .removeSection(index)
            default: return nil
            }
        }

        public var value: String {
            switch self {
            case .addField(let section): "add:\(section)"
            case .addSection: "section"
            case .remove(let index): "remove:\(index)"
            case .moveUp(let index): "up:\(index)"
            case .moveDown(let index): "down:\(index)"
            case .removeSection(let index): "remove_section:\(index)"
            }
        }
    }

    /// The definition as the page's inputs: `sections`, `fields`, `s{n}_title`, and per field
    /// `f{i}_section`, `_key`, `_label`, `_kind`, `_required` (`yes`), `_help`, `_options` (one per
    /// line), `_when_field`, `_when_value`.
    public static func values(_ definition: FormDefinition) -> [String: String] {
        var values = ["sections": String(definition.sections.count)]
        var index = 0
        for (s, section) in definition.sections.enumerated() {
            values["s\(s)_title"] = section.title
            for field in section.fields {
                let p = "f\(index)_"
                values[p + "section"] = String(s)
                values[p + "key"] = field.key
                values[p + "label"] = field.label
                values[p + "kind"] = field.kind.rawValue
                values[p + "required"] = field.required ? "yes" : ""
                values[p + "help"] = field.help
                values[p + "options"] = field.options.joined(separator: "\n")
                values[p + "when_field"] = field.visibleWhen?.field ?? ""
                values[p + "when_value"] = field.visibleWhen?.equals ?? ""
                index += 1
            }
        }
        values["fields"] = String(index)
        return values
    }

    /// The definition the page posted (what `values` wrote, as edited). Unknown kinds read as
    /// text; a field's section out of range goes to the last section; counts are bounded.
    public static func definition(_ value: (String) -> String?) -> FormDefinition {
        func text(_ name: String) -> String { (value(name) ?? "").trimmingWhitespace }
        let sectionCount = min(max(Int(text("sections")) ?? 1, 1), maximumSections)
        let fieldCount = min(max(Int(text("fields")) ?? 0, 0), maximumFields)
        var sections = (0..<sectionCount).map { FormSection(title: text("s\($0)_title"), fields: []) }
        for i in 0..<fieldCount {
            let p = "f\(i)_"
            let section = min(max(Int(text(p + "section")) ?? 0, 0), sectionCount - 1)
            let whenField = text(p + "when_field")
            let options = (value(p + "options") ?? "").split(whereSeparator: \.isNewline)
                .map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
            var field = FormField(
                key: text(p + "key"), label: text(p + "label"),
                kind: FormFieldKind(rawValue: text(p + "kind")) ?? .text, required: text(p + "required") == "yes",
                help: text(p + "help"), options: options,
                visibleWhen: whenField.isEmpty ? nil : FieldCondition(field: whenField, equals: text(p + "when_value")))
            if field.key.isEmpty { field.key = key(for: field.label) }
            if !field.kind.hasOptions { field.options = [] }
            sections[section].fields.append(field)
        }
        return FormDefinition(sections: sections)
    }

    /// Applies a builder button's edit. Positions out of range change nothing.
    public static func apply(_ edit: Edit, to definition: FormDefinition) -> FormDefinition {
        var sections = definition.sections
        var fields = sections.enumerated().flatMap { s, section in section.fields.map { (section: s, field: $0) } }
        switch edit {
        case .addField(let section):
            guard sections.indices.contains(section), fields.count < maximumFields else { return definition }
            let taken = Set(fields.map(\.field.key))
            var n = fields.count + 1
            while taken.contains("field_\(n)") { n += 1 }
            let at = (fields.lastIndex { $0.section <= section }).map { $0 + 1 } ?? 0
            fields.insert((section, FormField(key: "field_\(n)", label: "", kind: .text)), at: at)
        case .addSection:
            guard sections.count < maximumSections else { return definition }
            sections.append(FormSection(title: "", fields: []))
        case .remove(let index):
            guard fields.indices.contains(index) else { return definition }
            fields.remove(at: index)
        case .moveUp(let index):
            guard fields.indices.contains(index), index > 0 else { return definition }
            if fields[index - 1].section == fields[index].section {
                fields.swapAt(index, index - 1)
            } else {
                fields[index].section = fields[index - 1].section
            }
        case .moveDown(let index):
            guard fields.indices.contains(index), index < fields.count - 1 else { return definition }
            if fields[index + 1].section == fields[index].section {
                fields.swapAt(index, index + 1)
            } else {
                fields[index].section = fields[index + 1].section
            }
        case .removeSection(let index):
            guard sections.indices.contains(index), sections.count > 1 else { return definition }
            sections.remove(at: index)
            let into = max(index - 1, 0)
            fields = fields.map { item in
                (item.section > index ? item.section - 1 : (item.section == index ? into : item.section), item.field)
            }
        }
        for s in sections.indices { sections[s].fields = fields.filter { $0.section == s }.map(\.field) }
        return FormDefinition(sections: sections)
    }

    /// A key from a label: lower-case ASCII letters, digits and `_` (`Framkomligt för lastbil` →
    /// `framkomligt_for_lastbil`), at most 40 characters; `field` when nothing is left.
    public static func key(for label: String) -> String {
        var key = ""
        for character in label.lowercased() {
            let mapped: String
            switch character {
            case "å", "ä", "à", "á", "â": mapped = "a"
            case "ö", "ø", "ó", "ò", "ô": mapped = "o"
            case "é", "è", "ê", "ë": mapped = "e"
            case "ü", "ú": mapped = "u"
            default:
                mapped = character.isASCII && (character.isLetter || character.isNumber) ? String(character) : "_"
            }
            if mapped == "_", key.isEmpty || key.hasSuffix("_") { continue }
            key += mapped
        }
        while key.hasSuffix("_") { key.removeLast() }
        key = String(key.prefix(40))
        while key.hasSuffix("_") { key.removeLast() }
        return key.isEmpty ? "field" : key
    }
}
