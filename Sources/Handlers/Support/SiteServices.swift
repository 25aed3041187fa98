public import Logging
public import Templates

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
    /// Documents rendered from frozen versions, shared by the threads.
    public let documents: DocumentCache

    public init(
        databaseURL: String, assets: AssetCatalog, maxBodyBytes: Int, logger: Logger, publicBaseURL: String = "",
        documents: DocumentCache = DocumentCache()
    ) {
        self.documents = documents
        self.databaseURL = databaseURL
        self.assets = assets
        self.maxBodyBytes = maxBodyBytes
        self.logger = logger
        var base = publicBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.publicBaseURL = base
    }
}
