/// Every page and endpoint of the product, parsed from method and path and printed back into
/// links. Each area nests its features' route types, and each feature declares its cases' paths,
/// methods and roles in its own file. Handlers dispatch on it with exhaustive `switch`es, one per
/// level, so a new route does not compile until it is handled; templates link through it, never
/// through literal URLs.
public enum Route: Hashable, Sendable {
    /// Public pages: home, health, help, language switch, assets, error pages, the logo.
    case site(SiteRoute)
    /// The customer's signing portal; its token is the credential.
    case signing(SigningRoute)
    /// `/portal/…`: the customer portal, behind its own sign-in and session.
    case portal(PortalRoute)
    /// Feeds read by programs (calendar subscriptions); their token is the credential.
    case feeds(FeedRoute)
    /// Incoming hooks that programs post to; their token and signature are the credential.
    case hooks(HookRoute)
    /// `/admin/…`: the staff side.
    case admin(AdminRoute)
}

/// What the parser found for a method and path.
public enum RouteMatch: Equatable, Sendable {
    case route(Route)
    case methodNotAllowed(allowed: [String])
    case notFound
}

extension Route: FeatureRoute {
    public var endpoint: Endpoint<Route> {
        switch self {
        case .site(let route): route.endpoint.map(Route.site)
        case .signing(let route): route.endpoint.map(Route.signing)
        case .portal(let route): route.endpoint.map(Route.portal)
        case .feeds(let route): route.endpoint.map(Route.feeds)
        case .hooks(let route): route.endpoint.map(Route.hooks)
        case .admin(let route): route.endpoint.map(Route.admin)
        }
    }

    /// Every feature's samples: at least one value of every case of every route type.
    public static var samples: [Route] {
        SiteRoute.samples.map(Route.site) + SigningRoute.samples.map(Route.signing)
            + PortalRoute.samples.map(Route.portal) + FeedRoute.samples.map(Route.feeds)
            + HookRoute.samples.map(Route.hooks) + AdminRoute.samples.map(Route.admin)
    }

    /// The parser's table: one endpoint per method and path shape, from the samples. A case that
    /// has no sample is not in it, so it cannot be reached (and printing its path traps in debug
    /// builds), which the tests notice; the round-trip test proves each sample reads back to itself.
    static let table: [Endpoint<Route>] = {
        var seen: Set<String> = []
        return samples.map(\.endpoint).filter { seen.insert($0.shape).inserted }
    }()

    private static let shapes: Set<String> = Set(table.map(\.shape))

    /// The path (and query) of this route, percent-encoded, for links, form actions and redirects.
    public var path: String {
        assert(Self.shapes.contains(endpoint.shape), "\(endpoint.shape) has no sample, so it cannot be parsed")
        return declaration.printed
    }

    /// The HTTP method the route answers to: `POST` for every change of state, `GET` otherwise.
    public var method: String { declaration.verb == .post ? "POST" : "GET" }

    /// The roles matrix (the README's table says the same in words).
    public var access: Access { declaration.access }

    /// The endpoint without lifting each level's parser (what `endpoint` does for the parser's
    /// table): links and role checks run on every row of a list, the table is built once.
    var declaration: EndpointDeclaration {
        switch self {
        case .site(let route): route.endpoint.declaration
        case .signing(let route): route.endpoint.declaration
        case .portal(let route): route.endpoint.declaration
        case .feeds(let route): route.endpoint.declaration
        case .hooks(let route): route.endpoint.declaration
        case .admin(let route): route.declaration
        }
    }

    /// A staff route that changes state: it needs the CSRF token and a same-origin request.
    public var isStaffChange: Bool {
        if case .staff = access { return method == "POST" }
        return false
    }

    /// A customer route that changes state: it needs the portal session's CSRF token and a
    /// same-origin request.
    public var isCustomerChange: Bool { access == .customer && method == "POST" }

    /// Finds the route for a decoded, normalised path. `query` gives the named query parameters.
    /// A path that exists answers its own methods; any other method gets 405 with `Allow`.
    public static func match(
        method: String, segments: [String], query: (String) -> String? = { _ in nil }
    ) -> RouteMatch {
        withoutActuallyEscaping(query) { query in
            var allowed: [String] = []
            for endpoint in table where endpoint.parts.count == segments.count {
                guard let route = endpoint.match(segments, query: query) else { continue }
                if endpoint.verb.accepts(method) { return .route(route) }
                allowed += endpoint.verb.allowed.filter { !allowed.contains($0) }
            }
            guard !allowed.isEmpty else { return .notFound }
            return .methodNotAllowed(allowed: ["GET", "HEAD", "POST"].filter(allowed.contains))
        }
    }

    /// The path with secrets left out, for logs: signing, portal sign-in, calendar and hook tokens
    /// are passwords.
    public static func loggablePath(segments: [String]) -> String {
        if segments.first == "portal", segments.count >= 3, segments[1] == "login" {
            return "/portal/login/[token]" + segments.dropFirst(3).map { "/" + $0 }.joined()
        }
        if segments.first == "sign", segments.count >= 2 {
            return "/sign/[token]" + segments.dropFirst(2).map { "/" + $0 }.joined()
        }
        if segments.first == "calendar", segments.count == 2 {
            return "/calendar/[token]"
        }
        if segments.first == "hooks", segments.count >= 2 {
            return "/hooks/[token]" + segments.dropFirst(2).map { "/" + $0 }.joined()
        }
        return "/" + segments.joined(separator: "/")
    }
}
