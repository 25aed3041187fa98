public import Foundation

/// What staff may do with a quotation's sending: send (freeze a version), resend the waiting
/// version's link, withdraw it. Pure: the use cases read the facts and write what these allow.
public enum SendingRules {
    /// Why "send for signing" was refused; nothing is written.
    public enum SendRefusal: Sendable, Equatable {
        /// The page was based on an older version of the quotation.
        case conflict
        case notSendable(QuotationState)
        /// An empty quotation is not sent.
        case noLines
        case customerHasNoEmail
        /// Some product is short for the period and no reason was given.
        case shortageNeedsReason([StockCheck.Item])
    }

    /// Whether the quotation may be sent now, in the order a person fixes things: a stale page
    /// first, then the state, the lines, the address, and last the stock (a shortage needs a
    /// non-blank reason; who may give one is the caller's rule). nil: send.
    public static func sendRefusal(
        state: QuotationState, version: Int, expectedVersion: Int, lineCount: Int, customerEmail: String,
        stock: StockCheck, shortageReason: String?
    ) -> SendRefusal? {
        guard version == expectedVersion else { return .conflict }
        guard state.isSendable else { return .notSendable(state) }
        guard lineCount > 0 else { return .noLines }
        guard !customerEmail.isEmpty else { return .customerHasNoEmail }
        if stock.hasShortage, trimmedReason(shortageReason).isEmpty { return .shortageNeedsReason(stock.shortages) }
        return nil
    }

    /// The reason as recorded: trimmed.
    /// The customer's address changed since the quotation's last link was sent to `previous`:
    /// the pair (from, to), else nil (no link yet, or the same address in another case). A link
    /// then goes to the new address only with a reason (finding M5: whoever can edit a customer
    /// could otherwise route the link to themselves and sign as the customer).
    public static func recipientChange(previous: String?, current: String) -> (from: String, to: String)? {
        guard let previous, !previous.isEmpty, previous.lowercased() != current.lowercased() else { return nil }
        return (previous, current)
    }

    public static func trimmedReason(_ reason: String?) -> String {
        (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Why a resend was refused; nothing is written.
    public enum ResendRefusal: Sendable, Equatable {
        /// Only a sent quotation waiting for its signature has a link to renew.
        case notResendable(QuotationState)
        /// The offer's link has run out: send a new version instead (with a new validity).
        case linkExpired
        case customerHasNoEmail
    }

    /// Whether the waiting version's link may be renewed now. `linkExpiresAt` is nil when the
    /// quotation has no live link of a waiting version. nil: resend (the new link expires when
    /// the old one would have; the offer's validity is part of the frozen version).
    public static func resendRefusal(
        state: QuotationState, linkExpiresAt: Date?, customerEmail: String, now: Date
    )
        -> ResendRefusal?
    {
        guard state.isResendable, let expiresAt = linkExpiresAt else { return .notResendable(state) }
        guard expiresAt > now else { return .linkExpired }
        guard !customerEmail.isEmpty else { return .customerHasNoEmail }
        return nil
    }

    /// When a link issued at `now` for `validityDays` expires.
    public static func linkExpiry(now: Date, validityDays: Int) -> Date {
        now.addingTimeInterval(TimeInterval(validityDays) * 86_400)
    }
}
