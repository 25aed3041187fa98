import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates

/// `/admin/quotations/new?customer=`: pick the customer (search, or type a new one in), the
/// period and a title; creating makes a draft with the settings' terms and VAT and opens it.
enum QuotationNewHandler {
    static let fields = [
        "customer_id", "customer_q", "new_name", "new_email", "new_phone", "new_company", "period_start", "period_end",
        "title",
    ]

    static func show(_ query: QuotationNewQuery, _ admin: AdminContext) throws -> Response {
        var options: [CustomerChoice] = []
        var values: [String: String] = [:]
        if let id = query.customer, let customer = try QuotationStore.customerChoice(try admin.connection(), id: id) {
            options = [customer]
            values["customer_id"] = String(id.rawValue)
        }
        return try render(FormState(values: values), options: options, searched: false, admin, status: .ok)
    }

    static func create(_ admin: AdminContext) throws -> Response {
        let s = admin.strings
        let db = try admin.connection()
        let values = admin.formValues(fields)
        var form = FormState(values: values)
        let chosen = Int64(values["customer_id"] ?? "").flatMap { $0 > 0 ? CustomerID(rawValue: $0) : nil }
        // Keep the chosen customer on the page whatever happens next.
        var options: [CustomerChoice] = []
        if let chosen, let customer = try QuotationStore.customerChoice(db, id: chosen) { options.append(customer) }

        if admin.request.form["action"] == "find_customer" {
            let query = values["customer_q"] ?? ""
            let found = query.isEmpty ? [] : try QuotationStore.searchCustomers(db, matching: query)
            options += found.filter { f in !options.contains { $0.id == f.id } }
            return try render(form, options: options, searched: true, admin, status: .ok)
        }

        // Who: an existing customer, or a new one (chosen, or simply typed in with nothing chosen).
        let newName = values["new_name"] ?? ""
        let isNew = values["customer_id"] == "new" || (chosen == nil && !newName.isEmpty)
        var customer: QuotationStore.DraftCustomer?
        if isNew {
            form.values["customer_id"] = "new"
            let new = NewCustomer(
                name: newName, email: values["new_email"] ?? "", phone: values["new_phone"] ?? "",
                companyName: values["new_company"] ?? "")
            if new.name.isEmpty {
                form.errors["new_name"] = s.required
            } else if new.name.lengthForLimits > 200 {
                form.errors["new_name"] = s.quotations.errorTooLong(200)
            }
            if !new.email.isEmpty, !EmailAddressRule.isValid(new.email) {
                form.errors["new_email"] = s.quotations.errorEmail
            }
            if new.phone.lengthForLimits > 50 { form.errors["new_phone"] = s.quotations.errorTooLong(50) }
            if new.companyName.lengthForLimits > 200 { form.errors["new_company"] = s.quotations.errorTooLong(200) }
            if form.errors["new_email"] == nil, !new.email.isEmpty {
                let existing = try QuotationStore.activeCustomers(db, withEmail: new.email)
                if !existing.isEmpty {
                    form.errors["new_email"] = s.quotations.errorCustomerExists
                    options += existing.filter { e in !options.contains { $0.id == e.id } }
                }
            }
            customer = .new(new)
        } else if let chosen, !options.isEmpty {
            customer = .existing(chosen)
        } else {
            form.errors["customer_id"] = s.quotations.errorPickCustomer
        }
        let period = QuotationEditorForm.period(values, errors: &form.errors, s)
        let title = values["title"] ?? ""
        if title.lengthForLimits > 200 { form.errors["title"] = s.quotations.errorTooLong(200) }
        guard form.isValid, let customer, let period else {
            return try render(form, options: options, searched: false, admin, status: .badRequest)
        }
        do {
            guard
                let id = try QuotationStore.createEmptyDraft(
                    db, customer: customer, period: period, title: title, actor: admin.actor)
            else {
                form.errors["customer_id"] = s.quotations.errorCustomerGone
                return try render(form, options: [], searched: false, admin, status: .badRequest)
            }
            return admin.redirect(to: .admin(.quotations(.show(id))), flash: .created)
        } catch let error as DatabaseError {
            guard case .checkViolation(let constraint) = error.kind, constraint == "customers_email_check" else {
                throw error
            }
            form.errors["new_email"] = s.quotations.errorEmail
            return try render(form, options: options, searched: false, admin, status: .badRequest)
        }
    }

    private static func render(
        _ form: FormState, options: [CustomerChoice], searched: Bool, _ admin: AdminContext, status: HTTPStatus
    )
        throws -> Response
    {
        let customers = options.map {
            QuotationNewPage.CustomerOption(id: $0.id, name: $0.displayName, detail: QuotationEditorHandler.detail($0))
        }
        return admin.html(
            QuotationNewPage.render(form: form, customers: customers, searched: searched, admin: try admin.page()),
            status: status)
    }
}
