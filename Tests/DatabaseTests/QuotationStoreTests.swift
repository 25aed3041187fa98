import Database
import Domain
import Foundation
import TestSupport
import Testing
import UseCases

@Suite("Quotations: numbers and sending")
struct QuotationStoreTests {
    typealias Fixture = QuotationFixture

    static func fixture(_ db: Connection, stock: Int = 4) throws -> Fixture { try QuotationFixture(db, stock: stock) }

    static func draft(_ f: Fixture, on db: Connection) throws -> QuotationID {
        try f.draft(on: db, lineDiscount: try .percent(basisPoints: 1000), discount: try .percent(basisPoints: 500))
    }

    static func count(_ db: Connection, _ sql: Query) throws -> Int { try QuotationFixture.count(db, sql) }

    @Test func numbersAreGapFreeAndUniqueUnderConcurrency() throws {
        let url = TemporaryPostgres.shared.createDatabase(named: "quotation_numbers")
        let setup = try Connection(url: url)
        try Migrator(connection: setup).migrate()
        let f = try Self.fixture(setup)
        let failures = LockedBox<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            guard let db = try? Connection(url: url) else {
                failures.update { $0 += 1 }
                return
            }
            for _ in 0..<10 {
                do { _ = try Self.draft(f, on: db) } catch { failures.update { $0 += 1 } }
            }
        }
        #expect(failures.get() == 0)
        let numbers: [String] = try setup.query("SELECT number FROM quotations ORDER BY number").map {
            try $0.decode("number")
        }
        #expect(numbers.count == 40)
        let parsed = try numbers.map { try DocumentNumber(parsing: $0) }
        #expect(Set(parsed.map(\.year)).count == 1)
        #expect(parsed.map(\.sequence).sorted() == Array(1...40))
        #expect(try Self.count(setup, "SELECT count(*) AS n FROM audit_log WHERE action = 'created'") == 40)
    }

    @Test func aRolledBackDraftGivesItsNumberBack() throws {
        let db = try TestDatabase.migrated("quotation_number_rollback")
        let f = try Self.fixture(db)
        _ = try? db.transaction { tx in
            _ = try Self.draft(f, on: tx)
            throw Abort()
        }
        let id = try Self.draft(f, on: db)
        let number: String = try db.query("SELECT number FROM quotations WHERE id = \(id.rawValue)")[0].decode("number")
        #expect(try DocumentNumber(parsing: number).sequence == 1)
    }

    @Test func sendingFreezesAVersionWithAMatchingHashAndStoresOnlyTheTokenHash() throws {
        let db = try TestDatabase.migrated("quotation_send")
        let f = try Self.fixture(db)
        let id = try Self.draft(f, on: db)
        let sent = try SendQuotation.freeze(db, quotationID: id, sentBy: f.user)
        #expect(sent.versionNo == 1)

        let version = try #require(
            try db.query(
                "SELECT snapshot, snapshot_sha256, state FROM quotation_versions WHERE id = \(sent.versionID.rawValue)"
            ).first)
        let snapshotText: String = try version.decode("snapshot")
        let storedHash: [UInt8] = try version.decode("snapshot_sha256")
        #expect(SHA256.hash(Array(snapshotText.utf8)) == storedHash)
        #expect(SHA256.hexDigest(Array(snapshotText.utf8)) == sent.snapshotSHA256)
        #expect(try version.decode("state", as: String.self) == "sent")
        let snapshot = try QuotationSnapshot(canonicalJSON: snapshotText)
        #expect(snapshot.customer.name == "Åsa Öberg")
        #expect(snapshot.version == 1)
        #expect(snapshot.lines.count == 2)
        // 2 × 450 kr × 3 days = 2 700 kr − 10 % = 2 430 kr; + 995 = 3 425; − 5 % = 3 253,75 → …
        #expect(snapshot.totals.total.ore > 0)

        // 256-bit token, URL-safe base64 without padding.
        #expect(sent.token.text.count == 43)
        #expect(sent.token.text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        let link = try #require(
            try db.query(
                """
                SELECT token_hash, quotation_version_id, recipient_email::text AS email, expires_at > now() AS live,
                       voided_at IS NULL AS unvoided
                  FROM signing_links WHERE id = \(sent.signingLinkID.rawValue)
                """
            ).first)
        #expect(try link.decode("token_hash", as: [UInt8].self) == SHA256.hash(Array(sent.token.text.utf8)))
        #expect(try link.decode("token_hash", as: [UInt8].self) == SigningLinkToken.hash(ofPresented: sent.token.text))
        #expect(try link.decode("quotation_version_id", as: Int64.self) == sent.versionID.rawValue)
        #expect(try link.decode("email", as: String.self) == "asa@example.se")
        #expect(try link.decode("live", as: Bool.self))
        #expect(try link.decode("unvoided", as: Bool.self))
        #expect(
            try Self.count(
                db,
                "SELECT count(*) AS n FROM signing_links s WHERE strpos(s::text, \(sent.token.text)) > 0"
            ) == 0)
        #expect(
            try Self.count(
                db,
                "SELECT count(*) AS n FROM signing_links WHERE strpos(encode(token_hash, 'escape'), \(sent.token.text)) > 0"
            ) == 0)

        let quotation = try #require(
            try db.query("SELECT state, current_version FROM quotations WHERE id = \(id.rawValue)").first)
        #expect(try quotation.decode("state", as: String.self) == "sent")
        #expect(try quotation.decode("current_version", as: Int.self) == 1)

        // The signing-link email goes out first; the signing reminder's run (a built-in trigger on
        // quotation.sent) is queued with it, in the same transaction.
        #expect(
            try Self.count(db, "SELECT count(*) AS n FROM jobs WHERE kind = 'trigger.run' AND payload->>'step' = '0'")
                == 1)
        _ = try db.execute("UPDATE jobs SET run_at = now() + interval '1 hour' WHERE kind = 'trigger.run'")
        let job = try #require(try JobStore.claim(db, workerID: "w", leaseSeconds: 60))
        #expect(job.kind == "email.signing_link")
        #expect(job.payload.contains(sent.token.text))
        #expect(job.payload.contains("\(sent.signingLinkID.rawValue)"))
        #expect(
            try Self.count(
                db, "SELECT count(*) AS n FROM audit_log WHERE entity_id = \(id.rawValue) AND action = 'sent'")
                == 1)
    }

    @Test func aRolledBackSendLeavesNoVersionNoLinkAndNoJob() throws {
        let db = try TestDatabase.migrated("quotation_send_rollback")
        let f = try Self.fixture(db)
        let id = try Self.draft(f, on: db)
        _ = try? db.transaction { tx in
            _ = try SendQuotation.freeze(tx, quotationID: id, sentBy: f.user)
            throw Abort()
        }
        #expect(try Self.count(db, "SELECT count(*) AS n FROM quotation_versions") == 0)
        #expect(try Self.count(db, "SELECT count(*) AS n FROM signing_links") == 0)
        #expect(try Self.count(db, "SELECT count(*) AS n FROM jobs") == 0)
        #expect(try Self.count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'sent'") == 0)
        let state: String = try db.query("SELECT state FROM quotations WHERE id = \(id.rawValue)")[0].decode("state")
        #expect(state == "draft")
    }

    @Test func sendingAgainMakesVersionTwoSupersedesOneAndVoidsItsLink() throws {
        let db = try TestDatabase.migrated("quotation_resend")
        let f = try Self.fixture(db)
        let id = try Self.draft(f, on: db)
        let first = try SendQuotation.freeze(db, quotationID: id, sentBy: f.user)
        let second = try SendQuotation.freeze(db, quotationID: id, sentBy: f.user)
        #expect(second.versionNo == 2)
        #expect(second.token != first.token)
        let states = try db.query("SELECT version_no, state FROM quotation_versions ORDER BY version_no").map {
            row throws -> String in
            "\(try row.decode("version_no", as: Int.self)):\(try row.decode("state", as: String.self))"
        }
        #expect(states == ["1:superseded", "2:sent"])
        let firstVoided: Bool = try db.query(
            "SELECT voided_at IS NOT NULL AS v FROM signing_links WHERE id = \(first.signingLinkID.rawValue)")[0]
            .decode("v")
        let secondVoided: Bool = try db.query(
            "SELECT voided_at IS NOT NULL AS v FROM signing_links WHERE id = \(second.signingLinkID.rawValue)")[0]
            .decode("v")
        #expect(firstVoided)
        #expect(!secondVoided)
        #expect(try Self.count(db, "SELECT count(*) AS n FROM jobs WHERE kind = 'email.signing_link'") == 2)
        let current: Int = try db.query("SELECT current_version FROM quotations WHERE id = \(id.rawValue)")[0].decode(
            "current_version")
        #expect(current == 2)
    }

    @Test func aSignedOrVoidQuotationCannotBeSent() throws {
        let db = try TestDatabase.migrated("quotation_send_void")
        let f = try Self.fixture(db)
        let id = try Self.draft(f, on: db)
        try db.execute("UPDATE quotations SET state = 'void' WHERE id = \(id.rawValue)")
        #expect(throws: QuotationStoreError.notSendable(state: "void")) {
            try SendQuotation.freeze(db, quotationID: id, sentBy: f.user)
        }
    }
}
