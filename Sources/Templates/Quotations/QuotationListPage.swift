public import Domain
public import Foundation
import Routing

/// `/admin/quotations?state=&q=&after=`: tabs by state, search, 50 rows a page, newest first.
public enum QuotationListPage {
    public struct Row: Sendable {
        public let id: QuotationID
        public let number: String
        public let state: QuotationState
        public let customer: String
        public let title: String
        public let period: RentalPeriod
        public let total: Money
        public let updatedAt: Date
        /// The custom fields' values (the list's custom columns).
        public var custom: [String: JSONValue] = [:]

        public init(
            id: QuotationID, number: String, state: QuotationState, customer: String, title: String,
            period: RentalPeriod, total: Money, updatedAt: Date
        ) {
            self.id = id
            self.number = number
            self.state = state
            self.customer = customer
            self.title = title
            self.period = period
            self.total = total
            self.updatedAt = updatedAt
        }
    }

    /// - Parameters:
    ///   - state: the tab shown (nil: all).
    ///   - nextCursor: the `after` of the next page, nil on the last.
    ///   - isFirstPage: false when `after` was given (a link back to the first page is shown).
    ///   - fields: the quotations' active custom fields (list columns and filters); `filters` the
    ///     custom filters' query values, kept in the tabs' and pages' links.
    public static func render(
        rows: [Row], state: QuotationState?, search: String, nextCursor: Int64?, isFirstPage: Bool,
        fields: [CustomFieldDefinition] = [], filters: [String: String] = [:], admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings
        let language = admin.language
        var base = QuotationListQuery(search: search)
        base.custom = filters
        return AdminLayout.page(title: s.navQuotations, admin, live: true) {
            div(.class("page-head")) {
                h1 { s.navQuotations }
                if admin.may(.admin(.quotations(.new(QuotationNewQuery())))) {
                    div(.class("actions")) {
                        a(.class("button"), .href(SafeURL(.admin(.quotations(.new(QuotationNewQuery())))))) {
                            s.quotations.newQuotation
                        }
                    }
                }
            }
            nav(.class("tabs"), .attr("aria-label", s.quotations.stateTabs)) {
                let tabs: [(QuotationState?, String)] =
                    [(QuotationState?.none, s.quotations.all)]
                    + QuotationState.allCases.map { (Optional($0), s.quotations.quotationState($0)) }
                for (tab, label) in tabs {
                    a(
                        .href(SafeURL(.admin(.quotations(.list(base.with(\.state, tab)))))),
                        tab == state ? .attr("aria-current", "page") : .class("")
                    ) { label }
                }
            }
            element(
                "form",
                [
                    .class("filters"), .attr("method", "get"),
                    .action(SafeURL(.admin(.quotations(.list(QuotationListQuery()))))),
                ]
            ) {
                if let state { Fields.hidden("state", state.rawValue) }
                Fields.text(
                    "q", s.quotations.searchLabel, FormState(values: ["q": search]), type: "search",
                    extra: [.attr("maxlength", "100")])
                CustomFieldInputs.filters(fields, read: { filters[$0] ?? "" }, s)
                button(.class("button secondary"), .attr("type", "submit")) { s.search }
            }
            if rows.isEmpty {
                p { s.quotations.none }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list quotations")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { s.quotations.columnNumber }
                                th(.attr("scope", "col")) { s.quotations.columnCustomer }
                                th(.attr("scope", "col")) { s.quotations.columnTitle }
                                th(.attr("scope", "col")) { s.quotations.columnPeriod }
                                th(.attr("scope", "col"), .class("number")) { s.quotations.columnTotal }
                                th(.attr("scope", "col")) { s.quotations.columnState }
                                th(.attr("scope", "col")) { s.quotations.columnUpdated }
                                CustomFieldInputs.headings(fields)
                            }
                        }
                        tbody {
                            for row in rows {
                                tr {
                                    td { a(.href(SafeURL(.admin(.quotations(.show(row.id)))))) { row.number } }
                                    td { row.customer }
                                    td { row.title }
                                    td(.class("nowrap")) { "\(row.period.start.iso) – \(row.period.end.iso)" }
                                    td(.class("number")) { row.total.formatted(language) }
                                    td { QuotationBits.badge(row.state, s) }
                                    td(.class("nowrap")) { DisplayFormat.date(row.updatedAt) }
                                    CustomFieldInputs.cells(fields, row.custom, language)
                                }
                            }
                        }
                    }
                }
            }
            div(.class("pager")) {
                if !isFirstPage {
                    a(.href(SafeURL(.admin(.quotations(.list(base.with(\.state, state))))))) { s.firstPage }
                }
                if let nextCursor {
                    a(
                        .attr("rel", "next"),
                        .href(
                            SafeURL(
                                .admin(.quotations(.list(base.with(\.state, state).with(\.after, String(nextCursor))))))
                        )
                    ) { s.nextPage }
                }
            }
        }.rendered()
    }
}
