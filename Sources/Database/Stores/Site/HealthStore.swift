/// The health check's query.
public enum HealthStore {
    /// One round trip to PostgreSQL. - Throws: `DatabaseError` when it does not answer.
    public static func ping(_ connection: Connection) throws(DatabaseError) {
        _ = try connection.query("SELECT 1 AS ok")
    }
}
