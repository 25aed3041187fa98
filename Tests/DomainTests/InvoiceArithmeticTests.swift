import Domain
import Testing

/// Deposits, final invoices and partial credits, to the öre.
@Suite struct InvoiceArithmeticTests {
    static func line(_ description: String, _ quantity: Int, _ ore: Int64, bp: Int = 2500) throws -> InvoiceLine {
        InvoiceLine(
            description: description, quantity: quantity, unitPrice: Money(ore: ore),
            vatRate: try VATRate(basisPoints: bp))
    }

    @Test func aDepositTakesItsShareOfEachRateHalfUp() throws {
        let totals = try InvoiceTotals.compute(
            lines: [try Self.line("Tält", 1, 1_000_001), try Self.line("Lunch", 3, 3_333, bp: 1200)],
            allowances: [
                InvoiceAllowance(reason: "Rabatt", amount: Money(ore: 1), vatRate: try VATRate(basisPoints: 2500))
            ],
            roundToKronor: false)
        let lines = try InvoiceArithmetic.depositLines(of: totals, basisPoints: 3000) { "Förskott \($0.basisPoints)" }
        // 25 %: 30 % of 10 000.00 = 3 000.00; 12 %: 30 % of 99.99 = 29.997 → 30.00.
        #expect(lines.map(\.unitPrice.ore) == [300_000, 3_000])
        #expect(lines.map(\.vatRate.basisPoints) == [2500, 1200])
        #expect(lines.map(\.description) == ["Förskott 2500", "Förskott 1200"])
    }

    @Test func whatIsLeftToCreditSubtractsEarlierCreditNotesLineByLine() throws {
        let lines = [
            try Self.line("Stol", 10, 2_500), try Self.line("Bord", 4, 9_000), try Self.line("Stol", 2, 2_500),
        ]
        let rate = try VATRate(basisPoints: 2500)
        let allowances = [InvoiceAllowance(reason: "Rabatt", amount: Money(ore: 5_000), vatRate: rate)]
        let first = (
            lines: [try Self.line("Stol", 11, 2_500)],
            allowances: [InvoiceAllowance(reason: "Rabatt", amount: Money(ore: 2_000), vatRate: rate)]
        )
        let left = InvoiceArithmetic.creditable(lines: lines, allowances: allowances, credited: [first])
        // Eleven chairs: the first line's ten and one of the last line's two.
        #expect(left.lines.map(\.description) == ["Bord", "Stol"])
        #expect(left.lines.map(\.quantity) == [4, 1])
        #expect(left.allowances.map(\.amount.ore) == [3_000])
        let everything = InvoiceArithmetic.creditable(
            lines: lines, allowances: allowances, credited: [first, (left.lines, left.allowances)])
        #expect(everything.lines.isEmpty && everything.allowances.isEmpty)
    }

    @Test func aCreditBeyondWhatIsLeftAtARateIsFound() throws {
        let rate = try VATRate(basisPoints: 2500)
        let food = try VATRate(basisPoints: 1200)
        let invoice: [(rate: VATRate, taxable: Money)] = [(rate, Money(ore: 10_000)), (food, Money(ore: 5_000))]
        let credited: [(rate: VATRate, taxable: Money)] = [(rate, Money(ore: 4_000))]
        func credit(_ ore: Int64, _ vat: VATRate) throws -> InvoiceTotals {
            try InvoiceTotals.compute(
                lines: [InvoiceLine(description: "x", quantity: 1, unitPrice: Money(ore: ore), vatRate: vat)],
                roundToKronor: false)
        }
        #expect(
            InvoiceArithmetic.creditExcess(
                credit: try credit(6_000, rate), invoiceRates: invoice, creditedRates: credited)
                == nil, "exactly what is left")
        #expect(
            InvoiceArithmetic.creditExcess(
                credit: try credit(6_001, rate), invoiceRates: invoice, creditedRates: credited)
                == InvoiceArithmetic.CreditExcess(rate: rate, left: Money(ore: 6_000)))
        #expect(
            InvoiceArithmetic.creditExcess(
                credit: try credit(1, try VATRate(basisPoints: 600)), invoiceRates: invoice, creditedRates: credited)
                != nil, "a rate the invoice does not have")
    }

    /// Credits one piece at a time never add up beyond the invoice: the last takes exactly the
    /// VAT and the amount to pay that are left (each rounds its own VAT and kronor otherwise).
    @Test func partialCreditsAddUpToTheInvoiceExactly() throws {
        let rate = try VATRate(basisPoints: 2500)
        func credit(_ pieces: Int, _ ore: Int64, round: Bool) throws -> InvoiceTotals {
            try InvoiceTotals.compute(lines: [try Self.line("Stol", pieces, ore)], roundToKronor: round)
        }
        // Two chairs of 10.02: the invoice's VAT is 5.01, each half alone would be 2.51.
        let invoice = try credit(2, 1_002, round: false)
        #expect(invoice.vat.ore == 501)
        var taken: [(rate: VATRate, taxable: Money, vat: Money)] = []
        var creditedPayable = Money.zero
        var vats: [Int64] = []
        for _ in 0..<2 {
            let room = InvoiceArithmetic.CreditRoom(
                invoice: invoice.rates.map { ($0.rate, $0.taxable, $0.vat) }, credited: taken,
                invoicePayable: invoice.payable, creditedPayable: creditedPayable)
            let fitted = InvoiceArithmetic.fitCredit(
                try credit(1, 1_002, round: false), room: room, roundToKronor: false)
            vats.append(fitted.vat.ore)
            taken.append((rate, fitted.rates[0].taxable, fitted.rates[0].vat))
            creditedPayable = Money(ore: creditedPayable.ore + fitted.payable.ore)
        }
        #expect(vats == [251, 250] && creditedPayable == invoice.payable)

        // Three lines of 33.40 rounded to whole kronor: 125 kr invoiced; credits of 42, 42, then 41.
        let rounded = try credit(3, 3_340, round: true)
        #expect(rounded.payable.ore == 12_500)
        taken = []
        creditedPayable = .zero
        var payables: [Int64] = []
        for _ in 0..<3 {
            let room = InvoiceArithmetic.CreditRoom(
                invoice: rounded.rates.map { ($0.rate, $0.taxable, $0.vat) }, credited: taken,
                invoicePayable: rounded.payable, creditedPayable: creditedPayable)
            let fitted = InvoiceArithmetic.fitCredit(try credit(1, 3_340, round: true), room: room, roundToKronor: true)
            payables.append(fitted.payable.ore)
            #expect(fitted.taxInclusive.ore + fitted.rounding.ore == fitted.payable.ore)
            taken.append((rate, fitted.rates[0].taxable, fitted.rates[0].vat))
            creditedPayable = Money(ore: creditedPayable.ore + fitted.payable.ore)
        }
        #expect(payables == [4_200, 4_200, 4_100] && creditedPayable == rounded.payable)
    }
}
