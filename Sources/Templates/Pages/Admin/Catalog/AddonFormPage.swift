public import Domain
public import Routing

/// `/admin/addons/new` and `/admin/addons/{id}/edit` (with deactivate or reactivate).
public enum AddonFormPage {
    public enum Mode: Sendable {
        case new
        case edit(AddonID, name: String, active: Bool)
    }

    public static let newDefaults: [String: String] = ["pricing": LinePricing.flat.rawValue]

    public static func render(mode: Mode, form: FormState, products: [RecordOption], admin: AdminPage) -> [UInt8] {
        let s = admin.strings
        let title: String
        let action: Route
        switch mode {
        case .new:
            title = s.addonNew
            action = .admin(.addons(.create))
        case .edit(let id, let name, _):
            title = "\(s.addonEditTitle): \(name)"
            action = .admin(.addons(.update(id)))
        }
        return AdminLayout.page(title: title, admin) {
            if case .edit(let id, _, let active) = mode {
                RecordListParts.head(title, badges: active ? [] : [StateBadge.badge(s.recordInactiveBadge, .bad)]) {
                    if admin.may(.admin(.addons(.deactivate(id)))) {
                        if active {
                            Fields.postButton(.admin(.addons(.deactivate(id))), s.productDeactivate, csrf: admin.csrfToken)
                        } else {
                            Fields.postButton(.admin(.addons(.deactivate(id))), s.productReactivate, csrf: admin.csrfToken, fields: [("active", "yes")])
                        }
                    }
                }
                if !active { div(.class("flash warning"), .attr("role", "note")) { s.addonInactiveNote } }
            } else {
                h1 { title }
            }
            Fields.summary(form, s)
            Fields.post(action, csrf: admin.csrfToken) {
                if case .edit = mode { Fields.hidden("version", form["version"]) }
                div(.class("grid")) {
                    Fields.text("name", s.addonName, form, required: true, extra: [.attr("maxlength", "200")])
                    Fields.select(
                        "pricing", s.addonPricing, form, options: [LinePricing.flat, .perUnit].map { ($0.rawValue, s.pricingName($0)) })
                    Fields.text(
                        "price", s.addonPrice, form, required: true, hint: s.productPriceHint,
                        extra: [.attr("inputmode", "decimal"), .attr("autocomplete", "off")])
                    Fields.select(
                        "product", s.addonProduct, form, options: [("", s.addonAnyProduct)] + products.map { (String($0.id), $0.label) },
                        hint: s.addonProductHint)
                }
                Fields.textarea("description", s.addonDescription, form, rows: 3)
                div(.class("actions")) {
                    button(.class("button"), .attr("type", "submit")) { s.addonSave }
                    a(.class("button secondary"), .href(SafeURL(.admin(.addons(.list(CatalogListQuery())))))) { s.cancel }
                }
            }
        }.rendered()
    }
}
