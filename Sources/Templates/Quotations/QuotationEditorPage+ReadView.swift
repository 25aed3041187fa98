import Domain
import Routing
import Sanitizer

/// The read view: everything but a draft, and a draft for those who may not change it.
extension QuotationEditorPage {
    // MARK: - The read view

    static func readView(_ model: Model, _ admin: AdminPage) -> Node {
        let s = admin.strings
        let language = admin.language
        let form = model.form
        let showStock = !model.header.state.isFinal
        return section(.class("card quotation-read")) {
            dl(.class("facts")) {
                dt { s.quotations.customerHeading }
                dd {
                    if let customer = model.customer {
                        strong { customer.name }
                        if !customer.detail.isEmpty { " · \(customer.detail)" }
                    }
                }
                dt { s.quotations.titleLabel }
                dd { form["title"] }
                dt { s.signing.period }
                dd { "\(form["period_start"]) – \(form["period_end"])" }
                dt { s.signing.deliveryAddress }
                dd {
                    [
                        form["delivery_line1"], form["delivery_line2"],
                        [form["delivery_postal_code"], form["delivery_city"]].filter { !$0.isEmpty }.joined(
                            separator: " "),
                        form["delivery_country"] == "SE" ? "" : form["delivery_country"],
                    ]
                    .filter { !$0.isEmpty }.joined(separator: ", ")
                }
            }
            div(.class("table-scroll")) {
                table(.class("lines")) {
                    thead {
                        tr {
                            th(.attr("scope", "col")) { s.quotations.lineItem }
                            th(.attr("scope", "col"), .class("num")) { s.quotations.lineQuantity }
                            th(.attr("scope", "col"), .class("num")) { s.quotations.lineDays }
                            th(.attr("scope", "col"), .class("num")) { s.quotations.lineUnitPrice }
                            th(.attr("scope", "col"), .class("num")) { s.quotations.lineDiscount }
                            th(.attr("scope", "col"), .class("num")) { s.quotations.lineTotal }
                            if showStock { th(.attr("scope", "col")) { s.quotations.lineStock } }
                        }
                    }
                    tbody {
                        for index in 0..<model.lineCount {
                            let prefix = "line_\(index)_"
                            let info =
                                index < model.lines.count
                                ? model.lines[index] : LineInfo(days: nil, total: nil, stock: nil)
                            tr(info.stock?.isShort == true ? [.class("short")] : []) {
                                td {
                                    form[prefix + "description"]
                                    if let pricing = LinePricing(rawValue: form[prefix + "pricing"]) {
                                        " "
                                        small(.class("pricing")) { s.quotations.pricingName(pricing) }
                                    }
                                }
                                td(.class("num")) { form[prefix + "quantity"] }
                                td(.class("num")) { info.days.map(String.init) ?? "–" }
                                td(.class("num")) {
                                    (try? Money(parsing: form[prefix + "unit_price"])).map { $0.formatted(language) }
                                        ?? form[prefix + "unit_price"]
                                }
                                td(.class("num")) { form[prefix + "discount"] }
                                td(.class("num")) { info.total.map { $0.formatted(language) } ?? "–" }
                                if showStock { td { stockCell(info.stock, s) } }
                            }
                        }
                    }
                }
            }
            totals(model, s, language)
            h3 { s.signing.terms }
            if model.terms.markup.isEmpty {
                p(.class("hint")) { s.quotations.noTerms }
            } else {
                div(.class("terms")) { Node.sanitized(model.terms) }
            }
            if !form["message"].isEmpty {
                h3 { s.quotations.message }
                p(.class("prewrap")) { form["message"] }
            }
            if !form["notes"].isEmpty {
                h3 { s.quotations.notes }
                p(.class("prewrap")) { form["notes"] }
            }
            CustomFieldInputs.details(model.customFields, model.customValues, s)
        }
    }
}
