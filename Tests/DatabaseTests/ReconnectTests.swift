import Database
import TestSupport
import Testing

/// These tests stop and start PostgreSQL, so each uses its own cluster, never the shared one.
@Suite("Lost connections")
struct ReconnectTests {
    @Test(
        "while PostgreSQL is down a query fails as connectionUnavailable; once it is back the same Connection works"
    )
    func recoversAfterRestart() throws {
        let postgres = try TemporaryPostgres()
        defer { postgres.shutdown() }
        let connection = try Connection(url: postgres.url)
        let query: Query = "SELECT \(41) + 1 AS answer"
        #expect(try connection.query(query)[0].decode("answer", as: Int.self) == 42)

        postgres.stop()
        let error = #expect(throws: DatabaseError.self) { try connection.query(query) }
        #expect(error?.kind == .connectionUnavailable)
        #expect(!connection.ensureConnected())
        let stillDown = #expect(throws: DatabaseError.self) { try connection.query(query) }
        #expect(stillDown?.kind == .connectionUnavailable)

        postgres.start()
        #expect(connection.ensureConnected())
        #expect(try connection.query(query)[0].decode("answer", as: Int.self) == 42)  // re-prepared on the new session
        let timeZone = try connection.query("SELECT current_setting('TimeZone') AS tz")[0].decode("tz", as: String.self)
        #expect(timeZone == "UTC")  // session settings are restored too
    }

    @Test("a restart while idle is noticed by ensureConnected, so the next request does not fail")
    func idleRestart() throws {
        let postgres = try TemporaryPostgres()
        defer { postgres.shutdown() }
        let connection = try Connection(url: postgres.url)
        #expect(try connection.query("SELECT 1 AS one").count == 1)

        postgres.stop()
        postgres.start()
        #expect(connection.ensureConnected())
        #expect(try connection.query("SELECT 1 AS one").count == 1)
    }

    @Test("without ensureConnected, the first query after a failure reconnects by itself")
    func nextQueryReconnects() throws {
        let postgres = try TemporaryPostgres()
        defer { postgres.shutdown() }
        let connection = try Connection(url: postgres.url)
        postgres.stop()
        #expect(throws: DatabaseError.self) { try connection.query("SELECT 1 AS one") }
        postgres.start()
        #expect(try connection.query("SELECT 1 AS one").count == 1)
    }

    @Test("a closed connection refuses work")
    func closed() throws {
        let connection = try TestDatabase.connect("closed")
        connection.close()
        #expect(!connection.isOpen)
        #expect(!connection.ensureConnected())
        let error = #expect(throws: DatabaseError.self) { try connection.query("SELECT 1") }
        #expect(error?.kind == .connectionUnavailable)
    }
}
