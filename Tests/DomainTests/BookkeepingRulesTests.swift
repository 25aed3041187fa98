import Domain
import Testing

/// The bookkeeping's pure parts: the account mapping's validation, an SIE file written with a
/// changed mapping and read back, the lock's rules and the export period.
@Suite("Bookkeeping: mapping, SIE with a mapping, lock rules")
struct BookkeepingRulesTests {
    static func day(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }

    @Test func aMappingRowIsFourDigitsOfItsClassAndANameOfAtMostAHundredCharacters() {
        #expect(
            BASMapping.read(.receivables, number: " 1511 ", name: " Kundfordringar ")
                == .success(.init(number: 1511, name: "Kundfordringar")))
        for bad in ["151", "15100", "0999", "9000", "15a0", "-151", "", "１５１０"] {
            #expect(
                BASMapping.read(.receivables, number: bad, name: "x")
                    == .failure(.init(number: .notAnAccount, name: nil)),
                "\(bad)")
        }
        #expect(
            BASMapping.read(.revenue25, number: "2611", name: "Moms")
                == .failure(.init(number: .wrongClass(3000...3999), name: nil)), "VAT typed into revenue")
        #expect(
            BASMapping.read(.vat25, number: "2611", name: String(repeating: "å", count: 101))
                == .failure(.init(number: nil, name: .nameTooLong)))
        #expect(BASMapping.read(.bank, number: "1930", name: "  ") == .failure(.init(number: nil, name: .nameMissing)))
        #expect(BASMapping.standard[.reminderFees].number == 3930 && BASMapping.standard[.lateInterest].number == 8313)
    }

    @Test func theVouchersAndKontoLinesFollowTheMappingAndReadBackToTheirBalances() throws {
        var accounts: [BASMapping.Key: BASMapping.Account] = [:]
        accounts[.receivables] = .init(number: 1511, name: "Kundfordringar EG")
        accounts[.revenue25] = .init(number: 3001, name: "Uthyrning \"tält\" 25 %")
        let mapping = BASMapping(accounts)
        let invoice = SIEExport.Document(
            number: "F-2026-0001", sequence: 1, isCreditNote: false, issueDate: Self.day("2026-03-02"),
            customerName: "Åsa", reverseCharge: false,
            rates: [
                (.standard, Money(ore: 100_000), Money(ore: 25_000)),
                (.reduced12, Money(ore: 10_000), Money(ore: 1_200)),
            ],
            rounding: Money(ore: -20), payable: Money(ore: 136_180))
        let payment = SIEExport.Payment(
            paidOn: Self.day("2026-03-20"), amount: Money(ore: 136_180), invoiceNumber: "F-2026-0001", reference: "")
        let file = SIEExport.file(
            companyName: "EG AB", organisationNumber: "5591234561", generated: Self.day("2026-12-07"),
            fiscalYear: try RentalPeriod(start: Self.day("2026-01-01"), end: Self.day("2026-12-31")),
            documents: [invoice], payments: [payment], mapping: mapping)
        let text = String(decoding: file, as: UTF8.self)
        #expect(text.contains("#KONTO 1511 \"Kundfordringar EG\"\r\n"))
        // CP437 (ä is 0x84), and the quotes in the name escaped with a backslash.
        let konto = Array("#KONTO 3001 \"Uthyrning \\\"t".utf8) + [0x84] + Array("lt\\\" 25 %\"\r\n".utf8)
        #expect(file.firstRange(of: konto) != nil)
        #expect(!text.contains("#KONTO 1510") && !text.contains("#KONTO 3041"))
        let balances = try #require(SIEExport.balances(ofFile: file))
        #expect(balances[1511] == Money(ore: 0), "invoiced and paid")
        #expect(balances[3001] == Money(ore: -100_000) && balances[3042] == Money(ore: -10_000))
        #expect(balances[2611] == Money(ore: -25_000) && balances[2621] == Money(ore: -1_200))
        #expect(balances[3740] == Money(ore: 20) && balances[1930] == Money(ore: 136_180))
        #expect(balances.values.reduce(0) { $0 + $1.ore } == 0)
        #expect(SIEExport.balances(ofFile: Array("#TRANS 1510 {} 12.345\r\n".utf8)) == nil, "three decimals")
        #expect(SIEExport.balances(ofFile: Array("#TRANS 1510 {} -0.5\r\n".utf8)) == [1510: Money(ore: -50)])
    }

    @Test func theLockMovesForwardToAnExportedDayAndBackOnlyWithAReason() {
        let today = Self.day("2026-12-07")
        #expect(BooksLockRules.refusal(date: Self.day("2026-11-30"), lockedThrough: Self.day("2026-11-30")) != nil)
        #expect(BooksLockRules.refusal(date: Self.day("2026-12-01"), lockedThrough: Self.day("2026-11-30")) == nil)
        #expect(BooksLockRules.refusal(date: Self.day("2020-01-01"), lockedThrough: nil) == nil)
        #expect(
            BooksLockRules.lockRefusal(through: Self.day("2026-11-30"), current: nil, today: today, exported: true)
                == nil)
        #expect(
            BooksLockRules.lockRefusal(through: Self.day("2026-11-30"), current: nil, today: today, exported: false)
                == .notExported)
        #expect(
            BooksLockRules.lockRefusal(through: Self.day("2026-12-08"), current: nil, today: today, exported: true)
                == .future)
        #expect(
            BooksLockRules.lockRefusal(
                through: Self.day("2026-10-31"), current: Self.day("2026-11-30"), today: today, exported: true)
                == .notForward(current: Self.day("2026-11-30")))
        #expect(BooksLockRules.unlockRefusal(to: nil, current: nil, reason: "x") == .notBack)
        #expect(
            BooksLockRules.unlockRefusal(to: Self.day("2026-11-30"), current: Self.day("2026-11-30"), reason: "x")
                == .notBack)
        #expect(BooksLockRules.unlockRefusal(to: nil, current: Self.day("2026-11-30"), reason: " \n") == .reasonMissing)
        #expect(BooksLockRules.unlockRefusal(to: nil, current: Self.day("2026-11-30"), reason: "Fel i november") == nil)
    }

    @Test func anExportIsOneYearAtATime() {
        #expect(throws: BookkeepingPeriod.Problem.acrossYears) {
            try BookkeepingPeriod(from: "2025-12-01", to: "2026-01-31")
        }
        #expect(throws: BookkeepingPeriod.Problem.backwards) {
            try BookkeepingPeriod(from: "2026-02-01", to: "2026-01-31")
        }
        #expect(throws: BookkeepingPeriod.Problem.notADate) {
            try BookkeepingPeriod(from: "2026-02-30", to: "2026-03-01")
        }
        let period = try? BookkeepingPeriod(from: "2026-01-01", to: "2026-11-30")
        #expect(period?.fiscalYear.end == Self.day("2026-12-31"))
        #expect(period?.fileName == "eventgaraget-2026-01-01-2026-11-30.si")
    }
}
