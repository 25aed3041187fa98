import Foundation
import Testing

@testable import Database

@Suite("Query building and parameter binding")
struct QueryTests {
    @Test("interpolations become numbered placeholders, never SQL text")
    func placeholders() {
        let email = "anna@example.se"
        let query: Query = "SELECT id FROM customers WHERE email = \(email) AND archived_at IS NULL LIMIT \(10)"
        #expect(query.sql == "SELECT id FROM customers WHERE email = $1 AND archived_at IS NULL LIMIT $2")
        #expect(query.parameterCount == 2)
        #expect(!query.description.contains(email))
    }

    @Test("fragments and + renumber placeholders")
    func composition() {
        let filter: Query = "state = \("sent") AND total_ore > \(100)"
        var query: Query = "SELECT id FROM quotations WHERE customer_id = \(7) AND \(fragment: filter)"
        query += " ORDER BY id DESC LIMIT \(20)"
        let expected =
            "SELECT id FROM quotations WHERE customer_id = $1 AND state = $2 AND total_ore > $3"
            + " ORDER BY id DESC LIMIT $4"
        #expect(query.sql == expected)
        #expect(query.parameterCount == 4)
        let plain: Query = "SELECT 1"
        #expect(plain.sql == "SELECT 1")
        #expect(plain.parameterCount == 0)
    }

    @Test("an injection attempt stays data")
    func injectionStaysData() throws {
        let connection = try TestDatabase.connect("injection")
        try connection.executeScript(unsafeSQL: "CREATE TABLE people (id serial PRIMARY KEY, name text NOT NULL)")
        let evil = "Robert'); DROP TABLE people; --"
        try connection.execute("INSERT INTO people (name) VALUES (\(evil))")
        let quoted = "x' OR '1'='1"
        let none = try connection.query("SELECT id FROM people WHERE name = \(quoted)")
        #expect(none.isEmpty)
        let rows = try connection.query("SELECT name FROM people WHERE name = \(evil)")
        #expect(try rows.map { try $0.decode("name", as: String.self) } == [evil])
        let echoed = try connection.query("SELECT \(evil) AS v, \("$1") AS dollar")
        #expect(try echoed[0].decode("v", as: String.self) == evil)
        #expect(try echoed[0].decode("dollar", as: String.self) == "$1")
    }

    @Test("an array parameter carries every element back exactly, quotes, backslashes and NULL included")
    func arrayParameters() throws {
        let connection = try TestDatabase.connect("array_params")
        let texts: [String?] = [
            "plain", "with \"quotes\"", #"back\slash"#, "{braces}, comma", "", nil, "NULL", "å ä ö",
        ]
        let rows = try connection.query(
            "SELECT t, ordinality FROM unnest(\(PostgresArray(texts))::text[]) WITH ORDINALITY AS a(t, ordinality)")
        #expect(try rows.map { try $0.decode("t", as: String?.self) } == texts)
        let numbers: [Int64?] = [1, nil, -9_000_000_000]
        let numberRows = try connection.query("SELECT unnest(\(PostgresArray(numbers))::int8[]) AS n")
        #expect(try numberRows.map { try $0.decode("n", as: Int64?.self) } == numbers)
    }

    @Test("a pipeline returns each query's rows in order, in one round trip")
    func pipelineResults() throws {
        let connection = try TestDatabase.connect("pipeline_rows")
        try connection.executeScript(unsafeSQL: "CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)")
        try connection.execute("INSERT INTO items VALUES (1, \("one")), (2, \("two")), (3, \("three"))")
        for _ in 0..<2 {  // the second time every statement is already prepared
            let results = try connection.pipeline([
                "SELECT name FROM items WHERE id <= \(2) ORDER BY id",
                "SELECT count(*) AS n FROM items",
                "SELECT name FROM items WHERE id = \(99)",
            ])
            #expect(results.count == 3)
            #expect(try results[0].map { try $0.decode("name", as: String.self) } == ["one", "two"])
            #expect(try results[1][0].decode("n", as: Int.self) == 3)
            #expect(results[2].isEmpty)
        }
    }

    @Test("a failing query in a pipeline throws its own error and leaves the connection usable")
    func pipelineFailure() throws {
        let connection = try TestDatabase.connect("pipeline_failure")
        #expect {
            _ = try connection.pipeline(["SELECT 1 AS a", "SELECT 1 / \(0) AS b", "SELECT 3 AS c"])
        } throws: { error in
            (error as? DatabaseError)?.sqlState == "22012"
        }
        let after = try connection.pipeline(["SELECT \(5) + 1 AS a", "SELECT \("x") AS b"])
        #expect(try after[0][0].decode("a", as: Int.self) == 6)
        #expect(try after[1][0].decode("b", as: String.self) == "x")
        let inside = try connection.transaction { tx in try tx.pipeline(["SELECT 1 AS a", "SELECT 2 AS b"]) }
        #expect(try inside[1][0].decode("b", as: Int.self) == 2)
    }

    @Test("a pipeline at the prepared-statement limit still runs every query")
    func pipelineAtTheLimit() throws {
        let connection = try TestDatabase.connect("pipeline_limit")
        for n in 0..<Connection.preparedStatementLimit {
            _ = try connection.query(Query(unsafeSQL: "SELECT \(n) AS n"))
        }
        // The first is already prepared; preparing the second must not deallocate it under the pipeline.
        let results = try connection.pipeline([Query(unsafeSQL: "SELECT 0 AS n"), "SELECT \(7) + 1 AS n"])
        #expect(try results[0][0].decode("n", as: Int.self) == 0)
        #expect(try results[1][0].decode("n", as: Int.self) == 8)
    }

    @Test("composed queries bind values in order")
    func composedBinding() throws {
        let connection = try TestDatabase.connect("composed")
        let tail: Query = ", \(2) AS b, \("three") AS c"
        let rows = try connection.query("SELECT \(1) AS a" + tail)
        #expect(try rows[0].decode("a", as: Int.self) == 1)
        #expect(try rows[0].decode("b", as: Int.self) == 2)
        #expect(try rows[0].decode("c", as: String.self) == "three")
    }

    @Test("typed parameters work where the server cannot infer a type")
    func typedParameters() throws {
        let connection = try TestDatabase.connect("typed_params")
        let missing: Int? = nil
        let rows = try connection.query(
            "SELECT \(missing) IS NULL AS a, \(5) + 1 AS b, coalesce(\(nil as Date?), now()) IS NOT NULL AS c"
        )
        #expect(try rows[0].decode("a", as: Bool.self))
        #expect(try rows[0].decode("b", as: Int.self) == 6)
        #expect(try rows[0].decode("c", as: Bool.self))
    }

    @Test("execute returns the number of affected rows")
    func affectedRows() throws {
        let connection = try TestDatabase.connect("affected")
        try connection.executeScript(unsafeSQL: "CREATE TABLE t (n int); INSERT INTO t SELECT generate_series(1, 5)")
        #expect(try connection.execute("UPDATE t SET n = n + 1 WHERE n > \(2)") == 3)
        #expect(try connection.execute("DELETE FROM t") == 5)
    }

    @Test("each distinct statement is prepared once per connection")
    func preparedOnce() throws {
        let connection = try TestDatabase.connect("prepared")
        let query: Query = "SELECT \(1) + 1 AS two"
        for _ in 0..<3 {
            #expect(try connection.query(query)[0].decode("two", as: Int.self) == 2)
        }
        let count = try connection.query(
            "SELECT count(*) AS n FROM pg_prepared_statements WHERE statement = \(query.sql)"
        )
        #expect(try count[0].decode("n", as: Int.self) == 1)
    }

    @Test("a NUL byte in a parameter is refused, not truncated")
    func nulByte() throws {
        let connection = try TestDatabase.connect("nul")
        let error = #expect(throws: DatabaseError.self) {
            try connection.query("SELECT \("before\u{0}after") AS v")
        }
        #expect(error?.kind == .other)
        #expect(error?.description.contains("NUL") == true)
    }

    @Test("a syntax error is an error of kind other with its SQLSTATE")
    func syntaxError() throws {
        let connection = try TestDatabase.connect("syntax")
        let error = #expect(throws: DatabaseError.self) { try connection.query("SELEC 1") }
        #expect(error?.kind == .other)
        #expect(error?.sqlState == "42601")
        // The connection is still usable afterwards.
        #expect(try connection.query("SELECT 1 AS one")[0].decode("one", as: Int.self) == 1)
    }
}
