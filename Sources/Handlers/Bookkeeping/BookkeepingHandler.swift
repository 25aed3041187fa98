import Database
import Domain
import HTTP
import Routing
import Templates
import UseCases

/// `/admin/bookkeeping…`: the page, the SIE download (recorded, optionally locking the period), the
/// lock moved forward or back, and the account mapping. Each form's errors come back next to its
/// fields with 400 and nothing stored; every change goes through its audited transaction.
enum BookkeepingHandler {
    static func handle(_ route: BookkeepingRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .show(let query): try show(admin, query: query)
        case .export: try export(admin)
        case .lock: try lock(admin)
        case .unlock: try unlock(admin)
        case .mapping: try mapping(admin)
        }
    }

    /// The forms a POST came back with (the others as stored).
    struct Forms {
        var mapping: FormState?
        var export: FormState?
        var lock: FormState?
        var unlock: FormState?
    }

    static func show(
        _ admin: AdminContext, query: ReportQuery = ReportQuery(), forms: Forms = Forms(),
        status: HTTPStatus = .ok
    ) throws -> Response {
        let s = admin.strings.bookkeeping
        let db = try admin.connection()
        let today = BusinessCalendar.today()
        let yearToDate = BookkeepingPeriod.yearToDate(today)
        var periodForm = FormState(values: [
            "from": query.from ?? yearToDate.from.iso, "to": query.to ?? yearToDate.to.iso,
        ])
        var period = yearToDate
        var reconciliation: Reconciliation?
        do {
            period = try BookkeepingPeriod(from: periodForm["from"], to: periodForm["to"])
            reconciliation = try ReconcileBookkeeping.run(db, period: period, today: today)
        } catch let problem as BookkeepingPeriod.Problem {
            periodForm.errors["to"] = s.periodProblem(problem)
        }
        let mapping = try BookkeepingStore.mapping(db)
        let lockedThrough = try BooksLockStore.lockedThrough(db)
        let content = BookkeepingPage.Content(
            mapping: mapping, mappingForm: forms.mapping ?? BookkeepingPage.mappingForm(mapping),
            exportForm: forms.export ?? FormState(values: ["from": period.from.iso, "to": period.to.iso]),
            lockForm: forms.lock ?? FormState(values: ["through": period.to.iso]),
            unlockForm: forms.unlock ?? FormState(), lockedThrough: lockedThrough,
            exports: try BookkeepingStore.exports(db), period: period, periodForm: periodForm,
            reconciliation: reconciliation)
        return admin.html(BookkeepingPage.render(content, admin: try admin.page()), status: status)
    }

    /// The period from `from` and `to`, or its errors next to the fields.
    static func period(_ form: inout FormState, _ s: BookkeepingStrings) -> BookkeepingPeriod? {
        do {
            return try BookkeepingPeriod(from: form["from"], to: form["to"])
        } catch {
            for field in ["from", "to"] where (try? CalendarDate(iso: form[field])) == nil {
                form.errors[field] = s.periodProblem(.notADate)
            }
            if form.errors.isEmpty { form.errors["to"] = s.periodProblem(error) }
            return nil
        }
    }

    /// The SIE file as a download, recorded with its SHA-256 and balances (and the lock, when asked).
    static func export(_ admin: AdminContext) throws -> Response {
        let s = admin.strings.bookkeeping
        var form = FormState(values: admin.formValues(["from", "to", "lock"]))
        guard let period = period(&form, s) else {
            return try show(admin, forms: Forms(export: form), status: .badRequest)
        }
        switch try ExportBookkeeping.run(
            try admin.connection(), period: period, lock: form["lock"] == "yes", by: admin.user.id,
            actor: admin.actor, today: BusinessCalendar.today())
        {
        case .lockRefused(let refusal):
            form.errors["lock"] = s.lockRefusal(refusal)
            return try show(admin, forms: Forms(export: form), status: .badRequest)
        case .exported(let export):
            return Response(
                status: .ok,
                headers: [
                    ("Content-Type", "text/plain; charset=IBM437"),
                    ("Content-Disposition", "attachment; filename=\"\(period.fileName)\""),
                    ("Cache-Control", "private, no-store"),
                ],
                body: export.file)
        }
    }

    static func lock(_ admin: AdminContext) throws -> Response {
        let s = admin.strings.bookkeeping
        var form = FormState(values: admin.formValues(["through"]))
        guard let day = try? CalendarDate(iso: form["through"]) else {
            form.errors["through"] = s.periodProblem(.notADate)
            return try show(admin, forms: Forms(lock: form), status: .badRequest)
        }
        switch try MoveBooksLock.lock(
            try admin.connection(), through: day, by: admin.user.id, actor: admin.actor,
            today: BusinessCalendar.today())
        {
        case .locked: return admin.redirect(to: .admin(.bookkeeping(.show(ReportQuery()))), flash: .saved)
        case .refused(let refusal):
            form.errors["through"] = s.lockRefusal(refusal)
            return try show(admin, forms: Forms(lock: form), status: .badRequest)
        }
    }

    static func unlock(_ admin: AdminContext) throws -> Response {
        let s = admin.strings.bookkeeping
        var form = FormState(values: admin.formValues(["through", "reason"]))
        var day: CalendarDate?
        if !form["through"].isEmpty {
            day = try? CalendarDate(iso: form["through"])
            if day == nil { form.errors["through"] = s.periodProblem(.notADate) }
        }
        if form.errors.isEmpty {
            switch try MoveBooksLock.unlock(
                try admin.connection(), to: day, reason: form["reason"], by: admin.user.id, actor: admin.actor)
            {
            case .unlocked: return admin.redirect(to: .admin(.bookkeeping(.show(ReportQuery()))), flash: .saved)
            case .refused(let refusal):
                form.errors[refusal == .notBack ? "through" : "reason"] = s.unlockRefusal(refusal)
            }
        }
        return try show(admin, forms: Forms(unlock: form), status: .badRequest)
    }

    /// Every key's account and name; all of it is checked before anything is stored.
    static func mapping(_ admin: AdminContext) throws -> Response {
        let s = admin.strings.bookkeeping
        var form = FormState(
            values: admin.formValues(
                BASMapping.Key.allCases.flatMap { [BookkeepingPage.accountField($0), BookkeepingPage.nameField($0)] }))
        var accounts: [BASMapping.Key: BASMapping.Account] = [:]
        for key in BASMapping.Key.allCases {
            switch BASMapping.read(
                key, number: form[BookkeepingPage.accountField(key)], name: form[BookkeepingPage.nameField(key)])
            {
            case .success(let account): accounts[key] = account
            case .failure(let failure):
                if let problem = failure.number {
                    form.errors[BookkeepingPage.accountField(key)] = s.mappingProblem(problem)
                }
                if let problem = failure.name {
                    form.errors[BookkeepingPage.nameField(key)] = s.mappingProblem(problem)
                }
            }
        }
        guard form.errors.isEmpty else { return try show(admin, forms: Forms(mapping: form), status: .badRequest) }
        _ = try BookkeepingStore.saveMapping(
            try admin.connection(), BASMapping(accounts), by: admin.user.id, actor: admin.actor)
        return admin.redirect(to: .admin(.bookkeeping(.show(ReportQuery()))), flash: .saved)
    }
}
