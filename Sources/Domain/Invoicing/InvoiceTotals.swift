/// One line of an invoice or credit note, as it is charged: `quantity` units (days for a line
/// charged per day) at `unitPrice`, less its own `discount`, at its VAT rate.
public struct InvoiceLine: Sendable, Hashable, Codable {
    public enum Unit: String, Sendable, Hashable, Codable {
        /// UN/ECE rec. 20 "each" (`EA`): pieces, or one rental.
        case each = "EA"
        /// `DAY`: the quantity counts pieces × days.
        case day = "DAY"
    }

    public var description: String
    public var quantity: Int
    public var unit: Unit
    public var unitPrice: Money
    public var discount: Money
    public var vatRate: VATRate

    public init(
        description: String, quantity: Int, unit: Unit = .each, unitPrice: Money, discount: Money = .zero,
        vatRate: VATRate
    ) {
        self.description = description
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.discount = discount
        self.vatRate = vatRate
    }

    /// `quantity × unitPrice − discount`, exact in öre.
    public func net() throws(InvoiceError) -> Money {
        guard quantity > 0 else { throw .quantityNotPositive(description) }
        guard !unitPrice.isNegative, !discount.isNegative else { throw .negativeAmount(description) }
        do {
            let gross = try unitPrice.multiplied(by: Int64(quantity))
            guard discount <= gross else { throw InvoiceError.discountExceedsLine(description) }
            return try gross.subtracting(discount)
        } catch let error as InvoiceError {
            throw error
        } catch {
            throw .overflow
        }
    }
}

/// A reduction of the whole document at one VAT rate (the quotation's discount), UBL's
/// document-level allowance (BT-92).
public struct InvoiceAllowance: Sendable, Hashable, Codable {
    public var reason: String
    public var amount: Money
    public var vatRate: VATRate

    public init(reason: String, amount: Money, vatRate: VATRate) {
        self.reason = reason
        self.amount = amount
        self.vatRate = vatRate
    }
}

/// The money of an invoice or credit note, the way Swedish VAT wants it and EN 16931 checks it:
/// the lines' net amounts are exact; per VAT rate the taxable amount is the sum of that rate's
/// line nets less its allowances, and the VAT is computed **once per rate on that sum**, rounded
/// half-up to the öre (never per line). The amount to pay may be rounded to whole kronor
/// (avrundningslagen); the difference is booked as rounding (UBL BT-114).
public struct InvoiceTotals: Sendable, Hashable, Codable {
    public struct RateTotal: Sendable, Hashable, Codable {
        public let rate: VATRate
        public let taxable: Money
        public let vat: Money
    }

    /// Each line's net, in order.
    public let lineNets: [Money]
    /// BT-106: the sum of the line nets.
    public let linesTotal: Money
    /// BT-107: the sum of the allowances.
    public let allowances: Money
    /// BT-109: `linesTotal − allowances`.
    public let taxExclusive: Money
    /// Per rate, highest first.
    public let rates: [RateTotal]
    /// BT-110.
    public let vat: Money
    /// BT-112: `taxExclusive + vat`.
    public let taxInclusive: Money
    /// BT-114: `payable − taxInclusive` (0 unless rounded to whole kronor).
    public let rounding: Money
    /// BT-115.
    public let payable: Money

    public static func compute(
        lines: [InvoiceLine], allowances: [InvoiceAllowance] = [], roundToKronor: Bool
    ) throws(InvoiceError) -> InvoiceTotals {
        guard !lines.isEmpty else { throw .noLines }
        let nets = try lines.map { line throws(InvoiceError) in try line.net() }
        do {
            var byRate: [VATRate: Money] = [:]
            for (line, net) in zip(lines, nets) {
                byRate[line.vatRate] = try (byRate[line.vatRate] ?? .zero).adding(net)
            }
            for allowance in allowances {
                guard !allowance.amount.isNegative else { throw InvoiceError.negativeAmount(allowance.reason) }
                guard let base = byRate[allowance.vatRate] else {
                    throw InvoiceError.allowanceWithoutLines(allowance.reason)
                }
                byRate[allowance.vatRate] = try base.subtracting(allowance.amount)
            }
            let rates = try byRate.keys.sorted(by: >).map { rate throws(MoneyError) -> RateTotal in
                let taxable = byRate[rate] ?? .zero
                return RateTotal(rate: rate, taxable: taxable, vat: try rate.vat(on: taxable))
            }
            guard rates.allSatisfy({ !$0.taxable.isNegative }) else { throw InvoiceError.allowanceExceedsLines }
            let linesTotal = try Money.sum(nets)
            let allowanceTotal = try Money.sum(allowances.map(\.amount))
            let taxExclusive = try linesTotal.subtracting(allowanceTotal)
            let vat = try Money.sum(rates.map(\.vat))
            let taxInclusive = try taxExclusive.adding(vat)
            let payable = roundToKronor ? Money(ore: Self.wholeKronor(taxInclusive.ore)) : taxInclusive
            return InvoiceTotals(
                lineNets: nets, linesTotal: linesTotal, allowances: allowanceTotal, taxExclusive: taxExclusive,
                rates: rates, vat: vat, taxInclusive: taxInclusive, rounding: try payable.subtracting(taxInclusive),
                payable: payable)
        } catch let error as InvoiceError {
            throw error
        } catch {
            throw .overflow
        }
    }

    /// Half-up to whole kronor (50 öre and more up).
    static func wholeKronor(_ ore: Int64) -> Int64 {
        let remainder = ore % 100
        return remainder >= 50 ? ore - remainder + 100 : ore - remainder
    }
}

public enum InvoiceError: Error, Sendable, Equatable, CustomStringConvertible {
    case noLines
    case quantityNotPositive(String)
    case negativeAmount(String)
    case discountExceedsLine(String)
    case allowanceWithoutLines(String)
    case allowanceExceedsLines
    /// Nothing to pay: the validators accept a 0 kr invoice, Swedish bookkeeping has no use for one.
    case zeroAmount
    /// A security deposit with a line at a VAT rate: it is outside VAT.
    case taxedSecurityDeposit
    case overflow

    public var description: String {
        switch self {
        case .noLines: "an invoice needs at least one line"
        case .quantityNotPositive(let line): "\"\(line)\": the quantity must be at least 1"
        case .negativeAmount(let line): "\"\(line)\": amounts cannot be negative"
        case .discountExceedsLine(let line): "\"\(line)\": the discount is larger than the line"
        case .allowanceWithoutLines(let reason): "\"\(reason)\": no line has its VAT rate"
        case .allowanceExceedsLines: "the discount is larger than the lines it reduces"
        case .zeroAmount: "the amount is zero"
        case .taxedSecurityDeposit: "a security deposit is outside VAT: every line must be at 0 %"
        case .overflow: "the amounts are too large"
        }
    }
}
