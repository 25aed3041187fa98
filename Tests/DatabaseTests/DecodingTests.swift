import Database
import Foundation
import Testing

@Suite("Typed decoding")
struct DecodingTests {
    @Test("scalar types decode by name and by index")
    func scalars() throws {
        let connection = try TestDatabase.connect("scalars")
        let rows = try connection.query(
            """
            SELECT \(42) AS i, \(Int64.max) AS big, \(Int32(-7)) AS small, \(true) AS yes, \(false) AS no,
                   \(3.25) AS d, 0.1::float8 AS tenth, \("text") AS s, 12345678901::bigint AS server_big
            """
        )
        let row = try #require(rows.first)
        #expect(try row.decode("i", as: Int.self) == 42)
        #expect(try row.decode("big", as: Int64.self) == .max)
        #expect(try row.decode("small", as: Int32.self) == -7)
        #expect(try row.decode("yes", as: Bool.self))
        #expect(try !row.decode("no", as: Bool.self))
        #expect(try row.decode("d", as: Double.self) == 3.25)
        #expect(try row.decode("tenth", as: Double.self) == 0.1)
        #expect(try row.decode("s", as: String.self) == "text")
        #expect(try row.decode("server_big", as: Int.self) == 12_345_678_901)
        #expect(try row.decode(0, as: Int.self) == 42)
        #expect(try row.decode(7, as: String.self) == "text")
        #expect(row.columnNames == ["i", "big", "small", "yes", "no", "d", "tenth", "s", "server_big"])
    }

    @Test("NULL decodes into optionals and is an error naming the column otherwise")
    func nulls() throws {
        let connection = try TestDatabase.connect("nulls")
        let missing: String? = nil
        let present: Int? = 5
        let row = try #require(
            try connection.query("SELECT NULL::text AS nothing, \(missing) AS bound_null, \(present) AS five").first
        )
        #expect(try row.decode("nothing", as: String?.self) == nil)
        #expect(try row.decode("bound_null", as: String?.self) == nil)
        #expect(try row.decode("five", as: Int?.self) == 5)
        #expect(row.isNull("nothing"))

        let error = #expect(throws: DatabaseError.self) { try row.decode("nothing", as: String.self) }
        #expect(error?.kind == .decoding(column: "nothing"))
        #expect(error?.description.contains("nothing") == true)
        #expect(error?.description.contains("String") == true)
    }

    @Test("text that does not fit the type, and unknown columns, are decoding errors without the value")
    func mismatches() throws {
        let connection = try TestDatabase.connect("mismatch")
        let row = try #require(try connection.query("SELECT \("secret-value") AS s, 1.5::numeric AS n").first)
        let notInt = #expect(throws: DatabaseError.self) { try row.decode("s", as: Int.self) }
        #expect(notInt?.kind == .decoding(column: "s"))
        #expect(notInt?.description.contains("secret-value") == false)
        #expect(notInt?.message.contains("secret-value") == false)
        #expect(throws: DatabaseError.self) { try row.decode("n", as: Int.self) }
        let unknown = #expect(throws: DatabaseError.self) { try row.decode("nope", as: String.self) }
        #expect(unknown?.kind == .decoding(column: "nope"))
        #expect(throws: DatabaseError.self) { try row.decode(9, as: String.self) }
    }

    @Test("Swedish and other non-ASCII text round-trips")
    func unicodeRoundTrip() throws {
        let connection = try TestDatabase.connect("unicode")
        try connection.executeScript(unsafeSQL: "CREATE TABLE notes (body text NOT NULL)")
        let text = "Räksmörgås på Åre — ÅÄÖ åäö é ü 🎪🎉"
        try connection.execute("INSERT INTO notes (body) VALUES (\(text))")
        let row = try #require(
            try connection.query("SELECT body, length(body) AS length, upper(body) AS upper FROM notes").first
        )
        #expect(try row.decode("body", as: String.self) == text)
        #expect(try row.decode("length", as: Int.self) == text.unicodeScalars.count)
        #expect(try row.decode("upper", as: String.self) == text.uppercased())
        let found = try connection.query("SELECT count(*) AS n FROM notes WHERE body = \(text)")
        #expect(try found[0].decode("n", as: Int.self) == 1)
    }

    @Test("bytea round-trips every byte value")
    func byteaRoundTrip() throws {
        let connection = try TestDatabase.connect("bytea")
        try connection.executeScript(unsafeSQL: "CREATE TABLE blobs (id int PRIMARY KEY, content bytea NOT NULL)")
        let all = (0...255).map { UInt8($0) }
        let empty: [UInt8] = []
        try connection.execute("INSERT INTO blobs VALUES (1, \(all)), (2, \(empty))")
        let rows = try connection.query("SELECT id, content, octet_length(content) AS length FROM blobs ORDER BY id")
        #expect(try rows[0].decode("content", as: [UInt8].self) == all)
        #expect(try rows[0].decode("length", as: Int.self) == 256)
        #expect(try rows[1].decode("content", as: [UInt8].self) == [])
        let nothing: [UInt8]? = nil
        let null = try connection.query("SELECT \(nothing) AS b")
        #expect(try null[0].decode("b", as: [UInt8]?.self) == nil)
    }

    @Test("dates round-trip with microseconds and parse the server's UTC output")
    func dates() throws {
        let connection = try TestDatabase.connect("dates")
        let date = Date(timeIntervalSince1970: 1_700_000_000.123456)
        let row = try #require(
            try connection.query(
                """
                SELECT \(date) AS t, \(date)::text AS text,
                       '2024-03-31 01:30:00+02'::timestamptz AS dst,
                       '2024-06-01'::date AS day,
                       '1969-12-31 23:59:59.5'::timestamp AS before_epoch,
                       now() AS now
                """
            ).first
        )
        #expect(abs(try row.decode("t", as: Date.self).timeIntervalSince(date)) < 0.000_001)
        #expect(try row.decode("text", as: String.self) == "2023-11-14 22:13:20.123456+00")
        // 01:30 at +02 is 2024-03-30 23:30 UTC.
        #expect(try row.decode("dst", as: Date.self) == Date(timeIntervalSince1970: 1_711_841_400))
        #expect(try row.decode("day", as: Date.self) == Date(timeIntervalSince1970: 1_717_200_000))
        #expect(try row.decode("before_epoch", as: Date.self) == Date(timeIntervalSince1970: -0.5))
        #expect(abs(try row.decode("now", as: Date.self).timeIntervalSinceNow) < 60)
    }

    @Test("UUIDs round-trip")
    func uuids() throws {
        let connection = try TestDatabase.connect("uuids")
        let id = UUID()
        let row = try #require(try connection.query("SELECT \(id) AS id, \(id)::text AS text").first)
        #expect(try row.decode("id", as: UUID.self) == id)
        #expect(try row.decode("text", as: String.self) == id.uuidString.lowercased())
    }
}
