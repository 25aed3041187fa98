public import Domain

/// Every page and endpoint of the product, parsed from method and path and printed back into
/// links. Handlers dispatch on it with an exhaustive `switch`, so a new route does not compile
/// until it is handled; templates link through it, never through literal URLs.
public enum Route: Hashable, Sendable {
    /// `/` — what the product is, with links for staff and for customers.
    case home
    /// `/healthz` — 200 `ok` when PostgreSQL answers, 503 otherwise.
    case health
    /// `/help/signing` — help for customers who received a signing link.
    case signingHelp
    /// `/admin/login` — the staff sign-in.
    case adminLogin
    /// `/language/{sv|en}?return=/path` — remembers the chosen language and goes back.
    case switchLanguage(Language, returnTo: LocalPath)
    /// `/sign/{token}` — the customer's agreement for a signing link.
    case signing(token: String)
    /// `POST /sign/{token}` — the customer signs.
    case signingSubmit(token: String)
    /// `/sign/{token}/done` — thanks, with the booking number.
    case signingDone(token: String)
    /// `POST /sign/{token}/decline` — the customer declines, with a reason.
    case signingDecline(token: String)
    /// `/sign/{token}/offer.pdf` — the offer as sent, unsigned, rendered on request.
    case signingOffer(token: String)
    /// `/sign/{token}/document.pdf` — the signed agreement once rendered.
    case signingDocument(token: String)
    /// `/static/{file}` — served by nginx; printed with a content fingerprint for long caching.
    case asset(String)
    /// `/_error/{status}` — nginx's internal redirect for errors it raises itself (413, 429),
    /// so they get the same friendly page in the user's language.
    case errorPage(status: Int)
}

/// The methods a route answers to.
public enum RouteMatch: Equatable, Sendable {
    case route(Route)
    case methodNotAllowed(allowed: [String])
    case notFound
}

extension Route {
    /// The path with secrets left out, for logs: a signing token is a password.
    public static func loggablePath(segments: [String]) -> String {
        if segments.first == "sign", segments.count >= 2 {
            return "/sign/[token]" + segments.dropFirst(2).map { "/" + $0 }.joined()
        }
        return "/" + segments.joined(separator: "/")
    }

    /// Finds the route for a decoded, normalised path. `query` gives the named query parameters.
    public static func match(method: String, segments: [String], query: (String) -> String? = { _ in nil }) -> RouteMatch {
        let readOnly = ["GET", "HEAD"]
        func get(_ route: Route) -> RouteMatch {
            readOnly.contains(method) ? .route(route) : .methodNotAllowed(allowed: readOnly)
        }
        switch segments.count {
        case 0:
            return get(.home)
        case 1:
            switch segments[0] {
            case "healthz": return get(.health)
            default: return .notFound
            }
        case 2:
            switch (segments[0], segments[1]) {
            case ("help", "signing"): return get(.signingHelp)
            case ("admin", "login"): return get(.adminLogin)
            case ("language", let code):
                guard let language = Language(rawValue: code) else { return .notFound }
                let back = query("return").flatMap(LocalPath.init(validating:)) ?? LocalPath.root
                return get(.switchLanguage(language, returnTo: back))
            case ("static", let file): return get(.asset(file))
            case ("sign", let token):
                return method == "POST" ? .route(.signingSubmit(token: token)) : get(.signing(token: token))
            case ("_error", let code):
                // nginx turns the method of an internally redirected request into GET, but a
                // HEAD stays HEAD; answer both, and anything else it might pass too.
                guard let status = Int(code), (400...599).contains(status) else { return .notFound }
                return .route(.errorPage(status: status))
            default: return .notFound
            }
        case 3 where segments[0] == "sign" && segments[2] == "done":
            return get(.signingDone(token: segments[1]))
        case 3 where segments[0] == "sign" && segments[2] == "decline":
            return method == "POST" ? .route(.signingDecline(token: segments[1])) : .methodNotAllowed(allowed: ["POST"])
        case 3 where segments[0] == "sign" && segments[2] == "offer.pdf":
            return get(.signingOffer(token: segments[1]))
        case 3 where segments[0] == "sign" && segments[2] == "document.pdf":
            return get(.signingDocument(token: segments[1]))
        default:
            return .notFound
        }
    }

    /// The path (and query) of this route, percent-encoded, for links and redirects.
    public var path: String {
        switch self {
        case .home: "/"
        case .health: "/healthz"
        case .signingHelp: "/help/signing"
        case .adminLogin: "/admin/login"
        case .switchLanguage(let language, let back):
            "/language/\(language.rawValue)?return=\(PercentEncoding.encodeQueryValue(back.value))"
        case .asset(let file): "/static/\(PercentEncoding.encodePathSegment(file))"
        case .signing(let token), .signingSubmit(let token): "/sign/\(PercentEncoding.encodePathSegment(token))"
        case .signingDone(let token): "/sign/\(PercentEncoding.encodePathSegment(token))/done"
        case .signingDecline(let token): "/sign/\(PercentEncoding.encodePathSegment(token))/decline"
        case .signingOffer(let token): "/sign/\(PercentEncoding.encodePathSegment(token))/offer.pdf"
        case .signingDocument(let token): "/sign/\(PercentEncoding.encodePathSegment(token))/document.pdf"
        case .errorPage(let status): "/_error/\(status)"
        }
    }
}
