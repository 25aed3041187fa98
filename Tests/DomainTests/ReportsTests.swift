import Domain
import Testing

/// The reports' pure parts: round axis ticks, the CSV writer's Excel-in-Sweden format and its
/// formula guard, sharing a document's discount among categories, and the receivables' ages.
@Suite("Reports: axes, CSV, revenue, ages")
struct ReportsTests {
    @Test func ticksAreRoundNumbersThatCoverAwkwardMaxima() {
        #expect(AxisScale(minimum: 0, maximum: 97).ticks == [0, 20, 40, 60, 80, 100])
        #expect(AxisScale(minimum: 0, maximum: 101).ticks == [0, 50, 100, 150])
        #expect(AxisScale(minimum: 0, maximum: 1).ticks == [0, 1])
        #expect(AxisScale(minimum: 0, maximum: 0).ticks == [0, 1], "an all-zero chart still has an axis")
        // 1 234 567,89 kr in öre: steps of 500 000 kr.
        let money = AxisScale(minimum: 0, maximum: 123_456_789, minimumStep: 100)
        #expect(money.ticks == [0, 50_000_000, 100_000_000, 150_000_000])
        // A credit below zero: the axis reaches below zero by whole steps.
        #expect(AxisScale(minimum: -30, maximum: 180).ticks == [-50, 0, 50, 100, 150, 200])
        // Tiny amounts never tick below one krona.
        #expect(AxisScale(minimum: 0, maximum: 3, minimumStep: 100).ticks == [0, 100])
        let huge = AxisScale(minimum: 0, maximum: Int64.max / 2)
        #expect(huge.ticks.count >= 2 && huge.upper >= Int64.max / 2)
        for maximum: Int64 in [7, 13, 99, 999, 1001, 45_678, 9_999_999] {
            let scale = AxisScale(minimum: 0, maximum: maximum)
            #expect(scale.upper >= maximum && scale.ticks.count <= 6, "\(maximum): \(scale.ticks)")
        }
    }

    @Test func axisLabelsUseTheAppsMoneyFormat() {
        #expect(ChartData.Unit.money.format(123_456_700, .sv, wholeKronor: true) == "1\u{00A0}234\u{00A0}567\u{00A0}kr")
        #expect(ChartData.Unit.money.format(-12_550, .sv) == "-125,50\u{00A0}kr")
        #expect(ChartData.Unit.money.format(123_456_700, .en, wholeKronor: true) == "SEK\u{00A0}1,234,567")
        #expect(ChartData.Unit.percent.format(1250, .sv) == "12,5\u{00A0}%")
        #expect(ChartData.Unit.percent.format(5000, .en) == "50\u{00A0}%")
        #expect(ChartData.Unit.tenthsOfDays.format(15, .sv) == "1,5")
    }

    @Test func csvIsSemicolonsDecimalCommaBOMAndCRLF() {
        let file = CSVWriter.document(
            header: ["Kund", "Belopp"],
            rows: [
                [.text("Tält & Scen AB"), .money(Money(ore: -125_050))],
                [.text("Semi;colon \"quoted\"\nnew line"), .decimal(125, scale: 1)],
                [.date(try! CalendarDate(iso: "2026-03-31")), .integer(-7)],
                [.empty, .money(Money(ore: 5))],
            ])
        #expect(Array(file.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: file.dropFirst(3), as: UTF8.self)
        #expect(
            text
                == "Kund;Belopp\r\nTält & Scen AB;-1250,50\r\n\"Semi;colon \"\"quoted\"\"\nnew line\";12,5\r\n2026-03-31;-7\r\n;0,05\r\n"
        )
    }

    @Test func formulaLookingTextIsNeutralisedButNumbersStayNumbers() {
        for hostile in ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            let field = CSVWriter.field(.text(hostile))
            #expect(field.hasPrefix("'") || field.hasPrefix("\"'"), "\(hostile) → \(field)")
        }
        #expect(CSVWriter.field(.text("=1;2")) == "\"'=1;2\"")
        #expect(CSVWriter.field(.text("Anna = bra")) == "Anna = bra", "only the first character matters")
        #expect(CSVWriter.field(.money(Money(ore: -100))) == "-1,00")
        #expect(CSVWriter.field(.integer(-3)) == "-3")
        #expect(CSVWriter.field(.decimal(-5, scale: 2)) == "-0,05")
    }

    @Test func aDocumentsDiscountIsSharedAmongItsCategoriesToTheOre() {
        #expect(RevenueReport.apportion(-100, weights: [1, 1, 1]).reduce(0, +) == -100)
        #expect(RevenueReport.apportion(1000, weights: [300, 700]) == [300, 700])
        #expect(RevenueReport.apportion(999, weights: [1, 1, 1]) == [333, 333, 333])
        #expect(RevenueReport.apportion(1000, weights: [1, 1, 1]) == [334, 333, 333])
        #expect(RevenueReport.apportion(10, weights: [0, 0]) == [5, 5])
        let months = ["2026-01", "2026-02"]
        // An invoice of 800 (tents) + 200 (shipping) with 100 off: 900; credited in February.
        let parts = [
            RevenueReport.Part(
                documentID: 1, month: "2026-01", isCreditNote: false, category: "Tält", linesNet: 800, documentNet: 900),
            RevenueReport.Part(
                documentID: 1, month: "2026-01", isCreditNote: false, category: nil, linesNet: 200, documentNet: 900),
            RevenueReport.Part(
                documentID: 2, month: "2026-02", isCreditNote: true, category: "Tält", linesNet: 800, documentNet: 900),
            RevenueReport.Part(
                documentID: 2, month: "2026-02", isCreditNote: true, category: nil, linesNet: 200, documentNet: 900),
            RevenueReport.Part(
                documentID: 3, month: "2025-12", isCreditNote: false, category: "Ljud", linesNet: 5, documentNet: 5),
        ]
        let report = RevenueReport(parts: parts, months: months)
        #expect(report.monthTotals == [900, -900], "outside the months is left out")
        #expect(report.rows.map(\.category) == ["Tält", nil])
        #expect(report.rows[0].amounts == [720, -720])
        #expect(report.total == 0)
    }

    @Test func receivablesAgeByDaysPastDue() {
        #expect(ReceivablesReport.Age(daysPastDue: -1) == .notDue)
        #expect(ReceivablesReport.Age(daysPastDue: 0) == .days0To30)
        #expect(ReceivablesReport.Age(daysPastDue: 30) == .days0To30)
        #expect(ReceivablesReport.Age(daysPastDue: 31) == .days31To60)
        #expect(ReceivablesReport.Age(daysPastDue: 90) == .days61To90)
        #expect(ReceivablesReport.Age(daysPastDue: 91) == .over90)
        let day = try! CalendarDate(iso: "2026-05-01")
        let report = ReceivablesReport(
            asOf: day,
            items: [
                .init(
                    invoiceID: 1, number: "F-1", customerName: "A", dueDate: day, outstanding: Money(ore: 100),
                    daysPastDue: 0),
                .init(
                    invoiceID: 2, number: "F-2", customerName: "B", dueDate: day, outstanding: Money(ore: 50),
                    daysPastDue: 45),
                .init(
                    invoiceID: 3, number: "F-3", customerName: "C", dueDate: day, outstanding: Money(ore: 7),
                    daysPastDue: -3),
            ])
        #expect(report.total.ore == 157 && report.overdue.ore == 50)
        #expect(report.byAge.map(\.amount) == [7, 100, 50, 0, 0])
    }

    @Test func conversionCountsByFirstSentMonthWithMedianAndMean() {
        let day: Int64 = 86_400
        let report = ConversionReport(
            quotations: [
                .init(sentMonth: "2026-01", secondsToSign: day),
                .init(sentMonth: "2026-01", secondsToSign: 3 * day),
                .init(sentMonth: "2026-01", secondsToSign: nil),
                .init(sentMonth: "2026-02", secondsToSign: 8 * day),
                .init(sentMonth: "2025-12", secondsToSign: day),
            ], months: ["2026-01", "2026-02"])
        #expect(report.byMonth[0].sent == 3 && report.byMonth[0].signed == 2 && report.byMonth[0].rate == 6667)
        #expect(report.byMonth[0].medianDays == 20 && report.byMonth[0].meanDays == 20)
        #expect(report.overall.sent == 4 && report.overall.medianDays == 30 && report.overall.meanDays == 40)
        let empty = ConversionReport(quotations: [], months: ["2026-01"])
        #expect(empty.overall.rate == nil && empty.overall.medianDays == nil)
    }

    @Test func theDefaultPeriodIsTheLastTwelveMonths() throws {
        let period = ReportPeriod.reading(from: nil, to: "nonsense", today: try CalendarDate(iso: "2026-05-20"))
        #expect(period.from.iso == "2025-06-01" && period.to.iso == "2026-05-20")
        #expect(period.months.count == 12 && period.months.first == "2025-06" && period.months.last == "2026-05")
        let swapped = ReportPeriod.reading(
            from: "2026-03-01", to: "2026-01-15", today: try CalendarDate(iso: "2026-05-20"))
        #expect(swapped.from.iso == "2026-01-15" && swapped.months == ["2026-01", "2026-02", "2026-03"])
    }
}
