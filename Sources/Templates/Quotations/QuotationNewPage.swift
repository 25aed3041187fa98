public import Domain
import Routing

/// `/admin/quotations/new`: who the quotation is for (found by a search that re-renders this
/// form, or typed in as a new customer), the rental period and a title. Works without JavaScript:
/// the search is a submit button of the same form.
public enum QuotationNewPage {
    /// A customer to pick.
    public struct CustomerOption: Sendable {
        public let id: CustomerID
        public let name: String
        /// Company, email, phone, city: whatever helps tell two Anna Svenssons apart.
        public let detail: String

        public init(id: CustomerID, name: String, detail: String) {
            self.id = id
            self.name = name
            self.detail = detail
        }
    }

    /// - Parameters:
    ///   - form: `customer_id` (an id or `new`), `customer_q`, `new_name`, `new_email`, `new_phone`,
    ///     `new_company`, `period_start`, `period_end`, `title`.
    ///   - customers: the customers to pick from (search results, the preselected one).
    ///   - searched: whether a search was just made (to say when it found nothing).
    public static func render(form: FormState, customers: [CustomerOption], searched: Bool, admin: AdminPage) -> [UInt8]
    {
        let s = admin.strings
        return AdminLayout.page(title: s.quotations.newQuotation, admin) {
            div(.class("page-head")) {
                h1 { s.quotations.newQuotation }
                a(.href(SafeURL(.admin(.quotations(.list(QuotationListQuery())))))) { s.navQuotations }
            }
            Fields.summary(form, s)
            Fields.post(.admin(.quotations(.create)), csrf: admin.csrfToken) {
                // What Enter does: search while there is no customer to pick, create once there is.
                // (With JavaScript, Enter in the search field always searches.)
                if customers.isEmpty {
                    button(
                        .class("default-submit"), .attr("type", "submit"), .attr("name", "action"),
                        .attr("value", "find_customer"),
                        .flag("formnovalidate"), .attr("tabindex", "-1"), .attr("aria-hidden", "true")
                    ) { s.quotations.customerSearchButton }
                } else {
                    button(
                        .class("default-submit"), .attr("type", "submit"), .attr("name", "action"),
                        .attr("value", "create"),
                        .attr("tabindex", "-1"), .attr("aria-hidden", "true")
                    ) { s.quotations.create }
                }
                fieldset(.class("customer-pick")) {
                    legend { s.quotations.customerHeading }
                    div(.class("search-row")) {
                        Fields.text(
                            "customer_q", s.quotations.customerSearch, form, type: "search",
                            hint: s.quotations.customerSearchHint,
                            extra: [.attr("maxlength", "100")])
                        button(
                            .class("button secondary"), .attr("type", "submit"), .attr("name", "action"),
                            .attr("value", "find_customer"), .flag("formnovalidate")
                        ) { s.quotations.customerSearchButton }
                    }
                    if searched && customers.isEmpty { p(.class("hint")) { s.quotations.noCustomerFound } }
                    div(
                        .class("choices"), .attr("role", "radiogroup"),
                        .attr("aria-label", s.quotations.customerHeading)
                    ) {
                        for customer in customers {
                            radio(
                                "customer_id", String(customer.id.rawValue),
                                checked: form["customer_id"] == String(customer.id.rawValue)
                            ) {
                                strong { customer.name }
                                if !customer.detail.isEmpty { span(.class("detail")) { " · \(customer.detail)" } }
                            }
                        }
                        radio("customer_id", "new", checked: form["customer_id"] == "new") {
                            strong { s.quotations.newCustomer }
                        }
                    }
                    if let error = form.errors["customer_id"] {
                        p(.class("field-error"), .id("error-customer_id")) { error }
                    }
                    div(.class("new-customer")) {
                        p(.class("hint")) { s.quotations.newCustomerHint }
                        div(.class("grid")) {
                            Fields.text(
                                "new_name", s.quotations.newCustomerName, form,
                                extra: [.attr("maxlength", "200"), .attr("autocomplete", "off")])
                            Fields.text(
                                "new_company", s.quotations.newCustomerCompany, form, extra: [.attr("maxlength", "200")]
                            )
                            Fields.text(
                                "new_email", s.quotations.newCustomerEmail, form, type: "email",
                                extra: [.attr("maxlength", "254")])
                            Fields.text(
                                "new_phone", s.quotations.newCustomerPhone, form, type: "tel",
                                extra: [.attr("maxlength", "50")])
                        }
                    }
                }
                fieldset {
                    legend { s.quotations.eventHeading }
                    div(.class("grid")) {
                        Fields.text("period_start", s.quotations.periodStart, form, type: "date", required: true)
                        Fields.text("period_end", s.quotations.periodEnd, form, type: "date", required: true)
                    }
                    Fields.text(
                        "title", s.quotations.titleLabel, form, hint: s.quotations.titleHint,
                        extra: [.attr("maxlength", "200")])
                }
                button(.class("button"), .attr("type", "submit"), .attr("name", "action"), .attr("value", "create")) {
                    s.quotations.create
                }
            }
        }.rendered()
    }

    /// A radio button with its label around the text.
    static func radio(
        _ name: StaticString, _ value: String, checked: Bool, @NodeBuilder label content: () -> [Node]
    ) -> Node {
        label(.class("choice")) {
            void(
                "input",
                [.attr("type", "radio"), .attr("name", name.description), .attr("value", value)]
                    + (checked ? [.flag("checked")] : []))
            span { content() }
        }
    }
}
