public import Domain
import Foundation

/// The forms' SQL: a form's draft (what the builder edits) and its published versions (what tasks
/// are filled against; never changed once written). Writes take the caller's transaction and
/// record their audit rows there (`form.published` becomes an event).
public enum FormStore {
    /// Why a form change was refused by the database.
    public enum Failure: Error, Sendable, Equatable {
        /// Another form has the name (whatever the case).
        case nameTaken
    }

    /// A new form with `draft` (unpublished). - Throws: `Failure.nameTaken`, `DatabaseError`.
    public static func create(
        _ tx: Connection, name: String, description: String = "", forCustomer: Bool = false,
        draft: FormDefinition, actor: AuditActor
    ) throws -> FormID {
        let id: Int64
        do {
            id = try tx.transaction { tx in
                try tx.query(
                    """
                    INSERT INTO forms (name, description, for_customer, draft)
                    VALUES (\(name), \(description), \(forCustomer), \(json(draft))::jsonb) RETURNING id
                    """)[0].decode("id")
            }
        } catch let error as DatabaseError {
            if case .uniqueViolation("forms_name_key") = error.kind { throw Failure.nameTaken }
            throw error
        }
        try AuditStore.record(
            tx, actor: actor, entity: "form", entityID: id, action: "created", after: ["name": name])
        return FormID(rawValue: id)
    }

    /// Saves the builder's draft and the form's own fields (not published until `publish`).
    /// - Throws: `Failure.nameTaken`, `DatabaseError`.
    public static func saveDraft(
        _ tx: Connection, _ form: FormID, name: String, description: String, forCustomer: Bool,
        draft: FormDefinition, actor: AuditActor
    ) throws {
        do {
            try tx.transaction { tx in
                try tx.execute(
                    """
                    UPDATE forms SET name = \(name), description = \(description), for_customer = \(forCustomer),
                                     draft = \(json(draft))::jsonb
                     WHERE id = \(form.rawValue)
                    """)
            }
        } catch let error as DatabaseError {
            if case .uniqueViolation("forms_name_key") = error.kind { throw Failure.nameTaken }
            throw error
        }
    }

    public static func setArchived(_ tx: Connection, _ form: FormID, _ archived: Bool, actor: AuditActor) throws {
        guard
            try tx.execute(
                "UPDATE forms SET archived = \(archived) WHERE id = \(form.rawValue) AND archived <> \(archived)") == 1
        else { return }
        try AuditStore.record(
            tx, actor: actor, entity: "form", entityID: form.rawValue, action: archived ? "archived" : "restored")
    }

    /// Publishes the draft as the next version (the caller has checked it with `FormRules`).
    /// Tasks created from now on use it; tasks already created keep theirs.
    @discardableResult
    public static func publish(_ tx: Connection, _ form: FormID, actor: AuditActor) throws -> FormVersionID {
        let row = try tx.query(
            """
            INSERT INTO form_versions (form_id, version, name, definition, published_by)
            SELECT f.id, coalesce((SELECT max(v.version) FROM form_versions v WHERE v.form_id = f.id), 0) + 1,
                   f.name, f.draft, \(actor.userID?.rawValue)
              FROM forms f WHERE f.id = \(form.rawValue)
            RETURNING id, version
            """)
        guard let first = row.first else {
            throw DatabaseError(.other, message: "no form \(form.rawValue)", safeDetail: "publish of a missing form")
        }
        let version: Int = try first.decode("version")
        try AuditStore.record(
            tx, actor: actor, entity: "form", entityID: form.rawValue, action: "published",
            after: ["version": String(version)])
        return FormVersionID(rawValue: try first.decode("id"))
    }

    /// Every form, by name, with its newest version and open tasks.
    public static func forms(_ connection: Connection) throws -> [FormListItem] {
        try connection.query(
            """
            SELECT f.id, f.name, f.for_customer, f.archived,
                   coalesce(v.version, 0) AS version, v.definition IS DISTINCT FROM f.draft AS changed,
                   (SELECT count(*)::int FROM tasks t JOIN form_versions fv ON fv.id = t.form_version_id
                     WHERE fv.form_id = f.id AND t.state = 'open') AS open_tasks
              FROM forms f
              LEFT JOIN LATERAL (SELECT version, definition FROM form_versions
                                  WHERE form_id = f.id ORDER BY version DESC LIMIT 1) v ON true
             ORDER BY f.archived, lower(f.name), f.id
            """
        ).map { row in
            FormListItem(
                id: FormID(rawValue: try row.decode("id")), name: try row.decode("name"),
                forCustomer: try row.decode("for_customer"), archived: try row.decode("archived"),
                version: try row.decode("version"), hasUnpublishedChanges: try row.decode("changed"),
                openTasks: try row.decode("open_tasks"))
        }
    }

    /// The forms a task can be created from: published and not archived, by name.
    public static func publishedForms(_ connection: Connection) throws -> [FormListItem] {
        try forms(connection).filter { $0.version > 0 && !$0.archived }
    }

    public static func form(_ connection: Connection, _ id: FormID) throws -> FormRecord? {
        guard
            let row = try connection.query(
                """
                SELECT f.id, f.name, f.description, f.for_customer, f.archived, f.draft::text AS draft,
                       coalesce(v.version, 0) AS version, v.definition::text AS published
                  FROM forms f
                  LEFT JOIN LATERAL (SELECT version, definition FROM form_versions
                                      WHERE form_id = f.id ORDER BY version DESC LIMIT 1) v ON true
                 WHERE f.id = \(id.rawValue)
                """
            ).first
        else { return nil }
        return FormRecord(
            id: id, name: try row.decode("name"), description: try row.decode("description"),
            forCustomer: try row.decode("for_customer"), archived: try row.decode("archived"),
            draft: try definition(row.decode("draft")), version: try row.decode("version"),
            published: try (row.decode("published") as String?).map(definition))
    }

    public static func version(_ connection: Connection, _ id: FormVersionID) throws -> FormVersion? {
        try connection.query(
            """
            SELECT id, form_id, name, version, definition::text AS definition FROM form_versions
             WHERE id = \(id.rawValue)
            """
        ).first.map(version)
    }

    /// The newest published version of `form`, or nil before the first publish.
    public static func newestVersion(_ connection: Connection, of form: FormID) throws -> FormVersion? {
        try connection.query(
            """
            SELECT id, form_id, name, version, definition::text AS definition FROM form_versions
             WHERE form_id = \(form.rawValue) ORDER BY version DESC LIMIT 1
            """
        ).first.map(version)
    }

    static func version(_ row: Row) throws -> FormVersion {
        FormVersion(
            id: FormVersionID(rawValue: try row.decode("id")), formID: FormID(rawValue: try row.decode("form_id")),
            name: try row.decode("name"), version: try row.decode("version"),
            definition: try definition(row.decode("definition")))
    }

    static func definition(_ text: String) throws -> FormDefinition {
        do {
            return try JSONDecoder().decode(FormDefinition.self, from: Data(text.utf8))
        } catch {
            throw DatabaseError(.decoding(column: "definition"), message: "\(error)")
        }
    }

    static func json(_ definition: FormDefinition) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(definition)).map { String(decoding: $0, as: UTF8.self) } ?? #"{"sections":[]}"#
    }
}
