/// Checks what was submitted for a form against its definition. Pure: the caller gives the form's
/// posted values (field key → values, several for multiple choice and checklists) and the names of
/// the files held for each file field (already uploaded and uploaded with this submission).
///
/// Only visible fields count: a field whose `visibleWhen` is not met (or whose condition's field is
/// itself hidden) is neither required nor stored, whatever was posted for it.
public enum FormAnswers {
    public enum Outcome: Sendable, Equatable {
        /// The answers to store, by field key: text and choices as strings, numbers as numbers, money
        /// as whole öre, dates as `YYYY-MM-DD`, yes/no as booleans, several answers and files
        /// (their names) as arrays. Unanswered optional fields are left out.
        case valid([String: JSONValue])
        /// At least one problem, in the form's order; nothing is to be stored.
        case invalid([FormAnswerProblem])
    }

    /// Whether each field is shown for these values, by key (a field without a condition always is).
    public static func visibility(
        _ definition: FormDefinition, submitted: [String: [String]]
    ) -> [String: Bool] {
        var visible: [String: Bool] = [:]
        let fields = definition.fields
        func isVisible(_ field: FormField, depth: Int) -> Bool {
            if let known = visible[field.key] { return known }
            guard let condition = field.visibleWhen else { return true }
            guard depth < fields.count, let other = definition.field(condition.field), other.key != field.key,
                isVisible(other, depth: depth + 1)
            else { return false }
            let wanted = condition.equals.trimmingWhitespace
            return (submitted[other.key] ?? []).contains { $0.trimmingWhitespace == wanted }
        }
        for field in fields { visible[field.key] = isVisible(field, depth: 0) }
        return visible
    }

    public static func validate(
        _ definition: FormDefinition, submitted: [String: [String]], files: [String: [String]] = [:]
    ) -> Outcome {
        let visible = visibility(definition, submitted: submitted)
        var answers: [String: JSONValue] = [:]
        var problems: [FormAnswerProblem] = []
        for field in definition.fields where visible[field.key] == true {
            let values = (submitted[field.key] ?? []).map(\.trimmingWhitespace).filter { !$0.isEmpty }
            switch answer(field, values: values, files: files[field.key] ?? []) {
            case .success(let value?): answers[field.key] = value
            case .success(nil):
                if field.required { problems.append(FormAnswerProblem(field: field, kind: .missing)) }
            case .failure(let kind): problems.append(FormAnswerProblem(field: field, kind: kind))
            }
        }
        return problems.isEmpty ? .valid(answers) : .invalid(problems)
    }

    /// One field's answer, nil when unanswered.
    static func answer(
        _ field: FormField, values: [String], files: [String]
    ) -> Result<JSONValue?, FormAnswerProblem.Kind> {
        if field.kind == .file {
            return .success(files.isEmpty ? nil : .array(files.map(JSONValue.string)))
        }
        guard let first = values.first else { return .success(nil) }
        switch field.kind {
        case .text, .signature:
            guard first.lengthForLimits <= 500 else { return .failure(.tooLong(maximum: 500)) }
            guard !first.contains(where: \.isNewline) else { return .failure(.lineBreak) }
            return .success(.string(first))
        case .longText:
            guard first.lengthForLimits <= 10_000 else { return .failure(.tooLong(maximum: 10_000)) }
            return .success(.string(first))
        case .number:
            let text = first.replacingAll(",", with: ".").filter { $0 != " " && $0 != "\u{00A0}" }
            guard let number = Double(text), number.isFinite, abs(number) < 1e12 else {
                return .failure(.notANumber)
            }
            return .success(.number(number))
        case .money:
            // Below 10^12 öre, as numbers: a stored amount always reads back as whole öre.
            guard let money = try? Money(parsing: first), abs(money.ore) < 1_000_000_000_000 else {
                return .failure(.notAnAmount)
            }
            return .success(.number(Double(money.ore)))
        case .date:
            guard let date = try? CalendarDate(iso: first) else { return .failure(.notADate) }
            return .success(.string(date.iso))
        case .yesNo:
            switch first {
            case "yes": return .success(.bool(true))
            case "no": return .success(.bool(false))
            default: return .failure(.notAnOption)
            }
        case .choice:
            guard values.count == 1, field.options.contains(first) else { return .failure(.notAnOption) }
            return .success(.string(first))
        case .multipleChoice:
            guard values.allSatisfy(field.options.contains) else { return .failure(.notAnOption) }
            return .success(.array(field.options.filter(values.contains).map(JSONValue.string)))
        case .checklist:
            guard values.allSatisfy(field.options.contains) else { return .failure(.notAnOption) }
            let ticked = field.options.filter(values.contains)
            if field.required, ticked.count < field.options.count {
                return .failure(.unticked(field.options.filter { !values.contains($0) }))
            }
            return .success(.array(ticked.map(JSONValue.string)))
        case .file: return .success(nil)
        }
    }
}

/// What is wrong with one answer; `message` says it in the member's (or customer's) language.
public struct FormAnswerProblem: Sendable, Equatable {
    public enum Kind: Error, Sendable, Equatable {
        case missing
        case tooLong(maximum: Int)
        case lineBreak
        case notANumber
        case notAnAmount
        case notADate
        case notAnOption
        /// A required checklist with these items not ticked.
        case unticked([String])
    }

    public let field: String
    public let label: String
    public let kind: Kind

    public init(field: FormField, kind: Kind) {
        self.field = field.key
        self.label = field.label
        self.kind = kind
    }

    public func message(_ language: Language) -> String {
        switch (kind, language) {
        case (.missing, .sv): "\(label): fyll i det här fältet."
        case (.missing, .en): "\(label): please fill in this field."
        case (.tooLong(let maximum), .sv): "\(label): högst \(maximum) tecken."
        case (.tooLong(let maximum), .en): "\(label): at most \(maximum) characters."
        case (.lineBreak, .sv): "\(label): skriv på en rad."
        case (.lineBreak, .en): "\(label): write it on one line."
        case (.notANumber, .sv): "\(label): skriv ett tal, till exempel 12 eller 3,5."
        case (.notANumber, .en): "\(label): write a number, such as 12 or 3.5."
        case (.notAnAmount, .sv): "\(label): skriv ett belopp i kronor, till exempel 1 250 eller 99,50."
        case (.notAnAmount, .en): "\(label): write an amount in kronor, such as 1 250 or 99.50."
        case (.notADate, .sv): "\(label): skriv ett datum som 2026-06-12."
        case (.notADate, .en): "\(label): write a date such as 2026-06-12."
        case (.notAnOption, .sv): "\(label): välj bland alternativen."
        case (.notAnOption, .en): "\(label): choose from the options."
        case (.unticked(let items), .sv): "\(label): bocka av \(items.joined(separator: ", "))."
        case (.unticked(let items), .en): "\(label): tick off \(items.joined(separator: ", "))."
        }
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
