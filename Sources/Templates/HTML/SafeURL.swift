public import Routing
import Sanitizer

/// A URL that may be written into `href`, `src` or `action`: a route of this site, a
/// fingerprinted static asset, or an outside URL that passed the sanitiser's URL policy
/// (http, https, mailto; never `javascript:` or `data:`).
public struct SafeURL: Sendable, Hashable {
    let value: String

    public init(_ route: Route) { value = route.path }

    /// A route's path printed earlier (`route.path`, kept because it never changes).
    init(printed route: Route, path: String) {
        assert(path == route.path, "the path was printed from another route")
        value = path
    }

    /// A URL this program built itself from its configured public address (a signing link in an
    /// email); never one that came from input.
    init(unchecked url: String) { value = url }

    /// An in-page anchor such as `#main`.
    init(fragment: StaticString) { value = "#" + fragment.description }

    /// A link given by a person (a company website); `nil` when the scheme is not allowed.
    public init?(checking candidate: String) {
        guard URLPolicy.isAllowedLink(candidate) else { return nil }
        value = candidate
    }

    /// `mailto:` for an address, with the characters that would end the address encoded.
    public init(mailto address: String) {
        value = "mailto:" + PercentEncoding.encodeMailAddress(address)
    }

    /// A static file under `/static/`, with the fingerprint that lets nginx cache it for a year.
    init(asset name: String, catalog: AssetCatalog) {
        value = Route.site(.asset(name)).path + (catalog.fingerprint(of: name).map { "?v=\($0)" } ?? "")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
