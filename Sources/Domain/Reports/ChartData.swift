/// What a chart shows, free of how it is drawn: labels along the category axis and one or more
/// named series with a value per label. The same value is drawn by the SVG charts in `Templates`,
/// listed in their data tables and written to CSV, so the three never disagree.
public struct ChartData: Sendable, Hashable {
    /// One named row of values, one value per label (missing values are zero).
    public struct Series: Sendable, Hashable {
        public var name: String
        public var values: [Int64]

        public init(name: String, values: [Int64]) {
            self.name = name
            self.values = values
        }
    }

    /// What the integers mean, and so how axes, tables and files print them.
    public enum Unit: Sendable, Hashable {
        /// Öre, printed as kronor.
        case money
        /// Whole things (quotations, invoices).
        case count
        /// Basis points: 10 000 is 100 %.
        case percent
        /// Tenths of a day: 15 is 1.5 days.
        case tenthsOfDays
        /// Hundredths of a plain number (a saved report's sum of a number column): 1250 is 12.5.
        case hundredths
    }

    public var labels: [String]
    public var series: [Series]
    public var unit: Unit

    public init(labels: [String], series: [Series], unit: Unit) {
        self.labels = labels
        self.series = series.map { series in
            var padded = series
            if padded.values.count < labels.count {
                padded.values += Array(repeating: 0, count: labels.count - padded.values.count)
            }
            padded.values = Array(padded.values.prefix(labels.count))
            return padded
        }
        self.unit = unit
    }

    /// Nothing to draw: no labels, no series, or every value zero.
    public var isEmpty: Bool { labels.isEmpty || series.allSatisfy { $0.values.allSatisfy { $0 == 0 } } }

    /// The sum of every series at each label (what a stacked bar reaches).
    public var totals: [Int64] {
        labels.indices.map { index in series.reduce(0) { $0 &+ $1.values[index] } }
    }

    /// The lowest and highest value the chart must show: each label's positive parts stacked up
    /// and negative parts stacked down when `stacked`, else the single values; zero is always in range.
    public func extent(stacked: Bool) -> (min: Int64, max: Int64) {
        var low: Int64 = 0
        var high: Int64 = 0
        for index in labels.indices {
            if stacked {
                var up: Int64 = 0
                var down: Int64 = 0
                for series in series {
                    let value = series.values[index]
                    if value >= 0 { up &+= value } else { down &+= value }
                }
                high = max(high, up)
                low = min(low, down)
            } else {
                for series in series {
                    high = max(high, series.values[index])
                    low = min(low, series.values[index])
                }
            }
        }
        return (low, high)
    }
}
