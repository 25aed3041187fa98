import Domain
import Foundation
import HTTP
import Templates

/// A draft's lines and discounts as a form: `line_count` and `line_N_description|quantity|unit|
/// unit_price|discount|vat`, `allowance_count` and `allowance_N_reason|amount|vat`. What was
/// typed comes back exactly as sent, with an error next to each field that is wrong.
struct InvoiceDraftForm {
    static let lineFields = ["description", "quantity", "unit", "unit_price", "discount", "vat"]
    static let allowanceFields = ["reason", "amount", "vat"]
    /// Six fields a line stay well under the 1,000 form fields a request may carry.
    static let maximumLines = 100
    static let maximumAllowances = 10
    /// The VAT rates a line may carry (ML 2023:200 chapter 9): basis points.
    static let rates = [2500, 1200, 600, 0]

    var values: [String: String]
    var errors: [String: String] = [:]
    var formError: String?

    var state: FormState { FormState(values: values, errors: errors, formError: formError) }

    /// The form as a stored draft fills it in.
    init(draft: InvoiceDraft, language: Language) {
        var v = ["line_count": String(draft.lines.count), "allowance_count": String(draft.allowances.count)]
        for (index, line) in draft.lines.enumerated() {
            v["line_\(index)_description"] = line.description
            v["line_\(index)_quantity"] = String(line.quantity)
            v["line_\(index)_unit"] = line.unit.rawValue
            v["line_\(index)_unit_price"] = line.unitPrice.editingText(language)
            v["line_\(index)_discount"] = line.discount.isZero ? "" : line.discount.editingText(language)
            v["line_\(index)_vat"] = String(line.vatRate.basisPoints)
        }
        for (index, allowance) in draft.allowances.enumerated() {
            v["allowance_\(index)_reason"] = allowance.reason
            v["allowance_\(index)_amount"] = allowance.amount.editingText(language)
            v["allowance_\(index)_vat"] = String(allowance.vatRate.basisPoints)
        }
        values = v
    }

    /// What was submitted, trimmed, without the line or discount a "remove" button named.
    init(submitted form: FormData, action: String) {
        var v: [String: String] = [:]
        func copy(_ kind: String, fields: [String], maximum: Int, removing: Int?) {
            let count = min(maximum + 1, max(0, Int(form["\(kind)_count"] ?? "") ?? 0))
            var kept = 0
            for index in 0..<count where index != removing {
                for field in fields {
                    v["\(kind)_\(kept)_\(field)"] = (form["\(kind)_\(index)_\(field)"] ?? "").trimmingCharacters(
                        in: .whitespacesAndNewlines)
                }
                kept += 1
            }
            v["\(kind)_count"] = String(kept)
        }
        copy(
            "line", fields: Self.lineFields, maximum: Self.maximumLines,
            removing: action.hasPrefix("remove_line_") ? Int(action.dropFirst("remove_line_".count)) : nil)
        copy(
            "allowance", fields: Self.allowanceFields, maximum: Self.maximumAllowances,
            removing: action.hasPrefix("remove_allowance_") ? Int(action.dropFirst("remove_allowance_".count)) : nil)
        values = v
    }

    var lineCount: Int { Int(values["line_count"] ?? "") ?? 0 }
    var allowanceCount: Int { Int(values["allowance_count"] ?? "") ?? 0 }

    /// A blank line (unit "each", 25 % VAT) after the others.
    mutating func addLine() {
        let index = lineCount
        values["line_\(index)_unit"] = InvoiceLine.Unit.each.rawValue
        values["line_\(index)_vat"] = "2500"
        values["line_\(index)_quantity"] = "1"
        values["line_count"] = String(index + 1)
    }

    mutating func addAllowance() {
        let index = allowanceCount
        values["allowance_\(index)_vat"] = "2500"
        values["allowance_count"] = String(index + 1)
    }

    /// The lines and discounts, or nil with `errors` set (amounts included: a discount larger
    /// than its line, or than the lines at its rate, is an error here).
    mutating func read(_ strings: Strings) -> (lines: [InvoiceLine], allowances: [InvoiceAllowance])? {
        let s = strings.invoices
        if lineCount > Self.maximumLines || allowanceCount > Self.maximumAllowances { formError = s.tooManyLines }
        let v = values
        func money(_ name: String, emptyIsZero: Bool) -> Money? {
            let raw = v[name] ?? ""
            if raw.isEmpty, emptyIsZero { return .zero }
            guard let amount = try? Money(parsing: raw), !amount.isNegative, amount.ore <= 1_000_000_000_00 else {
                errors[name] = raw.isEmpty ? strings.required : s.amountInvalid
                return nil
            }
            return amount
        }
        func rate(_ name: String) -> VATRate? {
            guard let bp = Int(v[name] ?? ""), Self.rates.contains(bp), let rate = try? VATRate(basisPoints: bp) else {
                errors[name] = s.vatInvalid
                return nil
            }
            return rate
        }
        func text(_ name: String, max: Int) -> String? {
            let value = v[name] ?? ""
            if value.isEmpty {
                errors[name] = strings.required
                return nil
            }
            if value.count > max {
                errors[name] = s.tooLong(max)
                return nil
            }
            return value
        }
        var lines: [InvoiceLine] = []
        for index in 0..<min(lineCount, Self.maximumLines) {
            let p = "line_\(index)_"
            let description = text(p + "description", max: 300)
            let quantity = Int(v[p + "quantity"] ?? "").flatMap { (1...100_000).contains($0) ? $0 : nil }
            if quantity == nil { errors[p + "quantity"] = s.quantityInvalid }
            let unit = InvoiceLine.Unit(rawValue: v[p + "unit"] ?? "") ?? .each
            let price = money(p + "unit_price", emptyIsZero: false)
            let discount = money(p + "discount", emptyIsZero: true)
            let vat = rate(p + "vat")
            guard let description, let quantity, let price, let discount, let vat else { continue }
            let line = InvoiceLine(
                description: description, quantity: quantity, unit: unit, unitPrice: price, discount: discount,
                vatRate: vat)
            do {
                _ = try line.net()
            } catch {
                errors[p + "discount"] = s.discountTooLarge
            }
            lines.append(line)
        }
        var allowances: [InvoiceAllowance] = []
        for index in 0..<min(allowanceCount, Self.maximumAllowances) {
            let p = "allowance_\(index)_"
            let reason = text(p + "reason", max: 200)
            let amount = money(p + "amount", emptyIsZero: false)
            let vat = rate(p + "vat")
            guard let reason, let amount, let vat else { continue }
            allowances.append(InvoiceAllowance(reason: reason, amount: amount, vatRate: vat))
        }
        guard errors.isEmpty, formError == nil else { return nil }
        if !lines.isEmpty {
            do {
                _ = try InvoiceTotals.compute(lines: lines, allowances: allowances, roundToKronor: false)
            } catch {
                switch error {
                case .allowanceWithoutLines, .allowanceExceedsLines: formError = s.allowanceTooLarge
                default: formError = s.amountsTooLarge
                }
                return nil
            }
        } else if !allowances.isEmpty {
            formError = s.allowanceTooLarge
            return nil
        }
        return (lines, allowances)
    }
}
