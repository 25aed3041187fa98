public import Domain
public import Routing

/// `/admin/products`: search by SKU or name, 50 a page by name, inactive ones on request.
public enum ProductListPage {
    public static func render(page: RecordPage<ProductSummary>, query: ListQuery, admin: AdminPage) -> [UInt8] {
        let s = admin.strings
        return AdminLayout.page(title: s.productsTitle, admin) {
            RecordListParts.head(s.productsTitle) {
                if admin.may(.adminProductNew) { a(.class("button"), .href(SafeURL(.adminProductNew))) { s.productNew } }
            }
            RecordListParts.filters(
                .adminProducts(ListQuery()), search: query["q"] ?? "", searchLabel: s.productSearchLabel, flag: "inactive",
                flagLabel: s.productShowInactive, flagOn: query["inactive"] == "1", s)
            if page.rows.isEmpty {
                p(.class("empty")) { s.productNone }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list products")) {
                        thead {
                            tr {
                                RecordListParts.th(s.productColumnSKU)
                                RecordListParts.th(s.productColumnName)
                                RecordListParts.th(s.productColumnCategory)
                                RecordListParts.th(s.productColumnPrice, number: true)
                                RecordListParts.th(s.productColumnStock, number: true)
                                RecordListParts.th(s.recordStatus)
                            }
                        }
                        tbody {
                            for row in page.rows {
                                tr {
                                    td { code { row.sku } }
                                    td { a(.href(SafeURL(.adminProduct(row.id, ListQuery())))) { row.name } }
                                    td { row.categoryName ?? "–" }
                                    RecordListParts.td(number: true) { s.priceWithPricing(row.price, row.pricing) }
                                    RecordListParts.td(number: true) { String(row.stock) }
                                    td {
                                        row.active
                                            ? StateBadge.badge(s.recordActiveBadge, .ok)
                                            : StateBadge.badge(s.recordInactiveBadge, .bad)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            RecordListParts.pager(
                next: page.nextAfter.map { .adminProducts(query.with("after", String($0))) },
                first: query["after"] == nil ? nil : .adminProducts(query.with("after", nil)), s)
        }.rendered()
    }
}
