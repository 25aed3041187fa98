import Domain
import Routing

/// The editor of a draft: one form, every button a submit button with `name=action`.
extension QuotationEditorPage {
    // MARK: - The editor

    static func editor(_ model: Model, _ admin: AdminPage) -> Node {
        let s = admin.strings
        let form = model.form
        return Fields.post(.admin(.quotations(.update(model.header.id))), csrf: admin.csrfToken) {
            // The first submit button is the one Enter presses: save.
            button(
                .class("default-submit"), .attr("type", "submit"), .attr("name", "action"), .attr("value", "save"),
                .attr("tabindex", "-1"), .attr("aria-hidden", "true")
            ) { s.quotations.save }
            Fields.hidden("version", String(model.header.version))
            Fields.summary(form, s)

            fieldset(.class("customer-pick")) {
                legend { s.quotations.customerHeading }
                div(.class("choices"), .attr("role", "radiogroup"), .attr("aria-label", s.quotations.customerHeading)) {
                    if let current = model.customer {
                        customerChoice(current, checked: form["customer_id"] == String(current.id.rawValue), s)
                    }
                    for other in model.customerResults where other.id != model.customer?.id {
                        customerChoice(other, checked: form["customer_id"] == String(other.id.rawValue), s)
                    }
                }
                if let error = form.errors["customer_id"] {
                    p(.class("field-error"), .id("error-customer_id")) { error }
                }
                div(.class("search-row")) {
                    Fields.text(
                        "customer_q", s.quotations.changeCustomer, form, type: "search",
                        hint: s.quotations.customerSearchHint,
                        extra: [.attr("maxlength", "100")])
                    button(
                        .class("button secondary"), .attr("type", "submit"), .attr("name", "action"),
                        .attr("value", "find_customer"), .flag("formnovalidate")
                    ) { s.quotations.customerSearchButton }
                }
                if model.searched && model.customerResults.isEmpty {
                    p(.class("hint")) { s.quotations.noCustomerFound }
                }
            }

            fieldset {
                legend { s.quotations.eventHeading }
                Fields.text(
                    "title", s.quotations.titleLabel, form, hint: s.quotations.titleHint,
                    extra: [.attr("maxlength", "200")])
                div(.class("grid")) {
                    Fields.text("period_start", s.quotations.periodStart, form, type: "date", required: true)
                    Fields.text("period_end", s.quotations.periodEnd, form, type: "date", required: true)
                }
            }

            fieldset {
                legend { s.quotations.deliveryHeading }
                div(.class("grid")) {
                    Fields.text(
                        "delivery_line1", s.quotations.addressLine1, form,
                        extra: [.attr("maxlength", "200"), .attr("autocomplete", "off")])
                    Fields.text(
                        "delivery_line2", s.quotations.addressLine2, form,
                        extra: [.attr("maxlength", "200"), .attr("autocomplete", "off")])
                    Fields.text(
                        "delivery_postal_code", s.quotations.postalCode, form,
                        extra: [.attr("maxlength", "20"), .attr("autocomplete", "off")])
                    Fields.text(
                        "delivery_city", s.quotations.city, form,
                        extra: [.attr("maxlength", "100"), .attr("autocomplete", "off")])
                    Fields.text(
                        "delivery_country", s.quotations.country, form,
                        extra: [.attr("maxlength", "2"), .attr("autocomplete", "off")])
                }
            }

            fieldset(.class("lines-editor"), .id("lines")) {
                legend { s.quotations.linesHeading }
                Fields.hidden("line_count", String(model.lineCount))
                if model.lineCount == 0 {
                    p(.class("hint")) { s.quotations.noLines }
                } else {
                    div(.class("table-scroll")) {
                        table(.class("lines editable")) {
                            thead {
                                tr {
                                    th(.attr("scope", "col")) { s.quotations.lineItem }
                                    th(.attr("scope", "col")) { s.quotations.lineQuantity }
                                    th(.attr("scope", "col")) { s.quotations.lineDays }
                                    th(.attr("scope", "col")) { s.quotations.lineUnitPrice }
                                    th(.attr("scope", "col")) { s.quotations.lineDiscount }
                                    th(.attr("scope", "col"), .class("num")) { s.quotations.lineTotal }
                                    th(.attr("scope", "col")) { s.quotations.lineStock }
                                    th(.attr("scope", "col")) { "" }
                                }
                            }
                            tbody {
                                for index in 0..<model.lineCount {
                                    lineRow(index, model, s, admin.language)
                                }
                            }
                        }
                    }
                }
                div(.class("add-line")) {
                    div(.class("field")) {
                        label(.attr("for", "f-new_item")) { s.quotations.addLineItem }
                        select([.id("f-new_item"), .attr("name", "new_item")] + invalid("new_item", form)) {
                            itemOptions(model.items, selected: form["new_item"], s)
                        }
                        fieldError("new_item", form)
                    }
                    Fields.text(
                        "new_quantity", s.quotations.lineQuantity, form, type: "number",
                        extra: [.attr("min", "1"), .attr("max", "100000"), .attr("inputmode", "numeric")])
                    button(
                        .class("button secondary"), .attr("type", "submit"), .attr("name", "action"),
                        .attr("value", "add_line")
                    ) { s.quotations.addLineButton }
                }
            }

            fieldset {
                legend { s.quotations.moneyHeading }
                div(.class("grid")) {
                    Fields.select(
                        "discount_kind", s.quotations.discountKind, form,
                        options: [
                            ("none", s.quotations.discountNone), ("percent", s.quotations.discountPercent),
                            ("amount", s.quotations.discountAmount),
                        ])
                    Fields.text(
                        "discount_value", s.quotations.discountValue, form, extra: [.attr("inputmode", "decimal")])
                    Fields.text("shipping", s.quotations.shipping, form, extra: [.attr("inputmode", "decimal")])
                    Fields.text("vat_rate", s.quotations.vatRate, form, extra: [.attr("inputmode", "decimal")])
                }
                totals(model, s, admin.language)
                button(
                    .class("button secondary"), .attr("type", "submit"), .attr("name", "action"),
                    .attr("value", "preview"), .data("data-preview", "")
                ) { s.quotations.recalculate }
            }

            CustomFieldInputs.section(model.customFields, form, s)
            fieldset {
                legend { s.quotations.termsHeading }
                Fields.textarea("terms", s.quotations.terms, form, rows: 8, hint: s.quotations.termsHint)
                Fields.textarea("message", s.quotations.message, form, rows: 4, hint: s.quotations.messageHint)
                Fields.textarea("notes", s.quotations.notes, form, rows: 3, hint: s.quotations.notesHint)
            }
            div(.class("actions")) {
                button(.class("button"), .attr("type", "submit"), .attr("name", "action"), .attr("value", "save")) {
                    s.quotations.save
                }
            }
        }
    }

    static func lineRow(_ index: Int, _ model: Model, _ s: Strings, _ language: Language) -> Node {
        let form = model.form
        let n = index + 1
        let prefix = "line_\(index)_"
        let item = form[prefix + "item"]
        let pricing = LinePricing(rawValue: form[prefix + "pricing"])
        let info = index < model.lines.count ? model.lines[index] : LineInfo(days: nil, total: nil, stock: nil)
        func input(_ field: String, _ label: String, type: String = "text", extra: [Attribute] = []) -> Node {
            let name = prefix + field
            return div(.class("cell-field")) {
                void(
                    "input",
                    [
                        .attr("type", type), .attr("name", name), .attr("value", form[name]),
                        .attr("aria-label", s.quotations.lineLabel(n, label)),
                    ]
                        + invalid(name, form) + extra)
                fieldError(name, form)
            }
        }
        let short = info.stock?.isShort == true
        return tr(short ? [.class("short"), .data("data-line", String(index))] : [.data("data-line", String(index))]) {
            td(.class("item")) {
                Fields.hidden(prefix + "item", item)
                input("description", s.quotations.lineItem, extra: [.attr("maxlength", "300")])
                if item == "custom" {
                    let options = LinePricing.allCases.map { ($0.rawValue, s.quotations.pricingName($0)) }
                    select(
                        .attr("name", prefix + "pricing"),
                        .attr("aria-label", s.quotations.lineLabel(n, s.quotations.linePricing))
                    ) {
                        for (value, text) in options {
                            option(value: value, selected: value == pricing?.rawValue) { text }
                        }
                    }
                    fieldError(prefix + "pricing", form)
                } else {
                    Fields.hidden(prefix + "pricing", form[prefix + "pricing"])
                    small(.class("pricing")) { pricing.map(s.quotations.pricingName) ?? "" }
                }
            }
            td(.class("qty")) {
                input(
                    "quantity", s.quotations.lineQuantity, type: "number",
                    extra: [.attr("min", "1"), .attr("max", "100000"), .attr("inputmode", "numeric")])
            }
            td(.class("days")) {
                if pricing == .perDay || item == "custom" {
                    input(
                        "days", s.quotations.lineDays, type: "number",
                        extra: [
                            .attr("min", "1"), .attr("max", "366"), .attr("inputmode", "numeric"),
                            .attr("placeholder", info.days.map(String.init) ?? ""),
                            .attr("title", s.quotations.lineDaysHint),
                        ])
                } else {
                    Fields.hidden(prefix + "days", "")
                    "–"
                }
            }
            td(.class("price")) {
                input("unit_price", s.quotations.lineUnitPrice, extra: [.attr("inputmode", "decimal")])
            }
            td(.class("discount")) {
                input("discount", s.quotations.lineDiscount, extra: [.attr("inputmode", "decimal")])
            }
            td(.class("num"), .data("data-line-total", String(index))) {
                info.total.map { $0.formatted(language) } ?? "–"
            }
            td(.class("stock"), .data("data-line-stock", String(index))) { stockCell(info.stock, s) }
            td {
                button(
                    .class("link-button"), .attr("type", "submit"), .attr("name", "action"),
                    .attr("value", "remove_line_\(index)"), .attr("aria-label", s.quotations.lineRemoveLabel(n)),
                    .flag("formnovalidate")
                ) { s.quotations.lineRemove }
            }
        }
    }

    static func stockCell(_ stock: Stock?, _ s: Strings) -> Node {
        guard let stock else { return .text(s.quotations.noStock) }
        if stock.isShort {
            return span(.class("badge bad"), .attr("title", s.quotations.stockReserved(stock.maxReserved))) {
                s.quotations.stockShort(
                    missing: stock.requested - stock.available, free: stock.available, stock: stock.stock)
                if stock.maxReserved > 0 { " · \(s.quotations.stockBooked(stock.maxReserved))" }
            }
        }
        return span(.class("badge ok"), .attr("title", s.quotations.stockReserved(stock.maxReserved))) {
            s.quotations.stockFits(free: stock.available, stock: stock.stock)
            if stock.maxReserved > 0 { " · \(s.quotations.stockBooked(stock.maxReserved))" }
        }
    }

    static func itemOptions(_ items: [ItemOption], selected: String, _ s: Strings) -> Node {
        var groups: [(String, [ItemOption])] = []
        for item in items {
            if let last = groups.indices.last, groups[last].0 == item.group {
                groups[last].1.append(item)
            } else {
                groups.append((item.group, [item]))
            }
        }
        return .fragment(
            [
                option(value: "", selected: selected.isEmpty) { "—" },
                option(value: "custom", selected: selected == "custom") { s.quotations.freeText },
            ]
                + groups.map { group, options in
                    element("optgroup", [.attr("label", group)]) {
                        for choice in options {
                            option(value: choice.value, selected: choice.value == selected) {
                                choice.label
                            }
                        }
                    }
                })
    }

    static func customerChoice(_ customer: Customer, checked: Bool, _ s: Strings) -> Node {
        QuotationNewPage.radio("customer_id", String(customer.id.rawValue), checked: checked) {
            strong { customer.name }
            if !customer.detail.isEmpty { span(.class("detail")) { " · \(customer.detail)" } }
            if customer.archived {
                " "
                span(.class("badge")) { s.quotations.customerArchived }
            }
        }
    }

    static func totals(_ model: Model, _ s: Strings, _ language: Language) -> Node {
        div(.class("totals-box"), .id("quotation-totals"), .attr("aria-live", "polite")) {
            h3 { s.quotations.totalsHeading }
            if model.preview { p(.class("hint preview-note")) { s.quotations.previewNote } }
            if let totals = model.totals {
                dl(.class("totals")) {
                    dt { s.signing.subtotal }
                    dd(.data("data-total", "subtotal")) { totals.linesSubtotal.formatted(language) }
                    dt { s.signing.discount }
                    dd(.data("data-total", "discount")) {
                        totals.discount.isZero
                            ? totals.discount.formatted(language) : "−" + totals.discount.formatted(language)
                    }
                    dt { s.signing.shipping }
                    dd(.data("data-total", "shipping")) { totals.shipping.formatted(language) }
                    dt { s.signing.net }
                    dd(.data("data-total", "net")) { totals.net.formatted(language) }
                    dt { s.signing.vat(totals.vatRate.formatted(language)) }
                    dd(.data("data-total", "vat")) { totals.vat.formatted(language) }
                    dt(.class("grand")) { s.signing.total }
                    dd(.class("grand"), .data("data-total", "total")) { totals.total.formatted(language) }
                }
            } else {
                p { "–" }
            }
        }
    }
}
