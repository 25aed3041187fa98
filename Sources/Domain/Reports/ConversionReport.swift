/// Quotations sent and signed: of the quotations first sent in each month, how many were signed
/// (by now), and how long the signed ones took from first sending to signature.
public struct ConversionReport: Sendable, Hashable {
    /// One sent quotation as the store reads it.
    public struct Quotation: Sendable, Hashable {
        /// `YYYY-MM` of the first sending.
        public var sentMonth: String
        /// Seconds from the first sending to the signature; nil when not signed.
        public var secondsToSign: Int64?

        public init(sentMonth: String, secondsToSign: Int64?) {
            self.sentMonth = sentMonth
            self.secondsToSign = secondsToSign
        }
    }

    /// One month's figures (or the whole period's).
    public struct Figures: Sendable, Hashable {
        public var sent: Int
        public var signed: Int
        /// Signed of sent in basis points (10 000 = 100 %); nil when nothing was sent.
        public var rate: Int64?
        /// Days to sign in tenths (15 = 1.5 days); nil when nothing was signed.
        public var medianDays: Int64?
        public var meanDays: Int64?

        init(_ quotations: [Quotation]) {
            sent = quotations.count
            let times = quotations.compactMap(\.secondsToSign).sorted()
            signed = times.count
            rate = sent > 0 ? Int64((Double(signed) * 10_000 / Double(sent)).rounded()) : nil
            guard !times.isEmpty else { return }
            let median =
                times.count % 2 == 1
                ? Double(times[times.count / 2])
                : (Double(times[times.count / 2 - 1]) + Double(times[times.count / 2])) / 2
            let mean = times.reduce(0.0) { $0 + Double($1) } / Double(times.count)
            medianDays = Int64((median / 8640).rounded())
            meanDays = Int64((mean / 8640).rounded())
        }
    }

    public let months: [String]
    /// One per month, in the order of ``months``.
    public let byMonth: [Figures]
    public let overall: Figures

    public init(quotations: [Quotation], months: [String]) {
        self.months = months
        let known = Set(months)
        let inPeriod = quotations.filter { known.contains($0.sentMonth) }
        let grouped = Dictionary(grouping: inPeriod, by: \.sentMonth)
        byMonth = months.map { Figures(grouped[$0] ?? []) }
        overall = Figures(inPeriod)
    }
}
