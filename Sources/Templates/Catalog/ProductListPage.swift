public import Domain
public import Routing

/// `/admin/products`: search by SKU or name, 50 a page by name, inactive ones on request.
public enum ProductListPage {
    /// `fields`: the products' active custom fields (list columns and filters).
    public static func render(
        page: RecordPage<ProductSummary>, query: CatalogListQuery, fields: [CustomFieldDefinition] = [],
        admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings
        return AdminLayout.page(title: s.catalog.productsTitle, admin) {
            RecordListParts.head(s.catalog.productsTitle) {
                if admin.may(.admin(.products(.new))) {
                    a(.class("button"), .href(SafeURL(.admin(.products(.new))))) { s.catalog.newProduct }
                }
            }
            RecordListParts.filters(
                .admin(.products(.list(CatalogListQuery()))), search: query.search ?? "",
                searchLabel: s.catalog.productSearchLabel, flag: "inactive",
                flagLabel: s.catalog.productShowInactive, flagOn: query.inactive, s,
                extra: CustomFieldInputs.filters(fields, read: { query.custom[$0] ?? "" }, s))
            if page.rows.isEmpty {
                p(.class("empty")) { s.catalog.productNone }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list products")) {
                        thead {
                            tr {
                                RecordListParts.th(s.catalog.productColumnSKU)
                                RecordListParts.th(s.catalog.productColumnName)
                                RecordListParts.th(s.catalog.productColumnCategory)
                                RecordListParts.th(s.catalog.productColumnPrice, number: true)
                                RecordListParts.th(s.catalog.productColumnStock, number: true)
                                RecordListParts.th(s.recordStatus)
                                CustomFieldInputs.headings(fields)
                            }
                        }
                        tbody {
                            for row in page.rows {
                                tr {
                                    td { code { row.sku } }
                                    td {
                                        a(.href(SafeURL(.admin(.products(.show(row.id, ProductQuery())))))) { row.name }
                                    }
                                    td { row.categoryName ?? "–" }
                                    RecordListParts.td(number: true) { s.priceWithPricing(row.price, row.pricing) }
                                    RecordListParts.td(number: true) { String(row.stock) }
                                    td {
                                        row.active
                                            ? StateBadge.badge(s.recordActiveBadge, .ok)
                                            : StateBadge.badge(s.recordInactiveBadge, .bad)
                                    }
                                    CustomFieldInputs.cells(fields, row.custom, s.language)
                                }
                            }
                        }
                    }
                }
            }
            RecordListParts.pager(
                next: page.nextAfter.map { after in .admin(.products(.list(query.with(\.after, String(after))))) },
                first: query.after == nil ? nil : .admin(.products(.list(query.with(\.after, nil)))), s)
        }.rendered()
    }
}
