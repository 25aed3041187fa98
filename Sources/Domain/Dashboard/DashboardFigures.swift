public import struct Foundation.Date

/// A quotation sent and not yet signed (the dashboard's "awaiting signature").
public struct AwaitingSignature: Sendable, Equatable {
    public let id: QuotationID
    public let number: String
    public let title: String?
    public let customerName: String
    public let sentAt: Date?
    /// Whole days since it was sent, counted in Stockholm days (0 = sent today).
    public let ageDays: Int
    /// The sent version's total including VAT.
    public let total: Money

    public init(
        id: QuotationID, number: String, title: String?, customerName: String, sentAt: Date?, ageDays: Int, total: Money
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.customerName = customerName
        self.sentAt = sentAt
        self.ageDays = ageDays
        self.total = total
    }
}

/// A booking made by a customer's signature.
public struct RecentlySigned: Sendable, Equatable {
    public let booking: BookingSummary
    public let quotationNumber: String
    public let signedAt: Date

    public init(booking: BookingSummary, quotationNumber: String, signedAt: Date) {
        self.booking = booking
        self.quotationNumber = quotationNumber
        self.signedAt = signedAt
    }
}

/// A count that stops at a cap, so counting stays cheap however many rows there are.
public struct CappedCount: Sendable, Equatable {
    public let value: Int
    /// True when there are more than `value` (the count stopped there).
    public let isCapped: Bool

    public init(value: Int, isCapped: Bool) {
        self.value = value
        self.isCapped = isCapped
    }
}

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
