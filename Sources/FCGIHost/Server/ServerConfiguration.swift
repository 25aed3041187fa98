public import HTTP

/// How the FastCGI host runs. Built by the executable from the environment.
public struct ServerConfiguration: Sendable {
    public var listen: ListenAddress
    /// Permissions of a unix socket, so that nginx's user can connect (e.g. `0o660` with a shared group).
    public var socketMode: UInt16
    /// Worker threads; each holds one FastCGI request and one database connection.
    public var threads: Int
    public var limits: RequestLimits
    /// How long in-flight requests may take to finish after SIGTERM before the process exits anyway.
    public var shutdownTimeoutSeconds: Double
    public var backlog: Int32
    /// Who may connect over TCP; nil for a unix socket (its permissions decide) or to admit anyone
    /// (only ever loopback: the composition root refuses a reachable port without a list).
    public var allowedPeers: PeerAllowList?
    /// How long one read from a connection may wait (the parameters, then each piece of the
    /// body), and the most the whole body may take: a peer that stalls releases its thread.
    public var readTimeoutSeconds: Double

    public init(
        listen: ListenAddress, socketMode: UInt16 = 0o660, threads: Int, limits: RequestLimits = RequestLimits(),
        shutdownTimeoutSeconds: Double = 10, backlog: Int32 = 1024, allowedPeers: PeerAllowList? = nil,
        readTimeoutSeconds: Double = 10
    ) {
        self.allowedPeers = allowedPeers
        self.readTimeoutSeconds = readTimeoutSeconds
        self.listen = listen
        self.socketMode = socketMode
        self.threads = threads
        self.limits = limits
        self.shutdownTimeoutSeconds = shutdownTimeoutSeconds
        self.backlog = backlog
    }
}
