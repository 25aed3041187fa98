/// The money of a quotation, excluding VAT until `vat` and `total`.
///
/// ## Rounding rule
/// Prices are whole öre and quantities and days whole numbers, so a line's gross
/// (unit price × quantity × days) is exact. Only percentages round, each exactly once, to whole
/// öre, half away from zero (half-up, as every amount here is ≥ 0), with a 128-bit intermediate:
/// 1. a line's percentage discount: `round(gross × bp / 10 000)`; line total = gross − discount;
/// 2. the quotation's percentage discount on the lines' subtotal (the sum of line totals):
///    `round(subtotal × bp / 10 000)`; it does not apply to shipping;
/// 3. VAT, once, on the net: net = subtotal − discount + shipping; `vat = round(net × rate / 10 000)`;
///    total = net + VAT.
/// So every printed figure adds up exactly: line totals sum to the subtotal, subtotal − discount +
/// shipping = net, net + VAT = total. A fixed discount larger than what it discounts is an error,
/// never a negative total.
public struct QuotationTotals: Sendable, Hashable, Codable {
    /// Every line priced, in order.
    public let lines: [PricedLine]
    /// Sum of the line totals, excluding VAT.
    public let linesSubtotal: Money
    /// The quotation's discount in öre (0 when none).
    public let discount: Money
    public let shipping: Money
    /// `linesSubtotal − discount + shipping`: the VAT base.
    public let net: Money
    public let vatRate: VATRate
    public let vat: Money
    /// `net + vat`: what the customer pays.
    public let total: Money

    /// Prices `lines` over `period` and totals them (see the rounding rule above). The period
    /// is needed because `perDay` lines charge its days.
    ///
    /// Throws ``QuotationError``: `.lineDiscountExceedsLine`, `.discountExceedsSubtotal`,
    /// `.negativeShipping`, `.overflow`. Zero lines is valid and totals to zero plus shipping.
    public static func compute(
        lines: [QuotationLine], period: RentalPeriod, discount: Discount = .none, shipping: Money = .zero,
        vatRate: VATRate = .default
    ) throws(QuotationError) -> QuotationTotals {
        guard !shipping.isNegative else { throw .negativeShipping(shipping) }
        var priced: [PricedLine] = []
        priced.reserveCapacity(lines.count)
        var subtotal = Money.zero
        for (index, line) in lines.enumerated() {
            let gross = try line.gross(in: period)
            let lineDiscount: Money
            do {
                lineDiscount = try line.discount.amount(on: gross)
            } catch .discountExceedsAmount(let discount, let amount) {
                throw .lineDiscountExceedsLine(line: index, discount: discount, amount: amount)
            }
            let total = try checked { () throws(MoneyError) in try gross.subtracting(lineDiscount) }
            priced.append(
                PricedLine(
                    line: line, days: line.chargedDays(in: period), gross: gross, discount: lineDiscount, total: total))
            subtotal = try checked { () throws(MoneyError) in try subtotal.adding(total) }
        }
        let quotationDiscount: Money
        do {
            quotationDiscount = try discount.amount(on: subtotal)
        } catch .discountExceedsAmount(let discount, let amount) {
            throw .discountExceedsSubtotal(discount: discount, subtotal: amount)
        }
        let net = try checked { () throws(MoneyError) in try subtotal.subtracting(quotationDiscount).adding(shipping) }
        let vat = try checked { () throws(MoneyError) in try vatRate.vat(on: net) }
        let total = try checked { () throws(MoneyError) in try net.adding(vat) }
        return QuotationTotals(
            lines: priced, linesSubtotal: subtotal, discount: quotationDiscount, shipping: shipping, net: net,
            vatRate: vatRate, vat: vat, total: total)
    }

    private static func checked<T>(_ body: () throws(MoneyError) -> T) throws(QuotationError) -> T {
        do { return try body() } catch { throw .overflow }
    }
}
