public import Database
public import Domain

/// An admin adds, edits, archives, restores or reorders a custom field: under the definitions'
/// lock, read, decide with `CustomFieldRules`, write with the audit row (a `custom_field.*`
/// event) — one transaction. The records' values are never touched: an archived field's values
/// stay stored and come back with it.
public enum ChangeCustomField {
    public enum Change: Sendable, Equatable {
        case add(CustomFieldDraft)
        /// The key, kind and record type stay; the draft's other values are saved.
        case edit(CustomFieldID, CustomFieldDraft)
        case archive(CustomFieldID)
        case restore(CustomFieldID)
        case move(CustomFieldID, up: Bool)
    }

    public enum Outcome: Sendable, Equatable {
        case done(CustomFieldID)
        case refused(CustomFieldRefusal)
    }

    /// - Throws: `DatabaseError` other than a key taken at the same moment.
    public static func run(_ connection: Connection, _ change: Change, actor: AuditActor) throws -> Outcome {
        do {
            return try connection.transaction { tx in
                try CustomFieldStore.lock(tx)
                switch change {
                case .add(let draft):
                    if let refusal = CustomFieldRules.refusal(
                        draft, existingKeys: try CustomFieldStore.keys(tx, draft.entity))
                    {
                        return .refused(refusal)
                    }
                    return .done(try CustomFieldStore.create(tx, draft, actor: actor))
                case .edit(let id, var draft):
                    guard let current = try CustomFieldStore.definition(tx, id) else { return .refused(.notFound) }
                    draft.entity = current.entity
                    draft.key = current.key
                    draft.kind = current.kind
                    if let refusal = CustomFieldRules.refusal(draft, existingKeys: []) { return .refused(refusal) }
                    try CustomFieldStore.update(tx, current, draft, actor: actor)
                    return .done(id)
                case .archive(let id), .restore(let id):
                    guard let current = try CustomFieldStore.definition(tx, id) else { return .refused(.notFound) }
                    let archive = if case .archive = change { true } else { false }
                    try CustomFieldStore.setArchived(tx, current, archived: archive, actor: actor)
                    return .done(id)
                case .move(let id, let up):
                    guard let current = try CustomFieldStore.definition(tx, id) else { return .refused(.notFound) }
                    try CustomFieldStore.move(tx, current, up: up, actor: actor)
                    return .done(id)
                }
            }
        } catch let error as DatabaseError {
            if case .uniqueViolation("custom_field_definitions_key_unique") = error.kind, case .add(let draft) = change
            {
                return .refused(.keyTaken(draft.key))
            }
            throw error
        }
    }
}
