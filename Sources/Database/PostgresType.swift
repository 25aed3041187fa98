/// The PostgreSQL type a query parameter is declared with (its type OID).
///
/// `.unspecified` lets the server infer the type from where `$n` appears, which is what a text
/// parameter wants: the same `String` can land in a `text`, `citext`, `jsonb`, `date`, `inet` or
/// enum column. Numbers, booleans, timestamps and byte strings declare their type so that
/// expressions such as `\(limit) IS NULL` or `coalesce(\(date), now())` work without casts.
public struct PostgresType: Hashable, Sendable {
    /// The type's OID as in `pg_type.oid`.
    public var oid: UInt32

    /// A type by OID (`SELECT oid FROM pg_type WHERE typname = …`).
    public init(oid: UInt32) { self.oid = oid }

    /// Let the server infer the type from context.
    public static let unspecified = PostgresType(oid: 0)
    public static let bool = PostgresType(oid: 16)
    public static let bytea = PostgresType(oid: 17)
    public static let int8 = PostgresType(oid: 20)
    public static let int4 = PostgresType(oid: 23)
    public static let text = PostgresType(oid: 25)
    public static let float8 = PostgresType(oid: 701)
    public static let timestamptz = PostgresType(oid: 1184)
    public static let uuid = PostgresType(oid: 2950)
}
