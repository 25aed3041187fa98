/// Revenue excluding VAT of the bookings made this month and last month (cancelled ones left out).
public struct RevenueComparison: Sendable, Equatable {
    public let thisMonth: Money
    public let lastMonth: Money
    /// Last month up to the same point in the month as now: the fair comparison while this month
    /// is not over (the first of the month against a whole month would always look like a fall).
    public let lastMonthToDate: Money

    public init(thisMonth: Money, lastMonth: Money, lastMonthToDate: Money) {
        self.thisMonth = thisMonth
        self.lastMonth = lastMonth
        self.lastMonthToDate = lastMonthToDate
    }

    /// The change of this month against last month to date, in whole percent rounded half away
    /// from zero; nil when last month had nothing to compare with.
    public var changePercent: Int? {
        guard lastMonthToDate.ore > 0 else { return nil }
        let difference = Double(thisMonth.ore - lastMonthToDate.ore) / Double(lastMonthToDate.ore) * 100
        return Int(difference.rounded(.toNearestOrAwayFromZero))
    }
}
