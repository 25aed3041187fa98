import Domain
import Testing

/// The money of an invoice: VAT once per rate on the summed net, half-up to the öre; the amount
/// to pay rounded to whole kronor only when asked, the difference as rounding (BT-114).
@Suite("Invoice totals")
struct InvoiceTotalsTests {
    static func line(_ ore: Int64, _ quantity: Int = 1, rate: VATRate = .standard, discount: Int64 = 0) -> InvoiceLine {
        InvoiceLine(
            description: "Rad", quantity: quantity, unitPrice: Money(ore: ore), discount: Money(ore: discount),
            vatRate: rate)
    }

    /// The kit's se-rental-invoice.xml: 6 517.75 at 25 % is 1 629.4375 → 1 629.44; 8 147.19 to
    /// pay becomes 8 147.00 with −0.19 rounding.
    @Test func theKitsExampleToTheOre() throws {
        let totals = try InvoiceTotals.compute(
            lines: [Self.line(149_000, 3), Self.line(204_775)], roundToKronor: true)
        #expect(totals.linesTotal.ore == 651_775)
        #expect(totals.vat.ore == 162_944)
        #expect(totals.taxInclusive.ore == 814_719)
        #expect(totals.rounding.ore == -19 && totals.payable.ore == 814_700)
        let exact = try InvoiceTotals.compute(lines: [Self.line(149_000, 3), Self.line(204_775)], roundToKronor: false)
        #expect(exact.rounding.isZero && exact.payable.ore == 814_719)
    }

    /// Three lines of 0.10 kr at 25 %: per line the VAT would be 3 × 0.03 = 0.09 (0.025 rounds
    /// up each time); on the sum it is 0.30 × 25 % = 0.075 → 0.08. We compute on the sum.
    @Test func vatIsOncePerRateOnTheSumNeverPerLine() throws {
        let totals = try InvoiceTotals.compute(
            lines: [Self.line(10), Self.line(10), Self.line(10), Self.line(1_000, rate: .reduced12)],
            roundToKronor: false)
        #expect(totals.rates.map(\.rate) == [.standard, .reduced12])
        #expect(totals.rates.map(\.vat.ore) == [8, 120])
        #expect(totals.vat.ore == 128)
    }

    @Test func aDocumentDiscountReducesItsRatesTaxableAmount() throws {
        let totals = try InvoiceTotals.compute(
            lines: [Self.line(100_000, discount: 10_000), Self.line(50_000, rate: .reduced6)],
            allowances: [InvoiceAllowance(reason: "Rabatt", amount: Money(ore: 9_000), vatRate: .standard)],
            roundToKronor: false)
        #expect(totals.lineNets.map(\.ore) == [90_000, 50_000])
        #expect(totals.taxExclusive.ore == 131_000 && totals.allowances.ore == 9_000)
        #expect(totals.rates.map(\.taxable.ore) == [81_000, 50_000])
        #expect(totals.rates.map(\.vat.ore) == [20_250, 3_000])
    }

    @Test func whatCannotBeInvoicedIsRefused() {
        #expect(throws: InvoiceError.noLines) { try InvoiceTotals.compute(lines: [], roundToKronor: true) }
        #expect(throws: InvoiceError.quantityNotPositive("Rad")) {
            try InvoiceTotals.compute(lines: [Self.line(100, 0)], roundToKronor: true)
        }
        #expect(throws: InvoiceError.discountExceedsLine("Rad")) {
            try InvoiceTotals.compute(lines: [Self.line(100, discount: 101)], roundToKronor: true)
        }
        #expect(throws: InvoiceError.allowanceWithoutLines("Rabatt")) {
            try InvoiceTotals.compute(
                lines: [Self.line(100)],
                allowances: [InvoiceAllowance(reason: "Rabatt", amount: Money(ore: 1), vatRate: .reduced6)],
                roundToKronor: true)
        }
    }

    /// Random baskets: every printed figure adds up exactly, the rounding is at most 50 öre.
    @Test func randomBasketsAlwaysAddUp() throws {
        var generator = SystemRandomNumberGenerator()
        let rates: [VATRate] = [.standard, .reduced12, .reduced6, .zero]
        for _ in 0..<500 {
            let lines = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                Self.line(
                    Int64.random(in: 1...2_000_000, using: &generator), Int.random(in: 1...40, using: &generator),
                    rate: rates.randomElement(using: &generator) ?? .standard)
            }
            let totals = try InvoiceTotals.compute(lines: lines, roundToKronor: Bool.random(using: &generator))
            #expect(totals.linesTotal.ore == totals.lineNets.reduce(0) { $0 + $1.ore })
            #expect(totals.vat.ore == totals.rates.reduce(0) { $0 + $1.vat.ore })
            #expect(totals.taxExclusive.ore == totals.rates.reduce(0) { $0 + $1.taxable.ore })
            #expect(totals.taxInclusive.ore == totals.taxExclusive.ore + totals.vat.ore)
            #expect(totals.payable.ore == totals.taxInclusive.ore + totals.rounding.ore)
            #expect(abs(totals.rounding.ore) <= 50)
            for rate in totals.rates {
                // Half-up: |vat − taxable × rate| ≤ ½ öre, in exact integer arithmetic.
                let exact = rate.taxable.ore * Int64(rate.rate.basisPoints)
                #expect(abs(rate.vat.ore * 10_000 - exact) <= 5_000)
            }
        }
    }

    @Test func ocrReferencesCarryTheirLengthAndLuhnDigits() {
        #expect(OCRReference(base: "1001")?.digits == "100164")
        let number = try? DocumentNumber(kind: .invoice, year: 2026, sequence: 42)
        #expect(number.flatMap(OCRReference.init(invoice:))?.digits.hasPrefix("20260042") == true)
        #expect(OCRReference(parsing: "1001 64")?.digits == "100164")
        #expect(OCRReference(parsing: "100165") == nil, "a wrong check digit")
        #expect(OCRReference(parsing: "100174") == nil, "a wrong length digit")
        #expect(OCRReference(base: "12a") == nil && OCRReference(base: "") == nil)
    }

    @Test func statusIsDerivedFromPaymentsDueDateAndCreditNotes() throws {
        let due = try CalendarDate(iso: "2026-12-31")
        func status(
            paid: Int64, today: String, credited: Int64 = 0, state: String = "issued"
        ) throws -> InvoiceStatus {
            InvoiceStatus.of(
                state: state, kind: .invoice, payable: Money(ore: 10_000), paid: Money(ore: paid), dueDate: due,
                credited: Money(ore: credited), today: try CalendarDate(iso: today))
        }
        #expect(try status(paid: 0, today: "2026-12-31") == .issued, "due today is not overdue yet")
        #expect(try status(paid: 0, today: "2027-01-01") == .overdue)
        #expect(try status(paid: 4_000, today: "2026-12-10") == .partlyPaid)
        #expect(try status(paid: 4_000, today: "2027-01-02") == .overdue)
        #expect(try status(paid: 12_000, today: "2027-01-02") == .paid, "overpaid is paid")
        #expect(try status(paid: 0, today: "2027-02-01", credited: 10_000) == .credited)
        #expect(try status(paid: 0, today: "2027-02-01", credited: 3_000) == .overdue, "a partial credit")
        #expect(try status(paid: 7_000, today: "2027-02-01", credited: 3_000) == .paid, "paid what is left")
        #expect(try status(paid: 0, today: "2027-02-01", state: "draft") == .draft)
    }
}
