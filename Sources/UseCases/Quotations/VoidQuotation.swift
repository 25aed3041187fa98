public import Database
public import Domain
public import Foundation

/// The outcome of void, and of reopening a sent quotation for editing.
public enum QuotationChangeOutcome: Sendable, Equatable {
    case done
    case conflict
    case notFound
    case notAllowed(QuotationState)
}

/// Staff withdraw a quotation: state `void`, its waiting version `void`, every live link voided
/// (so it answers "replaced" at once), the audit row; one transaction. Signed and void
/// quotations stay as they are (`QuotationState.isVoidable`).
public enum VoidQuotation {
    /// - Throws: `QuotationStoreError`, `DatabaseError`.
    public static func run(
        _ connection: Connection, id: QuotationID, actor: AuditActor
    ) throws -> QuotationChangeOutcome {
        try connection.transaction { tx -> QuotationChangeOutcome in
            guard let locked = try QuotationStore.lockState(tx, id: id) else { return .notFound }
            var state = locked.state
            guard state.isVoidable else { return .notAllowed(locked.state) }
            try state.transition(to: .void)
            let links = try QuotationStore.voidLiveLinks(tx, id: id)
            try QuotationStore.setVersionStates(tx, id: id, from: [.sent], to: .void)
            try QuotationStore.setState(tx, id: id, to: state)
            try AuditStore.record(
                tx, actor: actor, entity: "quotation", entityID: id.rawValue, action: "voided",
                before: ["state": locked.state.rawValue],
                after: ["state": state.rawValue, "links_voided": String(links)])
            return .done
        }
    }
}
