import Domain
import Testing

/// When reminders go out and what they claim: the fee only when agreed and never above 60 kr,
/// förseningsersättning once from a business instead, and late interest at the reference rate of
/// each half-year plus 8 points on what was unpaid each day.
@Suite struct RemindersTests {
    static let policy = Reminders.Policy(
        enabled: true, fee: Money(ore: 6_000), firstAfterDays: 7, intervalDays: 14, maximum: 2)

    static func day(_ iso: String) throws -> CalendarDate { try CalendarDate(iso: iso) }

    @Test func theRhythmFollowsTheSettings() throws {
        let due = try Self.day("2026-10-31")
        func isDue(
            _ today: String, last: String? = nil, sent: Int = 0, policy: Reminders.Policy = Self.policy
        ) throws
            -> Bool
        {
            Reminders.isDue(
                dueDate: due, lastReminded: try last.map(Self.day), sent: sent, today: try Self.day(today),
                policy: policy)
        }
        #expect(try !isDue("2026-11-06"), "six days after the due date")
        #expect(try isDue("2026-11-07"))
        #expect(try !isDue("2026-11-20", last: "2026-11-07", sent: 1))
        #expect(try isDue("2026-11-21", last: "2026-11-07", sent: 1))
        #expect(try !isDue("2027-01-01", last: "2026-11-21", sent: 2), "the maximum")
        let off = Reminders.Policy(enabled: false, fee: .zero, firstAfterDays: 7, intervalDays: 14, maximum: 2)
        #expect(try !isDue("2026-12-31", policy: off))
    }

    @Test func feesAreChargedOnlyAsTheLawAllows() {
        let generous = Reminders.Policy(
            enabled: true, fee: Money(ore: 9_900), firstAfterDays: 7, intervalDays: 14, maximum: 3)
        let person = Reminders.charges(isBusiness: false, feeAgreed: true, compensationClaimed: false, policy: generous)
        #expect(person.fee.ore == 6_000 && person.compensation.isZero, "60 kr at the most")
        let unagreed = Reminders.charges(
            isBusiness: false, feeAgreed: false, compensationClaimed: false, policy: Self.policy)
        #expect(unagreed.fee.isZero && unagreed.compensation.isZero, "no clause, no fee")
        let business = Reminders.charges(
            isBusiness: true, feeAgreed: true, compensationClaimed: false, policy: Self.policy)
        #expect(business.compensation.ore == 45_000 && business.fee.isZero)
        let again = Reminders.charges(isBusiness: true, feeAgreed: true, compensationClaimed: true, policy: Self.policy)
        #expect(again.compensation.isZero && again.fee.isZero, "once per invoice, no fee beside it")
        #expect(Reminders.termsAgreeToFee("<li>Vid sen betalning debiteras PÅMINNELSEAVGIFT med 60 kr.</li>"))
        #expect(!Reminders.termsAgreeToFee("<li>Betalning 30 dagar netto.</li>"))
        #expect(!Reminders.termsAgreeToFee("<li>Vi tar ingen påminnelseavgift.</li>"), "a clause saying no fee")
    }

    @Test func lateInterestFollowsTheHalfYearsAndThePayments() throws {
        // The Riksbank's: 3.00 % for 2025's first half-year, 2.00 % from 1 July 2025.
        let rates = [
            Reminders.ReferenceRate(validFrom: try Self.day("2025-01-01"), basisPoints: 300),
            Reminders.ReferenceRate(validFrom: try Self.day("2025-07-01"), basisPoints: 200),
            Reminders.ReferenceRate(validFrom: try Self.day("2026-01-01"), basisPoints: 200),
        ]
        // 10 000 kr due 2025-06-20: 10 days of June at 11 %, then 10 days of July at 10 %; 4 000 kr
        // paid on 2025-07-06 (from that day 6 000 kr is unpaid).
        let result = Reminders.lateInterest(
            owed: Money(ore: 1_000_000), dueDate: try Self.day("2025-06-20"),
            payments: [(try Self.day("2025-07-06"), Money(ore: 400_000))], through: try Self.day("2025-07-10"),
            rates: rates)
        // 1 000 000 × (10 × 1100 + 5 × 1000) + 600 000 × (5 × 1000) = 19 000 000 000 → / 3 650 000.
        let expected = (Int64(1_000_000) * (10 * 1100 + 5 * 1000) + 600_000 * (5 * 1000) + 1_825_000) / 3_650_000
        #expect(result.interest.ore == expected && expected == 5_205)
        #expect(result.rateBP == 1000 && result.missing.isEmpty)
        let beyond = Reminders.lateInterest(
            owed: Money(ore: 100_000), dueDate: try Self.day("2026-06-30"), payments: [],
            through: try Self.day("2026-07-02"), rates: rates)
        #expect(beyond.missing == [try Self.day("2026-07-01")], "the new half-year's rate is not stored yet")
        let paid = Reminders.lateInterest(
            owed: Money(ore: 100_000), dueDate: try Self.day("2026-01-31"),
            payments: [(try Self.day("2026-01-20"), Money(ore: 100_000))], through: try Self.day("2026-03-01"),
            rates: rates)
        #expect(paid.interest.isZero, "paid before the due date")
    }
}
