public import Domain
public import Routing

/// `/admin/customers/new` and `/admin/customers/{id}/edit`: one form for both. Every value comes
/// from `form`, so a refused submission shows exactly what was typed, with errors next to fields.
public enum CustomerFormPage {
    /// A new customer (posts to create) or an existing one (posts to update, carrying `version`).
    public enum Mode: Sendable {
        case new
        case edit(CustomerID, displayName: String)
    }

    /// The initial values of an empty form.
    public static let newDefaults: [String: String] = [
        "kind": "person", "billing_country": "SE", "delivery_country": "SE", "locale": "sv",
    ]

    /// `fields`: the customers' active custom fields, shown after the notes.
    public static func render(
        mode: Mode, form: FormState, fields: [CustomFieldDefinition] = [], admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings
        let title: String
        let action: Route
        let editing: Bool
        let back: Route
        switch mode {
        case .new:
            editing = false
            title = s.customers.newCustomer
            action = .admin(.customers(.create))
            back = .admin(.customers(.list(CustomerListQuery())))
        case .edit(let id, let name):
            editing = true
            title = "\(s.customers.editTitle): \(name)"
            action = .admin(.customers(.update(id)))
            back = .admin(.customers(.show(id)))
        }
        return AdminLayout.page(title: title, admin) {
            h1 { title }
            Fields.recordForm(action, editing: editing, form: form, save: s.customers.save, back: back, admin) {
                div(.class("grid")) {
                    Fields.select(
                        "kind", s.customers.kind, form,
                        options: [CustomerDetails.Kind.person, .company].map { ($0.rawValue, s.customers.kindName($0)) }
                    )
                    Fields.text(
                        "name", s.customers.name, form, required: true, hint: s.customers.nameHint,
                        extra: [.attr("maxlength", "200")])
                    Fields.text(
                        "company_name", s.customers.companyName, form, hint: s.customers.companyHint,
                        extra: [.attr("maxlength", "200")])
                    Fields.text("org_number", s.customers.orgNumber, form, extra: [.attr("maxlength", "30")])
                    Fields.text("vat_number", s.customers.vatNumber, form, extra: [.attr("maxlength", "20")])
                    Fields.text(
                        "peppol_id", s.customers.peppolID, form, hint: s.customers.peppolIDHint,
                        extra: [.attr("maxlength", "60"), .attr("placeholder", "0007:5567890123")])
                    Fields.text(
                        "email", s.customers.email, form, type: "email",
                        extra: [.attr("maxlength", "254"), .attr("autocomplete", "off")])
                    Fields.text("phone", s.customers.phone, form, type: "tel", extra: [.attr("maxlength", "40")])
                    Fields.select(
                        "locale", s.customers.locale, form,
                        options: [("sv", "Svenska"), ("en", "English")])
                }
                address("billing", s.customers.billing, hint: nil, form, s)
                address("delivery", s.customers.delivery, hint: s.customers.deliveryHint, form, s)
                Fields.textarea("notes", s.customers.notes, form, rows: 4, hint: s.customers.notesHint)
                CustomFieldInputs.section(fields, form, s)
            }
        }.rendered()
    }

    static func address(_ prefix: String, _ title: String, hint: String?, _ form: FormState, _ s: Strings) -> Node {
        fieldset(.class("address")) {
            legend { title }
            if let hint { p(.class("hint")) { hint } }
            div(.class("grid")) {
                Fields.text("\(prefix)_line1", s.customers.addressLine1, form, extra: [.attr("maxlength", "200")])
                Fields.text("\(prefix)_line2", s.customers.addressLine2, form, extra: [.attr("maxlength", "200")])
                Fields.text("\(prefix)_postal_code", s.customers.postalCode, form, extra: [.attr("maxlength", "12")])
                Fields.text("\(prefix)_city", s.customers.city, form, extra: [.attr("maxlength", "100")])
                Fields.text(
                    "\(prefix)_country", s.customers.country, form,
                    extra: [.attr("maxlength", "2"), .attr("size", "2"), .attr("autocapitalize", "characters")])
            }
        }
    }
}
