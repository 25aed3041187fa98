/// What an invoice is for. A credit note carries the purpose of the invoice it corrects.
public enum InvoicePurpose: String, Sendable, Hashable, CaseIterable, Codable {
    /// The booking's signed version, whole.
    case full
    /// A share of the booking in advance (förskottsfaktura), the percentage from the settings.
    case deposit
    /// The booking's signed version less its issued deposits (slutfaktura).
    case final
    /// A customer's invoice with lines staff write, no booking.
    case standalone
    /// A security deposit (deposition) against damage: a liability, not revenue, so outside VAT
    /// (UBL category O); settled by a credit note when paid back, or by offsetting it against a
    /// damage invoice.
    case securityDeposit = "security_deposit"

    /// Outside the scope of VAT (no rate, no VAT numbers on the e-invoice).
    public var isOutsideVAT: Bool { self == .securityDeposit }
}

/// Why a booking cannot get an invoice of a purpose now.
public enum InvoiceDraftRefusal: String, Sendable, Equatable {
    /// A full invoice after a deposit: the balance is the final invoice.
    case useFinal = "use_final"
    /// A deposit after the booking was invoiced.
    case alreadyInvoiced = "already_invoiced"
    /// A final invoice needs an issued deposit invoice.
    case noIssuedDeposit = "no_issued_deposit"
}

extension InvoiceParty {
    /// The buyer as the customer is described (at signing, or now for a stand-alone invoice).
    public init(customer: CustomerDetails) {
        self.init(
            name: customer.displayName, legalName: customer.displayName, isCompany: customer.kind == .company,
            organisationNumber: customer.organisationNumber, vatNumber: customer.vatNumber,
            address: customer.billingAddress, email: customer.email, phone: customer.phone,
            contact: customer.kind == .company ? customer.name : "")
    }
}

/// The arithmetic of deposits, final invoices and partial credit notes, each exact to the öre.
public enum InvoiceArithmetic {
    /// A deposit's lines: `basisPoints` of each VAT rate's taxable amount of the whole booking
    /// (half-up to the öre), one line per rate so the deposit carries the booking's VAT mix.
    public static func depositLines(
        of totals: InvoiceTotals, basisPoints: Int, description: (VATRate) -> String
    ) throws(InvoiceError) -> [InvoiceLine] {
        do {
            return try totals.rates.compactMap { rate throws(MoneyError) -> InvoiceLine? in
                let share = try rate.taxable.portion(basisPoints: basisPoints)
                guard share.ore > 0 else { return nil }
                return InvoiceLine(
                    description: description(rate.rate), quantity: 1, unitPrice: share, vatRate: rate.rate)
            }
        } catch {
            throw .overflow
        }
    }

    /// What is left to credit of an invoice: its lines with the quantities its issued credit
    /// notes have not taken yet (a credit line takes from the first original line with the same
    /// description, unit, price, discount and rate), and its allowances likewise by reason and
    /// rate. Lines and allowances with nothing left are dropped.
    public static func creditable(
        lines: [InvoiceLine], allowances: [InvoiceAllowance],
        credited: [(lines: [InvoiceLine], allowances: [InvoiceAllowance])]
    ) -> (lines: [InvoiceLine], allowances: [InvoiceAllowance]) {
        var left = lines
        var leftAllowances = allowances
        for note in credited {
            for taken in note.lines {
                var quantity = taken.quantity
                for index in left.indices where quantity > 0 && sameLine(left[index], taken) {
                    let take = min(quantity, left[index].quantity)
                    left[index].quantity -= take
                    quantity -= take
                }
            }
            for taken in note.allowances {
                var amount = taken.amount.ore
                for index in leftAllowances.indices
                where amount > 0 && leftAllowances[index].reason == taken.reason
                    && leftAllowances[index].vatRate == taken.vatRate
                {
                    let take = min(amount, leftAllowances[index].amount.ore)
                    leftAllowances[index].amount = Money(ore: leftAllowances[index].amount.ore - take)
                    amount -= take
                }
            }
        }
        return (left.filter { $0.quantity > 0 }, leftAllowances.filter { $0.amount.ore > 0 })
    }

    static func sameLine(_ a: InvoiceLine, _ b: InvoiceLine) -> Bool {
        a.description == b.description && a.unit == b.unit && a.unitPrice == b.unitPrice && a.discount == b.discount
            && a.vatRate == b.vatRate
    }

    /// Where a credit note would take back more than is left of the invoice: per VAT rate, the
    /// credit's taxable amount against the invoice's less its issued credit notes' (exact, so
    /// partial credits add up to the invoice and never beyond; the VAT follows from the rate).
    /// - Returns: nil when it fits, else the first rate that does not and what is left there.
    public static func creditExcess(
        credit: InvoiceTotals, invoiceRates: [(rate: VATRate, taxable: Money)],
        creditedRates: [(rate: VATRate, taxable: Money)]
    ) -> CreditExcess? {
        for rate in credit.rates {
            let invoiced = invoiceRates.filter { $0.rate == rate.rate }.reduce(0) { $0 + $1.taxable.ore }
            let taken = creditedRates.filter { $0.rate == rate.rate }.reduce(0) { $0 + $1.taxable.ore }
            if rate.taxable.ore > invoiced - taken {
                return CreditExcess(rate: rate.rate, left: Money(ore: max(0, invoiced - taken)))
            }
        }
        return nil
    }

    /// What is left of an invoice after its issued credit notes: per VAT rate the taxable amount
    /// and the VAT, and the amount to pay.
    public struct CreditRoom: Sendable {
        public let rates: [(rate: VATRate, taxable: Money, vat: Money)]
        public let payable: Money

        public init(
            invoice: [(rate: VATRate, taxable: Money, vat: Money)],
            credited: [(rate: VATRate, taxable: Money, vat: Money)],
            invoicePayable: Money, creditedPayable: Money
        ) {
            rates = invoice.map { part in
                let taken = credited.filter { $0.rate == part.rate }
                return (
                    part.rate, Money(ore: part.taxable.ore - taken.reduce(0) { $0 + $1.taxable.ore }),
                    Money(ore: part.vat.ore - taken.reduce(0) { $0 + $1.vat.ore })
                )
            }
            payable = Money(ore: invoicePayable.ore - creditedPayable.ore)
        }
    }

    /// A credit note's totals made to fit what is left: at a rate whose whole remaining taxable
    /// amount it takes, its VAT is the remaining VAT (VAT rounded once per document would
    /// otherwise add up to an öre more than was charged), elsewhere never more than what is left;
    /// the amount to pay never more than what is left, and exactly that when it takes everything
    /// (the rounding to whole kronor absorbs the difference). Call after `creditExcess` found none.
    public static func fitCredit(_ totals: InvoiceTotals, room: CreditRoom, roundToKronor: Bool) -> InvoiceTotals {
        let takesAll = room.rates.allSatisfy { left in
            left.taxable.ore <= 0 || totals.rates.contains { $0.rate == left.rate && $0.taxable == left.taxable }
        }
        let rates = totals.rates.map { part -> InvoiceTotals.RateTotal in
            guard let left = room.rates.first(where: { $0.rate == part.rate }) else { return part }
            let vat = part.taxable == left.taxable ? left.vat : Money(ore: min(part.vat.ore, left.vat.ore))
            return InvoiceTotals.RateTotal(rate: part.rate, taxable: part.taxable, vat: vat)
        }
        let vat = Money(ore: rates.reduce(0) { $0 + $1.vat.ore })
        let taxInclusive = Money(ore: totals.taxExclusive.ore + vat.ore)
        var payable = roundToKronor ? InvoiceTotals.wholeKronor(taxInclusive.ore) : taxInclusive.ore
        if takesAll || payable > room.payable.ore { payable = room.payable.ore }
        return InvoiceTotals(
            lineNets: totals.lineNets, linesTotal: totals.linesTotal, allowances: totals.allowances,
            taxExclusive: totals.taxExclusive, rates: rates, vat: vat, taxInclusive: taxInclusive,
            rounding: Money(ore: payable - taxInclusive.ore), payable: Money(ore: payable))
    }

    public struct CreditExcess: Sendable, Equatable {
        /// The VAT rate whose amount is exceeded.
        public let rate: VATRate
        /// What is left to credit there.
        public let left: Money

        public init(rate: VATRate, left: Money) {
            self.rate = rate
            self.left = left
        }
    }
}
