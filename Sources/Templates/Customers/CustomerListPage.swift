public import Domain
public import Routing

/// `/admin/customers`: search, 50 a page in alphabetical order, archived ones on request.
public enum CustomerListPage {
    /// `fields`: the customers' active custom fields (list columns and filters).
    public static func render(
        page: RecordPage<CustomerSummary>, query: CustomerListQuery, fields: [CustomFieldDefinition] = [],
        admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings
        let archived = query.archived
        return AdminLayout.page(title: s.customers.title, admin) {
            RecordListParts.head(s.customers.title) {
                if admin.may(.admin(.customers(.new))) {
                    a(.class("button"), .href(SafeURL(.admin(.customers(.new))))) { s.customers.newCustomer }
                }
            }
            RecordListParts.filters(
                .admin(.customers(.list(CustomerListQuery()))), search: query.search ?? "",
                searchLabel: s.customers.searchLabel, flag: "archived",
                flagLabel: s.customers.showArchived, flagOn: archived, s,
                extra: CustomFieldInputs.filters(fields, read: { query.custom[$0] ?? "" }, s))
            if page.rows.isEmpty {
                p(.class("empty")) { s.customers.none }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list customers")) {
                        thead {
                            tr {
                                RecordListParts.th(s.customers.columnName)
                                RecordListParts.th(s.customers.columnEmail)
                                RecordListParts.th(s.customers.columnPhone)
                                RecordListParts.th(s.customers.columnCity)
                                CustomFieldInputs.headings(fields)
                            }
                        }
                        tbody {
                            for row in page.rows { Self.row(row, fields, s) }
                        }
                    }
                }
            }
            RecordListParts.pager(
                next: page.nextAfter.map { after in .admin(.customers(.list(query.with(\.after, String(after))))) },
                first: query.after == nil ? nil : .admin(.customers(.list(query.with(\.after, nil)))), s)
        }.rendered()
    }

    static func row(_ row: CustomerSummary, _ fields: [CustomFieldDefinition], _ s: Strings) -> Node {
        tr {
            td {
                a(.href(SafeURL(.admin(.customers(.show(row.id)))))) { row.displayName }
                if row.kind == .company, !row.companyName.isEmpty {
                    void("br", [])
                    small { s.customers.contact(row.name) }
                }
                if row.archived {
                    " "
                    StateBadge.badge(s.recordArchivedBadge, .warn)
                }
            }
            td { row.email }
            td(.class("nowrap")) { row.phone }
            td { row.city }
            CustomFieldInputs.cells(fields, row.custom, s.language)
        }
    }
}
