public import Domain
public import Routing

/// `/admin/addons`: delivery, set-up, cleaning and the like, 50 a page by name.
public enum AddonListPage {
    public static func render(page: RecordPage<AddonRecord>, query: CatalogListQuery, admin: AdminPage) -> [UInt8] {
        let s = admin.strings
        return AdminLayout.page(title: s.catalog.addonsTitle, admin) {
            RecordListParts.head(s.catalog.addonsTitle) {
                if admin.may(.admin(.addons(.new))) {
                    a(.class("button"), .href(SafeURL(.admin(.addons(.new))))) { s.catalog.newAddon }
                }
            }
            RecordListParts.filters(
                .admin(.addons(.list(CatalogListQuery()))), search: query.search ?? "",
                searchLabel: s.catalog.addonSearchLabel, flag: "inactive",
                flagLabel: s.catalog.productShowInactive, flagOn: query.inactive, s)
            if page.rows.isEmpty {
                p(.class("empty")) { s.catalog.addonNone }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list addons")) {
                        thead {
                            tr {
                                RecordListParts.th(s.catalog.addonName)
                                RecordListParts.th(s.catalog.addonDescription)
                                RecordListParts.th(s.catalog.productColumnPrice, number: true)
                                RecordListParts.th(s.catalog.addonProduct)
                                RecordListParts.th(s.recordStatus)
                            }
                        }
                        tbody {
                            for row in page.rows {
                                tr {
                                    td {
                                        if admin.may(.admin(.addons(.edit(row.id)))) {
                                            a(.href(SafeURL(.admin(.addons(.edit(row.id)))))) { row.draft.name }
                                        } else {
                                            row.draft.name
                                        }
                                    }
                                    td { row.draft.description }
                                    RecordListParts.td(number: true) {
                                        s.priceWithPricing(row.draft.price, row.draft.pricing)
                                    }
                                    td {
                                        if let product = row.draft.productID, let label = row.productLabel {
                                            a(.href(SafeURL(.admin(.products(.show(product, ProductQuery())))))) {
                                                label
                                            }
                                        } else {
                                            s.catalog.addonAnyProduct
                                        }
                                    }
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
                next: page.nextAfter.map { after in .admin(.addons(.list(query.with(\.after, String(after))))) },
                first: query.after == nil ? nil : .admin(.addons(.list(query.with(\.after, nil)))), s)
        }.rendered()
    }
}
