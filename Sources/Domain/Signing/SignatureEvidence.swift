public import struct Foundation.Date

/// The evidence recorded when the customer signed, in the same transaction as the signature: what
/// the version page shows staff.
public struct SignatureEvidence: Sendable, Equatable {
    public let signerName: String
    public let signerEmail: String?
    /// `drawn` or `typed`.
    public let method: String
    /// The name as typed, for a typed signature.
    public let typedText: String?
    /// Strokes of a drawn signature (0 for typed).
    public let strokeCount: Int
    public let ip: String?
    public let userAgent: String?
    public let signedAt: Date
    /// Lower-case hex SHA-256 of the document signed (equals the version's snapshot hash).
    public let documentSHA256: String

    public init(
        signerName: String, signerEmail: String?, method: String, typedText: String?, strokeCount: Int, ip: String?,
        userAgent: String?, signedAt: Date, documentSHA256: String
    ) {
        self.signerName = signerName
        self.signerEmail = signerEmail
        self.method = method
        self.typedText = typedText
        self.strokeCount = strokeCount
        self.ip = ip
        self.userAgent = userAgent
        self.signedAt = signedAt
        self.documentSHA256 = documentSHA256
    }
}
