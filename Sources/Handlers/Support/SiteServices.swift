public import Logging
public import Templates
public import UseCases

/// What every thread's responder shares: read-only, built once by the composition root.
public struct SiteServices: Sendable {
    public var databaseURL: String
    public var assets: AssetCatalog
    /// The body limit, shown on the 413 page.
    public var maxBodyBytes: Int
    public var logger: Logger
    /// `EG_PUBLIC_URL` without a trailing slash: the address in links that leave the site
    /// (calendar feed URLs). Empty: use the request's Host.
    public var publicBaseURL: String
    /// The scheme, host and port of `EG_PUBLIC_URL` (`https://rental.example.se`), as a browser
    /// sends it in `Origin`. Changes are accepted only from this origin, never from whatever
    /// `Host` a request claims. Empty when no public URL is configured: then no origin matches.
    public var publicOrigin: String
    /// Documents rendered from frozen versions, shared by the threads.
    public let documents: DocumentCache
    /// DER root certificates the done page's seal check trusts (`EG_SEAL_TRUST` and `EG_TSA_TRUST`).
    public var sealTrust: [[UInt8]]
    /// `EG_UBL_VALIDATOR`: run on every document before it is issued.
    public var ublValidator: UBLValidator?

    public init(
        databaseURL: String, assets: AssetCatalog, maxBodyBytes: Int, logger: Logger, publicBaseURL: String = "",
        documents: DocumentCache = DocumentCache(), sealTrust: [[UInt8]] = [], ublValidator: UBLValidator? = nil
    ) {
        self.ublValidator = ublValidator
        self.documents = documents
        self.sealTrust = sealTrust
        self.databaseURL = databaseURL
        self.assets = assets
        self.maxBodyBytes = maxBodyBytes
        self.logger = logger
        var base = publicBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.publicBaseURL = base
        self.publicOrigin = Self.origin(of: base)
    }

    /// `scheme://host[:port]` of a URL, lowercased as browsers serialise an origin; "" when the
    /// text is not an absolute http(s) URL.
    static func origin(of url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return "" }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else { return "" }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@") else { return "" }
        var host = authority.lowercased()
        let defaultPort = scheme == "https" ? ":443" : ":80"
        if host.hasSuffix(defaultPort) { host.removeLast(defaultPort.count) }
        return scheme + "://" + host
    }
}
