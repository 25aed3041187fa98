import Database
import Testing

@Suite("Transactions")
struct TransactionTests {
    private func connectionWithTable(_ name: String) throws -> Connection {
        let connection = try TestDatabase.connect(name)
        try connection.executeScript(unsafeSQL: "CREATE TABLE items (name text PRIMARY KEY)")
        return connection
    }

    private func names(_ connection: Connection) throws -> [String] {
        try connection.query("SELECT name FROM items ORDER BY name").map { try $0.decode("name") }
    }

    @Test("a body that returns commits its work and its value")
    func commits() throws {
        let connection = try connectionWithTable("tx_commit")
        let value = try connection.transaction { connection in
            try connection.execute("INSERT INTO items VALUES (\("a"))")
            return 7
        }
        #expect(value == 7)
        #expect(try names(connection) == ["a"])
        #expect(!connection.isInTransaction)
    }

    @Test("a body that throws leaves nothing behind and its error comes out unchanged")
    func rollsBack() throws {
        let connection = try connectionWithTable("tx_rollback")
        #expect(throws: Abort()) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO items VALUES (\("a"))")
                try connection.execute("INSERT INTO items VALUES (\("b"))")
                throw Abort()
            }
        }
        #expect(try names(connection) == [])
        #expect(!connection.isInTransaction)
    }

    @Test("a database error inside rolls back and is rethrown")
    func databaseErrorRollsBack() throws {
        let connection = try connectionWithTable("tx_db_error")
        let error = #expect(throws: DatabaseError.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO items VALUES (\("a"))")
                try connection.execute("INSERT INTO items VALUES (\("a"))")
            }
        }
        #expect(error?.kind == .uniqueViolation(constraint: "items_pkey"))
        #expect(try names(connection) == [])
        try connection.execute("INSERT INTO items VALUES (\("after"))")  // the session is clean again
        #expect(try names(connection) == ["after"])
    }

    @Test("a nested transaction that throws undoes only its own work")
    func nestedSavepoint() throws {
        let connection = try connectionWithTable("tx_nested")
        try connection.transaction { connection in
            try connection.execute("INSERT INTO items VALUES (\("outer"))")
            do {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO items VALUES (\("inner"))")
                    try connection.execute("INSERT INTO items VALUES (\("inner"))")  // unique violation
                }
                Issue.record("the inner transaction should have thrown")
            } catch let error as DatabaseError {
                #expect(error.kind == .uniqueViolation(constraint: "items_pkey"))
            }
            try connection.transaction { connection in
                try connection.execute("INSERT INTO items VALUES (\("second inner"))")
            }
        }
        #expect(try names(connection) == ["outer", "second inner"])
    }

    @Test("swallowing a database error does not commit a half-done transaction")
    func swallowedErrorFailsCommit() throws {
        let connection = try connectionWithTable("tx_swallowed")
        #expect(throws: DatabaseError.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO items VALUES (\("a"))")
                _ = try? connection.execute("INSERT INTO items VALUES (\("a"))")
            }
        }
        #expect(try names(connection) == [])
    }

    @Test("serializable isolation can be requested")
    func isolation() throws {
        let connection = try connectionWithTable("tx_isolation")
        let level = try connection.transaction(isolation: .serializable) { connection in
            try connection.query("SELECT current_setting('transaction_isolation') AS level")[0].decode(
                "level",
                as: String.self
            )
        }
        #expect(level == "serializable")
    }
}
