/// One cell of a report's result, typed as its column (see `ReportResultColumn.Kind`).
public enum ReportCell: Sendable, Hashable {
    case text(String)
    case date(CalendarDate)
    /// Hundredths.
    case number(Int64)
    /// Öre.
    case money(Int64)
    case count(Int64)
    case bool(Bool)
    case null

    /// The integer a chart draws (null and text draw nothing).
    public var integer: Int64? {
        switch self {
        case .number(let value), .money(let value), .count(let value): value
        default: nil
        }
    }
}

/// A report's result: its columns and rows, in the statement's order. The page's table, its chart
/// and its CSV file are all drawn from this one value, so they show the same figures.
public struct ReportTable: Sendable, Hashable {
    public var columns: [ReportResultColumn]
    public var rows: [[ReportCell]]
    /// The leading columns that are groups (0 for a listing).
    public var groupCount: Int

    public init(columns: [ReportResultColumn], rows: [[ReportCell]], groupCount: Int) {
        self.columns = columns
        self.rows = rows
        self.groupCount = groupCount
    }

    /// The chart of a grouped report: the first group along the axis, the second (when there is
    /// one) as series, the first measure as the values. Nil for a listing or an empty result.
    /// `label` prints a group's cell (choice labels, "(empty)") as the table does; with one group
    /// the single series is named after the measure in `language`.
    public func chartData(
        language: Language = .sv, label: (ReportResultColumn, ReportCell) -> String
    ) -> ChartData? {
        guard groupCount > 0, columns.count > groupCount, !rows.isEmpty else { return nil }
        let measure = columns[groupCount]
        let unit: ChartData.Unit =
            switch measure.kind {
            case .money: .money
            case .number: .hundredths
            default: .count
            }
        var labels: [String] = []
        var seriesNames: [String] = []
        var values: [String: [String: Int64]] = [:]
        for row in rows {
            let x = label(columns[0], row[0])
            if !labels.contains(x) { labels.append(x) }
            let name = groupCount > 1 ? label(columns[1], row[1]) : measure.label.text(language)
            if !seriesNames.contains(name) { seriesNames.append(name) }
            values[name, default: [:]][x, default: 0] &+= row[groupCount].integer ?? 0
        }
        return ChartData(
            labels: labels,
            series: seriesNames.map { name in
                ChartData.Series(name: name, values: labels.map { values[name]?[$0] ?? 0 })
            }, unit: unit)
    }
}
