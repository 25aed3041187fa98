import Database
import Domain
import Foundation
import HTTP
import Logging
import Passwords
import Routing
import Templates
import UseCases

/// `/portal/…`: the customer's own pages. The way in (asking for a link, using it) is open to
/// anyone; everything else goes through `PortalGate` and reads only the session's customer's
/// records, so another customer's record answers 404.
enum PortalHandler {
    /// The longest message a customer may write, in code points.
    static let replyLimit = 10_000

    static func handle(_ route: PortalRoute, context: Context) throws -> Response {
        switch route {
        case .signIn: return try signIn(form: FormState(), status: .ok, context: context)
        case .requestLink: return try requestLink(context)
        case .link(let token): return try link(token, context: context)
        case .consume(let token): return try consume(token, context: context)
        case .home, .resendSigningLink, .invoicePDF, .conversation, .reply, .task, .completeTask, .taskFile, .logout:
            switch try PortalGate.admit(.portal(route), context: context) {
            case .signIn: return .redirect(to: Route.portal(.signIn).path)
            case .customer(let portal): return try signedIn(route, portal)
            }
        }
    }

    /// The routes behind the session.
    private static func signedIn(_ route: PortalRoute, _ portal: PortalContext) throws -> Response {
        switch route {
        case .home: return try home(portal)
        case .resendSigningLink(let id): return try resend(QuotationID(rawValue: id), portal)
        case .invoicePDF(let id): return try invoicePDF(id, portal)
        case .conversation(let id): return try conversation(id, form: FormState(), status: .ok, portal)
        case .reply(let id): return try reply(id, portal)
        case .task(let id): return try task(TaskID(rawValue: id), values: [:], errors: [:], status: .ok, portal)
        case .completeTask(let id): return try completeTask(TaskID(rawValue: id), portal)
        case .taskFile(let id): return try taskFile(TaskFileID(rawValue: id), portal)
        case .logout: return try logout(portal)
        case .signIn, .requestLink, .link, .consume: throw HTTPError(.notFound)
        }
    }

    // MARK: The way in

    private static func signIn(form: FormState, status: HTTPStatus, context: Context) throws -> Response {
        if try PortalGate.currentSession(context) != nil, context.request.method == "GET" {
            return .redirect(to: Route.portal(.home).path)
        }
        let (token, header) = formToken(context)
        let flash = context.request.cookies[PortalCookies.flash].flatMap(PortalFlash.init(rawValue:))
        var response = Response.html(
            PortalPages.signIn(form: form, csrf: token, flash: flash, context: try page(context)), status: status)
        response.headers.append(contentsOf: header)
        if flash != nil { response.headers.append(PortalCookies.clear(PortalCookies.flash)) }
        return response
    }

    /// "Send me a link": the same page whatever the address, unless the address is not one.
    private static func requestLink(_ context: Context) throws -> Response {
        try PortalGate.checkVisitorChange(context: context)
        let email = (context.request.form["email"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard email.lengthForLimits <= 320, EmailAddressRule.isValid(email) else {
            let form = FormState(values: ["email": email], errors: ["email": context.strings.portal.errorEmail])
            return try signIn(form: form, status: .badRequest, context: context)
        }
        let decision = try RequestPortalLink.run(
            try context.database.connection(), email: email, ip: context.request.clientAddress,
            requestID: context.request.requestID)
        // The decision stays in the log (without the address); the visitor sees one page for all.
        context.logger.info("portal link requested", metadata: ["decision": "\(decision)"])
        return .html(PortalPages.checkEmail(context: try page(context)))
    }

    /// The emailed link: a page with a button. Fetching it changes nothing.
    private static func link(_ token: String, context: Context) throws -> Response {
        let live =
            try token.count == 43
            && PortalStore.isLive(
                try context.database.connection(), tokenHash: SigningLinkToken.hash(ofPresented: token))
        let (csrf, header) = formToken(context)
        var response = Response.html(
            PortalPages.link(token: token, live: live, csrf: csrf, context: try page(context)),
            status: live ? .ok : .notFound)
        response.headers.append(contentsOf: header)
        response.headers.append(("Cache-Control", "no-store"))
        return response
    }

    /// The button: uses the link and starts the session (a new cookie, whatever came with the
    /// request). A second press of the same button finds the link used and shows that page.
    private static func consume(_ token: String, context: Context) throws -> Response {
        try PortalGate.checkVisitorChange(context: context)
        let request = context.request
        guard token.count == 43,
            let session = try SignInWithPortalLink.run(
                try context.database.connection(), token: token, ip: request.clientAddress,
                userAgent: request.headers["user-agent"], requestID: request.requestID)
        else {
            return try link(token, context: context)
        }
        var response = Response.redirect(to: Route.portal(.home).path)
        response.headers.append(
            PortalCookies.set(PortalCookies.session, session, maxAge: Int(PortalRules.sessionAbsoluteTimeout)))
        return response
    }

    // MARK: Signed in

    private static func home(_ portal: PortalContext) throws -> Response {
        let db = try portal.connection()
        let home = try PortalStore.home(db, customer: portal.customerID)
        let tasks = try TaskStore.assignedToCustomer(db, portal.customerID)
        let flash = portal.request.cookies[PortalCookies.flash].flatMap(PortalFlash.init(rawValue:))
        var response = Response.html(
            PortalPages.home(
                home, tasks: tasks, customerName: portal.session.customerName, csrf: portal.session.csrfToken,
                flash: flash,
                today: BusinessCalendar.today(), context: try page(portal.base)))
        if flash != nil { response.headers.append(PortalCookies.clear(PortalCookies.flash)) }
        response.headers.append(("Cache-Control", "private, no-store"))
        return response
    }

    /// A new signing link by email, for the customer's own sent quotation (`ResendSigningLink`).
    private static func resend(_ id: QuotationID, _ portal: PortalContext) throws -> Response {
        let db = try portal.connection()
        guard try PortalStore.ownsQuotation(db, customer: portal.customerID, id: id) else {
            throw HTTPError(.notFound)
        }
        let outcome = try ResendSigningLink.run(db, id: id, actor: portal.actor)
        let flash: PortalFlash
        switch outcome {
        case .resent: flash = .resent
        case .notFound: throw HTTPError(.notFound)
        case .notResendable, .linkExpired, .customerHasNoEmail, .recipientChangeNeedsReason: flash = .notResendable
        }
        return redirect(to: .home, flash: flash)
    }

    private static func invoicePDF(_ id: Int64, _ portal: PortalContext) throws -> Response {
        guard let invoice = try PortalStore.invoicePDF(try portal.connection(), customer: portal.customerID, id: id)
        else { throw HTTPError(.notFound) }
        return Response(
            status: .ok,
            headers: [
                ("Content-Type", "application/pdf"),
                ("Content-Disposition", "inline; filename=\"\(invoice.number).pdf\""),
                ("Cache-Control", "private, no-store"),
            ],
            body: invoice.pdf)
    }

    private static func conversation(
        _ id: Int64, form: FormState, status: HTTPStatus, _ portal: PortalContext
    ) throws -> Response {
        guard
            let detail = try PortalStore.conversation(try portal.connection(), customer: portal.customerID, id: id)
        else { throw HTTPError(.notFound) }
        let flash = portal.request.cookies[PortalCookies.flash].flatMap(PortalFlash.init(rawValue:))
        var response = Response.html(
            PortalPages.conversation(
                detail, customerName: portal.session.customerName, form: form, csrf: portal.session.csrfToken,
                flash: flash, context: try page(portal.base)),
            status: status)
        if flash != nil { response.headers.append(PortalCookies.clear(PortalCookies.flash)) }
        response.headers.append(("Cache-Control", "private, no-store"))
        return response
    }

    /// The customer's message, stored in their conversation as a received reply.
    private static func reply(_ id: Int64, _ portal: PortalContext) throws -> Response {
        let s = portal.strings.portal
        let text = (portal.request.form["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var form = FormState(values: ["text": text])
        if text.isEmpty {
            form.errors["text"] = s.errorReplyEmpty
        } else if text.lengthForLimits > replyLimit {
            form.errors["text"] = s.errorReplyTooLong(replyLimit)
        }
        guard form.errors.isEmpty else { return try conversation(id, form: form, status: .badRequest, portal) }
        let host = URL(string: portal.base.publicBaseURL)?.host ?? "localhost"
        guard
            try PortalStore.postMessage(
                try portal.connection(), customer: portal.customerID, conversation: id, text: text,
                messageID: "portal.\(SecureRandom.token())@\(host)", actor: portal.actor) != nil
        else { throw HTTPError(.notFound) }
        return redirect(to: .conversation(id), flash: .replySent)
    }

    // MARK: Tasks

    /// The task, when it is this customer's (given to them); anyone else's answers 404.
    private static func ownTask(_ id: TaskID, _ db: Connection, _ portal: PortalContext) throws -> TaskDetail {
        guard let task = try TaskStore.task(db, id), task.summary.assignee == .customer(portal.customerID),
            task.summary.state != .cancelled
        else { throw HTTPError(.notFound) }
        return task
    }

    private static func task(
        _ id: TaskID, values: [String: [String]], errors: [String: String], notice: String? = nil,
        status: HTTPStatus, _ portal: PortalContext
    ) throws -> Response {
        let task = try ownTask(id, try portal.connection(), portal)
        var response = Response.html(
            PortalTaskPages.task(
                task, customerName: portal.session.customerName, values: values, errors: errors, notice: notice,
                csrf: portal.session.csrfToken, context: try page(portal.base)),
            status: status)
        response.headers.append(("Cache-Control", "private, no-store"))
        return response
    }

    /// The customer's answers and files, checked against the task's form version and stored with the
    /// task completed in one transaction (`CompleteTask`, which also moves a flow on).
    private static func completeTask(_ id: TaskID, _ portal: PortalContext) throws -> Response {
        let (submitted, uploads) = TaskSubmission.read(portal.request)
        let db = try portal.connection()
        _ = try ownTask(id, db, portal)
        let outcome = try CompleteTask.run(
            db, id, submitted: submitted, uploads: uploads, actor: portal.actor, customer: portal.customerID,
            mayComplete: { $0.summary.assignee == .customer(portal.customerID) })
        switch outcome {
        case .done: return redirect(to: .home, flash: .taskDone)
        case .refused(let problems):
            var errors: [String: String] = [:]
            for problem in problems { errors[problem.field] = problem.message(portal.strings.language) }
            return try task(id, values: submitted, errors: errors, status: .unprocessableContent, portal)
        case .notOpen:
            return try task(
                id, values: [:], errors: [:], notice: portal.strings.portal.taskNotOpen, status: .conflict, portal)
        case .notFound: throw HTTPError(.notFound)
        }
    }

    /// A file of one of the customer's own tasks, as an attachment (never shown inline).
    private static func taskFile(_ id: TaskFileID, _ portal: PortalContext) throws -> Response {
        let db = try portal.connection()
        guard let file = try TaskStore.file(db, id) else { throw HTTPError(.notFound) }
        _ = try ownTask(file.task, db, portal)
        return TaskSubmission.download(file.info, file.content)
    }

    private static func logout(_ portal: PortalContext) throws -> Response {
        try PortalSessionStore.revoke(try portal.connection(), portal.session, actor: portal.actor)
        var response = redirect(to: .signIn, flash: .signedOut)
        response.headers.append(PortalCookies.clear(PortalCookies.session))
        return response
    }

    // MARK: Helpers

    private static func redirect(to route: PortalRoute, flash: PortalFlash) -> Response {
        var response = Response.redirect(to: Route.portal(route).path)
        response.headers.append(PortalCookies.set(PortalCookies.flash, flash.rawValue, maxAge: 60))
        return response
    }

    /// The visitor forms' token: the cookie's when it has one, else a new one and its cookie.
    private static func formToken(_ context: Context) -> (String, [(name: String, value: String)]) {
        if let existing = context.request.cookies[PortalCookies.form], existing.count == 43 { return (existing, []) }
        let token = SecureRandom.token()
        return (token, [PortalCookies.set(PortalCookies.form, token)])
    }

    private static func page(_ context: Context) throws -> PageContext {
        context.pageContext(company: try CompanyStore.profile(context.database.connection()))
    }
}
