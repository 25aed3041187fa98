public import Domain

/// The public pages that belong to no feature: what the product is, health, help, assets.
public enum SiteRoute: Hashable, Sendable {
    /// `/` — what the product is, with links for staff and for customers.
    case home
    /// `/healthz` — 200 `ok` when PostgreSQL answers, 503 otherwise.
    case health
    /// `/help/signing` — help for customers who received a signing link.
    case signingHelp
    /// `/language/{sv|en}?return=/path` — remembers the chosen language and goes back.
    case switchLanguage(Language, returnTo: LocalPath)
    /// `/static/{file}` — served by nginx; printed with a content fingerprint for long caching.
    case asset(String)
    /// `/logo` — the company logo (public: the signing page and emails show it).
    case companyLogo
}

extension SiteRoute: FeatureRoute {
    public var endpoint: Endpoint<SiteRoute> {
        switch self {
        case .home:
            Endpoint(.get, [], access: .anyone) { _ in .home }
        case .health:
            Endpoint(.get, ["healthz"], access: .anyone) { _ in .health }
        case .signingHelp:
            Endpoint(.get, ["help", "signing"], access: .anyone) { _ in .signingHelp }
        case .switchLanguage(let language, let back):
            Endpoint(.get, ["language", .text(language.rawValue)], query: ["return": back.value], access: .anyone) {
                c in
                guard let language = Language(rawValue: c.texts[0]) else { return nil }
                return .switchLanguage(
                    language, returnTo: c.query("return").flatMap(LocalPath.init(validating:)) ?? .root)
            }
        case .asset(let file):
            Endpoint(.get, ["static", .text(file)], access: .anyone) { c in .asset(c.texts[0]) }
        case .companyLogo:
            Endpoint(.get, ["logo"], access: .anyone) { _ in .companyLogo }
        }
    }

    public static let samples: [SiteRoute] = [
        .home, .health, .signingHelp, .switchLanguage(.en, returnTo: .root), .asset("app.css"), .companyLogo,
    ]
}
