public import Database
public import Domain
public import Foundation

/// What "resend" came to.
public enum QuotationResendOutcome: Sendable, Equatable {
    /// A new link for the same version; the old one no longer works.
    case resent(linkID: SigningLinkID, expiresAt: Date)
    case notFound
    /// Only a sent quotation waiting for its signature has a link to renew.
    case notResendable(QuotationState)
    /// The offer's link has run out: send a new version instead (with a new validity).
    case linkExpired
    case customerHasNoEmail
    /// The customer's address is not the one the link went to: a resend to the new one needs a
    /// reason. Nothing was written.
    case recipientChangeNeedsReason(from: String, to: String)
}

/// Staff re-send the link of the version waiting for its signature: a new link, the old one
/// voided, in one transaction with the audit row and `Job.signingLinkEmail`. The new link is
/// addressed to the customer's email as it is now and expires when the old one would have
/// (`SendingRules.resendRefusal`). When that address is not the one the old link went to, the
/// resend needs `recipientChangeReason`, and a `recipient_changed` audit row keeps from, to,
/// who and why (finding M5; the signed PDF's evidence shows it).
public enum ResendSigningLink {
    /// - Throws: `QuotationStoreError`, `DatabaseError`.
    public static func run(
        _ connection: Connection, id: QuotationID, actor: AuditActor, recipientChangeReason: String? = nil,
        now: Date = Date()
    ) throws
        -> QuotationResendOutcome
    {
        try connection.transaction { tx -> QuotationResendOutcome in
            guard let locked = try QuotationStore.lockState(tx, id: id) else { return .notFound }
            let waiting = locked.state.isResendable ? try QuotationStore.lockWaitingLink(tx, id: id) : nil
            let email = waiting == nil ? "" : try QuotationStore.customerEmail(tx, id: id)
            if let refusal = SendingRules.resendRefusal(
                state: locked.state, linkExpiresAt: waiting?.expiresAt, customerEmail: email, now: now)
            {
                switch refusal {
                case .notResendable(let state): return .notResendable(state)
                case .linkExpired: return .linkExpired
                case .customerHasNoEmail: return .customerHasNoEmail
                }
            }
            guard let old = waiting else { return .notResendable(locked.state) }
            if let change = SendingRules.recipientChange(previous: old.recipient, current: email) {
                let reason = SendingRules.trimmedReason(recipientChangeReason)
                guard !reason.isEmpty else { return .recipientChangeNeedsReason(from: change.from, to: change.to) }
                try QuotationStore.recordRecipientChange(
                    tx, id: id, from: change.from, to: change.to, reason: reason, version: old.versionNo, actor: actor)
            }
            try QuotationStore.voidLink(tx, linkID: old.linkID, at: now)
            let token = SigningLinkToken.generate()
            let linkID = try QuotationStore.insertSigningLink(
                tx, versionID: old.versionID, token: token, recipient: email, createdBy: actor.userID?.rawValue,
                now: now,
                expiresAt: old.expiresAt)
            try AuditStore.record(
                tx, actor: actor, entity: "quotation", entityID: id.rawValue, action: "resent",
                before: ["signing_link_id": String(old.linkID)],
                after: [
                    "signing_link_id": String(linkID.rawValue), "version": String(old.versionNo), "recipient": email,
                ])
            try JobStore.enqueue(tx, .signingLinkEmail(linkID: linkID, token: token.text))
            return .resent(linkID: linkID, expiresAt: old.expiresAt)
        }
    }
}
