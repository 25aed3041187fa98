import Database
import Domain
import Foundation
import HTTP
import Sanitizer
import Templates

/// The editor's form: the fields a stored quotation fills in, and reading a submitted form back
/// into a `QuotationEdit` with an error next to every field that is wrong. What was typed is
/// always kept (`values`), so a form with errors comes back exactly as it was sent.
struct QuotationEditorForm {
    static let fields = [
        "customer_id", "customer_q", "title", "period_start", "period_end", "delivery_line1", "delivery_line2",
        "delivery_postal_code", "delivery_city", "delivery_country", "discount_kind", "discount_value", "shipping",
        "vat_rate", "terms", "message", "notes", "new_item", "new_quantity", "line_count",
    ]
    static let lineFields = ["item", "description", "quantity", "days", "unit_price", "pricing", "discount"]
    /// Seven fields a line and about twenty-five others stay under the 1,000 form fields a
    /// request may carry (`RequestLimits.maxFields`).
    static let maximumLines = 120

    var values: [String: String]
    var errors: [String: String] = [:]
    var formError: String?

    var state: FormState { FormState(values: values, errors: errors, formError: formError) }

    // MARK: From a stored quotation

    /// The form as a stored quotation fills it in, in `language`'s number format.
    init(record: QuotationRecord, language: Language) {
        let c = record.content
        var v: [String: String] = [
            "customer_id": String(c.customer.rawValue), "title": c.title,
            "period_start": c.period.start.iso, "period_end": c.period.end.iso,
            "delivery_line1": c.deliveryAddress.line1, "delivery_line2": c.deliveryAddress.line2,
            "delivery_postal_code": c.deliveryAddress.postalCode, "delivery_city": c.deliveryAddress.city,
            "delivery_country": c.deliveryAddress.country,
            "shipping": c.shipping.editingText(language),
            "vat_rate": Percent.editingText(basisPoints: c.vatRate.basisPoints, language: language),
            "terms": c.termsHTML, "message": c.messageToCustomer, "notes": c.internalNotes,
            "line_count": String(c.lines.count),
        ]
        switch c.discount.kind {
        case .none: v["discount_kind"] = "none"
        case .percent:
            v["discount_kind"] = "percent"
            v["discount_value"] = Percent.editingText(basisPoints: Int(c.discount.value), language: language)
        case .amount:
            v["discount_kind"] = "amount"
            v["discount_value"] = Money(ore: c.discount.value).editingText(language)
        }
        for (index, line) in c.lines.enumerated() {
            for (field, value) in Self.lineValues(line, language: language) { v["line_\(index)_\(field)"] = value }
        }
        values = v
    }

    static func lineValues(_ line: QuotationLine, language: Language) -> [String: String] {
        let item: String =
            switch line.item {
            case .product(let id): "product:\(id.rawValue)"
            case .addon(let id): "addon:\(id.rawValue)"
            case .custom: "custom"
            }
        return [
            "item": item, "description": line.description, "quantity": String(line.quantity),
            "days": line.pricing == .perDay ? line.daysOverride.map(String.init) ?? "" : "",
            "unit_price": line.unitPrice.editingText(language), "pricing": line.pricing.rawValue,
            "discount": line.discount.basisPoints.map { Percent.editingText(basisPoints: $0, language: language) }
                ?? "0",
        ]
    }

    // MARK: From a request

    /// What was submitted, trimmed; lines renumbered without `removing` (a "remove line N" button).
    init(submitted admin: AdminContext, removing: Int? = nil) {
        var v = admin.formValues(Self.fields)
        let count = min(Self.maximumLines + 1, max(0, Int(v["line_count"] ?? "") ?? 0))
        var kept = 0
        for index in 0..<count where index != removing {
            for field in Self.lineFields {
                v["line_\(kept)_\(field)"] = (admin.request.form["line_\(index)_\(field)"] ?? "")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            kept += 1
        }
        v["line_count"] = String(kept)
        values = v
    }

    var lineCount: Int { min(Self.maximumLines + 1, max(0, Int(values["line_count"] ?? "") ?? 0)) }

    /// Appends a line after the submitted ones and clears the "add" fields.
    mutating func append(_ line: QuotationLine, language: Language) {
        let index = lineCount
        for (field, value) in Self.lineValues(line, language: language) { values["line_\(index)_\(field)"] = value }
        values["line_count"] = String(index + 1)
        values["new_item"] = ""
        values["new_quantity"] = ""
    }

    // MARK: Reading

    /// The parts that could be read, also when others could not (for per-line totals and stock).
    struct Reading {
        var content: QuotationEdit?
        var period: RentalPeriod?
        /// By line index; nil for a line with errors.
        var lines: [QuotationLine?] = []
    }

    /// Reads every field; fills `errors` for each one that is wrong. `content` is set only when
    /// nothing is wrong (totals included: a discount larger than the lines is an error here).
    mutating func read(_ s: Strings) -> Reading {
        var reading = Reading()
        let v = values
        func text(_ name: String, max: Int) -> String {
            let value = v[name] ?? ""
            if value.lengthForLimits > max { errors[name] = s.quotations.errorTooLong(max) }
            return value
        }
        func money(_ name: String, emptyIsZero: Bool = true) -> Money? {
            let raw = v[name] ?? ""
            if raw.isEmpty, emptyIsZero { return .zero }
            guard let amount = try? Money(parsing: raw) else {
                errors[name] = s.quotations.errorAmount
                return nil
            }
            guard !amount.isNegative else {
                errors[name] = s.quotations.errorNegative
                return nil
            }
            guard amount.ore <= 1_000_000_000_00 else {
                errors[name] = s.quotations.errorTooLarge
                return nil
            }
            return amount
        }
        func percent(_ name: String, emptyIsZero: Bool) -> Int? {
            let raw = v[name] ?? ""
            if raw.isEmpty, emptyIsZero { return 0 }
            guard let bp = try? Percent.basisPoints(parsing: raw) else {
                errors[name] = raw.isEmpty ? s.required : s.quotations.errorPercent
                return nil
            }
            return bp
        }

        let customer = Int64(v["customer_id"] ?? "").flatMap { $0 > 0 ? CustomerID(rawValue: $0) : nil }
        if customer == nil { errors["customer_id"] = s.quotations.errorPickCustomer }
        let title = text("title", max: 200)
        reading.period = Self.period(v, errors: &errors, s)

        var country = (v["delivery_country"] ?? "").uppercased()
        if country.isEmpty { country = "SE" }
        if country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            errors["delivery_country"] = s.quotations.errorCountry
        }
        let address = PostalAddress(
            line1: text("delivery_line1", max: 200), line2: text("delivery_line2", max: 200),
            postalCode: text("delivery_postal_code", max: 20), city: text("delivery_city", max: 100), country: country)

        var discount: Discount? = Discount.none
        switch v["discount_kind"] ?? "none" {
        case "percent":
            discount = percent("discount_value", emptyIsZero: false).flatMap { try? Discount.percent(basisPoints: $0) }
        case "amount":
            discount = money("discount_value", emptyIsZero: false).flatMap { try? Discount.amount($0) }
        default:
            discount = Discount.none
        }
        let shipping = money("shipping")
        let vat = percent("vat_rate", emptyIsZero: false).flatMap { try? VATRate(basisPoints: $0) }

        var terms = ""
        do {
            terms = try HTMLSanitizer.sanitize(v["terms"] ?? "").markup
        } catch {
            errors["terms"] = s.quotations.errorTermsTooLarge
        }
        let message = text("message", max: 5000)
        let notes = text("notes", max: 10_000)

        let count = lineCount
        if count > Self.maximumLines { formError = s.quotations.errorTooManyLines }
        for index in 0..<min(count, Self.maximumLines) { reading.lines.append(readLine(index, s)) }

        guard errors.isEmpty, formError == nil, let customer, let period = reading.period, let discount, let shipping,
            let vat,
            reading.lines.allSatisfy({ $0 != nil })
        else { return reading }
        let content = QuotationEdit(
            customer: customer, title: title, period: period, deliveryAddress: address,
            lines: reading.lines.compactMap { $0 }, discount: discount, shipping: shipping, vatRate: vat,
            termsHTML: terms, messageToCustomer: message, internalNotes: notes)
        do {
            _ = try content.totals()
        } catch {
            switch error {
            case .discountExceedsSubtotal: errors["discount_value"] = s.quotations.errorDiscountTooLarge
            case .lineDiscountExceedsLine(let line, _, _):
                errors["line_\(line)_discount"] = s.quotations.errorLineDiscountTooLarge
            default: formError = s.quotations.errorTooLarge
            }
            return reading
        }
        reading.content = content
        return reading
    }

    /// Line `index`, or nil with its errors set.
    private mutating func readLine(_ index: Int, _ s: Strings) -> QuotationLine? {
        let prefix = "line_\(index)_"
        let v = values
        func value(_ field: String) -> String { v[prefix + field] ?? "" }
        var ok = true
        let item: QuotationLine.Item?
        let parts = value("item").split(separator: ":")
        if value("item") == "custom" {
            item = .custom
        } else if parts.count == 2, let id = Int64(parts[1]), id > 0, parts[0] == "product" {
            item = .product(ProductID(rawValue: id))
        } else if parts.count == 2, let id = Int64(parts[1]), id > 0, parts[0] == "addon" {
            item = .addon(AddonID(rawValue: id))
        } else {
            item = nil
            errors[prefix + "description"] = s.quotations.errorUnknownItem
            ok = false
        }
        let description = value("description")
        if description.isEmpty {
            errors[prefix + "description"] = s.required
            ok = false
        } else if description.lengthForLimits > 300 {
            errors[prefix + "description"] = s.quotations.errorTooLong(300)
            ok = false
        }
        let quantity = Int(value("quantity")).flatMap { (1...100_000).contains($0) ? $0 : nil }
        if quantity == nil {
            errors[prefix + "quantity"] = s.quotations.errorQuantity
            ok = false
        }
        let pricing = LinePricing(rawValue: value("pricing"))
        if pricing == nil {
            errors[prefix + "pricing"] = s.quotations.errorPricing
            ok = false
        }
        var days: Int?
        if pricing == .perDay, !value("days").isEmpty {
            days = Int(value("days")).flatMap { (1...366).contains($0) ? $0 : nil }
            if days == nil {
                errors[prefix + "days"] = s.quotations.errorDays
                ok = false
            }
        }
        var price: Money?
        if let parsed = try? Money(parsing: value("unit_price")) {
            if parsed.isNegative {
                errors[prefix + "unit_price"] = s.quotations.errorNegative
            } else if parsed.ore > 1_000_000_000_00 {
                errors[prefix + "unit_price"] = s.quotations.errorTooLarge
            } else {
                price = parsed
            }
        } else {
            errors[prefix + "unit_price"] = s.quotations.errorAmount
        }
        if price == nil { ok = false }
        var discount = Discount.none
        if !value("discount").isEmpty {
            if let bp = try? Percent.basisPoints(parsing: value("discount")),
                let d = try? Discount.percent(basisPoints: bp)
            {
                discount = d
            } else {
                errors[prefix + "discount"] = s.quotations.errorPercent
                ok = false
            }
        }
        guard ok, let item, let quantity, let pricing, let price else { return nil }
        do {
            return try QuotationLine(
                item: item, description: description, quantity: quantity, pricing: pricing, unitPrice: price,
                daysOverride: days, discount: discount)
        } catch {
            errors[prefix + "pricing"] = s.quotations.errorPricing
            return nil
        }
    }

    /// The rental period from `period_start` and `period_end`, or nil with the errors set.
    static func period(_ v: [String: String], errors: inout [String: String], _ s: Strings) -> RentalPeriod? {
        let start = try? CalendarDate(iso: v["period_start"] ?? "")
        let end = try? CalendarDate(iso: v["period_end"] ?? "")
        if start == nil {
            errors["period_start"] = (v["period_start"] ?? "").isEmpty ? s.required : s.quotations.errorDate
        }
        if end == nil { errors["period_end"] = (v["period_end"] ?? "").isEmpty ? s.required : s.quotations.errorDate }
        guard let start, let end else { return nil }
        guard let period = try? RentalPeriod(start: start, end: end) else {
            errors["period_end"] = s.quotations.errorEndBeforeStart
            return nil
        }
        guard period.days <= 366 else {
            errors["period_end"] = s.quotations.errorPeriodTooLong
            return nil
        }
        return period
    }
}
