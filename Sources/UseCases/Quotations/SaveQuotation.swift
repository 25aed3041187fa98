public import Database
public import Domain

/// What saving the editor came to.
public enum QuotationSaveOutcome: Sendable, Equatable {
    /// Saved; the quotation's new `version` (the same when nothing had changed).
    case saved(version: Int)
    /// Someone else saved first: the form was based on an older version.
    case conflict
    case notFound
    /// Only drafts are edited in place (reopen a sent one first).
    case notEditable(QuotationState)
    /// The chosen customer does not exist (any more).
    case customerNotFound
}

/// Staff save a draft's content from the editor: only when the row still has `expectedVersion`
/// and is a draft (`QuotationState.isEditableInPlace`). Lines are replaced in their new order with
/// totals computed by `QuotationTotals`; the audit row holds the fields that changed, before and
/// after. Nothing is written when nothing changed. One transaction.
public enum SaveQuotation {
    /// `custom`: the active custom fields' checked values (nil: leave them; an archived field's
    /// stored value is always kept).
    /// - Throws: `QuotationError` (totals), `QuotationStoreError`, `DatabaseError`.
    public static func run(
        _ connection: Connection, id: QuotationID, expectedVersion: Int, content: QuotationEdit,
        custom: [String: JSONValue]? = nil, actor: AuditActor
    ) throws -> QuotationSaveOutcome {
        let totals = try content.totals()
        for (index, line) in content.lines.enumerated() where line.discount.kind == .amount {
            throw QuotationStoreError.fixedLineDiscountUnsupported(line: index)
        }
        return try connection.transaction { tx -> QuotationSaveOutcome in
            guard let locked = try QuotationStore.lockState(tx, id: id) else { return .notFound }
            guard locked.version == expectedVersion else { return .conflict }
            guard locked.state.isEditableInPlace else { return .notEditable(locked.state) }
            guard try CustomerStore.details(tx, id: content.customer) != nil else { return .customerNotFound }
            guard let before = try QuotationStore.load(tx, id: id) else { return .notFound }
            let newCustom =
                try custom.map {
                    CustomFieldStore.merged(before.custom, $0, active: try CustomFieldStore.active(tx, .quotation))
                } ?? before.custom
            guard
                let changes = AuditStore.changes(
                    from: QuotationStore.auditFields(before.content).merging(
                        CustomFieldStore.auditFields(before.custom)
                    ) { a, _ in a },
                    to: QuotationStore.auditFields(content).merging(CustomFieldStore.auditFields(newCustom)) { a, _ in a
                    })
            else { return .saved(version: locked.version) }
            if newCustom != before.custom { try CustomFieldStore.write(tx, .quotation, id: id.rawValue, newCustom) }
            try QuotationStore.writeContent(
                tx, id: id, content: content, totals: totals, changes: changes, actor: actor)
            return .saved(version: locked.version + 1)
        }
    }
}
