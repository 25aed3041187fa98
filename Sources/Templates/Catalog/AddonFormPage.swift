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
        let editing: Bool
        switch mode {
        case .new:
            editing = false
            title = s.catalog.newAddon
            action = .admin(.addons(.create))
        case .edit(let id, let name, _):
            editing = true
            title = "\(s.catalog.addonEditTitle): \(name)"
            action = .admin(.addons(.update(id)))
        }
        return AdminLayout.page(title: title, admin) {
            if case .edit(let id, _, let active) = mode {
                RecordListParts.head(title, badges: active ? [] : [StateBadge.badge(s.recordInactiveBadge, .bad)]) {
                    if admin.may(.admin(.addons(.deactivate(id)))) {
                        if active {
                            Fields.postButton(
                                .admin(.addons(.deactivate(id))), s.catalog.productDeactivate, csrf: admin.csrfToken)
                        } else {
                            Fields.postButton(
                                .admin(.addons(.deactivate(id))), s.catalog.productReactivate, csrf: admin.csrfToken,
                                fields: [("active", "yes")])
                        }
                    }
                }
                if !active { div(.class("flash warning"), .attr("role", "note")) { s.catalog.addonInactiveNote } }
            } else {
                h1 { title }
            }
            Fields.recordForm(
                action, editing: editing, form: form, save: s.catalog.addonSave,
                back: .admin(.addons(.list(CatalogListQuery()))), admin
            ) {
                div(.class("grid")) {
                    Fields.text("name", s.catalog.addonName, form, required: true, extra: [.attr("maxlength", "200")])
                    Fields.select(
                        "pricing", s.catalog.addonPricing, form,
                        options: [LinePricing.flat, .perUnit].map { ($0.rawValue, s.quotations.pricingName($0)) })
                    Fields.text(
                        "price", s.catalog.addonPrice, form, required: true, hint: s.catalog.productPriceHint,
                        extra: [.attr("inputmode", "decimal"), .attr("autocomplete", "off")])
                    Fields.select(
                        "product", s.catalog.addonProduct, form,
                        options: [("", s.catalog.addonAnyProduct)] + products.map { (String($0.id), $0.label) },
                        hint: s.catalog.addonProductHint)
                }
                Fields.textarea("description", s.catalog.addonDescription, form, rows: 3)
            }
        }.rendered()
    }
}
