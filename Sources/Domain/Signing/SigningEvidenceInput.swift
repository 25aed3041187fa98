/// The evidence recorded with a signature or a decline.
public struct SigningEvidenceInput: Sendable, Equatable {
    public var signerName: String
    public var signerEmail: String?
    /// The client address as nginx passes it; empty or nil when unknown.
    public var ipAddress: String?
    public var userAgent: String?

    public init(signerName: String, signerEmail: String? = nil, ipAddress: String? = nil, userAgent: String? = nil) {
        self.signerName = signerName
        self.signerEmail = signerEmail
        self.ipAddress = ipAddress
        self.userAgent = userAgent
    }
}
