public import Domain
public import Routing

/// `/admin/customers`: search, 50 a page in alphabetical order, archived ones on request.
public enum CustomerListPage {
    public static func render(page: RecordPage<CustomerSummary>, query: ListQuery, admin: AdminPage) -> [UInt8] {
        let s = admin.strings
        let archived = query["archived"] == "1"
        return AdminLayout.page(title: s.customersTitle, admin) {
            RecordListParts.head(s.customersTitle) {
                if admin.may(.adminCustomerNew) { a(.class("button"), .href(SafeURL(.adminCustomerNew))) { s.customerNew } }
            }
            RecordListParts.filters(
                .adminCustomers(ListQuery()), search: query["q"] ?? "", searchLabel: s.customerSearchLabel, flag: "archived",
                flagLabel: s.customerShowArchived, flagOn: archived, s)
            if page.rows.isEmpty {
                p(.class("empty")) { s.customerNone }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list customers")) {
                        thead {
                            tr {
                                RecordListParts.th(s.customerColumnName)
                                RecordListParts.th(s.customerColumnEmail)
                                RecordListParts.th(s.customerColumnPhone)
                                RecordListParts.th(s.customerColumnCity)
                            }
                        }
                        tbody {
                            for row in page.rows { Self.row(row, s) }
                        }
                    }
                }
            }
            RecordListParts.pager(
                next: page.nextAfter.map { .adminCustomers(query.with("after", String($0))) },
                first: query["after"] == nil ? nil : .adminCustomers(query.with("after", nil)), s)
        }.rendered()
    }

    static func row(_ row: CustomerSummary, _ s: Strings) -> Node {
        tr {
            td {
                a(.href(SafeURL(.adminCustomer(row.id)))) { row.displayName }
                if row.kind == .company, !row.companyName.isEmpty {
                    void("br", [])
                    small { s.customerContact(row.name) }
                }
                if row.archived {
                    " "
                    StateBadge.badge(s.recordArchivedBadge, .warn)
                }
            }
            td { row.email }
            td(.class("nowrap")) { row.phone }
            td { row.city }
        }
    }
}
