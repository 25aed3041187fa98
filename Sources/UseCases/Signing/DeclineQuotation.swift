public import Database
public import Domain
public import Foundation

/// The customer declines a sent version through its link, with a reason: one transaction,
/// idempotent (a second decline answers `.alreadyDeclined` and stores nothing). Stores the
/// decline with its evidence, marks version and quotation declined, writes the audit row and
/// queues `teamDeclinedEmail`.
public enum DeclineQuotation {
    /// - Throws: `QuotationStoreError`, `StateTransitionError`, `DatabaseError`.
    public static func run(
        _ connection: Connection, tokenHash: [UInt8], reason: String, evidence: SigningEvidenceInput, now: Date = Date()
    ) throws -> DeclineOutcome {
        try connection.transaction { tx in
            guard let link = try SigningStore.lockLink(tx, tokenHash: tokenHash) else { return .notFound }
            switch SigningRules.step(for: link.state(at: now)) {
            case .proceed: break
            case .alreadyDeclined:
                return .alreadyDeclined(declinedAt: try SigningStore.declinedAt(tx, versionID: link.versionID))
            case .alreadySigned: return .signed
            case .expired: return .expired
            case .voided: return .voided
            }
            var version = link.versionState
            try version.transition(to: .declined)
            var quotation = link.quotationState
            try quotation.transition(to: .declined)
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            let declineID = try SigningStore.insertDecline(
                tx, link: link, reason: trimmed, evidence: evidence, now: now)
            try SigningStore.setStates(tx, link: link, version: version, quotation: quotation)
            try SigningStore.recordDeclined(
                tx, link: link, declineID: declineID, ipAddress: evidence.ipAddress, now: now)
            try JobStore.enqueue(
                tx, .teamDeclinedEmail(quotationID: link.quotationID, versionID: link.versionID, declineID: declineID))
            return .declined(declinedAt: now)
        }
    }
}
