/// Revenue excluding VAT by month and category: issued invoices count on their issue date,
/// issued credit notes subtract on theirs.
///
/// A document's lines carry their own net; what it takes off as a whole (the quotation's
/// discount, an allowance) is shared among its categories in proportion to their lines, to the
/// öre (largest remainder), so every month's total is exactly the documents' net.
public struct RevenueReport: Sendable, Hashable {
    /// One category's lines on one document, as the store reads them.
    public struct Part: Sendable, Hashable {
        public var documentID: Int64
        /// `YYYY-MM` of the issue date.
        public var month: String
        public var isCreditNote: Bool
        /// Nil: no product category (shipping, free lines, add-ons for any product).
        public var category: String?
        /// The category's lines on this document: quantity × unit price − line discount, öre.
        public var linesNet: Int64
        /// The whole document's net (after its allowances), öre, as stored when it was issued.
        public var documentNet: Int64

        public init(
            documentID: Int64, month: String, isCreditNote: Bool, category: String?, linesNet: Int64,
            documentNet: Int64
        ) {
            self.documentID = documentID
            self.month = month
            self.isCreditNote = isCreditNote
            self.category = category
            self.linesNet = linesNet
            self.documentNet = documentNet
        }
    }

    /// One category's revenue per month, in the order of ``months``.
    public struct Row: Sendable, Hashable {
        public var category: String?
        public var amounts: [Int64]
        public var total: Int64 { amounts.reduce(0, &+) }
    }

    public let months: [String]
    /// Largest total first; the row without a category last.
    public let rows: [Row]

    public var monthTotals: [Int64] { months.indices.map { index in rows.reduce(0) { $0 &+ $1.amounts[index] } } }
    public var total: Int64 { rows.reduce(0) { $0 &+ $1.total } }

    public init(parts: [Part], months: [String]) {
        self.months = months
        let monthIndex = Dictionary(months.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var amounts: [String?: [Int64]] = [:]
        var order: [Int64] = []
        var byDocument: [Int64: [Part]] = [:]
        for part in parts {
            if byDocument[part.documentID] == nil { order.append(part.documentID) }
            byDocument[part.documentID, default: []].append(part)
        }
        for id in order {
            guard let parts = byDocument[id], let first = parts.first, let month = monthIndex[first.month] else {
                continue
            }
            let shares = Self.apportion(first.documentNet, weights: parts.map(\.linesNet))
            for (part, share) in zip(parts, shares) {
                amounts[part.category, default: Array(repeating: 0, count: months.count)][month] &+=
                    part.isCreditNote ? -share : share
            }
        }
        rows = amounts.map { Row(category: $0.key, amounts: $0.value) }.sorted { a, b in
            switch (a.category, b.category) {
            case (nil, _?): false
            case (_?, nil): true
            default: a.total != b.total ? a.total > b.total : (a.category ?? "") < (b.category ?? "")
            }
        }
    }

    /// `total` split in proportion to `weights`, each share whole, the shares summing to `total`
    /// exactly (largest remainder; ties to the earlier weight). Equal shares when the weights sum to zero.
    public static func apportion(_ total: Int64, weights: [Int64]) -> [Int64] {
        guard !weights.isEmpty else { return [] }
        let sum = weights.reduce(0, &+)
        guard sum != 0 else {
            let base = total / Int64(weights.count)
            var shares = Array(repeating: base, count: weights.count)
            shares[0] += total - base * Int64(weights.count)
            return shares
        }
        var shares: [Int64] = []
        var remainders: [(index: Int, remainder: Double)] = []
        for (index, weight) in weights.enumerated() {
            let exact = Double(total) * Double(weight) / Double(sum)
            let whole = Int64(exact.rounded(.towardZero))
            shares.append(whole)
            remainders.append((index, exact - Double(whole)))
        }
        var left = total - shares.reduce(0, &+)
        let unit: Int64 = left >= 0 ? 1 : -1
        let order = remainders.sorted {
            abs($0.remainder) > abs($1.remainder) || (abs($0.remainder) == abs($1.remainder) && $0.index < $1.index)
        }
        var position = 0
        while left != 0 && !order.isEmpty {
            shares[order[position % order.count].index] += unit
            left -= unit
            position += 1
        }
        return shares
    }
}
