/// A kind of record a saved report reads: its tables (`from`, written in code), the expression that
/// orders its rows stably, and the whitelist of columns. Reports are built only from these.
public struct ReportEntity: Sendable, Hashable {
    public var key: String
    public var label: ReportLabel
    /// The `FROM` clause: the entity's table and the tables its columns join (LEFT JOINs on a
    /// unique key, which PostgreSQL drops when no chosen column needs them).
    public var from: ReportExpression
    /// The tie-breaker at the end of a listing's `ORDER BY` (its primary key).
    public var idExpression: ReportExpression
    /// The alias whose `custom jsonb` column holds custom fields' values; nil when the entity has none.
    public var customAlias: StaticString?
    public var columns: [ReportColumn]
    /// What a new report of this entity starts with.
    public var defaultColumns: [String]

    public init(
        key: String, label: ReportLabel, from: StaticString, id: StaticString, customAlias: StaticString? = nil,
        columns: [ReportColumn], defaultColumns: [String]
    ) {
        self.key = key
        self.label = label
        self.from = ReportExpression(from)
        self.idExpression = ReportExpression(id)
        self.customAlias = customAlias
        self.columns = columns
        self.defaultColumns = defaultColumns
    }

    public func column(_ key: String) -> ReportColumn? { columns.first { $0.key == key } }

    public static func == (lhs: ReportEntity, rhs: ReportEntity) -> Bool {
        lhs.key == rhs.key && lhs.columns == rhs.columns
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// A custom field as a report column: defined at run time (its key, name and type come from the
/// custom fields' definitions table), read with a fixed expression whose key is a bound parameter.
public struct ReportCustomField: Sendable, Hashable {
    /// The entity key (`bookings`, `quotations`, `customers`, `products`).
    public var entity: String
    /// `[a-z][a-z0-9_]{0,39}`.
    public var key: String
    public var name: String
    public var type: ReportColumnType

    public init(entity: String, key: String, name: String, type: ReportColumnType) {
        self.entity = entity
        self.key = key
        self.name = name
        self.type = type
    }

    /// The column's key in a definition: `custom.<key>`, apart from the built-in columns' keys.
    public var columnKey: String { "custom." + key }

    /// A key custom fields may have: a lower-case letter, then up to 39 lower-case letters, digits, `_`.
    public static func isValidKey(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard let first = bytes.first, (1...40).contains(bytes.count),
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
        else { return false }
        return bytes.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_")
        }
    }
}

/// The entities reports can read. `builtIn` is the registry: adding an entity is one entry there
/// (and its `static let` with its columns). Custom fields join at run time through `adding(_:)`.
public struct ReportCatalog: Sendable {
    public var entities: [ReportEntity]

    public init(entities: [ReportEntity]) { self.entities = entities }

    public static let builtIn = ReportCatalog(entities: [
        .bookings, .quotations, .invoices, .customers, .products, .tasks,
    ])

    public func entity(_ key: String) -> ReportEntity? { entities.first { $0.key == key } }

    /// The catalog with custom fields as extra columns of their entities. A field with an invalid
    /// key, of an entity without custom values, or whose key is taken, is left out.
    public func adding(_ fields: [ReportCustomField]) -> ReportCatalog {
        var copy = self
        for field in fields where ReportCustomField.isValidKey(field.key) {
            guard let index = copy.entities.firstIndex(where: { $0.key == field.entity }),
                let alias = copy.entities[index].customAlias,
                copy.entities[index].column(field.columnKey) == nil
            else { continue }
            copy.entities[index].columns.append(
                ReportColumn(
                    key: field.columnKey, label: ReportLabel(field.name, field.name), type: field.type,
                    expression: .custom(alias: alias, key: field.key, type: field.type)))
        }
        return copy
    }
}
