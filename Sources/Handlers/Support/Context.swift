import Database
public import Domain
public import HTTP
public import Logging
import Routing
public import Templates

/// Everything a handler needs besides the request: typed, not a bag. Made per request by the
/// thread's `SiteResponder`; the connection belongs to that thread and must not escape it.
public struct Context {
    public let request: Request
    public let language: Language
    public let services: SiteServices
    public var logger: Logger
    /// This thread's database. Handlers take its connection for stores; they never keep it.
    public let database: DatabaseSession
    /// This thread's caches of immutable data.
    public let caches: ThreadCaches

    /// The site's public address for absolute links: `EG_PUBLIC_URL`, or this request's host.
    public var publicBaseURL: String {
        services.publicBaseURL.isEmpty ? "https://\(request.headers["host"] ?? "localhost")" : services.publicBaseURL
    }

    /// The strings of the request's language.
    public var strings: Strings { Strings(language) }

    /// The page context for templates, with the company read from the settings row.
    /// When the database cannot be read it falls back to a neutral profile, so error pages still render.
    public func pageContext(company: CompanyProfile) -> PageContext {
        PageContext(
            language: language,
            currentPath: LocalPath(validating: request.path) ?? .root,
            assets: services.assets,
            company: company)
    }
}

extension Request {
    /// The language for this request: the remembered choice, then the browser's preference, then Swedish.
    var preferredLanguage: Language {
        if let chosen = cookies[LanguageCookie.name].flatMap(Language.init(rawValue:)) { return chosen }
        return Language.negotiate(acceptLanguage: headers["accept-language"]) ?? .default
    }
}

/// The cookie that remembers the language switch.
enum LanguageCookie {
    static let name = "lang"

    static func header(for language: Language) -> (name: String, value: String) {
        ("Set-Cookie", "\(name)=\(language.rawValue); Path=/; Max-Age=31536000; Secure; HttpOnly; SameSite=Lax")
    }
}
