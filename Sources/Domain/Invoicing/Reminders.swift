/// When an overdue invoice is reminded and what a reminder may claim, by Swedish law:
/// - a reminder fee (påminnelseavgift) only when the customer agreed to it when the debt arose
///   (lag 1981:739 om ersättning för inkassokostnader m.m., 2 §), at most 60 kr a reminder;
/// - from a business, förseningsersättning 450 kr once per invoice (4 a §); a reminder fee is then
///   not charged on top of it, since the compensation covers it (4 b §);
/// - late interest (dröjsmålsränta, räntelagen 6 §): the Riksbank's reference rate for each
///   half-year (9 §: the rate set for 1 January or 1 July) plus 8 percentage points, simple
///   interest on the amount left unpaid each day, from the day after the due date.
public enum Reminders {
    /// The settings: whether reminders go out, the fee, and their rhythm.
    public struct Policy: Sendable, Equatable {
        public let enabled: Bool
        public let fee: Money
        /// Days after the due date for the first reminder, and between the following ones.
        public let firstAfterDays: Int
        public let intervalDays: Int
        public let maximum: Int

        public init(enabled: Bool, fee: Money, firstAfterDays: Int, intervalDays: Int, maximum: Int) {
            self.enabled = enabled
            self.fee = fee
            self.firstAfterDays = firstAfterDays
            self.intervalDays = intervalDays
            self.maximum = maximum
        }

        /// The legal ceiling of a reminder fee.
        public static let maximumFee = Money(ore: 6_000)
        /// Förseningsersättning.
        public static let businessCompensation = Money(ore: 45_000)
    }

    /// Whether the schedule sends reminder number `sent + 1` today: the first `firstAfterDays`
    /// after the due date, each next one `intervalDays` after the previous, at most `maximum`.
    public static func isDue(
        dueDate: CalendarDate, lastReminded: CalendarDate?, sent: Int, today: CalendarDate, policy: Policy
    ) -> Bool {
        guard policy.enabled, sent < policy.maximum else { return false }
        if let lastReminded { return today.days(since: lastReminded) >= policy.intervalDays }
        return today.days(since: dueDate) >= policy.firstAfterDays
    }

    /// The fee and the compensation reminder number `sequence` claims.
    public static func charges(
        isBusiness: Bool, feeAgreed: Bool, compensationClaimed: Bool, policy: Policy
    ) -> (fee: Money, compensation: Money) {
        if isBusiness {
            if !compensationClaimed { return (.zero, Policy.businessCompensation) }
            // The compensation covers what a reminder costs: no fee beside it.
            return (.zero, .zero)
        }
        guard feeAgreed else { return (.zero, .zero) }
        return (Money(ore: min(policy.fee.ore, Policy.maximumFee.ore)), .zero)
    }

    /// Whether signed terms contain the reminder fee clause: they name "påminnelseavgift" (the
    /// default terms template has the clause), and not as "ingen påminnelseavgift" (no fee).
    public static func termsAgreeToFee(_ termsHTML: String) -> Bool {
        let text = termsHTML.lowercased()
        return text.contains("påminnelseavgift") && !text.contains("ingen påminnelseavgift")
            && !text.contains("utan påminnelseavgift")
    }

    /// A reference rate and the day it applies from (1 January or 1 July).
    public struct ReferenceRate: Sendable, Equatable {
        public let validFrom: CalendarDate
        public let basisPoints: Int

        public init(validFrom: CalendarDate, basisPoints: Int) {
            self.validFrom = validFrom
            self.basisPoints = basisPoints
        }
    }

    /// Late interest through `through` (inclusive): for each day after `dueDate`, the amount
    /// unpaid that day at (reference rate of its half-year + 8 points) / 365, summed exactly and
    /// rounded half-up to the öre once. Payments count from the day they were made.
    /// - Returns: the interest, the rate of the last day (basis points), and the half-years whose
    ///   reference rate is not stored (their days use the newest earlier rate).
    public static func lateInterest(
        owed: Money, dueDate: CalendarDate, payments: [(day: CalendarDate, amount: Money)], through: CalendarDate,
        rates: [ReferenceRate]
    ) -> (interest: Money, rateBP: Int?, missing: [CalendarDate]) {
        let sorted = rates.sorted { $0.validFrom < $1.validFrom }
        guard let first = try? dueDate.adding(days: 1), first <= through else { return (.zero, nil, []) }
        var numerator: Int64 = 0  // öre × basis points (per year of 365 days, × 10 000)
        var missing: [CalendarDate] = []
        var lastRate: Int?
        var day = first
        while day <= through {
            let paid = payments.filter { $0.day <= day }.reduce(Int64(0)) { $0 + $1.amount.ore }
            let unpaid = max(0, owed.ore - paid)
            let half = halfYear(of: day)
            let rate = sorted.last { $0.validFrom <= day }
            if sorted.first(where: { $0.validFrom == half }) == nil, !missing.contains(half) { missing.append(half) }
            let bp = (rate?.basisPoints ?? 0) + 800
            lastRate = bp
            numerator += unpaid * Int64(max(0, bp))
            guard let next = try? day.adding(days: 1) else { break }
            day = next
        }
        let divisor: Int64 = 10_000 * 365
        let interest = (numerator + divisor / 2) / divisor
        return (Money(ore: interest), lastRate, missing)
    }

    /// 1 January or 1 July of the half-year `day` is in.
    public static func halfYear(of day: CalendarDate) -> CalendarDate {
        (try? CalendarDate(year: day.year, month: day.month <= 6 ? 1 : 7, day: 1)) ?? day
    }
}

/// A reminder sent for an invoice, as stored.
public struct InvoiceReminder: Sendable, Equatable {
    public let id: Int64
    public let sequence: Int
    public let remindedOn: CalendarDate
    /// What was left of the invoice that day.
    public let outstanding: Money
    public let fee: Money
    public let compensation: Money
    public let interest: Money
    /// The late-interest rate of the last day (reference rate + 8 points), in basis points.
    public let interestRateBP: Int?
    /// What the invoice's earlier reminders charged, asked for again.
    public let earlierCharges: Money

    public init(
        id: Int64, sequence: Int, remindedOn: CalendarDate, outstanding: Money, fee: Money, compensation: Money,
        interest: Money, interestRateBP: Int?, earlierCharges: Money = .zero
    ) {
        self.earlierCharges = earlierCharges
        self.id = id
        self.sequence = sequence
        self.remindedOn = remindedOn
        self.outstanding = outstanding
        self.fee = fee
        self.compensation = compensation
        self.interest = interest
        self.interestRateBP = interestRateBP
    }

    /// What the reminder asks for in all: what is left of the invoice, this reminder's charges and
    /// the earlier reminders' (payments count towards the invoice first).
    public var total: Money {
        Money(ore: outstanding.ore + fee.ore + compensation.ore + interest.ore + earlierCharges.ore)
    }
}
