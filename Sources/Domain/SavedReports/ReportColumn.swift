/// What a report column holds, and so which operators filter it, whether it can be grouped by and
/// whether it can be summed. Every column's SQL yields one of these.
public enum ReportColumnType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Free text: equals, differs, contains, in, empty.
    case text
    /// One of a fixed set of values (a state): equals, differs, in, empty.
    case choice
    /// A number (`numeric` in SQL), shown with up to two decimals.
    case number
    /// Öre (`bigint` in SQL), shown as kronor.
    case money
    /// A calendar day (`date` in SQL); timestamps are turned into their Stockholm day by their expression.
    case date
    /// Yes or no.
    case bool

    /// The operators a filter on a column of this type may use, in the order the form lists them.
    public var operators: [ReportOperator] {
        switch self {
        case .text: [.equals, .differs, .contains, .in, .empty, .notEmpty]
        case .choice: [.equals, .differs, .in, .empty, .notEmpty]
        case .number, .money, .date: [.equals, .differs, .greater, .less, .between, .empty, .notEmpty]
        case .bool: [.equals, .empty, .notEmpty]
        }
    }

    /// Sums and averages are taken of numbers and money only.
    public var isSummable: Bool { self == .number || self == .money }
}

/// A filter's comparison. Which ones a column allows depends on its type (`ReportColumnType.operators`).
public enum ReportOperator: String, Sendable, Hashable, Codable, CaseIterable {
    case equals
    case differs
    /// Text containing the value, case-insensitively (`%` and `_` match themselves).
    case contains
    case greater
    case less
    /// Between two values, both included.
    case between
    /// One of a comma-separated list of values.
    case `in`
    case empty
    case notEmpty = "not_empty"

    /// How many values the operator compares with: none, one, two, or a list.
    public var arity: Arity {
        switch self {
        case .empty, .notEmpty: .none
        case .between: .two
        case .in: .list
        case .equals, .differs, .contains, .greater, .less: .one
        }
    }

    public enum Arity: Sendable { case none, one, two, list }
}

/// A bilingual label written in code (or, for a custom field, the field's own name in both).
public struct ReportLabel: Sendable, Hashable {
    public var sv: String
    public var en: String

    public init(_ sv: String, _ en: String) {
        self.sv = sv
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .sv ? sv : en }

    /// The label inside a phrase ("Sum of total"): the first letter in lower case, unless the
    /// word is an abbreviation ("VAT", "SKU").
    public func inPhrase(_ language: Language) -> String {
        let text = text(language)
        let letters = Array(text.prefix(2))
        guard letters.count == 2, !(letters[1].isUppercase) else { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

/// One value of a choice column, with its label.
public struct ReportChoice: Sendable, Hashable {
    public var value: String
    public var label: ReportLabel

    public init(_ value: String, _ sv: String, _ en: String) {
        self.value = value
        self.label = ReportLabel(sv, en)
    }
}

/// A column's SQL expression: text written in this program, with — for runtime columns such as a
/// custom field — values that are bound as parameters, never spliced into the text.
public struct ReportExpression: Sendable, Hashable {
    public enum Piece: Sendable, Hashable {
        case sql(String)
        case parameter(ReportParameter)
    }

    public private(set) var pieces: [Piece]

    /// An expression written in code. `StaticString` keeps it a compile-time constant: no value read
    /// at run time can become SQL text through this initialiser.
    public init(_ sql: StaticString) {
        pieces = [.sql(sql.description)]
    }

    init(pieces: [Piece]) { self.pieces = pieces }

    /// A custom field's value: `(<alias>.custom ->> $n)` cast to its type, with the field's key bound
    /// as the parameter. The alias is the entity's, written in code.
    public static func custom(alias: StaticString, key: String, type: ReportColumnType) -> ReportExpression {
        let cast =
            switch type {
            case .text, .choice: ""
            case .number: "::numeric"
            case .money: "::bigint"
            case .date: "::date"
            case .bool: "::boolean"
            }
        return ReportExpression(pieces: [
            .sql("(\(alias.description).custom ->> "), .parameter(.text(key)), .sql(")\(cast)"),
        ])
    }
}

/// A value bound as a `$n` parameter of a report's statement.
public enum ReportParameter: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case bool(Bool)
}

/// A column a report can list, filter, group by or sum: its key (what a definition names), its
/// label, its type and its SQL expression over the entity's tables.
public struct ReportColumn: Sendable, Hashable {
    public var key: String
    public var label: ReportLabel
    public var type: ReportColumnType
    public var expression: ReportExpression
    /// The values of a choice column (empty: any text, as for a custom choice field).
    public var choices: [ReportChoice]

    public init(
        _ key: String, _ sv: String, _ en: String, _ type: ReportColumnType, _ sql: StaticString,
        choices: [ReportChoice] = []
    ) {
        self.key = key
        self.label = ReportLabel(sv, en)
        self.type = type
        self.expression = ReportExpression(sql)
        self.choices = choices
    }

    public init(key: String, label: ReportLabel, type: ReportColumnType, expression: ReportExpression) {
        self.key = key
        self.label = label
        self.type = type
        self.expression = expression
        self.choices = []
    }

    /// The label of a choice value, or the value itself.
    public func label(ofChoice value: String, _ language: Language) -> String {
        choices.first { $0.value == value }?.label.text(language) ?? value
    }
}
