import Domain
import Foundation
import Routing
import Sanitizer
import Testing

@testable import Templates

/// The customer, product and add-on pages with hostile values in every field staff or customers
/// can type: nothing comes out as markup, and the sanitised description is the only raw HTML.
@Suite("Customer and catalogue pages escape what was typed")
struct RecordPagesEscapingTests {
    static let hostile = EscapingTests.hostile

    func admin(_ value: String, role: StaffRole = .admin) -> AdminPage {
        AdminPage(
            page: PageContext(
                language: .sv, currentPath: .root, assets: AssetCatalog(),
                company: CompanyProfile(
                    name: "EventGaraget", organisationNumber: "", vatNumber: "", address: "", email: "", phone: "",
                    website: "")),
            user: StaffMember(id: UserID(rawValue: 1), email: "a@example.se", name: value, role: role, locale: .sv),
            csrfToken: "token", flash: .saved)
    }

    func expectInert(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let html = String(decoding: bytes, as: UTF8.self)
        #expect(!html.contains("<script>alert"), sourceLocation: sourceLocation)
        #expect(!html.contains("<img src=x"), sourceLocation: sourceLocation)
        #expect(!html.contains("' onmouseover='"), sourceLocation: sourceLocation)
        #expect(!html.contains("href=\"javascript:"), sourceLocation: sourceLocation)
    }

    func profile(_ value: String) -> CustomerProfile {
        let address = PostalAddress(line1: value, line2: value, postalCode: value, city: value, country: value)
        return CustomerProfile(
            details: CustomerDetails(
                kind: .company, name: value, companyName: value, organisationNumber: value, vatNumber: value,
                email: value,
                phone: value, billingAddress: address),
            deliveryAddress: address, locale: .sv, notes: value)
    }

    @Test(arguments: hostile)
    func customerPages(_ value: String) throws {
        let id = CustomerID(rawValue: 7)
        let period = try RentalPeriod(
            start: try CalendarDate(iso: "2026-06-19"), end: try CalendarDate(iso: "2026-06-21"))
        let record = CustomerRecord(
            id: id, profile: profile(value), version: 3, archivedAt: Date(), createdAt: Date(), updatedAt: Date())
        let history = CustomerHistory(
            quotations: [
                CustomerHistory.Quotation(
                    id: QuotationID(rawValue: 1), number: value, title: value, state: .sent, total: Money(ore: 100),
                    period: period, createdAt: Date())
            ],
            bookings: [
                CustomerHistory.Booking(
                    id: BookingID(rawValue: 2), number: value, title: value, state: .packed, total: Money(ore: 100),
                    period: period)
            ],
            activity: [
                CustomerHistory.Activity(
                    at: Date(), actorName: value, actorKind: "user", entityType: "customer", entityID: 7,
                    action: "updated",
                    changes: [
                        .init(field: value, before: value, after: value),
                        .init(field: "name", before: value, after: value),
                    ]),
                CustomerHistory.Activity(
                    at: Date(), actorName: "", actorKind: "customer", entityType: "quotation", entityID: 1,
                    subject: value, action: value, changes: []),
            ],
            limit: 20)
        expectInert(CustomerDetailPage.render(record: record, history: history, admin: admin(value)))
        let summary = CustomerSummary(
            id: id, kind: .company, name: value, companyName: value, email: value, phone: value, city: value,
            archived: true)
        expectInert(
            CustomerListPage.render(
                page: RecordPage(rows: [summary], nextAfter: 7), query: CustomerListQuery(search: value, after: "3"),
                admin: admin(value)))
        var values = profile(value).formValues
        values["version"] = value
        let form = FormState(values: values, errors: ["name": value], formError: value)
        expectInert(CustomerFormPage.render(mode: .edit(id, displayName: value), form: form, admin: admin(value)))
        expectInert(CustomerFormPage.render(mode: .new, form: form, admin: admin(value)))
    }

    @Test(arguments: hostile)
    func catalogPages(_ value: String) throws {
        let id = ProductID(rawValue: 5)
        let draft = ProductDraft(
            sku: value, name: value, categoryID: 1, price: Money(ore: 100), pricing: .perDay, stock: 2,
            descriptionHTML: value)
        let product = ProductRecord(
            id: id, draft: draft, categoryName: value, active: false, version: 1, updatedAt: Date())
        let period = try RentalPeriod(
            start: try CalendarDate(iso: "2026-06-19"), end: try CalendarDate(iso: "2026-06-21"))
        let strip = ProductDetailPage.Strip(
            availability: Availability.compute(
                stock: 2, reservations: [Reservation(quantity: 3, period: period)], period: period),
            bookings: [
                ReservingBooking(
                    id: BookingID(rawValue: 1), number: value, customerName: value, state: .confirmed, period: period,
                    quantity: 3)
            ])
        let description = try HTMLSanitizer.sanitize(value)
        let form = FormState(
            values: ["from": value, "to": value, "stock": value, "version": value],
            errors: ["from": value, "stock": value], formError: value)
        let html = ProductDetailPage.render(
            product: product, description: description, periodForm: form, strip: strip, stockForm: form,
            admin: admin(value))
        expectInert(html)
        #expect(
            String(decoding: html, as: UTF8.self).contains("avail-day short"),
            "three reserved against two in stock is short")
        expectInert(
            ProductDetailPage.render(
                product: product, description: description, periodForm: form, strip: nil, stockForm: form,
                admin: admin(value, role: .warehouse)))
        let summary = ProductSummary(
            id: id, sku: value, name: value, categoryName: value, price: Money(ore: 1), pricing: .perRental, stock: 1,
            active: false)
        expectInert(
            ProductListPage.render(
                page: RecordPage(rows: [summary], nextAfter: 5), query: CatalogListQuery(search: value),
                admin: admin(value)))
        let productForm = FormState(
            values: draft.formValues(.sv).merging(["version": value]) { $1 }, errors: ["sku": value], formError: value)
        expectInert(
            ProductFormPage.render(
                mode: .edit(id, name: value), form: productForm, categories: [RecordOption(id: 1, label: value)],
                admin: admin(value)))

        let addon = AddonRecord(
            id: AddonID(rawValue: 3),
            draft: AddonDraft(name: value, description: value, price: Money(ore: 1), pricing: .flat, productID: id),
            productLabel: value, active: false, version: 1)
        expectInert(
            AddonListPage.render(
                page: RecordPage(rows: [addon], nextAfter: 3), query: CatalogListQuery(search: value),
                admin: admin(value)))
        let addonForm = FormState(values: addon.draft.formValues(.en), errors: ["name": value], formError: value)
        expectInert(
            AddonFormPage.render(
                mode: .edit(addon.id, name: value, active: false), form: addonForm,
                products: [RecordOption(id: 5, label: value)], admin: admin(value)))
    }

    @Test func aWarehouseMemberSeesTheStockFormButNoEditOrDeactivate() throws {
        let draft = ProductDraft(
            sku: "VARM-EL", name: "Elvärmare", price: Money(ore: 25_000), pricing: .perDay, stock: 24)
        let product = ProductRecord(
            id: ProductID(rawValue: 9), draft: draft, categoryName: nil, active: true, version: 4, updatedAt: Date())
        let page = String(
            decoding: ProductDetailPage.render(
                product: product, description: .empty, periodForm: FormState(), strip: nil,
                stockForm: FormState(values: ["stock": "24", "version": "4"]), admin: admin("Lager", role: .warehouse)),
            as: UTF8.self)
        #expect(page.contains(#"action="/admin/products/9/stock""#))
        #expect(page.contains(#"name="version" value="4""#))
        #expect(!page.contains("/admin/products/9/edit"))
        #expect(!page.contains("/admin/products/9/deactivate"))
    }
}
