public import Domain
public import Routing

/// `/admin/addons`: delivery, set-up, cleaning and the like, 50 a page by name.
public enum AddonListPage {
    public static func render(page: RecordPage<AddonRecord>, query: ListQuery, admin: AdminPage) -> [UInt8] {
        let s = admin.strings
        return AdminLayout.page(title: s.addonsTitle, admin) {
            RecordListParts.head(s.addonsTitle) {
                if admin.may(.adminAddonNew) { a(.class("button"), .href(SafeURL(.adminAddonNew))) { s.addonNew } }
            }
            RecordListParts.filters(
                .adminAddons(ListQuery()), search: query["q"] ?? "", searchLabel: s.addonSearchLabel, flag: "inactive",
                flagLabel: s.productShowInactive, flagOn: query["inactive"] == "1", s)
            if page.rows.isEmpty {
                p(.class("empty")) { s.addonNone }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list addons")) {
                        thead {
                            tr {
                                RecordListParts.th(s.addonName)
                                RecordListParts.th(s.addonDescription)
                                RecordListParts.th(s.productColumnPrice, number: true)
                                RecordListParts.th(s.addonProduct)
                                RecordListParts.th(s.recordStatus)
                            }
                        }
                        tbody {
                            for row in page.rows {
                                tr {
                                    td {
                                        if admin.may(.adminAddonEdit(row.id)) {
                                            a(.href(SafeURL(.adminAddonEdit(row.id)))) { row.draft.name }
                                        } else {
                                            row.draft.name
                                        }
                                    }
                                    td { row.draft.description }
                                    RecordListParts.td(number: true) { s.priceWithPricing(row.draft.price, row.draft.pricing) }
                                    td {
                                        if let product = row.draft.productID, let label = row.productLabel {
                                            a(.href(SafeURL(.adminProduct(product, ListQuery())))) { label }
                                        } else {
                                            s.addonAnyProduct
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
                next: page.nextAfter.map { .adminAddons(query.with("after", String($0))) },
                first: query["after"] == nil ? nil : .adminAddons(query.with("after", nil)), s)
        }.rendered()
    }
}
