import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates
import UseCases

/// The buttons that change a quotation's state: send for signing, resend the link, reopen for
/// changes, void, duplicate. Each POST ends in a redirect with a flash message, or shows the
/// quotation again with the reason it was refused (nothing written).
enum QuotationActionHandler {
    /// `POST /admin/quotations/{id}/send`: the stock rule first (a shortage needs a reason and the
    /// Manager or Admin role), then `SendQuotation`.
    static func send(_ id: QuotationID, _ admin: AdminContext) throws -> Response {
        let s = admin.strings
        let db = try admin.connection()
        guard let record = try QuotationStore.load(db, id: id) else { throw HTTPError(.notFound) }
        let expected = Int(admin.request.form["version"] ?? "") ?? -1
        let reason = String(
            (admin.request.form["shortage_reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        let recipientReason = recipientChangeReason(admin)
        var sendForm = FormState(values: ["shortage_reason": reason, "recipient_reason": recipientReason])
        if reason.lengthForLimits > 2000 {
            sendForm.errors["shortage_reason"] = s.quotations.errorTooLong(2000)
            return try refuse(record, admin, sendForm, .badRequest)
        }
        if recipientReason.lengthForLimits > 2000 {
            sendForm.errors["recipient_reason"] = s.quotations.errorTooLong(2000)
            return try refuse(record, admin, sendForm, .badRequest)
        }
        if record.content.period.end < BusinessCalendar.today() {
            sendForm.formError = s.quotations.errorPeriodPassed
            return try refuse(record, admin, sendForm, .badRequest)
        }
        // The route already allows only these roles; the rule is stated here as well, where it applies.
        let maySendShort = admin.user.role == .admin || admin.user.role == .manager
        let outcome = try SendQuotation.run(
            db, id: id, expectedVersion: expected, shortageReason: maySendShort ? reason : nil, actor: admin.actor,
            recipientChangeReason: recipientReason)
        switch outcome {
        case .recipientChangeNeedsReason(let from, let to):
            sendForm.errors["recipient_reason"] = s.quotations.errorRecipientReason(from: from, to: to)
            return try refuse(record, admin, sendForm, .badRequest)
        case .sent:
            return admin.redirect(to: .admin(.quotations(.show(id))), flash: .quotationSent)
        case .shortageNeedsReason:
            sendForm.errors["shortage_reason"] =
                maySendShort ? s.quotations.errorShortageReason : s.quotations.errorShortageRole
            return try refuse(record, admin, sendForm, maySendShort ? .badRequest : .forbidden)
        case .conflict:
            sendForm.formError = s.conflictMessage
            return try refuse(record, admin, sendForm, .conflict)
        case .notFound:
            throw HTTPError(.notFound)
        case .notSendable(let state):
            sendForm.formError = s.quotations.errorNotSendable(state)
            return try refuse(record, admin, sendForm, .conflict)
        case .noLines:
            sendForm.formError = s.quotations.errorNoLines
            return try refuse(record, admin, sendForm, .badRequest)
        case .customerHasNoEmail:
            sendForm.formError = s.quotations.errorNoEmail
            return try refuse(record, admin, sendForm, .badRequest)
        }
    }

    /// `POST /admin/quotations/{id}/resend`: a new link for the waiting version, the old one voided.
    static func resend(_ id: QuotationID, _ admin: AdminContext) throws -> Response {
        let s = admin.strings
        let db = try admin.connection()
        let recipientReason = recipientChangeReason(admin)
        var sendForm = FormState(values: ["recipient_reason": recipientReason])
        var status = HTTPStatus.conflict
        switch try ResendSigningLink.run(
            db, id: id, actor: admin.actor,
            recipientChangeReason: recipientReason.lengthForLimits > 2000 ? nil : recipientReason)
        {
        case .resent: return admin.redirect(to: .admin(.quotations(.show(id))), flash: .quotationResent)
        case .recipientChangeNeedsReason(let from, let to):
            sendForm.errors["recipient_reason"] =
                recipientReason.lengthForLimits > 2000
                ? s.quotations.errorTooLong(2000) : s.quotations.errorRecipientReason(from: from, to: to)
            status = .badRequest
        case .notFound: throw HTTPError(.notFound)
        case .notResendable: sendForm.formError = s.quotations.errorNotResendable
        case .linkExpired: sendForm.formError = s.quotations.errorLinkExpired
        case .customerHasNoEmail: sendForm.formError = s.quotations.errorNoEmail
        }
        guard let record = try QuotationStore.load(db, id: id) else { throw HTTPError(.notFound) }
        return try refuse(record, admin, sendForm, status)
    }

    /// Why the link goes to another address than the last one went to (finding M5), trimmed.
    private static func recipientChangeReason(_ admin: AdminContext) -> String {
        (admin.request.form["recipient_reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `POST /admin/quotations/{id}/void`.
    static func void(_ id: QuotationID, _ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        switch try VoidQuotation.run(db, id: id, actor: admin.actor) {
        case .done: return admin.redirect(to: .admin(.quotations(.show(id))), flash: .quotationVoided)
        case .notFound: throw HTTPError(.notFound)
        case .notAllowed(let state): return try refused(id, admin, admin.strings.quotations.errorNotAllowed(state))
        case .conflict: return try refused(id, admin, admin.strings.conflictMessage)
        }
    }

    /// `POST /admin/quotations/{id}` with `action=reopen`: a sent, declined or expired quotation
    /// becomes a draft again (its link stops working), to be changed and sent as a new version.
    static func reopen(_ id: QuotationID, expectedVersion: Int, _ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        switch try ReopenQuotation.run(db, id: id, expectedVersion: expectedVersion, actor: admin.actor) {
        case .done: return admin.redirect(to: .admin(.quotations(.show(id))), flash: .quotationReopened)
        case .notFound: throw HTTPError(.notFound)
        case .notAllowed(let state): return try refused(id, admin, admin.strings.quotations.errorNotAllowed(state))
        case .conflict: return try refused(id, admin, admin.strings.conflictMessage)
        }
    }

    /// `POST /admin/quotations/{id}/duplicate`: a new draft with a new number; its editor next.
    static func duplicate(_ id: QuotationID, _ admin: AdminContext) throws -> Response {
        guard let copy = try DuplicateQuotation.run(try admin.connection(), id: id, actor: admin.actor) else {
            throw HTTPError(.notFound)
        }
        return admin.redirect(to: .admin(.quotations(.show(copy))), flash: .quotationDuplicated)
    }

    private static func refused(_ id: QuotationID, _ admin: AdminContext, _ message: String) throws -> Response {
        guard let record = try QuotationStore.load(try admin.connection(), id: id) else { throw HTTPError(.notFound) }
        return try refuse(record, admin, FormState(formError: message), .conflict)
    }

    /// The quotation as it is now, with why the action was refused above the send panel.
    private static func refuse(
        _ record: QuotationRecord, _ admin: AdminContext, _ sendForm: FormState, _ status: HTTPStatus
    ) throws
        -> Response
    {
        try QuotationEditorHandler.render(record, admin, sendForm: sendForm, status: status)
    }
}
