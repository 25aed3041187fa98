import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates

/// `/admin/payments…`: BgMax imports (the file is read here and booked by the store in one
/// transaction) and the unmatched queue. A refused file or form answers 4xx with the page and
/// the reason in the user's language; nothing is stored then.
enum PaymentsHandler {
    static func handle(_ route: PaymentsRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .list: try page(admin)
        case .importFile: try importFile(admin)
        case .attach(let id): try attach(id, admin)
        case .ignore(let id): try ignore(id, admin)
        }
    }

    static func page(
        _ admin: AdminContext, importForm: FormState = FormState(), queueForms: [Int64: FormState] = [:],
        status: HTTPStatus = .ok
    ) throws -> Response {
        let db = try admin.connection()
        return admin.html(
            PaymentsPage.render(
                imports: try PaymentImportStore.imports(db), queue: try PaymentImportStore.unmatched(db),
                importForm: importForm, queueForms: queueForms, admin: try admin.page()),
            status: status)
    }

    static func importFile(_ admin: AdminContext) throws -> Response {
        let s = admin.strings.payments
        var form = FormState()
        guard let file = admin.request.form.file("file"), !file.bytes.isEmpty else {
            form.errors["file"] = s.fileMissing
            return try page(admin, importForm: form, status: .badRequest)
        }
        let parsed: BgMaxFile
        do {
            parsed = try BgMaxFile.parse(file.bytes)
        } catch {
            form.errors["file"] = s.fileError(error)
            form.formError = s.fileError(error)
            return try page(admin, importForm: form, status: .badRequest)
        }
        switch try PaymentImportStore.importFile(
            try admin.connection(), file: parsed, bytes: file.bytes, fileName: file.filename, importedBy: admin.user.id,
            actor: admin.actor)
        {
        case .imported: return admin.redirect(to: .admin(.payments(.list)), flash: .saved)
        case .alreadyImported(let earlier):
            form.formError = s.alreadyImported(earlier)
            return try page(admin, importForm: form, status: .conflict)
        case .refused(let refusal):
            form.formError = s.refusal(refusal)
            return try page(admin, importForm: form, status: .unprocessableContent)
        }
    }

    static func attach(_ id: Int64, _ admin: AdminContext) throws -> Response {
        try settle(id, field: "invoice", limit: 30, error: admin.strings.payments.invoiceMissing, admin) { number in
            try PaymentImportStore.attach(
                try admin.connection(), id: id, invoiceNumber: number, by: admin.user.id, actor: admin.actor)
        }
    }

    static func ignore(_ id: Int64, _ admin: AdminContext) throws -> Response {
        try settle(id, field: "reason", limit: 500, error: admin.strings.payments.reasonMissing, admin) { reason in
            try PaymentImportStore.ignore(
                try admin.connection(), id: id, reason: reason, by: admin.user.id, actor: admin.actor)
        }
    }

    /// Reads the row's one field (required, at most `limit` characters), runs the store's change
    /// and answers with a redirect, or the page with the reason next to the field.
    static func settle(
        _ id: Int64, field: String, limit: Int, error: String, _ admin: AdminContext,
        _ change: (String) throws -> PaymentImportStore.ResolveOutcome
    ) throws -> Response {
        let s = admin.strings.payments
        var form = FormState(values: admin.formValues([field]))
        let value = form[field].trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty, value.count <= limit else {
            form.errors[field] = error
            return try page(admin, queueForms: [id: form], status: .badRequest)
        }
        switch try change(value) {
        case .done: return admin.redirect(to: .admin(.payments(.list)), flash: .saved)
        case .notFound: throw HTTPError(.notFound)
        case .notOpen: throw HTTPError(.conflict, reason: s.notOpen)
        case .notPayable:
            form.errors[field] = error
            return try page(admin, queueForms: [id: form], status: .unprocessableContent)
        case .isDeduction: throw HTTPError(.conflict, reason: s.deductionNotAttached)
        }
    }
}
