import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates
import UseCases

/// `/admin/bookings…`: the list, a booking, its workflow, approval and notes, and the packing list.
enum BookingsHandler {
    /// The longest cancellation reason and notes accepted.
    static let reasonLimit = 1000
    static let notesLimit = 5000
    /// Search text beyond this is ignored.
    static let searchLimit = 100

    // MARK: List

    static func list(_ query: BookingListQuery, _ admin: AdminContext) throws -> Response {
        let s = admin.strings
        var query = query
        let fields = try CustomFieldForms(admin, .booking)
        let customFilters = fields.filters
        query.custom = customFilters.items
        var form = FormState(values: [
            "state": query.state ?? "", "from": query.from ?? "", "to": query.to ?? "",
            "q": query.search ?? "",
        ])
        var filter = BookingListFilter()
        filter.custom = customFilters.filters
        if let raw = query.state {
            if let state = BookingState(rawValue: raw) {
                filter.state = state
            } else {
                form.errors["state"] = s.bookings.unknownBookingState
            }
        }
        if let raw = query.from {
            if let day = try? CalendarDate(iso: raw) {
                filter.from = day
            } else {
                form.errors["from"] = s.bookings.invalidDate
            }
        }
        if let raw = query.to {
            if let day = try? CalendarDate(iso: raw) {
                filter.to = day
            } else {
                form.errors["to"] = s.bookings.invalidDate
            }
        }
        if let from = filter.from, let to = filter.to, to < from { form.errors["to"] = s.bookings.endBeforeStart }
        if let q = query.search?.trimmingCharacters(in: .whitespacesAndNewlines), !q.isEmpty {
            filter.search = q.prefixForLimits(searchLimit)
        }
        if let raw = query.after {
            guard let after = Int64(raw), after > 0 else {
                throw HTTPError(.badRequest, reason: s.bookings.invalidPageLink)
            }
            filter.after = BookingID(rawValue: after)
        }
        let db = try admin.connection()
        var customer: (id: CustomerID, name: String)?
        if let raw = query.customer {
            if let id = Int64(raw), id > 0, let name = try BookingStore.customerName(db, id: CustomerID(rawValue: id)) {
                customer = (CustomerID(rawValue: id), name)
                filter.customer = CustomerID(rawValue: id)
            } else {
                form.errors["customer"] = s.bookings.unknownCustomer
            }
        }
        guard form.errors.isEmpty else {
            return admin.html(
                BookingListPage.render(
                    rows: [], query: query, filters: form, customer: customer, nextCursor: nil,
                    fields: fields.definitions, admin: try admin.page()),
                status: .badRequest)
        }
        let page = try BookingStore.list(db, filter: filter)
        return admin.html(
            BookingListPage.render(
                rows: page.rows, query: query, filters: form, customer: customer, nextCursor: page.nextCursor,
                fields: fields.definitions, admin: try admin.page()))
    }

    // MARK: One booking

    /// The booking's flow runs, and the flows that may still be started on it.
    static func flowCard(_ id: BookingID, _ db: Connection) throws -> FlowCard.Model {
        let runs = try FlowStore.runs(db, booking: id)
        let running = Set(runs.filter { $0.run.state == .running }.map(\.run.flowID))
        let startable = try FlowStore.flows(db).filter { !$0.archived && !running.contains($0.id) }
        return FlowCard.Model(bookingID: id, runs: runs, startable: startable)
    }

    /// The booking page; with a refusal notice or a form's errors when a change did not happen.
    static func show(
        _ id: BookingID, _ admin: AdminContext, notice: String? = nil, cancelForm: FormState = FormState(),
        notesForm: FormState? = nil, unsavedNotes: String? = nil, status: HTTPStatus = .ok
    ) throws -> Response {
        let db = try admin.connection()
        guard let booking = try BookingStore.detail(db, id: id) else { throw HTTPError(.notFound) }
        let history = try BookingStore.history(db, id: id)
        return admin.html(
            BookingPage.render(
                booking: booking, history: history, admin: try admin.page(), notice: notice, cancelForm: cancelForm,
                notesForm: notesForm, unsavedNotes: unsavedNotes,
                emails: try EventStore.emails(db, .booking(id.rawValue)),
                invoices: try InvoiceStore.list(db, bookingID: id), depositPercent: try InvoiceStore.depositPercent(db),
                conversations: admin.user.role == .warehouse
                    ? [] : try InboxStore.conversations(db, .booking(id), limit: 20),
                tasks: try TasksHandler.cardData(
                    db, .booking(id),
                    customer: (booking.contact.id, booking.contact.companyName ?? booking.contact.name),
                    admin),
                flows: try flowCard(id, db), customFields: try CustomFieldStore.active(db, .booking)),
            status: status)
    }

    /// `POST /admin/bookings/{id}/state/{target}` with `from` (the state the page showed) and,
    /// to cancel, `reason`.
    static func transition(_ id: BookingID, to target: BookingState, _ admin: AdminContext) throws -> Response {
        let s = admin.strings
        let values = admin.formValues(["from", "reason"])
        guard let seen = BookingState(rawValue: values["from"] ?? "") else {
            // A form from before this page existed, or a hand-made request: show the booking as it is now.
            return try show(id, admin, notice: s.bookings.refusal(.versionChanged), status: .conflict)
        }
        var reason: String?
        if target == .cancelled {
            let typed = values["reason"] ?? ""
            var cancelForm = FormState(values: ["reason": typed])
            if typed.isEmpty { cancelForm.errors["reason"] = s.bookings.cancelReasonRequired }
            if typed.lengthForLimits > reasonLimit { cancelForm.errors["reason"] = s.bookings.cancelReasonTooLong }
            guard cancelForm.isValid else { return try show(id, admin, cancelForm: cancelForm, status: .badRequest) }
            reason = typed
        }
        switch try TransitionBooking.run(
            try admin.connection(), id: id, from: seen, to: target, reason: reason, actor: admin.actor)
        {
        case .done:
            return admin.redirect(to: .admin(.bookings(.show(id))), flash: .bookingMoved)
        case .notFound:
            throw HTTPError(.notFound)
        case .refused(.reasonRequired):
            return try show(
                id, admin,
                cancelForm: FormState(values: ["reason": ""], errors: ["reason": s.bookings.cancelReasonRequired]),
                status: .badRequest)
        case .refused(let refusal):
            return try show(id, admin, notice: s.bookings.refusal(refusal), status: .conflict)
        }
    }

    /// `POST /admin/bookings/{id}/approve` (management).
    static func approve(_ id: BookingID, _ admin: AdminContext) throws -> Response {
        switch try ApproveBooking.run(try admin.connection(), id: id, by: admin.user.id, actor: admin.actor) {
        case .done: return admin.redirect(to: .admin(.bookings(.show(id))), flash: .bookingApproved)
        case .notFound: throw HTTPError(.notFound)
        case .refused(let refusal):
            return try show(id, admin, notice: admin.strings.bookings.refusal(refusal), status: .conflict)
        }
    }

    /// `POST /admin/bookings/{id}/notes` with `notes` and `version` (optimistic locking).
    static func notes(_ id: BookingID, _ admin: AdminContext) throws -> Response {
        let s = admin.strings
        // Notes keep their line breaks; only the ends are trimmed.
        let typed = (admin.request.form["notes"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let version = admin.request.form["version"].flatMap({ Int($0) }) else {
            return try show(
                id, admin, notice: s.conflictMessage, unsavedNotes: typed.isEmpty ? nil : typed, status: .conflict)
        }
        let fields = try CustomFieldForms(admin, .booking)
        let typedCustom = fields.typed
        let custom = try fields.check(typedCustom, updating: true)
        var errors = custom.messages
        if typed.lengthForLimits > notesLimit { errors["notes"] = s.bookings.notesTooLong }
        guard errors.isEmpty else {
            return try show(
                id, admin,
                notesForm: FormState(values: typedCustom.merging(["notes": typed]) { _, own in own }, errors: errors),
                status: .badRequest)
        }
        switch try BookingStore.updateNotes(
            try admin.connection(), id: id, notes: typed, custom: custom.values, expectedVersion: version,
            actor: admin.actor)
        {
        case .done:
            return admin.redirect(to: .admin(.bookings(.show(id))), flash: .saved)
        case .notFound:
            throw HTTPError(.notFound)
        case .refused:
            // Someone saved in between: the current notes in the form, what was typed kept beside it.
            return try show(
                id, admin, notesForm: try currentNotesForm(id, admin, error: s.conflictMessage),
                unsavedNotes: typed, status: .conflict)
        }
    }

    private static func currentNotesForm(_ id: BookingID, _ admin: AdminContext, error: String) throws -> FormState {
        guard let booking = try BookingStore.detail(try admin.connection(), id: id) else { throw HTTPError(.notFound) }
        return FormState(values: ["notes": booking.notes], formError: error)
    }

    // MARK: Packing list

    static func packingList(_ id: BookingID, _ admin: AdminContext) throws -> Response {
        guard let booking = try BookingStore.detail(try admin.connection(), id: id) else { throw HTTPError(.notFound) }
        return admin.html(PackingListPage.render(booking: booking, printedAt: Date(), admin: try admin.page()))
    }
}
