public import Foundation

/// A saved report's definition, as stored (`saved_reports.definition`, JSON) and as the builder's
/// form edits it: names only — an entity key, column keys, operator names, values as typed. It is
/// read into SQL only by ``ReportQueryBuilder``, which refuses every name not in the entity's
/// whitelist; the store runs that check on every save.
public struct ReportDefinition: Sendable, Hashable, Codable {
    public var entity: String
    /// The columns a listing shows (a report without groups).
    public var columns: [String]
    public var filters: [Filter]
    /// One or two group-by columns; none makes the report a listing.
    public var groups: [Group]
    /// What a grouped report computes per group.
    public var measures: [Measure]
    public var sort: Sort?
    public var limit: Int
    public var chart: ChartKind

    public struct Filter: Sendable, Hashable, Codable {
        public var column: String
        /// An operator's name (`ReportOperator.rawValue`); kept as text so an unknown one is refused by name.
        public var op: String
        /// As typed; `in` takes a comma-separated list.
        public var value: String
        /// The upper end of `between`.
        public var value2: String

        public init(column: String, op: String, value: String = "", value2: String = "") {
            self.column = column
            self.op = op
            self.value = value
            self.value2 = value2
        }

        enum CodingKeys: String, CodingKey { case column, op, value, value2 }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            column = try c.decode(String.self, forKey: .column)
            op = try c.decode(String.self, forKey: .op)
            value = try c.decodeIfPresent(String.self, forKey: .value) ?? ""
            value2 = try c.decodeIfPresent(String.self, forKey: .value2) ?? ""
        }
    }

    public struct Group: Sendable, Hashable, Codable {
        public var column: String
        /// For a date column: `day`, `week`, `month` or `year` (nil: the day).
        public var by: String?

        public init(column: String, by: String? = nil) {
            self.column = column
            self.by = by
        }
    }

    public struct Measure: Sendable, Hashable, Codable {
        /// `count`, `sum` or `avg`.
        public var fn: String
        /// The summed column (none for `count`).
        public var column: String?

        public init(fn: String, column: String? = nil) {
            self.fn = fn
            self.column = column
        }

        public static let count = Measure(fn: "count")

        /// `count`, `sum:total`, `avg:total`: how a form and a sort key name it.
        public var key: String { column.map { "\(fn):\($0)" } ?? fn }

        public init?(key: String) {
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            guard let fn = parts.first, !fn.isEmpty else { return nil }
            self.init(fn: fn, column: parts.count == 2 ? parts[1] : nil)
        }
    }

    public struct Sort: Sendable, Hashable, Codable {
        /// A column key (listing), a group's column key or a measure's key (grouped).
        public var key: String
        public var descending: Bool

        public init(key: String, descending: Bool = false) {
            self.key = key
            self.descending = descending
        }
    }

    public enum ChartKind: String, Sendable, Hashable, Codable, CaseIterable {
        case none, bar, line
    }

    public static let maximumLimit = 10_000
    public static let defaultLimit = 1_000
    public static let maximumFilters = 20
    public static let maximumGroups = 2
    public static let maximumMeasures = 10
    public static let maximumColumns = 40

    public init(
        entity: String, columns: [String] = [], filters: [Filter] = [], groups: [Group] = [],
        measures: [Measure] = [], sort: Sort? = nil, limit: Int = defaultLimit, chart: ChartKind = .none
    ) {
        self.entity = entity
        self.columns = columns
        self.filters = filters
        self.groups = groups
        self.measures = measures
        self.sort = sort
        self.limit = limit
        self.chart = chart
    }

    enum CodingKeys: String, CodingKey { case entity, columns, filters, groups, measures, sort, limit, chart }

    /// Only `entity` is required; what is left out takes its default (no columns, filters, groups or
    /// measures, the default limit, no chart).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            entity: try c.decode(String.self, forKey: .entity),
            columns: try c.decodeIfPresent([String].self, forKey: .columns) ?? [],
            filters: try c.decodeIfPresent([Filter].self, forKey: .filters) ?? [],
            groups: try c.decodeIfPresent([Group].self, forKey: .groups) ?? [],
            measures: try c.decodeIfPresent([Measure].self, forKey: .measures) ?? [],
            sort: try c.decodeIfPresent(Sort.self, forKey: .sort),
            limit: try c.decodeIfPresent(Int.self, forKey: .limit) ?? Self.defaultLimit,
            chart: try c.decodeIfPresent(ChartKind.self, forKey: .chart) ?? ChartKind.none)
    }

    public var isGrouped: Bool { !groups.isEmpty }

    /// The definition as stored: JSON with sorted keys.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Reads a stored or posted definition and checks it against `catalog` (the same check as
    /// building its statement). - Throws: `SavedReportRefusal` naming what is wrong.
    public static func decode(_ json: String, catalog: ReportCatalog) throws(SavedReportRefusal) -> ReportDefinition {
        guard json.utf8.count <= 100_000,
            let definition = try? JSONDecoder().decode(ReportDefinition.self, from: Data(json.utf8))
        else { throw .definitionUnreadable }
        _ = try ReportQueryBuilder.statement(definition, catalog: catalog)
        return definition
    }
}
