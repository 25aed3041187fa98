public import Domain

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
    /// The agreement's history for the audit certificate page, oldest first.
    public var auditTrail: [AuditEntry]

    /// One event of the audit certificate: its time in Europe/Stockholm with the zone's
    /// abbreviation ("2026-06-01 14:03:12 CEST") and in UTC, what happened, and from where.
    public struct AuditEntry: Sendable, Equatable {
        public var stockholm: String
        public var utc: String
        public var event: String
        public var ip: String

        public init(stockholm: String, utc: String, event: String, ip: String) {
            self.stockholm = stockholm
            self.utc = utc
            self.event = event
            self.ip = ip
        }
    }

    public init(
        signerName: String, signerEmail: String, signedAtStockholm: String, signedAtUTC: String, ipAddress: String,
        userAgent: String, versionSHA256: String, linkID: String, sentTo: String = "", recipientChanges: [String] = [],
        auditTrail: [AuditEntry] = []
    ) {
        self.auditTrail = auditTrail
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

extension SigningEvidence.AuditEntry {
    /// What an event of the audit log means, in the agreement's language: `action` as the log
    /// stores it, with the address a link went to, the staff member and the version.
    public static func describe(
        action: String, recipient: String, by staff: String, version: String, signer: String, language: Language
    ) -> String {
        let sv = language == .sv
        let who = staff.isEmpty ? "" : (sv ? " av " : " by ") + staff
        let ofVersion = version.isEmpty ? "" : (sv ? " (version \(version))" : " (version \(version))")
        switch action {
        case "sent": return (sv ? "Skickad för signering till " : "Sent for signing to ") + recipient + ofVersion + who
        case "resent": return (sv ? "Ny länk skickad till " : "New link sent to ") + recipient + ofVersion + who
        case "recipient_changed":
            return (sv ? "Mottagaren ändrad till " : "Recipient changed to ") + recipient + who
        case "viewed": return sv ? "Länken öppnad" : "Link opened"
        case "signed": return (sv ? "Signerad av " : "Signed by ") + signer
        default: return action
        }
    }
}
