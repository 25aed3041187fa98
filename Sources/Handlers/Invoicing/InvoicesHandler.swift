import Database
import Documents
import Domain
import Foundation
import HTTP
import Routing
import Templates
import UseCases

/// `/admin/invoices…`: the list, a draft from a booking, an invoice's page, issuing, and the UBL
/// file. Every change goes through the store's or the use case's audited transaction.
enum InvoicesHandler {
    static func handle(_ route: InvoicesRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .list: try list(admin)
        case .create: try create(admin)
        case .show(let id): try show(id, admin)
        case .issue(let id): try issue(id, admin)
        case .ubl(let id): try ubl(id, admin)
        case .credit(let id): try credit(id, admin)
        case .registerPayment(let id): try registerPayment(id, admin)
        case .pdf(let id): try pdf(id, admin)
        case .email(let id): try email(id, admin)
        case .editLines(let id): try editLines(id, admin)
        case .remind(let id): try remind(id, admin)
        }
    }

    /// The list, filtered by `status` and a search text `q` (number, customer, booking), 50 a page
    /// (`page`, from 1). Unknown values are ignored, as a list's filters are.
    static func list(_ admin: AdminContext) throws -> Response {
        let query = admin.request.query
        let status = InvoiceStatus(rawValue: query["status"] ?? "")
        let search = String((query["q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        let page = max(1, min(10_000, Int(query["page"] ?? "") ?? 1))
        let today = BusinessCalendar.today()
        let found = try InvoiceStore.page(
            try admin.connection(), status: status, search: search, today: today, offset: (page - 1) * 50)
        return admin.html(
            InvoiceListPage.render(
                found.invoices,
                filter: InvoiceListPage.Filter(status: status, search: search, page: page, more: found.more),
                today: today, admin: try admin.page()))
    }

    /// A stand-alone draft for `customer_id`, or a draft from `booking_id` for `purpose`.
    static func create(_ admin: AdminContext) throws -> Response {
        let s = admin.strings.invoices
        let db = try admin.connection()
        if let customer = admin.request.form["customer_id"] {
            guard let id = Int64(customer), id > 0,
                let draft = try InvoiceStore.draftStandalone(
                    db, customerID: CustomerID(rawValue: id), createdBy: admin.user.id, actor: admin.actor)
            else { throw HTTPError(.notFound, reason: s.customerGone) }
            return admin.redirect(to: .admin(.invoices(.show(draft))), flash: .created)
        }
        guard let booking = Int64(admin.request.form["booking_id"] ?? ""), booking > 0 else {
            throw HTTPError(.badRequest, reason: s.bookingGone)
        }
        let purpose = InvoicePurpose(rawValue: admin.request.form["purpose"] ?? "full") ?? .full
        guard purpose != .standalone else { throw HTTPError(.badRequest, reason: s.bookingGone) }
        if purpose == .securityDeposit {
            guard let amount = try? Money(parsing: admin.request.form["amount"] ?? ""), amount.ore > 0,
                amount.ore <= 1_000_000_00
            else { throw HTTPError(.badRequest, reason: s.amountInvalid) }
            switch try InvoiceStore.draftSecurityDeposit(
                db, bookingID: BookingID(rawValue: booking), amount: amount, createdBy: admin.user.id,
                actor: admin.actor)
            {
            case .created(let id): return admin.redirect(to: .admin(.invoices(.show(id))), flash: .created)
            case .exists(let id): return admin.redirect(to: .admin(.invoices(.show(id))))
            case .refused, .notFound: throw HTTPError(.notFound, reason: s.bookingGone)
            }
        }
        switch try InvoiceStore.draftFromBooking(
            db, bookingID: BookingID(rawValue: booking), purpose: purpose, createdBy: admin.user.id, actor: admin.actor)
        {
        case .created(let id): return admin.redirect(to: .admin(.invoices(.show(id))), flash: .created)
        case .exists(let id): return admin.redirect(to: .admin(.invoices(.show(id))))
        case .refused(let refusal): throw HTTPError(.conflict, reason: s.refused(refusal))
        case .notFound: throw HTTPError(.notFound, reason: s.bookingGone)
        }
    }

    /// The draft's editor: "+ line" and "remove" come back unsaved; "save" checks every field and
    /// the amounts, then stores the lines with an audit row.
    static func editLines(_ id: Int64, _ admin: AdminContext) throws -> Response {
        let action = admin.request.form["action"] ?? "save"
        var form = InvoiceDraftForm(submitted: admin.request.form, action: action)
        switch action {
        case "add_line": form.addLine()
        case "add_allowance": form.addAllowance()
        case "save":
            guard let (lines, allowances) = form.read(admin.strings) else {
                return try show(id, admin, editor: form.state, status: .badRequest)
            }
            switch try InvoiceStore.updateDraft(
                try admin.connection(), id: id, lines: lines, allowances: allowances, actor: admin.actor)
            {
            case .saved: return admin.redirect(to: .admin(.invoices(.show(id))), flash: .saved)
            case .notDraft: throw HTTPError(.conflict, reason: admin.strings.invoices.notDraft)
            case .notFound: throw HTTPError(.notFound)
            }
        default: break
        }
        var unsaved = form.state
        unsaved.values["_unsaved"] = "yes"
        return try show(id, admin, editor: unsaved)
    }

    static let paymentFields = ["paid_on", "amount", "method", "reference"]

    /// A payment by hand: the date (not in the future), an amount in kronor, how, a reference.
    static func registerPayment(_ id: Int64, _ admin: AdminContext) throws -> Response {
        let s = admin.strings.invoices
        var form = FormState(values: admin.formValues(paymentFields))
        let today = BusinessCalendar.today()
        let day = try? CalendarDate(iso: form["paid_on"])
        if day == nil || (day.map { $0 > today } ?? true) { form.errors["paid_on"] = s.paidOnInvalid }
        let amount = try? Money(parsing: form["amount"])
        if amount.map({ $0.ore <= 0 }) ?? true { form.errors["amount"] = s.amountInvalid }
        let method = PaymentMethod(rawValue: form["method"])
        if method == nil { form.errors["method"] = s.methodInvalid }
        if form["reference"].count > 100 { form.errors["reference"] = s.referenceTooLong }
        if let day,
            let locked = BooksLockRules.refusal(
                date: day, lockedThrough: try BooksLockStore.lockedThrough(try admin.connection()))
        {
            form.errors["paid_on"] = admin.strings.bookkeeping.locked(locked)
        }
        guard form.errors.isEmpty, let day, let amount, let method else {
            return try show(id, admin, paymentForm: form, status: .badRequest)
        }
        guard
            try InvoiceStore.registerPayment(
                try admin.connection(), invoiceID: id,
                payment: InvoicePayment(
                    paidOn: day, amount: amount, method: method, reference: form["reference"], source: "manual"),
                registeredBy: admin.user.id, actor: admin.actor)
        else { throw HTTPError(.conflict, reason: s.notPayable) }
        return admin.redirect(to: .admin(.invoices(.show(id))), flash: .saved)
    }

    static func show(
        _ id: Int64, _ admin: AdminContext, paymentForm: FormState? = nil, editor: FormState? = nil,
        issueError: String? = nil, status: HTTPStatus = .ok
    ) throws -> Response {
        let db = try admin.connection()
        guard let summary = try InvoiceStore.find(db, id: id), let draft = try InvoiceStore.draft(db, id: id) else {
            throw HTTPError(.notFound)
        }
        let settings = try InvoiceStore.settings(db)
        let problems =
            summary.state == "draft" ? InvoiceRequirements.problems(seller: settings.seller, buyer: draft.buyer) : []
        let totals = try? InvoiceTotals.compute(
            lines: draft.chargedLines, allowances: draft.chargedAllowances, roundToKronor: settings.roundToKronor)
        return admin.html(
            InvoicePage.render(
                summary: summary, draft: draft, totals: totals, problems: problems,
                payments: try InvoiceStore.payments(db, invoiceID: id),
                reminders: try InvoiceStore.reminders(db, invoiceID: id),
                paymentForm: paymentForm
                    ?? FormState(values: [
                        "paid_on": BusinessCalendar.today().iso, "method": PaymentMethod.bankgiro.rawValue,
                    ]),
                editor: editor ?? InvoiceDraftForm(draft: draft, language: admin.strings.language).state,
                issueError: issueError, emails: try EventStore.emails(db, .invoice(id)),
                today: BusinessCalendar.today(),
                admin: try admin.page()),
            status: status)
    }

    static func issue(_ id: Int64, _ admin: AdminContext) throws -> Response {
        switch try IssueInvoice.run(
            try admin.connection(), id: id, issuedBy: admin.user.id, actor: admin.actor,
            validator: admin.base.services.ublValidator, renderPDF: InvoiceRenderer.render)
        {
        case .issued: return admin.redirect(to: .admin(.invoices(.show(id))), flash: .saved)
        case .notFound: throw HTTPError(.notFound)
        case .alreadyIssued: return admin.redirect(to: .admin(.invoices(.show(id))))
        case .refused: return try show(id, admin, status: .conflict)
        case .invalid(let error):
            return try show(id, admin, issueError: admin.strings.invoices.invalid(error), status: .conflict)
        case .notValid(let problems):
            return try show(id, admin, issueError: admin.strings.invoices.notValid(problems), status: .conflict)
        case .exceedsInvoice(let excess):
            return try show(
                id, admin,
                issueError: admin.strings.invoices.exceeds(
                    excess.rate.formatted(admin.strings.language), left: excess.left.formatted(admin.strings.language)),
                status: .conflict)
        }
    }

    static func credit(_ id: Int64, _ admin: AdminContext) throws -> Response {
        switch try InvoiceStore.draftCredit(
            try admin.connection(), invoiceID: id, createdBy: admin.user.id, actor: admin.actor)
        {
        case .created(let note): return admin.redirect(to: .admin(.invoices(.show(note))), flash: .created)
        case .exists(let note): return admin.redirect(to: .admin(.invoices(.show(note))))
        case .notCreditable: throw HTTPError(.conflict, reason: admin.strings.invoices.notCreditable)
        case .depositInFinal: throw HTTPError(.conflict, reason: admin.strings.invoices.depositInFinal)
        case .notFound: throw HTTPError(.notFound)
        }
    }

    /// "Send a reminder now": the law's charges as the schedule would claim them.
    static func remind(_ id: Int64, _ admin: AdminContext) throws -> Response {
        switch try InvoiceStore.remind(
            try admin.connection(), invoiceID: id, today: BusinessCalendar.today(), force: true, by: admin.user.id,
            actor: admin.actor)
        {
        case .sent: return admin.redirect(to: .admin(.invoices(.show(id))), flash: .emailQueued)
        case .notDue: throw HTTPError(.conflict, reason: admin.strings.invoices.remindedToday)
        case .notOverdue: throw HTTPError(.conflict, reason: admin.strings.invoices.notOverdue)
        case .notFound: throw HTTPError(.notFound)
        }
    }

    static func email(_ id: Int64, _ admin: AdminContext) throws -> Response {
        guard try InvoiceStore.queueEmail(try admin.connection(), id: id, actor: admin.actor) else {
            throw HTTPError(.conflict, reason: admin.strings.invoices.notIssued)
        }
        return admin.redirect(to: .admin(.invoices(.show(id))), flash: .emailQueued)
    }

    static func pdf(_ id: Int64, _ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        guard let bytes = try InvoiceStore.pdf(db, id: id), let number = try InvoiceStore.find(db, id: id)?.number
        else {
            throw HTTPError(.notFound)
        }
        return Response(
            status: .ok,
            headers: [
                ("Content-Type", "application/pdf"), ("Content-Disposition", "inline; filename=\"\(number).pdf\""),
                ("Cache-Control", "private, no-store"),
            ],
            body: bytes)
    }

    static func ubl(_ id: Int64, _ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        guard let xml = try InvoiceStore.ubl(db, id: id), let number = try InvoiceStore.find(db, id: id)?.number else {
            throw HTTPError(.notFound)
        }
        return Response(
            status: .ok,
            headers: [
                ("Content-Type", "application/xml; charset=utf-8"),
                ("Content-Disposition", "attachment; filename=\"\(number).xml\""),
                ("Cache-Control", "private, no-store"),
            ],
            body: Array(xml.utf8))
    }
}
