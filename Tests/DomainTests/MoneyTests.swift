import Testing

@testable import Domain

@Suite("Money")
struct MoneyTests {
    @Test(arguments: [
        (Int64(123_450), "1\u{00A0}234,50\u{00A0}kr", "SEK\u{00A0}1,234.50"),
        (0, "0,00\u{00A0}kr", "SEK\u{00A0}0.00"),
        (5, "0,05\u{00A0}kr", "SEK\u{00A0}0.05"),
        (99_900, "999,00\u{00A0}kr", "SEK\u{00A0}999.00"),
        (100_000_000, "1\u{00A0}000\u{00A0}000,00\u{00A0}kr", "SEK\u{00A0}1,000,000.00"),
        (-2_078_550, "-20\u{00A0}785,50\u{00A0}kr", "-SEK\u{00A0}20,785.50"),
    ])
    func formatsInSwedishAndEnglish(ore: Int64, swedish: String, english: String) {
        #expect(Money(ore: ore).formatted(.sv) == swedish)
        #expect(Money(ore: ore).formatted(.en) == english)
    }

    @Test func formattingTheExtremesDoesNotTrap() {
        #expect(
            Money(ore: .min).formatted(.sv) == "-92\u{00A0}233\u{00A0}720\u{00A0}368\u{00A0}547\u{00A0}758,08\u{00A0}kr"
        )
        #expect(Money(ore: .max).formatted(.en) == "SEK\u{00A0}92,233,720,368,547,758.07")
    }

    @Test(arguments: [
        ("1234,50", Int64(123_450)), ("1 234.5", 123_450), ("1234", 123_400), ("1.234,50", 123_450),
        ("SEK 1,234.50", 123_450), ("1\u{00A0}234,50\u{00A0}kr", 123_450), ("  12 kr ", 1200), ("100:-", 10_000),
        ("-12,5", -1250), (",50", 50), ("0,05", 5), ("1 000 000", 100_000_000), ("1.234.567", 123_456_700),
        ("1,5", 150), ("7.25", 725),
    ])
    func parsesWhatStaffType(input: String, ore: Int64) throws {
        #expect(try Money(parsing: input) == Money(ore: ore))
    }

    @Test(arguments: [
        ("", MoneyParseError.empty), ("   ", .empty), ("kr", .empty), ("12,345", .ambiguousSeparator),
        ("1,2345", .tooManyDecimals), ("0,505", .tooManyDecimals), ("1 234,567", .tooManyDecimals),
        ("12 34", .misplacedSeparator), ("1,2.3", .misplacedSeparator), ("1,234,5", .misplacedSeparator),
        ("12.", .misplacedSeparator), ("12a", .invalidCharacter("a")), ("1e5", .invalidCharacter("e")),
        ("99999999999999999999", .overflow),
    ])
    func rejectsWhatItCannotReadUnambiguously(input: String, error: MoneyParseError) {
        #expect(throws: error) { try Money(parsing: input) }
    }

    @Test(arguments: [Int64(0), 1, 99, 100, 123_456, 987_654_321_00, -4_20])
    func formattedAmountsParseBack(ore: Int64) throws {
        for language in Language.allCases {
            #expect(try Money(parsing: Money(ore: ore).formatted(language)) == Money(ore: ore))
        }
    }

    @Test func arithmeticThrowsInsteadOfTrapping() throws {
        #expect(try kr(150).adding(kr(250)) == kr(400))
        #expect(try kr(150).subtracting(kr(250)) == kr(-100))
        #expect(try kr(150).multiplied(by: 3) == kr(450))
        #expect(try Money.kronor(12) == kr(1200))
        #expect(throws: MoneyError.overflow) { try Money(ore: .max).adding(kr(1)) }
        #expect(throws: MoneyError.overflow) { try Money(ore: .min).subtracting(kr(1)) }
        #expect(throws: MoneyError.overflow) { try Money(ore: .max / 2).multiplied(by: 3) }
        #expect(throws: MoneyError.overflow) { try Money.kronor(.max / 10) }
        #expect(throws: MoneyError.overflow) { try Money.sum([Money(ore: .max), kr(1)]) }
    }

    @Test func portionsRoundHalfAwayFromZero() throws {
        #expect(try kr(4).portion(basisPoints: 1250) == kr(1))  // 0.5 öre → 1
        #expect(try kr(3).portion(basisPoints: 1250) == kr(0))  // 0.375 öre → 0
        #expect(try kr(-4).portion(basisPoints: 1250) == kr(-1))
        #expect(try kr(9_999).portion(basisPoints: 3333) == kr(3333))  // 3332.6667 → 3333
        // The 128-bit intermediate: Int64.max × 25 % fits although Int64.max × 2500 does not.
        #expect(try Money(ore: .max).portion(basisPoints: 2500) == Money(ore: 2_305_843_009_213_693_952))
        #expect(throws: MoneyError.overflow) { try Money(ore: .max).portion(basisPoints: 10_001) }
    }

    @Test func vatRateDefaultsTo25PercentAndFormats() throws {
        #expect(VATRate.default.basisPoints == 2500)
        #expect(VATRate.default.formatted(.sv) == "25\u{00A0}%")
        #expect(VATRate.default.formatted(.en) == "25%")
        #expect(try VATRate(basisPoints: 1250).formatted(.sv) == "12,5\u{00A0}%")
        #expect(try VATRate(basisPoints: 605).formatted(.en) == "6.05%")
        #expect(throws: VATRateError.outOfRange(10_001)) { try VATRate(basisPoints: 10_001) }
        #expect(throws: VATRateError.outOfRange(-1)) { try VATRate(basisPoints: -1) }
        #expect(try VATRate.default.vat(on: kr(16_628_40)) == kr(4_157_10))
    }
}
