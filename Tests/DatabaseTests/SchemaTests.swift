import Database
import Foundation
import Testing

/// The initial schema's rules, checked through the same error kinds handlers will see.
@Suite("Initial schema")
struct SchemaTests {
    @Test("settings has its single default row")
    func settingsRow() throws {
        let connection = try TestDatabase.migrated("schema_settings")
        let rows = try connection.query(
            "SELECT company_name, default_vat_rate_bp, signing_link_validity_days FROM settings"
        )
        #expect(rows.count == 1)
        #expect(try rows[0].decode("company_name", as: String.self) == "EventGaraget")
        #expect(try rows[0].decode("default_vat_rate_bp", as: Int.self) == 2500)
        #expect(try rows[0].decode("signing_link_validity_days", as: Int.self) == 30)
        let second = #expect(throws: DatabaseError.self) {
            try connection.execute("INSERT INTO settings (id, company_name) VALUES (\(false), \("Other"))")
        }
        #expect(second?.kind == .checkViolation(constraint: "settings_single_row"))
    }

    @Test("user e-mail is unique regardless of case, and roles are a closed set")
    func users() throws {
        let connection = try TestDatabase.migrated("schema_users")
        try insertUser(connection, email: "Anna@Example.se")
        let duplicate = #expect(throws: DatabaseError.self) { try insertUser(connection, email: "anna@example.SE") }
        #expect(duplicate?.kind == .uniqueViolation(constraint: "users_email_key"))
        let role = #expect(throws: DatabaseError.self) {
            try insertUser(connection, email: "b@example.se", role: "owner")
        }
        #expect(role?.kind == .checkViolation(constraint: "users_role_check"))
    }

    @Test("a rental period cannot end before it starts")
    func periods() throws {
        let connection = try TestDatabase.migrated("schema_periods")
        let userID = try insertUser(connection, email: "staff@example.se")
        let customerID: Int = try connection.query(
            "INSERT INTO customers (kind, name) VALUES ('person', \("Åsa Öberg")) RETURNING id"
        )[0].decode("id")
        let error = #expect(throws: DatabaseError.self) {
            try connection.execute(
                """
                INSERT INTO quotations (number, customer_id, period_start, period_end, created_by)
                VALUES (\("Q-2025-0001"), \(customerID), \("2025-06-10"), \("2025-06-09"), \(userID))
                """
            )
        }
        #expect(error?.kind == .checkViolation(constraint: "quotations_period_check"))
        let found = try connection.query("SELECT count(*) AS n FROM customers WHERE search_text ILIKE \("%öber%")")
        #expect(try found[0].decode("n", as: Int.self) == 1)
    }

    @Test("numbers are allocated without gaps, and a rollback gives the number back")
    func numbering() throws {
        let connection = try TestDatabase.migrated("schema_numbers")
        func allocate() throws -> Int {
            try connection.query(
                """
                INSERT INTO number_sequences (kind, year, last_number) VALUES ('quotation', \(2025), 1)
                ON CONFLICT (kind, year) DO UPDATE SET last_number = number_sequences.last_number + 1
                RETURNING last_number
                """
            )[0].decode("last_number")
        }
        #expect(try allocate() == 1)
        #expect(throws: Abort()) {
            try connection.transaction { _ in
                _ = try allocate()
                throw Abort()
            }
        }
        #expect(try allocate() == 2)
    }

    @Test("frozen versions and stored documents must match their SHA-256")
    func hashes() throws {
        let connection = try TestDatabase.migrated("schema_hashes")
        let userID = try insertUser(connection, email: "staff@example.se")
        let customerID: Int = try connection.query(
            """
            INSERT INTO customers (kind, name, company_name) VALUES ('company', \("Eva"), \("Tält & Scen AB"))
            RETURNING id
            """
        )[0].decode("id")
        let quotationID: Int = try connection.query(
            """
            INSERT INTO quotations (number, customer_id, period_start, period_end, created_by)
            VALUES (\("Q-2025-0001"), \(customerID), \("2025-06-10"), \("2025-06-12"), \(userID)) RETURNING id
            """
        )[0].decode("id")
        let zeroHash = [UInt8](repeating: 0, count: 32)
        let snapshot = #"{"lines":[{"description":"Partytält 6×12 m","quantity":1}],"total_ore":1250000}"#
        let wrongSnapshotHash = #expect(throws: DatabaseError.self) {
            try connection.execute(
                """
                INSERT INTO quotation_versions (quotation_id, version_no, snapshot, snapshot_sha256, total_ore)
                VALUES (\(quotationID), 1, \(snapshot), \(zeroHash), 1250000)
                """
            )
        }
        #expect(wrongSnapshotHash?.kind == .checkViolation(constraint: "quotation_versions_sha256_check"))
        let versionID: Int = try connection.query(
            """
            INSERT INTO quotation_versions (quotation_id, version_no, snapshot, snapshot_sha256, total_ore)
            VALUES (\(quotationID), 1, \(snapshot), sha256(convert_to(\(snapshot), 'UTF8')), 1250000) RETURNING id
            """
        )[0].decode("id")

        let pdf: [UInt8] = Array("%PDF-1.7 signed".utf8)
        let wrongDocumentHash = #expect(throws: DatabaseError.self) {
            try connection.execute(
                """
                INSERT INTO documents (kind, quotation_version_id, file_name, mime, content, sha256)
                VALUES ('signed_agreement', \(versionID), 'avtal.pdf', 'application/pdf', \(pdf), \(zeroHash))
                """
            )
        }
        #expect(wrongDocumentHash?.kind == .checkViolation(constraint: "documents_sha256_check"))
        try connection.execute(
            """
            INSERT INTO documents (kind, quotation_version_id, file_name, mime, content, sha256)
            VALUES ('signed_agreement', \(versionID), 'avtal.pdf', 'application/pdf', \(pdf), sha256(\(pdf)))
            """
        )
        let second = #expect(throws: DatabaseError.self) {
            try connection.execute(
                """
                INSERT INTO documents (kind, quotation_version_id, file_name, mime, content, sha256)
                VALUES ('signed_agreement', \(versionID), 'avtal.pdf', 'application/pdf', \(pdf), sha256(\(pdf)))
                """
            )
        }
        #expect(second?.kind == .uniqueViolation(constraint: "documents_signed_agreement_key"))
    }

    @discardableResult
    private func insertUser(_ connection: Connection, email: String, role: String = "admin") throws -> Int {
        try connection.query(
            """
            INSERT INTO users (email, name, role, password_hash)
            VALUES (\(email), \("Test User"), \(role), \("$argon2id$v=19$m=65536,t=2,p=1$x$y"))
            RETURNING id
            """
        )[0].decode("id")
    }
}
