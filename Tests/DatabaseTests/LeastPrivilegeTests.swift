import Database
import Domain
import TestSupport
import Testing

/// Finding L10: the product's own login (a member of `eventgaraget_app`) reads and writes its
/// tables but owns nothing; on the audit log it may only add and read rows.
@Suite("The app's database role")
struct LeastPrivilegeTests {
    static let actor = AuditActor(kind: .system)

    /// What PostgreSQL says to a statement the role may not run.
    static func refusal(_ connection: Connection, _ sql: Query) -> String? {
        do {
            try connection.execute(sql)
            return nil
        } catch {
            return error.sqlState
        }
    }

    @Test func theAppRoleMayAddAuditRowsButNeverChangeThemNorTheSchema() throws {
        let postgres = TemporaryPostgres.shared
        let owner = try TestDatabase.migrated("least_privilege")
        let url = try postgres.appURL(
            postgres.url(database: try owner.query("SELECT current_database() AS d")[0].decode("d", as: String.self)))
        let app = try Connection(url: url)
        defer { app.close() }
        #expect(try app.query("SELECT current_user AS u")[0].decode("u", as: String.self) == TemporaryPostgres.appUser)

        // Everyday work goes through: an audited change, a job, a read.
        try AuditStore.record(app, actor: Self.actor, entity: "test", entityID: 1, action: "created")
        _ = try JobStore.enqueue(
            app, .signedAgreementPDF(bookingID: BookingID(rawValue: 1), versionID: QuotationVersionID(rawValue: 1)))
        #expect(
            try app.query("SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'test'")[0].decode(
                "n", as: Int.self) == 1)
        #expect(try !Migrator.mayRewriteAuditLog(app))
        #expect(try Migrator.mayRewriteAuditLog(owner), "the owner may, which serve warns about")

        // 42501 insufficient_privilege: the audit log cannot be rewritten or emptied…
        #expect(Self.refusal(app, "DELETE FROM audit_log") == "42501")
        #expect(Self.refusal(app, "UPDATE audit_log SET action = 'nothing'") == "42501")
        #expect(Self.refusal(app, "TRUNCATE audit_log") == "42501")
        // …its guard cannot be dropped, and the schema is not the app's to change.
        #expect(Self.refusal(app, "DROP TRIGGER audit_log_no_update ON audit_log") == "42501")
        #expect(Self.refusal(app, "ALTER TABLE audit_log DISABLE TRIGGER ALL") == "42501")
        #expect(Self.refusal(app, "DROP TABLE customers") == "42501")
        #expect(Self.refusal(app, "CREATE TABLE mine (id int)") == "42501")
        #expect(Self.refusal(app, "DELETE FROM schema_migrations") == "42501")
        #expect(
            try app.query("SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'test'")[0].decode(
                "n", as: Int.self) == 1)
    }
}
