public import Domain
public import Routing

/// `/admin/products/new` and `/admin/products/{id}/edit`.
public enum ProductFormPage {
    public enum Mode: Sendable {
        case new
        case edit(ProductID, name: String)
    }

    public static let newDefaults: [String: String] = ["pricing": LinePricing.perDay.rawValue, "stock": "0"]

    /// `fields`: the products' active custom fields, after the description.
    public static func render(
        mode: Mode, form: FormState, categories: [RecordOption], fields: [CustomFieldDefinition] = [],
        admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings
        let title: String
        let action: Route
        let editing: Bool
        let back: Route
        switch mode {
        case .new:
            editing = false
            title = s.catalog.newProduct
            action = .admin(.products(.create))
            back = .admin(.products(.list(CatalogListQuery())))
        case .edit(let id, let name):
            editing = true
            title = "\(s.catalog.productEditTitle): \(name)"
            action = .admin(.products(.update(id)))
            back = .admin(.products(.show(id, ProductQuery())))
        }
        return AdminLayout.page(title: title, admin) {
            h1 { title }
            Fields.recordForm(action, editing: editing, form: form, save: s.catalog.productSave, back: back, admin) {
                div(.class("grid")) {
                    Fields.text(
                        "sku", s.catalog.productSKU, form, required: true, hint: s.catalog.productSKUHint,
                        extra: [.attr("maxlength", "40")])
                    Fields.text("name", s.catalog.productName, form, required: true, extra: [.attr("maxlength", "200")])
                    Fields.select(
                        "category", s.catalog.productCategory, form,
                        options: [("", s.catalog.productNoCategory)] + categories.map { (String($0.id), $0.label) })
                    Fields.select(
                        "pricing", s.catalog.productPricing, form,
                        options: [LinePricing.perDay, .perRental].map { ($0.rawValue, s.quotations.pricingName($0)) })
                    Fields.text(
                        "price", s.catalog.productPrice, form, required: true, hint: s.catalog.productPriceHint,
                        extra: [.attr("inputmode", "decimal"), .attr("autocomplete", "off")])
                    Fields.text(
                        "stock", s.catalog.productStock, form, type: "number", required: true,
                        extra: [
                            .attr("min", "0"), .attr("max", String(ProductDraft.stockRange.upperBound)),
                            .attr("step", "1"),
                        ])
                    Fields.text(
                        "capacity", s.catalog.productCapacity, form, type: "number",
                        hint: s.catalog.productCapacityHint,
                        extra: [
                            .attr("min", "1"), .attr("max", String(ProductDraft.capacityRange.upperBound)),
                            .attr("step", "1"),
                        ])
                }
                Fields.text("synonyms", s.catalog.productSynonyms, form, hint: s.catalog.productSynonymsHint)
                Fields.textarea(
                    "description", s.catalog.productDescription, form, rows: 8, hint: s.catalog.productDescriptionHint)
                CustomFieldInputs.section(fields, form, s)
            }
        }.rendered()
    }
}
