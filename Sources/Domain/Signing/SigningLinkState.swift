public import Foundation

/// A signing link's state as the customer sees it, in order of precedence: what the version
/// became wins over the link's own expiry or voiding.
public enum SigningLinkState: String, Sendable, Equatable {
    /// Can be read and signed.
    case valid
    /// Signed: the summary, never a second sign button.
    case signed
    case declined
    case expired
    /// A newer version was sent (or the quotation was voided): this offer was replaced.
    case voided

    /// The state of a link from what is stored about it and its version and quotation.
    ///
    /// A version that left `sent` decides (signed, declined, expired; superseded and void read as
    /// replaced); a still-`sent` version's link is replaced when the link was voided or the
    /// quotation withdrawn, expired once `expiresAt` has passed, and valid otherwise.
    public static func of(
        version: QuotationVersionState, quotation: QuotationState, linkVoided: Bool, expiresAt: Date, now: Date
    ) -> SigningLinkState {
        switch version {
        case .signed: return .signed
        case .declined: return .declined
        case .expired: return .expired
        case .superseded, .void: return .voided
        case .sent:
            if linkVoided || quotation == .void { return .voided }
            if expiresAt <= now { return .expired }
            return .valid
        }
    }

    /// The customer may sign or decline through the link now.
    public var isSignable: Bool { self == .valid }
}
