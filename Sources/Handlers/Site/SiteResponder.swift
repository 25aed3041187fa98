import Database
import Domain
import Foundation
public import HTTP
import Logging
import Routing
import Templates

/// The responder of one FastCGI thread: owns that thread's PostgreSQL connection, routes each
/// request, and turns every error into a page. It never throws and never traps on bad input.
public final class SiteResponder: RequestResponder {
    let services: SiteServices
    let database: DatabaseSession
    let caches = ThreadCaches()
    /// PostgreSQL round trips the last request made (for its log line: `db=`).
    private var lastRoundTrips = 0

    /// Made on the thread that will use it. A database that is down now is not fatal: the
    /// connection is retried on each request, which answers 503 until PostgreSQL is back.
    public init(services: SiteServices) {
        self.services = services
        self.database = DatabaseSession(url: services.databaseURL, logger: services.logger)
        _ = try? database.connection()
    }

    public func respond(to request: Request) -> Response {
        let roundTripsBefore = database.roundTrips
        defer {
            let now = database.roundTrips
            lastRoundTrips = now >= roundTripsBefore ? now - roundTripsBefore : now
        }
        var logger = services.logger
        logger[metadataKey: "request_id"] = "\(request.requestID)"
        let context = Context(
            request: request, language: request.preferredLanguage, services: services, logger: logger,
            database: database, caches: caches)

        if let problem = request.problem {
            return problemPage(problem, context: context)
        }
        do {
            if let canonical = Self.canonicalLocation(of: request) {
                // One path per page: nginx's per-location limits (the sign-in's, say) match the
                // canonical one, so another spelling must not reach a handler. Reads are sent on.
                guard request.method == "GET" || request.method == "HEAD" else { throw HTTPError(.notFound) }
                return Response(
                    status: .permanentRedirect, headers: [("Location", canonical), ("Cache-Control", "no-store")])
            }
            switch Route.match(method: request.method, segments: request.segments, query: { request.query[$0] }) {
            case .route(let route):
                return try handle(route, context: context)
            case .notFound:
                throw HTTPError(.notFound)
            case .methodNotAllowed(let allowed):
                throw HTTPError(.methodNotAllowed, extraHeaders: [("Allow", allowed.joined(separator: ", "))])
            }
        } catch let error as HTTPError {
            return errorPage(error.status, reason: error.reason, headers: error.extraHeaders, context: context)
        } catch let error as BooksLocked {
            // Issuing or paying on a day of an exported, locked period (the use case's check):
            // nothing was stored; the page says which days are locked.
            return errorPage(.conflict, reason: context.strings.bookkeeping.locked(error), context: context)
        } catch let error as DatabaseError where error.isLengthLimit {
            // A form let through what the database's own limit refuses (migration 0008): nothing
            // was stored (the statement's transaction rolled back); the sender hears why.
            logger.warning("text over the database's length limit", metadata: ["error": "\(error)"])
            return errorPage(.badRequest, reason: context.strings.reasonTextTooLong, context: context)
        } catch let error as DatabaseError where error.isConnectionProblem {
            logger.warning("database unavailable", metadata: ["error": "\(error)"])
            return errorPage(.serviceUnavailable, headers: [("Retry-After", "5")], context: context)
        } catch {
            // Details go to the log with the request ID; the page shows only the ID.
            logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return errorPage(.internalServerError, context: context)
        }
    }

    public func close() {
        database.close()
    }

    /// Where a request for a non-canonical spelling of a path belongs (the same path without its
    /// trailing slash, with its query), or nil when the request's path is already canonical.
    static func canonicalLocation(of request: Request) -> String? {
        let target = Substring(request.rawTarget)
        let questionMark = target.firstIndex(of: "?")
        let rawPath = target[..<(questionMark ?? target.endIndex)]
        guard rawPath.count > 1, rawPath.hasSuffix("/") else { return nil }
        let path = "/" + request.segments.map(PercentEncoding.encodePathSegment).joined(separator: "/")
        return path + (questionMark.map { String(target[$0...]) } ?? "")
    }

    public func logFields(for request: Request) -> [(name: String, value: String)] {
        [("db", String(lastRoundTrips))]
    }

    public func loggablePath(for request: Request) -> String {
        Route.loggablePath(segments: request.segments)
    }

    /// The exhaustive dispatch by area: a new route does not compile until its feature handles it.
    /// The staff side goes through `AdminRouter`, which runs `StaffGate` first.
    private func handle(_ route: Route, context: Context) throws -> Response {
        switch route {
        case .site(let route): return try site(route, context: context)
        case .signing(let route): return try SigningHandler.handle(route, context: context)
        case .portal(let route): return try PortalHandler.handle(route, context: context)
        case .feeds(let route): return try CalendarFeedHandler.handle(route, context: context)
        case .hooks(let route): return try IncomingHookHandler.handle(route, context: context)
        case .admin(let route): return try AdminRouter.handle(route, context: context)
        }
    }

    private func site(_ route: SiteRoute, context: Context) throws -> Response {
        switch route {
        case .home:
            return .html(
                HomePage.render(context.pageContext(company: try CompanyStore.profile(context.database.connection()))))
        case .health:
            return HealthHandler.check(context)
        case .signingHelp:
            return .html(
                SigningHelpPage.render(
                    context.pageContext(company: try CompanyStore.profile(context.database.connection()))))
        case .companyLogo:
            return try CompanyLogoHandler.serve(context)
        case .switchLanguage(let language, let back):
            var response = Response.redirect(to: back.value)
            response.headers.append(LanguageCookie.header(for: language))
            return response
        case .asset:
            // nginx serves /static/ itself; reaching the responder means the file does not exist.
            throw HTTPError(.notFound)
        }
    }

    private func problemPage(_ problem: RequestProblem, context: Context) -> Response {
        let s = context.strings
        switch problem {
        case .payloadTooLarge(let limit):
            return errorPage(.payloadTooLarge, reason: s.reasonTooLarge(limitBytes: limit), context: context)
        case .badRequest(let reason):
            return errorPage(.badRequest, reason: BadRequestText.describe(reason, strings: s), context: context)
        }
    }

    /// The friendly page in the layout. The company comes from the database when it answers,
    /// otherwise from the neutral fallback, so this never fails.
    private func errorPage(
        _ status: HTTPStatus, reason: String? = nil, headers: [(name: String, value: String)] = [], context: Context
    ) -> Response {
        let company = status == .serviceUnavailable ? nil : try? CompanyStore.profile(context.database.connection())
        var response = Response.html(
            ErrorPage.render(
                status: status.code, reason: reason, requestID: context.request.requestID,
                context: context.pageContext(company: company ?? .fallback)),
            status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}
