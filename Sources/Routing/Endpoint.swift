public import Domain

/// Who may use a route. Staff routes need a live session and one of the listed roles; every
/// state-changing staff route also needs the session's CSRF token and a same-origin `Origin`.
public enum Access: Sendable, Equatable {
    /// No sign-in: public pages, the signing portal (its token is the credential), the feed, the sign-in form.
    case anyone
    /// A signed-in staff member with one of these roles.
    case staff(Set<StaffRole>)
    /// A customer signed in to the portal. No staff role opens it: the portal's session is its own.
    case customer

    public func allows(_ role: StaffRole) -> Bool {
        switch self {
        case .anyone: true
        case .staff(let roles): roles.contains(role)
        case .customer: false
        }
    }
}

extension Access {
    static let everyone = Access.staff(Set(StaffRole.allCases))
    static let adminOnly = Access.staff([.admin])
    /// Sales, prices, approvals, reports.
    static let management = Access.staff([.admin, .manager])
    /// Customers and messages.
    static let customerCare = Access.staff([.admin, .manager, .support])
    /// Reading quotations.
    static let quotationReaders = Access.staff([.admin, .manager, .support])
    /// Logistics and stock levels.
    static let logistics = Access.staff([.admin, .manager, .warehouse])
}

/// The methods a route answers to.
public enum Verb: Sendable, Hashable {
    /// A page: `GET`, and `HEAD` with the same answer.
    case get
    /// A change of state.
    case post

    func accepts(_ method: String) -> Bool {
        switch self {
        case .get: method == "GET" || method == "HEAD"
        case .post: method == "POST"
        }
    }

    /// The methods named in `Allow`.
    var allowed: [String] {
        switch self {
        case .get: ["GET", "HEAD"]
        case .post: ["POST"]
        }
    }
}

/// One segment of a route's path: fixed text, or a value the path carries.
public enum PathPart: Sendable, Hashable, ExpressibleByStringLiteral {
    /// Fixed text such as `customers`.
    case literal(String)
    /// A record number: parsed only when it is a positive number written canonically (`7`, not `07`).
    case id(Int64)
    /// Any text (a token, a file name), percent-encoded when printed; `suffix` is fixed text after it (`.ics`).
    case text(String, suffix: String = "")

    public init(stringLiteral value: String) { self = .literal(value) }

    /// The shape the parser matches: the literal itself, or a placeholder for a value.
    var shape: String {
        switch self {
        case .literal(let text): text
        case .id: "{id}"
        case .text(_, let suffix): "{text}" + suffix
        }
    }

    var printed: String {
        switch self {
        // Literals are ASCII words chosen here; the round-trip tests parse every one back.
        case .literal(let text): text
        case .id(let value): String(value)
        case .text(let text, let suffix): PercentEncoding.encodePathSegment(text) + suffix
        }
    }
}

/// What the parser found in a path for one endpoint's shape: the numbers and texts in order, and
/// the query parameters.
struct Captures {
    let ids: [Int64]
    let texts: [String]
    let query: (String) -> String?
}

/// Everything one route value declares in one place: the method it answers to, its path and query
/// (printed into links), the roles allowed to use it, and how to read it back from a matching path.
///
/// Each feature's route type builds its endpoints in one exhaustive `switch self`, so a new case
/// does not compile until it has all of these, and its parsing sits next to its printing.
public struct Endpoint<Value>: Sendable {
    public let verb: Verb
    public let parts: [PathPart]
    /// Query parameters; empty ones are dropped and the rest printed in key order.
    public let query: [String: String]
    public let access: Access
    let read: @Sendable (Captures) -> Value?

    init(
        _ verb: Verb, _ parts: [PathPart], query: [String: String] = [:], access: Access,
        read: @escaping @Sendable (Captures) -> Value?
    ) {
        self.verb = verb
        self.parts = parts
        self.query = query.isEmpty ? query : query.filter { !$0.value.isEmpty }
        self.access = access
        self.read = read
    }

    /// The same endpoint, read into an enclosing route (`CustomersRoute` into `AdminRoute`).
    func map<Outer>(_ wrap: @escaping @Sendable (Value) -> Outer) -> Endpoint<Outer> {
        let read = self.read
        return Endpoint<Outer>(verb, parts, query: query, access: access) { read($0).map(wrap) }
    }

    /// `METHOD /shape/{id}` — the key the parser's table is built on.
    var shape: String {
        let method =
            switch verb {
            case .get: "GET"
            case .post: "POST"
            }
        return method + " /" + parts.map(\.shape).joined(separator: "/")
    }

    /// The path and query, percent-encoded, for links, form actions and redirects.
    var printed: String { declaration.printed }

    /// What this endpoint declares, without its parser: what printing a link and checking a role
    /// need. Nested route types hand this up instead of lifting the parser through each level.
    var declaration: EndpointDeclaration {
        EndpointDeclaration(verb: verb, parts: parts, query: query, access: access)
    }

    /// Reads `segments` with this endpoint's shape, or nil when they do not fit it.
    func match(_ segments: [String], query: @escaping (String) -> String?) -> Value? {
        guard segments.count == parts.count else { return nil }
        var ids: [Int64] = []
        var texts: [String] = []
        for (part, segment) in zip(parts, segments) {
            switch part {
            case .literal(let text):
                guard segment == text else { return nil }
            case .id:
                guard let value = Int64(segment), value > 0, String(value) == segment else { return nil }
                ids.append(value)
            case .text(_, let suffix):
                guard segment.hasSuffix(suffix), segment.count > suffix.count else { return nil }
                texts.append(String(segment.dropLast(suffix.count)))
            }
        }
        return read(Captures(ids: ids, texts: texts, query: query))
    }
}

/// A feature's routes: every case declares its endpoint, and `samples` holds at least one value of
/// every case. The parser's table is built from the samples (see `Route.table`), so a case left
/// out of them cannot be reached at all: its links trap in debug builds and its pages answer 404.
/// The routing tests also compare each route type's declared cases (read from its source file)
/// with the cases its samples reach (read with `Mirror`), so a missing sample fails a test even
/// before anything links to it.
public protocol FeatureRoute: Hashable, Sendable {
    var endpoint: Endpoint<Self> { get }
    static var samples: [Self] { get }
}

/// A query parameter's text as an optional: absent and empty are the same.
func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
}

/// The typed query of a list or filter page. It prints back canonically: keys in order, empty
/// values dropped, so links look the same however the query was built. Empty text is no value:
/// the initialisers store it as nil, so a parsed query equals the one a page built.
public protocol RouteQuery: Hashable, Sendable {
    init(reading query: (String) -> String?)
    /// The parameters to print (empty values are dropped when printed).
    var items: [String: String] { get }
}

extension RouteQuery {
    /// True when no parameter has a value (the page is unfiltered).
    public var isEmpty: Bool { items.values.allSatisfy(\.isEmpty) }

    /// A copy with one parameter changed, for links such as "first page" (`query.with(\.after, nil)`).
    public func with<Value>(_ parameter: WritableKeyPath<Self, Value>, _ value: Value) -> Self {
        var copy = self
        copy[keyPath: parameter] = value
        return copy
    }
}

/// An endpoint's method, path, query and roles without its parser (see `Endpoint.declaration`).
struct EndpointDeclaration {
    let verb: Verb
    let parts: [PathPart]
    let query: [String: String]
    let access: Access

    /// The path and query, percent-encoded, for links, form actions and redirects.
    var printed: String {
        var out = parts.isEmpty ? "/" : ""
        out.reserveCapacity(64)
        for part in parts {
            out += "/"
            out += part.printed
        }
        guard !query.isEmpty else { return out }
        var separator = "?"
        for key in query.keys.sorted() {
            out += separator
            out += PercentEncoding.encodeQueryValue(key)
            out += "="
            out += PercentEncoding.encodeQueryValue(query[key] ?? "")
            separator = "&"
        }
        return out
    }
}
