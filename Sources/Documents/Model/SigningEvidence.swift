/// What was recorded when the customer signed, printed as the evidence block. The method (drawn or
/// typed) comes from `AgreementDocument.signature`, so the two cannot disagree.
public struct SigningEvidence: Sendable, Equatable {
    public var signerName: String
    public var signerEmail: String
    /// The signing time in Europe/Stockholm with the zone named, as the staff pages show it
    /// (`DisplayFormat.dateTime`, e.g. "2026-06-01 14:03 (Europe/Stockholm)").
    public var signedAtStockholm: String
    /// The same instant in UTC, e.g. "2026-06-01 12:03:12 UTC".
    public var signedAtUTC: String
    public var ipAddress: String
    public var userAgent: String
    /// The SHA-256 (hex) of the quotation version's canonical snapshot that was signed.
    public var versionSHA256: String
    /// The signing link's ID (never its token).
    public var linkID: String
    /// The address the signed link was sent to, frozen with the send.
    public var sentTo: String
    /// Each time a link went to another address than before (finding M5), one line each: when,
    /// from, to, who and why. Empty when the address never changed.
    public var recipientChanges: [String]

    public init(
        signerName: String, signerEmail: String, signedAtStockholm: String, signedAtUTC: String, ipAddress: String,
        userAgent: String, versionSHA256: String, linkID: String, sentTo: String = "", recipientChanges: [String] = []
    ) {
        self.sentTo = sentTo
        self.recipientChanges = recipientChanges
        self.signerName = signerName
        self.signerEmail = signerEmail
        self.signedAtStockholm = signedAtStockholm
        self.signedAtUTC = signedAtUTC
        self.ipAddress = ipAddress
        self.userAgent = userAgent
        self.versionSHA256 = versionSHA256
        self.linkID = linkID
    }
}
