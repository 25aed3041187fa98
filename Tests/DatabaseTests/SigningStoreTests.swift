import Database
import Domain
import Foundation
import TestSupport
import Testing
import UseCases

@Suite("Signing: one transaction")
struct SigningStoreTests {
    typealias Fixture = QuotationFixture

    static func fixture(_ db: Connection, stock: Int = 4) throws -> Fixture { try QuotationFixture(db, stock: stock) }

    static func draft(_ f: Fixture, on db: Connection, quantity: Int = 2) throws -> QuotationID {
        try f.draft(on: db, quantity: quantity)
    }

    static func count(_ db: Connection, _ sql: Query) throws -> Int { try QuotationFixture.count(db, sql) }

    static let evidence = SigningEvidenceInput(
        signerName: "Åsa Öberg", signerEmail: "asa@example.se", ipAddress: "203.0.113.7", userAgent: "Test/1.0")

    /// Rows stored by signing (everything but audit rows and jobs, counted separately).
    static func storedCounts(_ db: Connection) throws -> [Int] {
        [
            try count(db, "SELECT count(*) AS n FROM signatures"),
            try count(db, "SELECT count(*) AS n FROM bookings"),
            try count(db, "SELECT count(*) AS n FROM booking_lines"),
            try count(db, "SELECT count(*) AS n FROM jobs WHERE kind <> 'email.signing_link'"),
            try count(db, "SELECT count(*) AS n FROM quotation_versions WHERE state = 'signed'"),
        ]
    }

    @Test func signingCreatesTheBookingSignatureAndJobsAndASecondSubmitCreatesNothing() throws {
        let db = try TestDatabase.migrated("signing_sign")
        let f = try Self.fixture(db)
        let id = try Self.draft(f, on: db)
        let sent = try SendQuotation.freeze(db, quotationID: id, sentBy: f.user)

        let outcome = try SignQuotation.run(
            db, tokenHash: sent.token.hash, signature: .typed(name: "Åsa Öberg"), evidence: Self.evidence)
        guard case .signed(let bookingID, let number, _) = outcome else {
            Issue.record("expected .signed, got \(outcome)")
            return
        }
        let parsed = try DocumentNumber(parsing: number)
        #expect(parsed.kind == .booking)
        #expect(parsed.sequence == 1)
        #expect(number.hasPrefix("EG-"))

        let booking = try #require(
            try db.query(
                """
                SELECT number, state, quotation_id, quotation_version_id, total_ore,
                       period_start::text AS ps, period_end::text AS pe
                  FROM bookings WHERE id = \(bookingID.rawValue)
                """
            ).first)
        #expect(try booking.decode("number", as: String.self) == number)
        #expect(try booking.decode("state", as: String.self) == "confirmed")
        #expect(try booking.decode("quotation_version_id", as: Int64.self) == sent.versionID.rawValue)
        #expect(try booking.decode("ps", as: String.self) == "2026-06-19")
        #expect(try booking.decode("pe", as: String.self) == "2026-06-21")
        let lines = try db.query(
            "SELECT product_id, quantity, period_start::text AS ps FROM booking_lines WHERE booking_id = \(bookingID.rawValue)"
        )
        #expect(lines.count == 1)
        #expect(try lines[0].decode("product_id", as: Int64.self) == f.product.rawValue)
        #expect(try lines[0].decode("quantity", as: Int.self) == 2)

        let signature = try #require(
            try db.query(
                """
                SELECT encode(document_sha256, 'hex') AS sha, method, typed_text, consent, host(ip) AS ip, user_agent,
                       signing_link_id
                  FROM signatures WHERE quotation_version_id = \(sent.versionID.rawValue)
                """
            ).first)
        #expect(try signature.decode("sha", as: String.self) == sent.snapshotSHA256)
        #expect(try signature.decode("method", as: String.self) == "typed")
        #expect(try signature.decode("typed_text", as: String.self) == "Åsa Öberg")
        #expect(try signature.decode("consent", as: Bool.self))
        #expect(try signature.decode("ip", as: String.self) == "203.0.113.7")
        #expect(try signature.decode("signing_link_id", as: Int64.self) == sent.signingLinkID.rawValue)

        let jobs: [String] = try db.query(
            // The send's own jobs (its link email, the signing reminder's run) are not signing's.
            "SELECT kind FROM jobs WHERE kind NOT IN ('email.signing_link', 'trigger.run') ORDER BY kind"
        ).map { try $0.decode("kind") }
        #expect(jobs == ["email.signed", "email.team_new_booking", "pdf.signed_agreement"])
        let pdfPayload: String = try db.query(
            "SELECT (payload->>'booking_id') || ':' || (payload->>'quotation_version_id') AS p FROM jobs WHERE kind = 'pdf.signed_agreement'"
        )[0].decode("p")
        #expect(pdfPayload == "\(bookingID.rawValue):\(sent.versionID.rawValue)")
        #expect(
            try Self.count(db, "SELECT count(*) AS n FROM quotations WHERE id = \(id.rawValue) AND state = 'signed'")
                == 1)
        #expect(try Self.count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'signed'") == 1)
        #expect(
            try Self.count(
                db, "SELECT count(*) AS n FROM audit_log WHERE entity_type = 'booking' AND action = 'created'") == 1)

        // A second submit: the same booking, nothing new.
        let before = try Self.storedCounts(db)
        let auditBefore = try Self.count(db, "SELECT count(*) AS n FROM audit_log")
        let again = try SignQuotation.run(
            db, tokenHash: sent.token.hash, signature: .drawn(strokesJSON: "[[{\"x\":1,\"y\":2,\"t\":0}]]"),
            evidence: Self.evidence)
        guard case .alreadySigned(let againNumber, _) = again else {
            Issue.record("expected .alreadySigned, got \(again)")
            return
        }
        #expect(againNumber == number)
        #expect(try Self.storedCounts(db) == before)
        #expect(try Self.count(db, "SELECT count(*) AS n FROM audit_log") == auditBefore)
    }

    @Test func aDrawnSignatureStoresItsStrokes() throws {
        let db = try TestDatabase.migrated("signing_drawn")
        let f = try Self.fixture(db)
        let sent = try SendQuotation.freeze(db, quotationID: try Self.draft(f, on: db), sentBy: f.user)
        let outcome = try SignQuotation.run(
            db, tokenHash: sent.token.hash, signature: .drawn(strokesJSON: "[[{\"x\":1,\"y\":2,\"t\":0}]]"),
            evidence: SigningEvidenceInput(signerName: "Åsa Öberg"))
        guard case .signed = outcome else {
            Issue.record("expected .signed, got \(outcome)")
            return
        }
        let row = try db.query("SELECT method, jsonb_array_length(strokes) AS n, ip IS NULL AS no_ip FROM signatures")[
            0]
        #expect(try row.decode("method", as: String.self) == "drawn")
        #expect(try row.decode("n", as: Int.self) == 1)
        #expect(try row.decode("no_ip", as: Bool.self))
    }

    @Test func aVoidedLinkStoresNothing() throws {
        let db = try TestDatabase.migrated("signing_voided")
        let f = try Self.fixture(db)
        let id = try Self.draft(f, on: db)
        let first = try SendQuotation.freeze(db, quotationID: id, sentBy: f.user)
        let second = try SendQuotation.freeze(db, quotationID: id, sentBy: f.user)
        let before = try Self.storedCounts(db)
        let outcome = try SignQuotation.run(
            db, tokenHash: first.token.hash, signature: .typed(name: "Åsa Öberg"), evidence: Self.evidence)
        #expect(outcome == .voided)
        #expect(try Self.storedCounts(db) == before)
        #expect(
            try DeclineQuotation.run(db, tokenHash: first.token.hash, reason: "Nej", evidence: Self.evidence) == .voided
        )
        #expect(try Self.count(db, "SELECT count(*) AS n FROM declines") == 0)
        // The new link still signs.
        let outcome2 = try SignQuotation.run(
            db, tokenHash: second.token.hash, signature: .typed(name: "Åsa Öberg"), evidence: Self.evidence)
        guard case .signed = outcome2 else {
            Issue.record("expected .signed, got \(outcome2)")
            return
        }
    }

    @Test func anExpiredOrUnknownLinkStoresNothing() throws {
        let db = try TestDatabase.migrated("signing_expired")
        let f = try Self.fixture(db)
        let sent = try SendQuotation.freeze(db, quotationID: try Self.draft(f, on: db), sentBy: f.user, validityDays: 1)
        let before = try Self.storedCounts(db)
        let later = Date().addingTimeInterval(2 * 86_400)
        let outcome = try SignQuotation.run(
            db, tokenHash: sent.token.hash, signature: .typed(name: "Åsa Öberg"), evidence: Self.evidence, now: later)
        #expect(outcome == .expired)
        #expect(
            try DeclineQuotation.run(db, tokenHash: sent.token.hash, reason: "", evidence: Self.evidence, now: later)
                == .expired)
        #expect(try Self.storedCounts(db) == before)
        let unknown = SigningLinkToken.hash(ofPresented: "nope")
        #expect(
            try SignQuotation.run(db, tokenHash: unknown, signature: .typed(name: "X"), evidence: Self.evidence)
                == .notFound)
        #expect(try DeclineQuotation.run(db, tokenHash: unknown, reason: "", evidence: Self.evidence) == .notFound)
    }

    @Test func aQuotationExpiresOnlyOnceItsWaitingLinkHasRunOut() throws {
        let db = try TestDatabase.migrated("signing_expire")
        let f = try Self.fixture(db)
        let sent = try SendQuotation.freeze(db, quotationID: try Self.draft(f, on: db), sentBy: f.user, validityDays: 1)
        #expect(try !ExpireQuotation.run(db, id: sent.quotationID), "the link is still valid")
        let later = Date().addingTimeInterval(2 * 86_400)
        #expect(try ExpireQuotation.run(db, id: sent.quotationID, now: later))
        #expect(try !ExpireQuotation.run(db, id: sent.quotationID, now: later), "once")
        let states = try db.query(
            """
            SELECT q.state AS quotation, v.state AS version FROM quotations q
              JOIN quotation_versions v ON v.quotation_id = q.id WHERE q.id = \(sent.quotationID.rawValue)
            """)[0]
        #expect(try states.decode("quotation", as: String.self) == "expired")
        #expect(try states.decode("version", as: String.self) == "expired")
        // The customer's link now says so, and signing it stores nothing.
        #expect(
            try SignQuotation.run(
                db, tokenHash: sent.token.hash, signature: .typed(name: "Åsa"), evidence: Self.evidence)
                == .expired)
        // A draft never expires.
        #expect(try !ExpireQuotation.run(db, id: try Self.draft(f, on: db), now: later))
    }

    @Test func twoSignersForTheLastUnitGetExactlyOneBooking() throws {
        let url = TemporaryPostgres.shared.createDatabase(named: "signing_last_unit")
        let setup = try Connection(url: url)
        try Migrator(connection: setup).migrate()
        let f = try Self.fixture(setup, stock: 1)
        let a = try SendQuotation.freeze(setup, quotationID: try Self.draft(f, on: setup, quantity: 1), sentBy: f.user)
        let b = try SendQuotation.freeze(setup, quotationID: try Self.draft(f, on: setup, quantity: 1), sentBy: f.user)
        let hashes = [a.token.hash, b.token.hash]
        let outcomes = LockedBox<[SigningOutcome]>([])
        let failures = LockedBox<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                let db = try Connection(url: url)
                let outcome = try SignQuotation.run(
                    db, tokenHash: hashes[index], signature: .typed(name: "Signer \(index)"), evidence: Self.evidence)
                outcomes.update { $0.append(outcome) }
            } catch {
                failures.update { $0 += 1 }
            }
        }
        #expect(failures.get() == 0)
        let all = outcomes.get()
        #expect(all.count == 2)
        let signed = all.filter { if case .signed = $0 { true } else { false } }
        let refused = all.compactMap { outcome -> [UnavailableItem]? in
            if case .unavailable(let items) = outcome { items } else { nil }
        }
        #expect(signed.count == 1)
        #expect(refused.count == 1)
        #expect(refused.first?.first?.productID == f.product.rawValue)
        #expect(refused.first?.first?.requested == 1)
        #expect(refused.first?.first?.available == 0)
        #expect(try Self.count(setup, "SELECT count(*) AS n FROM bookings") == 1)
        #expect(try Self.count(setup, "SELECT count(*) AS n FROM signatures") == 1)
        #expect(
            try Self.count(setup, "SELECT count(*) AS n FROM audit_log WHERE action = 'sign_refused_unavailable'") == 1)
        #expect(try Self.count(setup, "SELECT count(*) AS n FROM jobs WHERE kind = 'email.team_unavailable'") == 1)
        #expect(
            try Self.count(
                setup,
                "SELECT count(*) AS n FROM jobs WHERE kind = 'email.team_unavailable' AND payload->'items'->0->>'product_id' = \(String(f.product.rawValue))"
            ) == 1)
        // The refused version stays unsigned.
        #expect(try Self.count(setup, "SELECT count(*) AS n FROM quotation_versions WHERE state = 'sent'") == 1)
    }

    /// Finding L3: a customer pressing "sign" again and again (and more customers on one
    /// quotation's link) is one team notice per quotation per hour, listing every attempt.
    @Test func refusedAttemptsMakeOneNoticePerQuotationPerHour() throws {
        let db = try TestDatabase.migrated("signing_refused_notice")
        let f = try Self.fixture(db, stock: 1)
        let sent = try SendQuotation.freeze(db, quotationID: try Self.draft(f, on: db, quantity: 2), sentBy: f.user)
        for attempt in 0..<6 {
            let outcome = try SignQuotation.run(
                db, tokenHash: sent.token.hash, signature: .typed(name: "Försök \(attempt)"), evidence: Self.evidence)
            guard case .unavailable = outcome else {
                Issue.record("attempt \(attempt): \(outcome)")
                return
            }
        }
        let notices = "SELECT count(*) AS n FROM jobs WHERE kind = 'email.team_unavailable'"
        #expect(try Self.count(db, Query(unsafeSQL: notices)) == 1)
        // (The link's own email is queued first.)
        var claimed = try JobStore.claim(db, workerID: "w", leaseSeconds: 60)
        while let other = claimed, other.kind != "email.team_unavailable" {
            try JobStore.complete(db, id: other.id, workerID: "w")
            claimed = try JobStore.claim(db, workerID: "w", leaseSeconds: 60)
        }
        let job = try #require(claimed)
        let attempts = try SigningStore.refusedAttempts(db, quotationID: sent.quotationID, noticeJobID: job.id)
        #expect(attempts.count == 6)
        #expect(attempts.allSatisfy { $0.items.first?.requested == 2 && $0.items.first?.available == 1 })
        #expect(try JobStore.complete(db, id: job.id, workerID: "w"))

        // After the notice went: the next attempt queues the next one, an hour after the last.
        _ = try SignQuotation.run(
            db, tokenHash: sent.token.hash, signature: .typed(name: "Igen"), evidence: Self.evidence)
        _ = try SignQuotation.run(
            db, tokenHash: sent.token.hash, signature: .typed(name: "Igen"), evidence: Self.evidence)
        #expect(try Self.count(db, Query(unsafeSQL: notices)) == 2)
        #expect(
            try Self.count(
                db,
                """
                SELECT count(*) AS n FROM jobs
                 WHERE kind = 'email.team_unavailable' AND state = 'queued'
                   AND run_at >= (SELECT run_at FROM jobs WHERE id = \(job.id)) + interval '1 hour'
                """) == 1)
        #expect(try JobStore.claim(db, workerID: "w", leaseSeconds: 60) == nil, "not before the hour")
    }

    @Test func decliningTwiceStoresOneDecline() throws {
        let db = try TestDatabase.migrated("signing_decline")
        let f = try Self.fixture(db)
        let id = try Self.draft(f, on: db)
        let sent = try SendQuotation.freeze(db, quotationID: id, sentBy: f.user)
        let first = try DeclineQuotation.run(
            db, tokenHash: sent.token.hash, reason: "För dyrt", evidence: Self.evidence)
        guard case .declined = first else {
            Issue.record("expected .declined, got \(first)")
            return
        }
        let second = try DeclineQuotation.run(db, tokenHash: sent.token.hash, reason: "Igen", evidence: Self.evidence)
        guard case .alreadyDeclined = second else {
            Issue.record("expected .alreadyDeclined, got \(second)")
            return
        }
        #expect(try Self.count(db, "SELECT count(*) AS n FROM declines") == 1)
        #expect(try Self.count(db, "SELECT count(*) AS n FROM declines WHERE reason = 'För dyrt'") == 1)
        #expect(try Self.count(db, "SELECT count(*) AS n FROM jobs WHERE kind = 'email.team_declined'") == 1)
        #expect(try Self.count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'declined'") == 1)
        #expect(
            try Self.count(db, "SELECT count(*) AS n FROM quotations WHERE id = \(id.rawValue) AND state = 'declined'")
                == 1)
        // A declined version cannot be signed.
        #expect(
            try SignQuotation.run(
                db, tokenHash: sent.token.hash, signature: .typed(name: "Åsa Öberg"), evidence: Self.evidence)
                == .declined)
        #expect(try Self.count(db, "SELECT count(*) AS n FROM bookings") == 0)
    }
}
