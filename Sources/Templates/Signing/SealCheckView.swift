public import Foundation

/// What the done page says about a PDF the customer uploaded: the seal's verdict (from
/// `Sealing.SealVerifier`, mapped by the handler) and whether the file is this link's agreement.
public struct SealCheckView: Sendable {
    public enum Verdict: Sendable, Equatable {
        case valid, changed, broken, untrusted, timestampInvalid, notSealed, unreadable
    }

    public var verdict: Verdict
    /// The file is byte for byte the agreement stored for this link (or at least seals its version).
    public var matchesThisAgreement: Bool
    public var signer: String
    public var sealedAt: Date?
    public var versionSHA256: String?

    public init(verdict: Verdict, matchesThisAgreement: Bool, signer: String, sealedAt: Date?, versionSHA256: String?) {
        self.verdict = verdict
        self.matchesThisAgreement = matchesThisAgreement
        self.signer = signer
        self.sealedAt = sealedAt
        self.versionSHA256 = versionSHA256
    }

    var sealedAtUTC: String {
        guard let sealedAt else { return "" }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: sealedAt).replacingOccurrences(of: "T", with: " ").replacingOccurrences(
            of: "Z", with: " UTC")
    }
}
