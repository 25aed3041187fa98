public import Domain
public import Foundation
import Routing
public import Sanitizer

/// `/admin/quotations/{id}`: the editor for a draft (admin, manager), the read view otherwise;
/// the signing link's state (never the link), the actions (send, resend, reopen, void,
/// duplicate) and the sent versions.
///
/// The editor is one form that works without JavaScript: every button is a submit button with
/// `name=action` (`save`, `add_line`, `remove_line_N`, `find_customer`, `preview`), so adding a
/// line saves what was typed and shows the new totals and availability.
public enum QuotationEditorPage {
    public struct Header: Sendable {
        public let id: QuotationID
        public let number: String
        public let state: QuotationState
        public let version: Int
        public let createdBy: String
        public let createdAt: Date
        public let updatedAt: Date
        public let bookingID: BookingID?
        public let bookingNumber: String?

        public init(
            id: QuotationID, number: String, state: QuotationState, version: Int, createdBy: String, createdAt: Date,
            updatedAt: Date, bookingID: BookingID?, bookingNumber: String?
        ) {
            self.id = id
            self.number = number
            self.state = state
            self.version = version
            self.createdBy = createdBy
            self.createdAt = createdAt
            self.updatedAt = updatedAt
            self.bookingID = bookingID
            self.bookingNumber = bookingNumber
        }
    }

    public struct Customer: Sendable {
        public let id: CustomerID
        public let name: String
        public let detail: String
        public let archived: Bool

        public init(id: CustomerID, name: String, detail: String, archived: Bool = false) {
            self.id = id
            self.name = name
            self.detail = detail
            self.archived = archived
        }
    }

    /// The live signing link, as staff may see it (never the link itself).
    public struct Link: Sendable {
        public let versionNo: Int
        public let recipient: String
        public let createdAt: Date
        public let expiresAt: Date
        public let expired: Bool
        public let firstViewedAt: Date?
        public let viewCount: Int

        public init(
            versionNo: Int, recipient: String, createdAt: Date, expiresAt: Date, expired: Bool, firstViewedAt: Date?,
            viewCount: Int
        ) {
            self.versionNo = versionNo
            self.recipient = recipient
            self.createdAt = createdAt
            self.expiresAt = expiresAt
            self.expired = expired
            self.firstViewedAt = firstViewedAt
            self.viewCount = viewCount
        }
    }

    /// A product line's stock for the period (all lines of the product together).
    public struct Stock: Sendable {
        public let requested: Int
        public let stock: Int
        public let maxReserved: Int
        public let available: Int

        public init(requested: Int, stock: Int, maxReserved: Int, available: Int) {
            self.requested = requested
            self.stock = stock
            self.maxReserved = maxReserved
            self.available = available
        }

        public var isShort: Bool { requested > available }
    }

    /// What the page knows about line N besides what the form holds.
    public struct LineInfo: Sendable {
        /// Days charged and the amount, when the line is valid.
        public let days: Int?
        public let total: Money?
        public let stock: Stock?

        public init(days: Int?, total: Money?, stock: Stock?) {
            self.days = days
            self.total = total
            self.stock = stock
        }
    }

    /// A product or add-on in the "add a line" list. `value` is `product:ID`, `addon:ID` or `custom`.
    public struct ItemOption: Sendable {
        public let value: String
        public let label: String
        /// The `<optgroup>`: a product category, or the add-ons.
        public let group: String

        public init(value: String, label: String, group: String) {
            self.value = value
            self.label = label
            self.group = group
        }
    }

    public struct Version: Sendable {
        public let number: Int
        public let state: QuotationVersionState
        public let sentAt: Date?
        public let total: Money
        public let sha256: String
        public let sentBy: String?
        /// Declined by the customer (also once superseded).
        public let declined: Bool

        public init(
            number: Int, state: QuotationVersionState, sentAt: Date?, total: Money, sha256: String, sentBy: String?,
            declined: Bool = false
        ) {
            self.declined = declined
            self.number = number
            self.state = state
            self.sentAt = sentAt
            self.total = total
            self.sha256 = sha256
            self.sentBy = sentBy
        }
    }

    /// The customer's signature, for a signed quotation.
    public struct Signed: Sendable {
        public let version: Int
        public let signerName: String
        public let signedAt: Date

        public init(version: Int, signerName: String, signedAt: Date) {
            self.version = version
            self.signerName = signerName
            self.signedAt = signedAt
        }
    }

    /// A product short for the period, for the send panel.
    public struct Shortage: Sendable {
        public let name: String
        public let requested: Int
        public let available: Int

        public init(name: String, requested: Int, available: Int) {
            self.name = name
            self.requested = requested
            self.available = available
        }
    }

    public struct Model: Sendable {
        public var header: Header
        /// The customer the form names now.
        public var customer: Customer?
        /// Search results to pick another customer from.
        public var customerResults: [Customer]
        public var searched: Bool
        /// Every field by name; lines as `line_count` and `line_N_…`.
        public var form: FormState
        /// By line index.
        public var lines: [LineInfo]
        /// The money of what is shown (nil when the lines are not valid yet).
        public var totals: QuotationTotals?
        /// The totals are of unsaved input.
        public var preview: Bool
        public var items: [ItemOption]
        public var link: Link?
        public var signed: Signed?
        public var versions: [Version]
        /// The terms for the read view, sanitised.
        public var terms: SanitizedHTML
        /// A draft, and the member may change it.
        public var editable: Bool
        /// The member may send, void, reopen, duplicate.
        public var mayManage: Bool
        /// The send panel's form (`shortage_reason`) and its errors.
        public var sendForm: FormState
        public var shortages: [Shortage]

        public init(
            header: Header, customer: Customer?, customerResults: [Customer] = [], searched: Bool = false, form: FormState,
            lines: [LineInfo], totals: QuotationTotals?, preview: Bool = false, items: [ItemOption], link: Link?,
            signed: Signed? = nil, versions: [Version], terms: SanitizedHTML, editable: Bool, mayManage: Bool, sendForm: FormState = FormState(),
            shortages: [Shortage] = []
        ) {
            self.header = header
            self.customer = customer
            self.customerResults = customerResults
            self.searched = searched
            self.form = form
            self.lines = lines
            self.totals = totals
            self.preview = preview
            self.items = items
            self.link = link
            self.signed = signed
            self.versions = versions
            self.terms = terms
            self.editable = editable
            self.mayManage = mayManage
            self.sendForm = sendForm
            self.shortages = shortages
        }

        var lineCount: Int { min(1000, max(0, Int(form["line_count"]) ?? 0)) }
    }

    public static func render(_ model: Model, admin: AdminPage) -> [UInt8] {
        let s = admin.strings
        let h = model.header
        return AdminLayout.page(title: s.qTitle(h.number), admin) {
            div(.class("page-head")) {
                h1 {
                    s.qTitle(h.number)
                    " "
                    QuotationBits.badge(h.state, s)
                }
                a(.href(SafeURL(.adminQuotations(ListQuery())))) { s.navQuotations }
            }
            p(.class("meta")) {
                "\(s.qCreatedBy) \(h.createdBy) · \(DisplayFormat.date(h.createdAt)) · \(s.qUpdated) \(DisplayFormat.dateTime(h.updatedAt))"
                if let bookingID = h.bookingID, let number = h.bookingNumber {
                    " · \(s.qBooking) "
                    a(.href(SafeURL(.adminBooking(bookingID))), .data("data-booking", number)) { number }
                }
            }
            if let signed = model.signed {
                section(.class("card signed-state")) {
                    h2 { s.qSignedHeading }
                    p {
                        s.qSignedBy(signed.signerName, DisplayFormat.dateTime(signed.signedAt), version: signed.version)
                        " "
                        a(.href(SafeURL(.adminQuotationVersion(h.id, version: signed.version)))) { s.qSeeEvidence }
                    }
                    if let bookingID = h.bookingID, let number = h.bookingNumber {
                        p {
                            "\(s.qBooking) "
                            a(.class("button secondary"), .href(SafeURL(.adminBooking(bookingID)))) { number }
                        }
                    }
                }
            } else if let link = model.link, h.state == .sent {
                linkCard(link, model, admin)
            }
            if model.editable {
                editor(model, admin)
            } else {
                if h.state == .draft { p(.class("hint")) { s.qReadOnlyDraft } }
                Fields.summary(model.form, s)
                readView(model, admin)
            }
            if model.mayManage { actions(model, admin) }
            versions(model, admin)
        }.rendered()
    }

    // MARK: - The editor

    private static func editor(_ model: Model, _ admin: AdminPage) -> Node {
        let s = admin.strings
        let form = model.form
        return Fields.post(.adminQuotationUpdate(model.header.id), csrf: admin.csrfToken) {
            // The first submit button is the one Enter presses: save.
            button(.class("default-submit"), .attr("type", "submit"), .attr("name", "action"), .attr("value", "save"),
                   .attr("tabindex", "-1"), .attr("aria-hidden", "true")) { s.qSave }
            Fields.hidden("version", String(model.header.version))
            Fields.summary(form, s)

            element("fieldset", [.class("customer-pick")]) {
                element("legend", []) { s.qCustomerHeading }
                div(.class("choices"), .attr("role", "radiogroup"), .attr("aria-label", s.qCustomerHeading)) {
                    if let current = model.customer {
                        customerChoice(current, checked: form["customer_id"] == String(current.id.rawValue), s)
                    }
                    for other in model.customerResults where other.id != model.customer?.id {
                        customerChoice(other, checked: form["customer_id"] == String(other.id.rawValue), s)
                    }
                }
                if let error = form.errors["customer_id"] { p(.class("field-error"), .id("error-customer_id")) { error } }
                div(.class("search-row")) {
                    Fields.text("customer_q", s.qChangeCustomer, form, type: "search", hint: s.qCustomerSearchHint,
                                extra: [.attr("maxlength", "100")])
                    button(.class("button secondary"), .attr("type", "submit"), .attr("name", "action"),
                           .attr("value", "find_customer"), .flag("formnovalidate")) { s.qCustomerSearchButton }
                }
                if model.searched && model.customerResults.isEmpty { p(.class("hint")) { s.qNoCustomerFound } }
            }

            element("fieldset", []) {
                element("legend", []) { s.qEventHeading }
                Fields.text("title", s.qTitleLabel, form, hint: s.qTitleHint, extra: [.attr("maxlength", "200")])
                div(.class("grid")) {
                    Fields.text("period_start", s.qPeriodStart, form, type: "date", required: true)
                    Fields.text("period_end", s.qPeriodEnd, form, type: "date", required: true)
                }
            }

            element("fieldset", []) {
                element("legend", []) { s.qDeliveryHeading }
                div(.class("grid")) {
                    Fields.text("delivery_line1", s.qAddressLine1, form, extra: [.attr("maxlength", "200"), .attr("autocomplete", "off")])
                    Fields.text("delivery_line2", s.qAddressLine2, form, extra: [.attr("maxlength", "200"), .attr("autocomplete", "off")])
                    Fields.text("delivery_postal_code", s.qPostalCode, form, extra: [.attr("maxlength", "20"), .attr("autocomplete", "off")])
                    Fields.text("delivery_city", s.qCity, form, extra: [.attr("maxlength", "100"), .attr("autocomplete", "off")])
                    Fields.text("delivery_country", s.qCountry, form, extra: [.attr("maxlength", "2"), .attr("autocomplete", "off")])
                }
            }

            element("fieldset", [.class("lines-editor"), .id("lines")]) {
                element("legend", []) { s.qLinesHeading }
                Fields.hidden("line_count", String(model.lineCount))
                if model.lineCount == 0 {
                    p(.class("hint")) { s.qNoLines }
                } else {
                    div(.class("table-scroll")) {
                        element("table", [.class("lines editable")]) {
                            element("thead", []) {
                                element("tr", []) {
                                    element("th", [.attr("scope", "col")]) { s.qLineItem }
                                    element("th", [.attr("scope", "col")]) { s.qLineQuantity }
                                    element("th", [.attr("scope", "col")]) { s.qLineDays }
                                    element("th", [.attr("scope", "col")]) { s.qLineUnitPrice }
                                    element("th", [.attr("scope", "col")]) { s.qLineDiscount }
                                    element("th", [.attr("scope", "col"), .class("num")]) { s.qLineTotal }
                                    element("th", [.attr("scope", "col")]) { s.qLineStock }
                                    element("th", [.attr("scope", "col")]) { "" }
                                }
                            }
                            element("tbody", []) {
                                for index in 0..<model.lineCount {
                                    lineRow(index, model, s, admin.language)
                                }
                            }
                        }
                    }
                }
                div(.class("add-line")) {
                    div(.class("field")) {
                        label(.attr("for", "f-new_item")) { s.qAddLineItem }
                        element("select", [.id("f-new_item"), .attr("name", "new_item")] + invalid("new_item", form)) {
                            itemOptions(model.items, selected: form["new_item"], s)
                        }
                        fieldError("new_item", form)
                    }
                    Fields.text("new_quantity", s.qLineQuantity, form, type: "number",
                                extra: [.attr("min", "1"), .attr("max", "100000"), .attr("inputmode", "numeric")])
                    button(.class("button secondary"), .attr("type", "submit"), .attr("name", "action"),
                           .attr("value", "add_line")) { s.qAddLineButton }
                }
            }

            element("fieldset", []) {
                element("legend", []) { s.qMoneyHeading }
                div(.class("grid")) {
                    Fields.select(
                        "discount_kind", s.qDiscountKind, form,
                        options: [("none", s.qDiscountNone), ("percent", s.qDiscountPercent), ("amount", s.qDiscountAmount)])
                    Fields.text("discount_value", s.qDiscountValue, form, extra: [.attr("inputmode", "decimal")])
                    Fields.text("shipping", s.qShipping, form, extra: [.attr("inputmode", "decimal")])
                    Fields.text("vat_rate", s.qVATRate, form, extra: [.attr("inputmode", "decimal")])
                }
                totals(model, s, admin.language)
                button(.class("button secondary"), .attr("type", "submit"), .attr("name", "action"),
                       .attr("value", "preview"), .data("data-preview", "")) { s.qRecalculate }
            }

            element("fieldset", []) {
                element("legend", []) { s.qTermsHeading }
                Fields.textarea("terms", s.qTerms, form, rows: 8, hint: s.qTermsHint)
                Fields.textarea("message", s.qMessage, form, rows: 4, hint: s.qMessageHint)
                Fields.textarea("notes", s.qNotes, form, rows: 3, hint: s.qNotesHint)
            }
            div(.class("actions")) {
                button(.class("button"), .attr("type", "submit"), .attr("name", "action"), .attr("value", "save")) { s.qSave }
            }
        }
    }

    private static func lineRow(_ index: Int, _ model: Model, _ s: Strings, _ language: Language) -> Node {
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
                    [.attr("type", type), .attr("name", name), .attr("value", form[name]), .attr("aria-label", s.qLineLabel(n, label))]
                        + invalid(name, form) + extra)
                fieldError(name, form)
            }
        }
        let short = info.stock?.isShort == true
        return element("tr", short ? [.class("short"), .data("data-line", String(index))] : [.data("data-line", String(index))]) {
            element("td", [.class("item")]) {
                Fields.hidden(prefix + "item", item)
                input("description", s.qLineItem, extra: [.attr("maxlength", "300")])
                if item == "custom" {
                    let options = LinePricing.allCases.map { ($0.rawValue, s.pricingName($0)) }
                    element("select", [.attr("name", prefix + "pricing"), .attr("aria-label", s.qLineLabel(n, s.qLinePricing))]) {
                        for (value, text) in options {
                            element("option", [.attr("value", value)] + (value == pricing?.rawValue ? [.flag("selected")] : [])) { text }
                        }
                    }
                    fieldError(prefix + "pricing", form)
                } else {
                    Fields.hidden(prefix + "pricing", form[prefix + "pricing"])
                    small(.class("pricing")) { pricing.map(s.pricingName) ?? "" }
                }
            }
            element("td", [.class("qty")]) {
                input("quantity", s.qLineQuantity, type: "number", extra: [.attr("min", "1"), .attr("max", "100000"), .attr("inputmode", "numeric")])
            }
            element("td", [.class("days")]) {
                if pricing == .perDay || item == "custom" {
                    input("days", s.qLineDays, type: "number",
                          extra: [.attr("min", "1"), .attr("max", "366"), .attr("inputmode", "numeric"),
                                  .attr("placeholder", info.days.map(String.init) ?? ""), .attr("title", s.qLineDaysHint)])
                } else {
                    Fields.hidden(prefix + "days", "")
                    "–"
                }
            }
            element("td", [.class("price")]) { input("unit_price", s.qLineUnitPrice, extra: [.attr("inputmode", "decimal")]) }
            element("td", [.class("discount")]) { input("discount", s.qLineDiscount, extra: [.attr("inputmode", "decimal")]) }
            element("td", [.class("num"), .data("data-line-total", String(index))]) {
                info.total.map { $0.formatted(language) } ?? "–"
            }
            element("td", [.class("stock"), .data("data-line-stock", String(index))]) { stockCell(info.stock, s) }
            element("td", []) {
                button(.class("link-button"), .attr("type", "submit"), .attr("name", "action"),
                       .attr("value", "remove_line_\(index)"), .attr("aria-label", s.qLineRemoveLabel(n)),
                       .flag("formnovalidate")) { s.qLineRemove }
            }
        }
    }

    private static func stockCell(_ stock: Stock?, _ s: Strings) -> Node {
        guard let stock else { return .text(s.qNoStock) }
        if stock.isShort {
            return span(.class("badge bad"), .attr("title", s.qStockReserved(stock.maxReserved))) {
                s.qStockShort(missing: stock.requested - stock.available, free: stock.available, stock: stock.stock)
            }
        }
        return span(.class("badge ok"), .attr("title", s.qStockReserved(stock.maxReserved))) {
            s.qStockFits(free: stock.available, stock: stock.stock)
        }
    }

    private static func itemOptions(_ items: [ItemOption], selected: String, _ s: Strings) -> Node {
        var groups: [(String, [ItemOption])] = []
        for item in items {
            if let last = groups.indices.last, groups[last].0 == item.group {
                groups[last].1.append(item)
            } else {
                groups.append((item.group, [item]))
            }
        }
        return .fragment([
            element("option", [.attr("value", "")] + (selected.isEmpty ? [.flag("selected")] : [])) { "—" },
            element("option", [.attr("value", "custom")] + (selected == "custom" ? [.flag("selected")] : [])) { s.qFreeText },
        ] + groups.map { group, options in
            element("optgroup", [.attr("label", group)]) {
                for option in options {
                    element("option", [.attr("value", option.value)] + (option.value == selected ? [.flag("selected")] : [])) {
                        option.label
                    }
                }
            }
        })
    }

    private static func customerChoice(_ customer: Customer, checked: Bool, _ s: Strings) -> Node {
        QuotationNewPage.radio("customer_id", String(customer.id.rawValue), checked: checked) {
            strong { customer.name }
            if !customer.detail.isEmpty { span(.class("detail")) { " · \(customer.detail)" } }
            if customer.archived { " "; span(.class("badge")) { s.qCustomerArchived } }
        }
    }

    private static func totals(_ model: Model, _ s: Strings, _ language: Language) -> Node {
        div(.class("totals-box"), .id("quotation-totals"), .attr("aria-live", "polite")) {
            h3 { s.qTotalsHeading }
            if model.preview { p(.class("hint preview-note")) { s.qPreviewNote } }
            if let totals = model.totals {
                dl(.class("totals")) {
                    dt { s.signingSubtotal }
                    dd(.data("data-total", "subtotal")) { totals.linesSubtotal.formatted(language) }
                    dt { s.signingDiscount }
                    dd(.data("data-total", "discount")) { totals.discount.isZero ? totals.discount.formatted(language) : "−" + totals.discount.formatted(language) }
                    dt { s.signingShipping }
                    dd(.data("data-total", "shipping")) { totals.shipping.formatted(language) }
                    dt { s.signingNet }
                    dd(.data("data-total", "net")) { totals.net.formatted(language) }
                    dt { s.signingVAT(totals.vatRate.formatted(language)) }
                    dd(.data("data-total", "vat")) { totals.vat.formatted(language) }
                    dt(.class("grand")) { s.signingTotal }
                    dd(.class("grand"), .data("data-total", "total")) { totals.total.formatted(language) }
                }
            } else {
                p { "–" }
            }
        }
    }

    // MARK: - The read view

    private static func readView(_ model: Model, _ admin: AdminPage) -> Node {
        let s = admin.strings
        let language = admin.language
        let form = model.form
        let showStock = !model.header.state.isFinal
        return section(.class("card quotation-read")) {
            dl(.class("facts")) {
                dt { s.qCustomerHeading }
                dd {
                    if let customer = model.customer {
                        strong { customer.name }
                        if !customer.detail.isEmpty { " · \(customer.detail)" }
                    }
                }
                dt { s.qTitleLabel }
                dd { form["title"] }
                dt { s.signingPeriod }
                dd { "\(form["period_start"]) – \(form["period_end"])" }
                dt { s.signingDeliveryAddress }
                dd {
                    [form["delivery_line1"], form["delivery_line2"],
                     [form["delivery_postal_code"], form["delivery_city"]].filter { !$0.isEmpty }.joined(separator: " "),
                     form["delivery_country"] == "SE" ? "" : form["delivery_country"]]
                        .filter { !$0.isEmpty }.joined(separator: ", ")
                }
            }
            div(.class("table-scroll")) {
                element("table", [.class("lines")]) {
                    element("thead", []) {
                        element("tr", []) {
                            element("th", [.attr("scope", "col")]) { s.qLineItem }
                            element("th", [.attr("scope", "col"), .class("num")]) { s.qLineQuantity }
                            element("th", [.attr("scope", "col"), .class("num")]) { s.qLineDays }
                            element("th", [.attr("scope", "col"), .class("num")]) { s.qLineUnitPrice }
                            element("th", [.attr("scope", "col"), .class("num")]) { s.qLineDiscount }
                            element("th", [.attr("scope", "col"), .class("num")]) { s.qLineTotal }
                            if showStock { element("th", [.attr("scope", "col")]) { s.qLineStock } }
                        }
                    }
                    element("tbody", []) {
                        for index in 0..<model.lineCount {
                            let prefix = "line_\(index)_"
                            let info = index < model.lines.count ? model.lines[index] : LineInfo(days: nil, total: nil, stock: nil)
                            element("tr", info.stock?.isShort == true ? [.class("short")] : []) {
                                element("td", []) {
                                    form[prefix + "description"]
                                    if let pricing = LinePricing(rawValue: form[prefix + "pricing"]) {
                                        " "
                                        small(.class("pricing")) { s.pricingName(pricing) }
                                    }
                                }
                                element("td", [.class("num")]) { form[prefix + "quantity"] }
                                element("td", [.class("num")]) { info.days.map(String.init) ?? "–" }
                                element("td", [.class("num")]) {
                                    (try? Money(parsing: form[prefix + "unit_price"])).map { $0.formatted(language) } ?? form[prefix + "unit_price"]
                                }
                                element("td", [.class("num")]) { form[prefix + "discount"] }
                                element("td", [.class("num")]) { info.total.map { $0.formatted(language) } ?? "–" }
                                if showStock { element("td", []) { stockCell(info.stock, s) } }
                            }
                        }
                    }
                }
            }
            totals(model, s, language)
            h3 { s.signingTerms }
            if model.terms.markup.isEmpty { p(.class("hint")) { s.qNoTerms } } else { div(.class("terms")) { Node.sanitized(model.terms) } }
            if !form["message"].isEmpty {
                h3 { s.qMessage }
                p(.class("prewrap")) { form["message"] }
            }
            if !form["notes"].isEmpty {
                h3 { s.qNotes }
                p(.class("prewrap")) { form["notes"] }
            }
        }
    }

    // MARK: - The link, the actions, the versions

    private static func linkCard(_ link: Link, _ model: Model, _ admin: AdminPage) -> Node {
        let s = admin.strings
        return section(.class("card link-state")) {
            h2 { s.qLinkHeading }
            p { s.qLinkSentTo(link.recipient, version: link.versionNo) }
            p {
                "\(s.qLinkValidUntil) \(DisplayFormat.dateTime(link.expiresAt))"
                if link.expired { " "; span(.class("badge bad")) { s.qLinkExpired } }
            }
            p {
                if let first = link.firstViewedAt {
                    s.qLinkOpened(link.viewCount, first: DisplayFormat.dateTime(first))
                } else {
                    s.qLinkNotOpened
                }
            }
        }
    }

    private static func actions(_ model: Model, _ admin: AdminPage) -> Node {
        let s = admin.strings
        let h = model.header
        let state = h.state
        let csrf = admin.csrfToken
        let version = [("version", String(h.version))]
        return section(.class("card quotation-actions"), .id("send")) {
            Fields.summary(model.sendForm, s)
            if state == .draft {
                h2 { s.qSendHeading }
                p(.class("hint")) { s.qSendText }
                sendForm(model, admin, label: s.qSendButton, style: "button")
            }
            if state == .sent, let link = model.link, !link.expired {
                div(.class("action")) {
                    p(.class("hint")) { s.qResendText }
                    Fields.postButton(.adminQuotationResend(h.id), s.qResend, csrf: csrf)
                }
            }
            if state.editingMakesNewVersion {
                div(.class("action")) {
                    p(.class("hint")) { s.qReopenText }
                    Fields.postButton(
                        .adminQuotationUpdate(h.id), s.qReopen, csrf: csrf, style: state == .sent ? "button secondary" : "button",
                        fields: version + [("action", "reopen")])
                }
                div(.class("action")) {
                    p(.class("hint")) { s.qSendNewVersionText }
                    sendForm(model, admin, label: s.qSendNewVersion, style: "button secondary")
                }
            }
            element("details", [.class("more-actions")]) {
                element("summary", []) { s.qMoreActions }
                div(.class("action")) {
                    Fields.postButton(.adminQuotationDuplicate(h.id), s.qDuplicate, csrf: csrf)
                }
                if state.canTransition(to: .void) {
                    div(.class("action")) {
                        p(.class("hint")) { s.qVoidText }
                        Fields.postButton(.adminQuotationVoid(h.id), s.qVoid, csrf: csrf, style: "button danger")
                    }
                }
            }
        }
    }

    /// The send form: the version the page shows and, when stock is short, the reason.
    private static func sendForm(_ model: Model, _ admin: AdminPage, label: String, style: String) -> Node {
        let s = admin.strings
        let h = model.header
        return Fields.post(.adminQuotationSend(h.id), csrf: admin.csrfToken) {
            Fields.hidden("version", String(h.version))
            if !model.shortages.isEmpty {
                div(.class("flash warning"), .attr("role", "status")) {
                    p { strong { s.qShortageHeading } }
                    ul {
                        for item in model.shortages {
                            li { s.qShortageItem(item.name, requested: item.requested, free: item.available) }
                        }
                    }
                }
                Fields.textarea("shortage_reason", s.qShortageReason, model.sendForm, rows: 3, hint: s.qShortageReasonHint)
            }
            button(.class(style), .attr("type", "submit")) { label }
        }
    }

    private static func versions(_ model: Model, _ admin: AdminPage) -> Node {
        let s = admin.strings
        return section(.class("card versions"), .id("versions")) {
            h2 { s.qVersionsHeading }
            if model.versions.isEmpty {
                p(.class("hint")) { s.qVersionsNone }
            } else {
                div(.class("table-scroll")) {
                    element("table", [.class("list")]) {
                        element("thead", []) {
                            element("tr", []) {
                                element("th", [.attr("scope", "col")]) { s.qVersionColumn }
                                element("th", [.attr("scope", "col")]) { s.qColumnState }
                                element("th", [.attr("scope", "col")]) { s.qSentColumn }
                                element("th", [.attr("scope", "col")]) { s.qSentByColumn }
                                element("th", [.attr("scope", "col"), .class("number")]) { s.qColumnTotal }
                                element("th", [.attr("scope", "col")]) { "SHA-256" }
                            }
                        }
                        element("tbody", []) {
                            for version in model.versions {
                                element("tr", []) {
                                    element("td", []) {
                                        a(.href(SafeURL(.adminQuotationVersion(model.header.id, version: version.number)))) {
                                            "\(s.qVersionColumn) \(version.number)"
                                        }
                                    }
                                    element("td", []) {
                                        QuotationBits.badge(version.state, s)
                                        if version.declined && version.state != .declined {
                                            " "
                                            span(.class("badge bad")) { s.versionState(.declined) }
                                        }
                                    }
                                    element("td", []) { version.sentAt.map(DisplayFormat.dateTime) ?? "–" }
                                    element("td", []) { version.sentBy ?? "" }
                                    element("td", [.class("number")]) { version.total.formatted(admin.language) }
                                    element("td", []) { code(.class("sha")) { version.sha256 } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: - Field helpers

    static func invalid(_ name: String, _ form: FormState) -> [Attribute] {
        form.errors[name] == nil ? [] : [.attr("aria-invalid", "true"), .attr("aria-describedby", "error-\(name)")]
    }

    static func fieldError(_ name: String, _ form: FormState) -> Node {
        guard let message = form.errors[name] else { return .fragment([]) }
        return p(.class("field-error"), .id("error-\(name)")) { message }
    }
}
