import Database
import Testing

@Suite("SQLSTATE mapping")
struct ErrorMappingTests {
    private func connection(_ name: String) throws -> Connection {
        let connection = try TestDatabase.connect(name)
        try connection.executeScript(
            unsafeSQL: """
                CREATE TABLE teams (id int PRIMARY KEY);
                CREATE TABLE people (
                    id serial PRIMARY KEY,
                    email text NOT NULL CONSTRAINT people_email_key UNIQUE,
                    age int CONSTRAINT people_age_check CHECK (age >= 0),
                    team_id int CONSTRAINT people_team_fkey REFERENCES teams
                );
                """
        )
        return connection
    }

    @Test("a unique violation names its constraint, and the description holds no value")
    func uniqueViolation() throws {
        let connection = try connection("unique")
        let email = "anna.andersson@example.se"
        try connection.execute("INSERT INTO people (email) VALUES (\(email))")
        let error = #expect(throws: DatabaseError.self) {
            try connection.execute("INSERT INTO people (email) VALUES (\(email))")
        }
        #expect(error?.kind == .uniqueViolation(constraint: "people_email_key"))
        #expect(error?.sqlState == "23505")
        #expect(error?.description.contains(email) == false)
        #expect(error?.description.contains("people_email_key") == true)
        #expect(error?.description.contains("ErrorMappingTests.swift") == true)  // the call site
    }

    @Test("foreign key, check and not-null violations")
    func otherConstraints() throws {
        let connection = try connection("constraints")
        let foreignKey = #expect(throws: DatabaseError.self) {
            try connection.execute("INSERT INTO people (email, team_id) VALUES (\("a@x.se"), \(Int32(99)))")
        }
        #expect(foreignKey?.kind == .foreignKeyViolation(constraint: "people_team_fkey"))
        let check = #expect(throws: DatabaseError.self) {
            try connection.execute("INSERT INTO people (email, age) VALUES (\("b@x.se"), \(-1))")
        }
        #expect(check?.kind == .checkViolation(constraint: "people_age_check"))
        let notNull = #expect(throws: DatabaseError.self) {
            try connection.execute("INSERT INTO people (email) VALUES (\(nil as String?))")
        }
        #expect(notNull?.kind == .notNullViolation(column: "email"))
    }

    @Test("serialization failures and deadlocks are transient")
    func transientKinds() throws {
        let connection = try connection("transient")
        let serialization = #expect(throws: DatabaseError.self) {
            try connection.executeScript(
                unsafeSQL: "DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'serialization_failure'; END $$"
            )
        }
        #expect(serialization?.kind == .serializationFailure)
        #expect(serialization?.isTransient == true)
        let deadlock = #expect(throws: DatabaseError.self) {
            try connection.executeScript(
                unsafeSQL: "DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'deadlock_detected'; END $$"
            )
        }
        #expect(deadlock?.kind == .deadlock)
    }

    @Test("connection failure at connect time is connectionUnavailable")
    func unreachable() {
        let error = #expect(throws: DatabaseError.self) {
            _ = try Connection(url: "host=/nonexistent-socket-dir port=5 user=postgres dbname=none")
        }
        #expect(error?.kind == .connectionUnavailable)
    }
}
