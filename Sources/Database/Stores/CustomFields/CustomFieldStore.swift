public import Domain
import Foundation

/// The custom fields' definitions and the SQL around the records' `custom` JSON objects. Every
/// change of a definition writes its audit row (`custom_field.*` events) in the caller's
/// transaction; `ChangeCustomField` is the one use case that calls the writers.
public enum CustomFieldStore {
    static let columns: Query = """
        id, entity, key, kind, label, help, options::text AS options, required, default_value, list_column,
        filterable, customer_visible, position, archived_at IS NOT NULL AS archived, version
        """

    static func decode(_ row: Row) throws -> CustomFieldDefinition {
        let entityText: String = try row.decode("entity")
        let kindText: String = try row.decode("kind")
        guard let entity = CustomFieldEntity(rawValue: entityText), let kind = CustomFieldKind(rawValue: kindText)
        else {
            throw DatabaseError(
                .decoding(column: "kind"), message: "unknown custom field entity or kind",
                safeDetail: "custom_field_definitions.kind")
        }
        let optionsText: String = try row.decode("options")
        let options = (try? JSONDecoder().decode([String].self, from: Data(optionsText.utf8))) ?? []
        return CustomFieldDefinition(
            id: CustomFieldID(rawValue: try row.decode("id")), entity: entity, key: try row.decode("key"), kind: kind,
            label: try row.decode("label"), help: try row.decode("help"), options: options,
            required: try row.decode("required"), defaultValue: try row.decode("default_value"),
            listColumn: try row.decode("list_column"), filterable: try row.decode("filterable"),
            customerVisible: try row.decode("customer_visible"), position: try row.decode("position"),
            archived: try row.decode("archived"), version: try row.decode("version"))
    }

    /// The entity's active definitions in their order: what its forms, lists, filters, exports
    /// and triggers offer, and what saved reports offer as columns. - Throws: `DatabaseError`.
    public static func active(_ connection: Connection, _ entity: CustomFieldEntity) throws -> [CustomFieldDefinition] {
        try connection.query(
            "SELECT " + columns
                + " FROM custom_field_definitions WHERE entity = \(entity.rawValue) AND archived_at IS NULL ORDER BY position, id"
        ).map(decode)
    }

    /// Every definition, archived ones too, by entity and order (the admin page).
    public static func all(_ connection: Connection) throws -> [CustomFieldDefinition] {
        try connection.query(
            "SELECT " + columns
                + """
                 FROM custom_field_definitions
                ORDER BY array_position(ARRAY['customer', 'product', 'quotation', 'booking'], entity),
                         archived_at IS NOT NULL, position, id
                """
        ).map(decode)
    }

    public static func definition(_ connection: Connection, _ id: CustomFieldID) throws -> CustomFieldDefinition? {
        try connection.query("SELECT " + columns + " FROM custom_field_definitions WHERE id = \(id.rawValue)").first
            .map(decode)
    }

    /// Serialises changes to the definitions until the transaction ends (keys and order).
    public static func lock(_ tx: Connection) throws(DatabaseError) {
        _ = try tx.query("SELECT pg_advisory_xact_lock(8313, 1)")
    }

    /// The keys the entity's fields use, archived ones too.
    public static func keys(_ connection: Connection, _ entity: CustomFieldEntity) throws -> Set<String> {
        Set(
            try connection.query("SELECT key FROM custom_field_definitions WHERE entity = \(entity.rawValue)").map {
                try $0.decode("key") as String
            })
    }

    // MARK: Writing definitions

    static func optionsJSON(_ options: [String]) -> String {
        (try? JSONEncoder().encode(options)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    static func auditFields(_ d: CustomFieldDefinition) -> [String: String] {
        [
            "entity": d.entity.rawValue, "key": d.key, "kind": d.kind.rawValue, "label": d.label, "help": d.help,
            "options": d.options.joined(separator: " | "), "required": String(d.required),
            "default_value": d.defaultValue, "list_column": String(d.listColumn), "filterable": String(d.filterable),
            "customer_visible": String(d.customerVisible),
        ]
    }

    /// Adds the field at the end of its entity's order; audited. - Returns: its id.
    public static func create(_ tx: Connection, _ draft: CustomFieldDraft, actor: AuditActor) throws -> CustomFieldID {
        let options = draft.kind.hasOptions ? draft.optionList : []
        let label = draft.label.trimmingCharacters(in: .whitespaces)
        let help = draft.help.trimmingCharacters(in: .whitespacesAndNewlines)
        let defaultValue = draft.defaultValue.trimmingCharacters(in: .whitespaces)
        let row = try tx.query(
            """
            INSERT INTO custom_field_definitions
                   (entity, key, kind, label, help, options, required, default_value, list_column, filterable,
                    customer_visible, position)
            VALUES (\(draft.entity.rawValue), \(draft.key), \(draft.kind.rawValue), \(label), \(help),
                    \(optionsJSON(options))::jsonb, \(draft.required), \(defaultValue), \(draft.listColumn),
                    \(draft.filterable), \(draft.customerVisible),
                    (SELECT coalesce(max(position), 0) + 1 FROM custom_field_definitions WHERE entity = \(draft.entity.rawValue)))
            RETURNING
            """ + " " + columns)[0]
        let created = try decode(row)
        try AuditStore.record(
            tx, actor: actor, entity: "custom_field", entityID: created.id.rawValue, action: "created",
            after: auditFields(created))
        return created.id
    }

    /// Saves what may change of a field (not its key, kind nor record type); audited with what
    /// changed. - Returns: false when nothing changed.
    @discardableResult
    public static func update(
        _ tx: Connection, _ current: CustomFieldDefinition, _ draft: CustomFieldDraft, actor: AuditActor
    ) throws -> Bool {
        var next = current
        next.label = draft.label.trimmingCharacters(in: .whitespaces)
        next.help = draft.help.trimmingCharacters(in: .whitespacesAndNewlines)
        next.options = current.kind.hasOptions ? draft.optionList : []
        next.required = draft.required
        next.defaultValue = draft.defaultValue.trimmingCharacters(in: .whitespaces)
        next.listColumn = draft.listColumn
        next.filterable = draft.filterable
        next.customerVisible = draft.customerVisible
        guard let diff = AuditStore.changes(from: auditFields(current), to: auditFields(next)) else { return false }
        try tx.execute(
            """
            UPDATE custom_field_definitions
               SET label = \(next.label), help = \(next.help), options = \(optionsJSON(next.options))::jsonb,
                   required = \(next.required), default_value = \(next.defaultValue), list_column = \(next.listColumn),
                   filterable = \(next.filterable), customer_visible = \(next.customerVisible), version = version + 1
             WHERE id = \(current.id.rawValue)
            """)
        try AuditStore.record(
            tx, actor: actor, entity: "custom_field", entityID: current.id.rawValue, action: "updated",
            before: diff.before, after: diff.after)
        return true
    }

    /// Archives (leaves forms, lists and filters; values kept) or restores the field; audited.
    @discardableResult
    public static func setArchived(
        _ tx: Connection, _ current: CustomFieldDefinition, archived: Bool, actor: AuditActor
    ) throws -> Bool {
        guard current.archived != archived else { return false }
        try tx.execute(
            """
            UPDATE custom_field_definitions
               SET archived_at = CASE WHEN \(archived) THEN now() END, version = version + 1
             WHERE id = \(current.id.rawValue)
            """)
        try AuditStore.record(
            tx, actor: actor, entity: "custom_field", entityID: current.id.rawValue,
            action: archived ? "archived" : "restored", before: ["archived": String(!archived)],
            after: ["archived": String(archived)])
        return true
    }

    /// Swaps the field with its neighbour above (`up`) or below among the entity's active fields;
    /// audited. - Returns: false at the end of the order.
    @discardableResult
    public static func move(
        _ tx: Connection, _ current: CustomFieldDefinition, up: Bool, actor: AuditActor
    ) throws
        -> Bool
    {
        let order = try active(tx, current.entity)
        guard let index = order.firstIndex(where: { $0.id == current.id }) else { return false }
        let other = up ? index - 1 : index + 1
        guard order.indices.contains(other) else { return false }
        var ids = order.map(\.id)
        ids.swapAt(index, other)
        for (position, id) in ids.enumerated() {
            try tx.execute(
                "UPDATE custom_field_definitions SET position = \(position + 1) WHERE id = \(id.rawValue) AND position <> \(position + 1)"
            )
        }
        try AuditStore.record(
            tx, actor: actor, entity: "custom_field", entityID: current.id.rawValue, action: "moved",
            before: ["position": String(index + 1)], after: ["position": String(other + 1)])
        return true
    }
}
