public import Database
public import Domain

/// Staff make a sent, declined or expired quotation a draft again so it can be changed
/// (`QuotationState.editingMakesNewVersion`): the waiting version is superseded and its link
/// voided at once (the customer can no longer sign what is being changed); the next send freezes
/// a new version. One transaction with the audit row.
public enum ReopenQuotation {
    /// - Throws: `QuotationStoreError`, `DatabaseError`.
    public static func run(
        _ connection: Connection, id: QuotationID, expectedVersion: Int, actor: AuditActor
    ) throws
        -> QuotationChangeOutcome
    {
        try connection.transaction { tx -> QuotationChangeOutcome in
            guard let locked = try QuotationStore.lockState(tx, id: id) else { return .notFound }
            guard locked.version == expectedVersion else { return .conflict }
            var state = locked.state
            guard state.editingMakesNewVersion else { return .notAllowed(locked.state) }
            try state.transition(to: .draft)
            let links = try QuotationStore.voidLiveLinks(tx, id: id)
            try QuotationStore.setVersionStates(tx, id: id, from: [.sent], to: .superseded)
            try QuotationStore.setState(tx, id: id, to: state)
            try AuditStore.record(
                tx, actor: actor, entity: "quotation", entityID: id.rawValue, action: "reopened",
                before: ["state": locked.state.rawValue],
                after: ["state": state.rawValue, "links_voided": String(links)])
            return .done
        }
    }
}
