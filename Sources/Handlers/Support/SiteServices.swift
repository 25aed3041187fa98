public import Logging
public import Templates

/// What every thread's responder shares: read-only, built once by the composition root.
public struct SiteServices: Sendable {
    public var databaseURL: String
    public var assets: AssetCatalog
    /// The body limit, shown on the 413 page.
    public var maxBodyBytes: Int
    public var logger: Logger

    public init(databaseURL: String, assets: AssetCatalog, maxBodyBytes: Int, logger: Logger) {
        self.databaseURL = databaseURL
        self.assets = assets
        self.maxBodyBytes = maxBodyBytes
        self.logger = logger
    }
}
