import Testing

@testable import Domain

@Suite("Quotation totals")
struct QuotationTotalsTests {
    /// A 6×12 m tent for a weekend, 80 chairs, delivery, 10 % off, 25 % VAT: the numbers on the page.
    @Test func aRealisticWeekendQuotationToTheOre() throws {
        let totals = try QuotationTotals.compute(
            lines: [Catalogue.tent(), Catalogue.chairs(), Catalogue.delivery()], period: weekend(),
            discount: .percent(basisPoints: 1000), shipping: .zero, vatRate: .default)

        #expect(totals.lines.map(\.days) == [3, 1, 1])
        #expect(totals.lines.map(\.total) == [kr(14_985_00), kr(1_996_00), kr(1_495_00)])
        #expect(totals.linesSubtotal == kr(18_476_00))
        #expect(totals.discount == kr(1_847_60))
        #expect(totals.net == kr(16_628_40))
        #expect(totals.vat == kr(4_157_10))
        #expect(totals.total == kr(20_785_50))
        #expect(totals.total.formatted(.sv) == "20\u{00A0}785,50\u{00A0}kr")
    }

    @Test func perDayLinesFollowThePeriodUnlessTheyOverrideDays() throws {
        let twoDaysOnly = try QuotationLine(
            item: .product(ProductID(rawValue: 11)), description: "Tält, pris för två dagar", quantity: 2,
            pricing: .perDay, unitPrice: kr(1000_00), daysOverride: 2)
        let week = try period("2026-06-01", "2026-06-07")
        let totals = try QuotationTotals.compute(lines: [Catalogue.tent(quantity: 2), twoDaysOnly], period: week)
        #expect(totals.lines[0].gross == kr(2 * 7 * 4_995_00))
        #expect(totals.lines[1].gross == kr(2 * 2 * 1000_00))
        #expect(totals.lines.map(\.days) == [7, 2])
    }

    @Test func perRentalAndFlatIgnoreDaysPerUnitMultipliesByQuantity() throws {
        let week = try period("2026-06-01", "2026-06-07")
        let tablecloths = try QuotationLine(
            item: .addon(AddonID(rawValue: 5)), description: "Duk", quantity: 12, pricing: .perUnit,
            unitPrice: kr(45_00))
        let flatTwice = try QuotationLine(
            item: .addon(AddonID(rawValue: 2)), description: "Leverans", quantity: 2, pricing: .flat,
            unitPrice: kr(1_495_00))
        let totals = try QuotationTotals.compute(
            lines: [Catalogue.chairs(), tablecloths, flatTwice], period: week)
        #expect(totals.lines.map(\.gross) == [kr(80 * 24_95), kr(12 * 45_00), kr(1_495_00)])
    }

    /// 33,33 kr × 3 = 99,99 kr; 12.5 % off is 12,49875 kr → 12,50 kr; VAT 25 % of 87,49 kr is
    /// 21,8725 kr → 21,87 kr.
    @Test func thirdsAndAnEighthRoundOnceHalfUp() throws {
        let line = try QuotationLine(
            item: .custom, description: "Tredjedel", quantity: 3, pricing: .perRental, unitPrice: kr(33_33))
        let totals = try QuotationTotals.compute(
            lines: [line], period: weekend(), discount: .percent(basisPoints: 1250))
        #expect(totals.linesSubtotal == kr(99_99))
        #expect(totals.discount == kr(12_50))
        #expect(totals.net == kr(87_49))
        #expect(totals.vat == kr(21_87))
        #expect(totals.total == kr(109_36))
    }

    @Test func exactHalvesRoundUp() throws {
        let fourOre = try QuotationLine(item: .custom, description: "x", quantity: 1, pricing: .flat, unitPrice: kr(4))
        let discounted = try QuotationTotals.compute(
            lines: [fourOre], period: weekend(), discount: .percent(basisPoints: 1250), vatRate: .zero)
        #expect(discounted.discount == kr(1))  // 0,5 öre → 1 öre

        let twoOre = try QuotationLine(item: .custom, description: "x", quantity: 1, pricing: .flat, unitPrice: kr(2))
        #expect(try QuotationTotals.compute(lines: [twoOre], period: weekend()).vat == kr(1))  // 0,5 → 1
        let sixOre = try QuotationLine(item: .custom, description: "x", quantity: 1, pricing: .flat, unitPrice: kr(6))
        #expect(try QuotationTotals.compute(lines: [sixOre], period: weekend()).vat == kr(2))  // 1,5 → 2
    }

    /// Three lines of 1 öre: VAT per line would be 0 + 0 + 0; VAT once on 3 öre is 0,75 → 1 öre.
    @Test func vatIsComputedOnceOnTheNet() throws {
        let oneOre = try QuotationLine(item: .custom, description: "x", quantity: 1, pricing: .flat, unitPrice: kr(1))
        let totals = try QuotationTotals.compute(lines: [oneOre, oneOre, oneOre], period: weekend())
        #expect(totals.vat == kr(1))
        #expect(totals.total == kr(4))
    }

    @Test func lineDiscountsRoundPerLineAndAddUp() throws {
        let line = try QuotationLine(
            item: .product(ProductID(rawValue: 31)), description: "Stol", quantity: 7, pricing: .perRental,
            unitPrice: kr(24_95), discount: .percent(basisPoints: 1250))
        let fixed = try QuotationLine(
            item: .product(ProductID(rawValue: 40)), description: "Scen", quantity: 1, pricing: .perRental,
            unitPrice: kr(5_000_00), discount: .amount(kr(500_00)))
        let totals = try QuotationTotals.compute(lines: [line, fixed], period: weekend())
        // 7 × 24,95 = 174,65; 12,5 % = 21,83125 → 21,83; line 152,82.
        #expect(totals.lines[0].discount == kr(21_83))
        #expect(totals.lines[0].total == kr(152_82))
        #expect(totals.lines[1].total == kr(4_500_00))
        #expect(totals.linesSubtotal == kr(4_652_82))
        for priced in totals.lines { #expect(try priced.gross.subtracting(priced.discount) == priced.total) }
    }

    @Test func shippingIsNotDiscountedButCarriesVAT() throws {
        let totals = try QuotationTotals.compute(
            lines: [Catalogue.chairs()], period: weekend(), discount: .percent(basisPoints: 5000), shipping: kr(800_00))
        #expect(totals.discount == kr(998_00))
        #expect(totals.net == kr(998_00 + 800_00))
        #expect(totals.vat == kr(449_50))
    }

    @Test func zeroLinesTotalZeroOrJustShipping() throws {
        let empty = try QuotationTotals.compute(lines: [], period: weekend())
        #expect(empty.linesSubtotal == .zero && empty.vat == .zero && empty.total == .zero && empty.lines.isEmpty)
        let onlyShipping = try QuotationTotals.compute(lines: [], period: weekend(), shipping: kr(500_00))
        #expect(onlyShipping.total == kr(625_00))
    }

    @Test func largeQuantitiesUseTheFullRange() throws {
        let big = try QuotationLine(
            item: .product(ProductID(rawValue: 1)), description: "Mycket", quantity: 100_000, pricing: .perDay,
            unitPrice: kr(9_999_999_99))
        let year = try period("2026-01-01", "2026-12-31")
        let totals = try QuotationTotals.compute(lines: [big], period: year)
        #expect(totals.linesSubtotal == kr(999_999_999 * 100_000 * 365))
        // net × 2500 overflows 64 bits; the VAT itself does not.
        #expect(totals.vat == kr(999_999_999 * 100_000 * 365 / 4))
        #expect(totals.total == kr(999_999_999 * 100_000 * 365 / 4 * 5))

        let tooBig = try QuotationLine(
            item: .custom, description: "För mycket", quantity: 3, pricing: .perRental,
            unitPrice: Money(ore: .max / 2))
        #expect(throws: QuotationError.overflow) { try QuotationTotals.compute(lines: [tooBig], period: year) }
    }

    @Test func discountsLargerThanWhatTheyDiscountAreRefused() throws {
        #expect(throws: QuotationError.discountExceedsSubtotal(discount: kr(2_000_00), subtotal: kr(1_996_00))) {
            try QuotationTotals.compute(lines: [Catalogue.chairs()], period: weekend(), discount: .amount(kr(2_000_00)))
        }
        let line = try QuotationLine(
            item: .custom, description: "x", quantity: 1, pricing: .flat, unitPrice: kr(100), discount: .amount(kr(101))
        )
        #expect(throws: QuotationError.lineDiscountExceedsLine(line: 1, discount: kr(101), amount: kr(100))) {
            try QuotationTotals.compute(lines: [Catalogue.chairs(), line], period: weekend())
        }
        let all = try QuotationTotals.compute(
            lines: [Catalogue.chairs()], period: weekend(), discount: .percent(basisPoints: 10_000))
        #expect(all.total == .zero)
        #expect(throws: QuotationError.invalidDiscount) { try Discount.percent(basisPoints: 10_001) }
        #expect(throws: QuotationError.invalidDiscount) { try Discount.amount(kr(-1)) }
        #expect(throws: QuotationError.negativeShipping(kr(-1))) {
            try QuotationTotals.compute(lines: [], period: weekend(), shipping: kr(-1))
        }
    }

    @Test func invalidLinesAreRefused() {
        #expect(throws: QuotationError.invalidQuantity(0)) {
            try QuotationLine(item: .custom, description: "x", quantity: 0, pricing: .flat, unitPrice: kr(1))
        }
        #expect(throws: QuotationError.invalidDays(0)) {
            try QuotationLine(
                item: .custom, description: "x", quantity: 1, pricing: .perDay, unitPrice: kr(1), daysOverride: 0)
        }
        #expect(throws: QuotationError.negativeUnitPrice(kr(-1))) {
            try QuotationLine(item: .custom, description: "x", quantity: 1, pricing: .flat, unitPrice: kr(-1))
        }
        #expect(throws: QuotationError.emptyDescription) {
            try QuotationLine(item: .custom, description: "  ", quantity: 1, pricing: .flat, unitPrice: kr(1))
        }
        #expect(throws: QuotationError.pricingDoesNotMatchItem(.flat)) {
            try QuotationLine(
                item: .product(ProductID(rawValue: 1)), description: "x", quantity: 1, pricing: .flat, unitPrice: kr(1))
        }
        #expect(throws: QuotationError.pricingDoesNotMatchItem(.perDay)) {
            try QuotationLine(
                item: .addon(AddonID(rawValue: 1)), description: "x", quantity: 1, pricing: .perDay, unitPrice: kr(1))
        }
    }
}
