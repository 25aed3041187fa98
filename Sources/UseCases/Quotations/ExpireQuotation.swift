public import Database
public import Domain
public import Foundation

/// A sent quotation whose waiting link has run out becomes `expired`, with its version and the
/// audit row, in one transaction; anything else is left as it is (`SigningLinkState.of`).
/// What a scheduled expiry (and seed-demo) runs.
public enum ExpireQuotation {
    /// - Returns: whether it expired now.
    /// - Throws: `QuotationStoreError`, `StateTransitionError`, `DatabaseError`.
    @discardableResult
    public static func run(_ connection: Connection, id: QuotationID, now: Date = Date()) throws -> Bool {
        try connection.transaction { tx in
            guard let locked = try QuotationStore.lockState(tx, id: id), locked.state.isResendable,
                let waiting = try QuotationStore.lockWaitingLink(tx, id: id)
            else { return false }
            let state = SigningLinkState.of(
                version: .sent, quotation: locked.state, linkVoided: false, expiresAt: waiting.expiresAt, now: now)
            guard state == .expired else { return false }
            var quotation = locked.state
            try quotation.transition(to: .expired)
            try QuotationStore.setVersionState(tx, versionID: waiting.versionID, to: .expired)
            try QuotationStore.setState(tx, id: id, to: quotation)
            try AuditStore.record(
                tx, actor: AuditActor(kind: .system), entity: "quotation", entityID: id.rawValue, action: "expired",
                after: ["version": String(waiting.versionNo)])
            return true
        }
    }
}
