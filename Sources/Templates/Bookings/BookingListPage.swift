public import Domain
public import Routing

/// `/admin/bookings`: filters (status, dates, customer, search) and 50 bookings per page, newest
/// first, with a link to the next page (keyset pagination; no total count).
public enum BookingListPage {
    /// - Parameters:
    ///   - filters: the filter values as given (`state`, `from`, `to`, `q`) and their errors.
    ///   - customer: the customer the list is narrowed to, with the name to show.
    ///   - nextCursor: the last row's id when there is a next page.
    public static func render(
        rows: [BookingSummary], query: BookingListQuery, filters: FormState, customer: (id: CustomerID, name: String)?,
        nextCursor: BookingID?, fields: [CustomFieldDefinition] = [], admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings
        let mayOpenCustomers = admin.may(.admin(.customers(.show(CustomerID(rawValue: 1)))))
        return AdminLayout.page(title: s.bookings.title, admin, live: true) {
            div(.class("page-head")) {
                h1 { s.bookings.title }
                div(.class("actions")) {
                    a(.href(SafeURL(.admin(.bookings(.calendar(CalendarQuery())))))) { s.navCalendar }
                }
            }
            Fields.summary(filters, s)
            element(
                "form",
                [
                    .class("filters"), .attr("method", "get"),
                    .action(SafeURL(.admin(.bookings(.list(BookingListQuery()))))),
                ]
            ) {
                Fields.select(
                    "state", s.bookings.filterState, filters,
                    options: [("", s.bookings.allStates)]
                        + BookingState.allCases.map { ($0.rawValue, s.bookings.stateName($0)) })
                Fields.text("from", s.bookings.filterFrom, filters, type: "date")
                Fields.text("to", s.bookings.filterTo, filters, type: "date")
                Fields.text("q", s.bookings.filterSearch, filters, type: "search")
                CustomFieldInputs.filters(fields, read: { query.custom[$0] ?? "" }, s)
                if let customer {
                    Fields.hidden("customer", String(customer.id.rawValue))
                }
                div(.class("field")) {
                    button(.class("button"), .attr("type", "submit")) { s.bookings.filterApply }
                }
                if !query.isEmpty {
                    div(.class("field")) {
                        a(.href(SafeURL(.admin(.bookings(.list(BookingListQuery())))))) { s.bookings.filterClear }
                    }
                }
            }
            if let customer {
                p(.class("filter-chip")) {
                    "\(s.bookings.filterCustomer): "
                    strong { customer.name }
                    " · "
                    a(.href(SafeURL(.admin(.bookings(.list(query.with(\.customer, nil).with(\.after, nil))))))) {
                        s.bookings.allCustomers
                    }
                }
            } else if let error = filters.errors["customer"] {
                p(.class("field-error")) { error }
            }
            if rows.isEmpty {
                p { filters.isValid ? s.bookings.empty : "" }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list bookings")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { s.bookings.columnBooking }
                                th(.attr("scope", "col")) { s.bookings.columnCustomer }
                                th(.attr("scope", "col")) { s.bookings.columnPeriod }
                                th(.attr("scope", "col")) { s.bookings.columnState }
                                th(.attr("scope", "col")) { s.bookings.columnApproved }
                                th(.attr("scope", "col"), .class("number")) { s.bookings.columnTotal }
                                CustomFieldInputs.headings(fields)
                            }
                        }
                        tbody {
                            for row in rows {
                                tr {
                                    td {
                                        a(.class("nowrap"), .href(SafeURL(.admin(.bookings(.show(row.id)))))) {
                                            row.number
                                        }
                                        if let title = row.title { small(.class("sub")) { title } }
                                    }
                                    td {
                                        if mayOpenCustomers {
                                            a(.href(SafeURL(.admin(.customers(.show(row.customerID)))))) {
                                                row.customerName
                                            }
                                        } else {
                                            row.customerName
                                        }
                                        if let city = row.city { small(.class("sub")) { city } }
                                    }
                                    td { BookingComponents.period(row.period) }
                                    td { BookingComponents.stateBadge(row.state, s) }
                                    td {
                                        BookingComponents.approvalBadge(approvedAt: row.approvedAt, state: row.state, s)
                                    }
                                    td(.class("number")) { row.total.formatted(s.language) }
                                    CustomFieldInputs.cells(fields, row.custom, s.language)
                                }
                            }
                        }
                    }
                }
            }
            nav(.class("pager"), .attr("aria-label", s.bookings.title)) {
                if query.after != nil {
                    a(.href(SafeURL(.admin(.bookings(.list(query.with(\.after, nil))))))) { s.firstPage }
                }
                if let nextCursor {
                    a(
                        .attr("rel", "next"),
                        .href(SafeURL(.admin(.bookings(.list(query.with(\.after, String(nextCursor.rawValue)))))))
                    ) {
                        s.nextPage
                    }
                }
            }
        }.rendered()
    }
}
