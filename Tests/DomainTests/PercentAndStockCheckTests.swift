import Testing

@testable import Domain

@Suite("Percent fields and the stock check")
struct PercentAndStockCheckTests {
    @Test func percentagesReadAsStaffTypeThem() throws {
        #expect(try Percent.basisPoints(parsing: "25") == 2500)
        #expect(try Percent.basisPoints(parsing: " 12,5 ") == 1250)
        #expect(try Percent.basisPoints(parsing: "12.5 %") == 1250)
        #expect(try Percent.basisPoints(parsing: "7,25%") == 725)
        #expect(try Percent.basisPoints(parsing: "0") == 0)
        #expect(try Percent.basisPoints(parsing: "100") == 10_000)
        #expect(throws: PercentParseError.empty) { try Percent.basisPoints(parsing: "  ") }
        #expect(throws: PercentParseError.outOfRange) { try Percent.basisPoints(parsing: "100,01") }
        #expect(throws: PercentParseError.tooManyDecimals) { try Percent.basisPoints(parsing: "1,005") }
        for bad in ["-5", "1.2.3", "ten", "5,", ",5", "1 000", "1000"] {
            #expect(throws: PercentParseError.self, "\(bad)") { try Percent.basisPoints(parsing: bad) }
        }
    }

    @Test func percentagesAndAmountsGoBackIntoFieldsSoTheyReadTheSame() throws {
        #expect(Percent.editingText(basisPoints: 2500, language: .sv) == "25")
        #expect(Percent.editingText(basisPoints: 1250, language: .sv) == "12,5")
        #expect(Percent.editingText(basisPoints: 1250, language: .en) == "12.5")
        #expect(Percent.editingText(basisPoints: 705, language: .en) == "7.05")
        for bp in [0, 5, 50, 705, 1250, 2500, 9999, 10_000] {
            for language in Language.allCases {
                #expect(
                    try Percent.basisPoints(parsing: Percent.editingText(basisPoints: bp, language: language)) == bp)
            }
        }
        #expect(kr(123_450).editingText(.sv) == "1234,50")
        #expect(kr(5).editingText(.en) == "0.05")
        for ore: Int64 in [0, 5, 99, 100, 45_000, 123_456_789] {
            for language in Language.allCases {
                #expect(try Money(parsing: kr(ore).editingText(language)) == kr(ore))
            }
        }
    }

    @Test func linesOfOneProductCountTogetherAgainstWhatIsFree() throws {
        let days = try weekend()
        let tent = ProductID(rawValue: 11)
        let chairs = ProductID(rawValue: 31)
        let availability = [
            // 4 tents, 1 of them out on Saturday.
            tent: Availability.compute(
                stock: 4, reservations: [Reservation(quantity: 1, period: try period("2026-06-06", "2026-06-06"))],
                period: days),
            chairs: Availability.compute(stock: 400, reservations: [], period: days),
        ]
        let check = StockCheck(
            lines: [
                try Catalogue.tent(quantity: 2), try Catalogue.chairs(), try Catalogue.delivery(),
                try Catalogue.tent(quantity: 2),
            ],
            availability: availability)
        #expect(check.items.map(\.product) == [tent, chairs], "add-ons have no stock; order of first appearance")
        let tents = try #require(check.item(for: tent))
        #expect((tents.requested, tents.stock, tents.maxReserved, tents.available, tents.missing) == (4, 4, 1, 3, 1))
        #expect(tents.isShort)
        #expect(check.item(for: chairs)?.isShort == false)
        #expect(check.shortages.map(\.product) == [tent])
        #expect(check.hasShortage)

        let fits = StockCheck(lines: [try Catalogue.tent(quantity: 3)], availability: availability)
        #expect(!fits.hasShortage)
        let unknown = StockCheck(lines: [try Catalogue.tent()], availability: [:])
        #expect(unknown.shortages.first?.missing == 1, "a product without availability has nothing free")
    }
}
