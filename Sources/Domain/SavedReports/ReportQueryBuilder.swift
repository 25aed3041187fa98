import Foundation

/// A report's statement: SQL text with `$1…$n` placeholders, the values bound to them, and what
/// each result column is. The text is made only of expressions written in code (the entities'
/// columns) and of this builder's own keywords; every value from a definition is a parameter.
public struct ReportStatement: Sendable, Hashable {
    /// The text between placeholders: `pieces.count == parameters.count + 1`.
    public let pieces: [String]
    public let parameters: [ReportParameter]
    public let columns: [ReportResultColumn]
    /// The leading result columns that are the groups (0 for a listing).
    public let groupCount: Int

    /// The SQL text as sent, with `$n` placeholders.
    public var sql: String {
        var text = pieces[0]
        for index in parameters.indices { text += "$\(index + 1)" + pieces[index + 1] }
        return text
    }
}

/// One column of a report's result: a listed column, a group, or a measure.
public struct ReportResultColumn: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case text
        /// A choice column's value, shown with its label.
        case choice
        /// A period of a date grouping (`2026-03`, `2026-W10`, `2026`), as text.
        case period
        case date
        /// Hundredths: `1250` is 12.50.
        case number
        /// Öre.
        case money
        /// A whole count.
        case count
        case bool
    }

    /// The column's key, or the measure's (`count`, `sum:total`).
    public var key: String
    public var label: ReportLabel
    public var kind: Kind
    public var choices: [ReportChoice]

    public init(key: String, label: ReportLabel, kind: Kind, choices: [ReportChoice] = []) {
        self.key = key
        self.label = label
        self.kind = kind
        self.choices = choices
    }
}

/// Builds a report's statement from its definition and the catalog's whitelist. Pure: no I/O.
public enum ReportQueryBuilder {
    public static let maximumValueLength = 200
    public static let maximumListValues = 50

    /// - Throws: `SavedReportRefusal` for an unknown entity, column, operator, grouping, measure or
    ///   sort key, a value that is not of its column's type, or a limit out of range.
    public static func statement(
        _ definition: ReportDefinition, catalog: ReportCatalog
    ) throws(SavedReportRefusal) -> ReportStatement {
        guard let entity = catalog.entity(definition.entity) else { throw .unknownEntity(definition.entity) }
        guard (1...ReportDefinition.maximumLimit).contains(definition.limit) else {
            throw .limitOutOfRange(maximum: ReportDefinition.maximumLimit)
        }
        guard definition.filters.count <= ReportDefinition.maximumFilters else {
            throw .tooManyFilters(maximum: ReportDefinition.maximumFilters)
        }
        var writer = SQLWriter()
        var columns: [ReportResultColumn] = []
        var aliases: [String: String] = [:]
        writer.sql("SELECT ")
        if definition.isGrouped {
            guard definition.groups.count <= ReportDefinition.maximumGroups else {
                throw .tooManyGroups(maximum: ReportDefinition.maximumGroups)
            }
            guard !definition.measures.isEmpty else { throw .noMeasures }
            guard definition.measures.count <= ReportDefinition.maximumMeasures else {
                throw .tooManyMeasures(maximum: ReportDefinition.maximumMeasures)
            }
            for (index, group) in definition.groups.enumerated() {
                let column = try column(group.column, in: entity)
                if index > 0 { writer.sql(", ") }
                columns.append(try groupSelect(group, column, &writer))
                writer.sql(" AS g\(index)")
                aliases[group.column] = aliases[group.column] ?? "g\(index)"
            }
            for (index, measure) in definition.measures.enumerated() {
                writer.sql(", ")
                columns.append(try measureSelect(measure, entity, &writer))
                writer.sql(" AS m\(index)")
                aliases[measure.key] = aliases[measure.key] ?? "m\(index)"
            }
        } else {
            guard !definition.columns.isEmpty else { throw .noColumns }
            guard definition.columns.count <= ReportDefinition.maximumColumns else {
                throw .tooManyColumns(maximum: ReportDefinition.maximumColumns)
            }
            for (index, key) in definition.columns.enumerated() {
                let column = try column(key, in: entity)
                if index > 0 { writer.sql(", ") }
                columns.append(listSelect(column, &writer))
                writer.sql(" AS c\(index)")
                aliases[key] = aliases[key] ?? "c\(index)"
            }
        }
        writer.sql(" FROM ")
        writer.expression(entity.from)
        for (index, filter) in definition.filters.enumerated() {
            writer.sql(index == 0 ? " WHERE " : " AND ")
            try condition(filter, entity, &writer)
        }
        if definition.isGrouped {
            writer.sql(" GROUP BY " + definition.groups.indices.map { String($0 + 1) }.joined(separator: ", "))
        }
        writer.sql(" ORDER BY ")
        var order: [String] = []
        if let sort = definition.sort {
            guard let alias = aliases[sort.key] else { throw .unknownSort(sort.key) }
            order.append(alias + (sort.descending ? " DESC" : " ASC") + " NULLS LAST")
        }
        if definition.isGrouped {
            order += definition.groups.indices.map { "g\($0) ASC NULLS LAST" }
            writer.sql(order.joined(separator: ", "))
        } else {
            if order.isEmpty { order.append("c0 ASC NULLS LAST") }
            writer.sql(order.joined(separator: ", ") + ", ")
            writer.expression(entity.idExpression)
        }
        writer.sql(" LIMIT ")
        writer.bind(.integer(Int64(definition.limit)))
        return ReportStatement(
            pieces: writer.pieces, parameters: writer.parameters, columns: columns,
            groupCount: definition.isGrouped ? definition.groups.count : 0)
    }

    static func column(_ key: String, in entity: ReportEntity) throws(SavedReportRefusal) -> ReportColumn {
        guard let column = entity.column(key) else { throw .unknownColumn(key) }
        return column
    }

    /// A listed column's value as the result decodes it: text, ISO day, hundredths, öre or a boolean.
    static func listSelect(_ column: ReportColumn, _ writer: inout SQLWriter) -> ReportResultColumn {
        let kind: ReportResultColumn.Kind
        switch column.type {
        case .text:
            kind = .text
            writer.wrap("(", column.expression, ")::text")
        case .choice:
            kind = .choice
            writer.wrap("(", column.expression, ")::text")
        case .number:
            kind = .number
            writer.wrap("round((", column.expression, ")::numeric * 100)::bigint")
        case .money:
            kind = .money
            writer.wrap("(", column.expression, ")::bigint")
        case .date:
            kind = .date
            writer.wrap("to_char((", column.expression, ")::date, 'YYYY-MM-DD')")
        case .bool:
            kind = .bool
            writer.wrap("(", column.expression, ")::boolean")
        }
        return ReportResultColumn(key: column.key, label: column.label, kind: kind, choices: column.choices)
    }

    /// The periods a date column groups by, with their labels' formats (ISO, so they sort as text).
    public enum Period: String, Sendable, CaseIterable {
        case day, week, month, year

        var format: String {
            switch self {
            case .day: "'YYYY-MM-DD'"
            case .week: "'IYYY-\"W\"IW'"
            case .month: "'YYYY-MM'"
            case .year: "'YYYY'"
            }
        }

        public var label: ReportLabel {
            switch self {
            case .day: ReportLabel("dag", "day")
            case .week: ReportLabel("vecka", "week")
            case .month: ReportLabel("månad", "month")
            case .year: ReportLabel("år", "year")
            }
        }
    }

    static func groupSelect(
        _ group: ReportDefinition.Group, _ column: ReportColumn, _ writer: inout SQLWriter
    ) throws(SavedReportRefusal) -> ReportResultColumn {
        let by = group.by ?? ""
        guard column.type == .date else {
            guard by.isEmpty else { throw .badGrouping(column: column.key, by: by) }
            return listSelect(column, &writer)
        }
        guard let period = by.isEmpty ? .day : Period(rawValue: by) else {
            throw .badGrouping(column: column.key, by: by)
        }
        writer.wrap("to_char((", column.expression, ")::date, \(period.format))")
        let label = ReportLabel(
            "\(column.label.sv) (\(period.label.sv))", "\(column.label.en) (\(period.label.en))")
        return ReportResultColumn(key: column.key, label: label, kind: .period)
    }

    static func measureSelect(
        _ measure: ReportDefinition.Measure, _ entity: ReportEntity, _ writer: inout SQLWriter
    ) throws(SavedReportRefusal) -> ReportResultColumn {
        if measure.fn == "count", measure.column == nil {
            writer.sql("count(*)::bigint")
            return ReportResultColumn(key: measure.key, label: ReportLabel("Antal", "Count"), kind: .count)
        }
        guard let key = measure.column, let column = entity.column(key), column.type.isSummable,
            measure.fn == "sum" || measure.fn == "avg"
        else { throw .badMeasure(measure.key) }
        let sum = measure.fn == "sum"
        let label =
            sum
            ? ReportLabel("Summa \(column.label.inPhrase(.sv))", "Sum of \(column.label.inPhrase(.en))")
            : ReportLabel("Medel \(column.label.inPhrase(.sv))", "Average \(column.label.inPhrase(.en))")
        if column.type == .money {
            writer.wrap(sum ? "coalesce(sum(" : "round(avg(", column.expression, sum ? "), 0)::bigint" : "))::bigint")
            return ReportResultColumn(key: measure.key, label: label, kind: .money)
        }
        writer.wrap(
            sum ? "round(coalesce(sum((" : "round(avg((", column.expression,
            sum ? ")::numeric), 0) * 100)::bigint" : ")::numeric) * 100)::bigint")
        return ReportResultColumn(key: measure.key, label: label, kind: .number)
    }

    /// One filter as a condition: the column's expression, the operator's SQL, the values bound.
    static func condition(
        _ filter: ReportDefinition.Filter, _ entity: ReportEntity, _ writer: inout SQLWriter
    ) throws(SavedReportRefusal) {
        let column = try column(filter.column, in: entity)
        guard let op = ReportOperator(rawValue: filter.op), column.type.operators.contains(op) else {
            throw .operatorNotAllowed(op: filter.op, column: filter.column)
        }
        let textual = column.type == .text || column.type == .choice
        switch op {
        case .empty:
            writer.wrap(textual ? "coalesce((" : "((", column.expression, textual ? ")::text, '') = ''" : ") IS NULL)")
        case .notEmpty:
            writer.wrap(
                textual ? "coalesce((" : "((", column.expression, textual ? ")::text, '') <> ''" : ") IS NOT NULL)")
        case .contains:
            let text = try value(filter.value, column)
            guard case .text(let needle) = text.parameter else {
                throw .badValue(column: column.key, value: filter.value, expected: column.type)
            }
            writer.wrap("((", column.expression, ")::text ILIKE ")
            writer.bind(.text("%" + likeEscaped(needle) + "%"))
            writer.sql(")")
        case .equals, .differs, .greater, .less:
            let symbol =
                switch op {
                case .equals: " = "
                case .differs: " IS DISTINCT FROM "
                case .greater: " > "
                default: " < "
                }
            let bound = try value(filter.value, column)
            writer.wrap("((", column.expression, ")" + symbol)
            writer.bind(bound.parameter, cast: bound.cast + ")")
        case .between:
            let low = try value(filter.value, column)
            let high = try value(filter.value2, column)
            writer.wrap("((", column.expression, ") BETWEEN ")
            writer.bind(low.parameter, cast: low.cast + " AND ")
            writer.bind(high.parameter, cast: high.cast + ")")
        case .in:
            let items = filter.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard !items.isEmpty else {
                throw .badValue(column: column.key, value: filter.value, expected: column.type)
            }
            guard items.count <= maximumListValues else {
                throw .tooManyValues(column: column.key, maximum: maximumListValues)
            }
            writer.wrap("((", column.expression, ") IN (")
            for (index, item) in items.enumerated() {
                let bound = try value(item, column)
                writer.bind(bound.parameter, cast: bound.cast + (index == items.count - 1 ? "))" : ", "))
            }
        }
    }

    /// A typed value as a parameter and the cast written after its placeholder.
    static func value(
        _ typed: String, _ column: ReportColumn
    ) throws(SavedReportRefusal) -> (parameter: ReportParameter, cast: String) {
        let text = typed.trimmingCharacters(in: .whitespaces)
        let refused = SavedReportRefusal.badValue(column: column.key, value: typed, expected: column.type)
        guard !text.isEmpty, text.count <= maximumValueLength else { throw refused }
        switch column.type {
        case .text:
            return (.text(text), "")
        case .choice:
            guard !column.choices.isEmpty else { return (.text(text), "") }
            let lower = text.lowercased()
            guard
                let choice = column.choices.first(where: {
                    $0.value == text || $0.label.sv.lowercased() == lower || $0.label.en.lowercased() == lower
                })
            else { throw refused }
            return (.text(choice.value), "")
        case .number:
            guard let canonical = decimal(text) else { throw refused }
            return (.text(canonical), "::numeric")
        case .money:
            guard let money = try? Money(parsing: text) else { throw refused }
            return (.integer(money.ore), "")
        case .date:
            guard let date = try? CalendarDate(iso: text) else { throw refused }
            return (.text(date.iso), "::date")
        case .bool:
            switch text.lowercased() {
            case "yes", "ja", "true", "1": return (.bool(true), "")
            case "no", "nej", "false", "0": return (.bool(false), "")
            default: throw refused
            }
        }
    }

    /// A decimal number as typed (`12,5`, `-3`, `1 000.25`) in canonical form (`12.5`), or nil.
    static func decimal(_ text: String) -> String? {
        let compact = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
            .replacingOccurrences(of: ",", with: ".")
        let body = compact.hasPrefix("-") ? compact.dropFirst() : Substring(compact)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, (1...15).contains(whole.count),
            whole.allSatisfy(\.isReportDigit)
        else { return nil }
        if parts.count == 2 {
            guard (1...6).contains(parts[1].count), parts[1].allSatisfy(\.isReportDigit) else { return nil }
        }
        return compact
    }

    /// `%`, `_` and `\` matched literally by `ILIKE`.
    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

extension Character {
    fileprivate var isReportDigit: Bool { isASCII && isNumber }
}

/// Collects SQL text and parameters in placeholder order.
struct SQLWriter {
    private(set) var pieces: [String] = [""]
    private(set) var parameters: [ReportParameter] = []

    mutating func sql(_ text: String) { pieces[pieces.count - 1] += text }

    /// Binds the next `$n`; `cast` is the text written right after the placeholder.
    mutating func bind(_ parameter: ReportParameter, cast: String = "") {
        parameters.append(parameter)
        pieces.append(cast)
    }

    mutating func expression(_ expression: ReportExpression) {
        for piece in expression.pieces {
            switch piece {
            case .sql(let text): sql(text)
            case .parameter(let parameter): bind(parameter)
            }
        }
    }

    mutating func wrap(_ before: String, _ expression: ReportExpression, _ after: String) {
        sql(before)
        self.expression(expression)
        sql(after)
    }
}
