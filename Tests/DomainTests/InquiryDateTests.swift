import Foundation
import Testing

@testable import Domain

@Suite("Inquiry dates: Swedish and English phrases into a rental period")
struct InquiryDateTests {
    private func period(_ text: String, sent day: String = "2026-05-14") -> String? {
        InquiryFixtures.extract(text, sent: day).period.map { "\($0.start.iso)…\($0.end.iso)" }
    }

    @Test("a single day is delivered that day and picked up the next working day")
    func singleDays() {
        // 2026-05-14 is a Thursday.
        #expect(period("Festen är 15 juni.") == "2026-06-15…2026-06-16")
        #expect(period("Vi vill hyra den 15:e juni") == "2026-06-15…2026-06-16")
        #expect(period("lördag 20 juni") == "2026-06-20…2026-06-22")
        #expect(period("Datum 15/6 tack") == "2026-06-15…2026-06-16")
        #expect(period("Datum 15.6 tack") == "2026-06-15…2026-06-16")
        #expect(period("on June 15th") == "2026-06-15…2026-06-16")
        #expect(period("on the 15th of June") == "2026-06-15…2026-06-16")
        #expect(period("Saturday June 20") == "2026-06-20…2026-06-22")
        #expect(period("dinner on 2027-06-15") == "2027-06-15…2027-06-16")
    }

    @Test("midsommar, weeks, weekends and relative days")
    func namedAndRelativeDays() {
        #expect(period("Vi firar midsommarafton") == "2026-06-19…2026-06-22")
        #expect(period("på midsommardagen") == "2026-06-20…2026-06-22")
        // Week 24 of 2026: Monday 8 June to Sunday 14 June, collected Monday 15 June.
        #expect(period("någon gång vecka 24") == "2026-06-08…2026-06-15")
        #expect(period("någon gång v. 24") == "2026-06-08…2026-06-15")
        #expect(period("helgen 13–14 juni") == "2026-06-13…2026-06-14")
        #expect(period("14-16 juni") == "2026-06-14…2026-06-16")
        #expect(period("between June 14 and 16") == "2026-06-14…2026-06-16")
        #expect(period("Har ni något ledigt på lördag?") == "2026-05-16…2026-05-18")
        #expect(period("next Saturday please") == "2026-05-16…2026-05-18")
        #expect(period("Behöver det imorgon") == "2026-05-15…2026-05-18")
    }

    @Test("a written pickup or delivery moves the ends")
    func pickupAndDelivery() {
        #expect(period("Festen är lördag 20 juni, hämtning söndag.") == "2026-06-20…2026-06-21")
        #expect(period("Shoot on June 15 and everything returned on the 16th.") == "2026-06-15…2026-06-16")
        #expect(period("Festen är lördag 20 juni. Leverans fredag.") == "2026-06-19…2026-06-22")
        #expect(period("Mottagning 15 juni, leverans dagen innan.") == "2026-06-14…2026-06-16")
    }

    @Test("a year is the next occurrence from the message's day")
    func yearRollOver() {
        #expect(period("fest 15 januari", sent: "2026-12-14") == "2027-01-15…2027-01-18")
        #expect(period("från 30/12 till 1/1", sent: "2026-12-04") == "2026-12-30…2027-01-01")
        #expect(period("Vi vill boka 15 juni 2027") == "2027-06-15…2027-06-16")
    }

    @Test("times, sizes and counts are no dates")
    func notDates() {
        #expect(period("Mottagning kl 14.30, 4x8 tält, 80 gäster") == nil)
        #expect(InquiryFixtures.extract("Festen börjar kl 18.00.").period == nil)
    }

    @Test("an explicit year reads more surely than a weekday")
    func confidence() {
        #expect((InquiryFixtures.extract("den 15 juni 2026").confidence[.period] ?? 0) >= 0.9)
        #expect((InquiryFixtures.extract("på lördag").confidence[.period] ?? 1) < 0.8)
    }
}

@Suite("Swedish holidays and working days")
struct SwedishHolidaysTests {
    @Test func easterAndMidsummer() throws {
        #expect(SwedishHolidays.easterSunday(year: 2026) == (try date("2026-04-05")))
        #expect(SwedishHolidays.easterSunday(year: 2027) == (try date("2027-03-28")))
        #expect(SwedishHolidays.midsummerEve(year: 2026) == (try date("2026-06-19")))
        #expect(SwedishHolidays.midsummerEve(year: 2027) == (try date("2027-06-25")))
        #expect(SwedishHolidays.isHoliday(try date("2026-05-14")))  // Kristi himmelsfärdsdag
        #expect(SwedishHolidays.isHoliday(try date("2026-12-24")))
        #expect(!SwedishHolidays.isHoliday(try date("2026-05-25")))  // annandag pingst is no holiday
    }

    @Test("the next working day skips weekends, midsommar, Easter and Christmas")
    func nextWorkingDay() throws {
        #expect(SwedishHolidays.nextWorkingDay(after: try date("2026-06-18")) == (try date("2026-06-22")))
        #expect(SwedishHolidays.nextWorkingDay(after: try date("2026-04-02")) == (try date("2026-04-07")))
        #expect(SwedishHolidays.nextWorkingDay(after: try date("2026-12-23")) == (try date("2026-12-28")))
        #expect(SwedishHolidays.nextWorkingDay(after: try date("2026-12-30")) == (try date("2027-01-04")))
        #expect(SwedishHolidays.nextWorkingDay(after: try date("2026-06-12")) == (try date("2026-06-15")))
    }
}
