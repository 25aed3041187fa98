public import Domain
import Foundation

/// The records' custom values: reading and writing the `custom` JSON objects, and list filters as
/// conditions with bound parameters (the keys and values are parameters, never SQL text).
extension CustomFieldStore {
    /// A `custom` object as its text decodes (`custom::text`); an unreadable one is empty.
    public static func values(json text: String) -> [String: JSONValue] {
        guard case .object(let values)? = try? JSONValue(json: text) else { return [:] }
        return values
    }

    /// The values as JSON text for a `jsonb` parameter.
    public static func json(_ values: [String: JSONValue]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(JSONValue.object(values))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func table(_ entity: CustomFieldEntity) -> Query {
        switch entity {
        case .customer: "customers"
        case .product: "products"
        case .quotation: "quotations"
        case .booking: "bookings"
        }
    }

    /// The record's stored values (empty when there is no such record).
    public static func values(
        _ connection: Connection, _ entity: CustomFieldEntity, id: Int64
    ) throws -> [String:
        JSONValue]
    {
        guard
            let row = try connection.query("SELECT custom::text AS custom FROM " + table(entity) + " WHERE id = \(id)")
                .first
        else { return [:] }
        return values(json: try row.decode("custom"))
    }

    /// The record's values after a form saved `changes` (`CustomFieldValues.validate`'s values):
    /// an active field's value replaced, or removed for `.null`; every other key (a field not on
    /// the form, an archived field's) kept as stored.
    public static func merged(
        _ stored: [String: JSONValue], _ changes: [String: JSONValue], active: [CustomFieldDefinition]
    ) -> [String: JSONValue] {
        var result = stored
        for (key, value) in changes where active.contains(where: { $0.key == key }) {
            result[key] = value == .null ? nil : value
        }
        return result
    }

    /// The values as audit fields (`custom.<key>` → text).
    public static func auditFields(_ values: [String: JSONValue]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: values.map { ("custom.\($0.key)", $0.value.text) })
    }

    /// Writes the record's whole `custom` object in the caller's transaction (no audit row: the
    /// record's own save writes it, with the custom fields among its changes).
    public static func write(
        _ tx: Connection, _ entity: CustomFieldEntity, id: Int64, _ values: [String: JSONValue]
    ) throws(DatabaseError) {
        let values = values.filter { $0.value != .null }
        try tx.execute("UPDATE " + table(entity) + " SET custom = \(json(values))::jsonb WHERE id = \(id)")
    }

    /// Whether a customer or product a link field names exists.
    public static func linkExists(_ connection: Connection, _ kind: CustomFieldKind, _ id: Int64) -> Bool {
        let sql: Query =
            switch kind {
            case .customer: "SELECT 1 AS x FROM customers WHERE id = \(id)"
            case .product: "SELECT 1 AS x FROM products WHERE id = \(id)"
            default: "SELECT 1 AS x WHERE false"
            }
        return ((try? connection.query(sql))?.isEmpty == false)
    }

    /// The filters as ` AND …` conditions on `column` (the list statement's `custom` column, a
    /// constant of the calling store). Equality and inclusion use JSON containment (`@>`), which
    /// the GIN index answers; text, number and date conditions read the key as a bound parameter.
    public static func conditions(_ filters: [CustomFilter], column: Query) -> Query {
        var query: Query = ""
        for filter in filters {
            switch filter {
            case .equals(let key, let value):
                query += " AND " + column + " @> \(json([key: value]))::jsonb"
            case .includes(let key, let option):
                query += " AND " + column + " @> \(json([key: .array([.string(option)])]))::jsonb"
            case .contains(let key, let text):
                query += " AND " + column + " ->> \(key) ILIKE \(ContainsPattern.make(text))"
            case .between(let key, let from, let to):
                let number: Query =
                    "(CASE WHEN jsonb_typeof(" + column + " -> \(key)) = 'number' THEN (" + column
                    + " ->> \(key))::numeric END)"
                if let from { query += " AND " + number + " >= \(String(from))::numeric" }
                if let to { query += " AND " + number + " <= \(String(to))::numeric" }
            case .dates(let key, let from, let to):
                let date: Query =
                    "(CASE WHEN jsonb_typeof(" + column + " -> \(key)) = 'string' THEN " + column + " ->> \(key) END)"
                if let from { query += " AND " + date + " >= \(from)" }
                if let to { query += " AND " + date + " <= \(to)" }
            }
        }
        return query
    }
}

extension CustomFieldStore {
    /// The quotation's customer-visible custom fields that have a value, in the fields' order, as
    /// the customer reads them (in the customer's language): what sending freezes into the version.
    public static func customerVisible(
        _ connection: Connection, quotationID: QuotationID
    ) throws
        -> [QuotationSnapshot.CustomField]
    {
        guard
            let row = try connection.query(
                """
                SELECT q.custom::text AS custom, c.locale FROM quotations q JOIN customers c ON c.id = q.customer_id
                 WHERE q.id = \(quotationID.rawValue)
                """
            ).first
        else { return [] }
        let values = values(json: try row.decode("custom"))
        let language = Language(rawValue: try row.decode("locale")) ?? .default
        return try active(connection, .quotation).filter(\.customerVisible).compactMap { definition in
            guard let value = values[definition.key], !value.isEmpty else { return nil }
            return QuotationSnapshot.CustomField(
                key: definition.key, label: definition.label,
                value: CustomFieldValues.display(value, definition.kind, language))
        }
    }
}

extension CustomFieldStore {
    /// The values a record made without a form starts with (a quotation drafted from the inbox or
    /// duplicated, a booking made by signing): each active field's default that reads as a value.
    public static func defaultValues(
        _ connection: Connection, _ entity: CustomFieldEntity
    ) throws -> [String:
        JSONValue]
    {
        let definitions = try active(connection, entity)
        return CustomFieldValues.validate(CustomFieldValues.defaults(definitions), definitions).values
    }
}
