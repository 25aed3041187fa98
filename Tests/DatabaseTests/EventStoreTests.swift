import Domain
import Foundation
import TestSupport
import Testing

@testable import Database

/// Events are written by the change's own transaction: the audit row of a public kind becomes an
/// event (with the entity as it is now), and each active webhook endpoint taking its type gets one
/// delivery job, ordered per endpoint and entity. A rolled-back change leaves none of them.
@Suite("Events: written with their change")
struct EventStoreTests {
    static let actor = AuditActor(kind: .system)

    static func count(_ db: Connection, _ table: String) throws -> Int64 {
        try db.query("SELECT count(*) AS n FROM \(unsafeRaw: table)").first!.decode("n")
    }

    /// Two transactions writing events of one customer: the second waits until the first
    /// commits, so ids follow commit order (jobs of one entity are claimed by id). Another
    /// customer's event does not wait.
    @Test func oneEntitysEventsCommitInTheOrderOfTheirIDs() throws {
        let url = try TestDatabase.migratedURL("events_commit_order")
        let first = try Connection(url: url)
        let second = try Connection(url: url)
        let third = try Connection(url: url)
        defer { for connection in [first, second, third] { connection.close() } }
        let customer = try CustomerStore.create(
            first, profile: CustomerProfile(details: CustomerDetails(kind: .person, name: "Först")), actor: Self.actor)
        let other = try CustomerStore.create(
            first, profile: CustomerProfile(details: CustomerDetails(kind: .person, name: "Annan")), actor: Self.actor)
        @Sendable func update(_ id: CustomerID) -> Query {
            "INSERT INTO audit_log (actor_kind, entity_type, entity_id, action) VALUES ('system', 'customer', \(id.rawValue), 'updated')"
        }

        // The first connection is used by the other thread only until it finishes.
        final class Box: @unchecked Sendable {
            let connection: Connection
            var error: (any Error)?
            init(_ connection: Connection) { self.connection = connection }
        }
        let box = Box(first)
        let slow = Thread {
            do {
                try box.connection.transaction { tx in
                    try tx.execute(update(customer))
                    _ = try tx.query("SELECT pg_sleep(1.5)")
                }
            } catch { box.error = error }
        }
        slow.start()
        usleep(300_000)
        var started = Date()
        try third.execute(update(other))
        #expect(Date().timeIntervalSince(started) < 0.7, "another customer does not wait")
        started = Date()
        try second.execute(update(customer))
        #expect(Date().timeIntervalSince(started) > 0.8, "the same customer waits for the first commit")
        while !slow.isFinished { usleep(10_000) }
        #expect(box.error == nil)
        // The second wrote its event after the first committed: its id is the later one.
        let ids: [Int64] = try second.query(
            "SELECT id FROM events WHERE type = 'customer.updated' AND entity_id = \(customer.rawValue) ORDER BY id"
        ).map { try $0.decode("id") }
        #expect(ids.count == 2)
    }

    @Test func aCommittedChangeHasItsEventAndDeliveriesARolledBackOneHasNone() throws {
        let db = try TestDatabase.migrated("events_transaction")
        let secret = "whsec_" + Data(repeating: 7, count: 32).base64EncodedString()
        let all = try WebhookStore.add(
            db, url: "https://hooks.example/all", events: [], description: nil, secret: secret, actor: Self.actor)
        _ = try WebhookStore.add(
            db, url: "https://hooks.example/bookings", events: ["booking.created"], description: nil, secret: secret,
            actor: Self.actor)

        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try db.transaction { tx in
                _ = try CustomerStore.create(
                    tx, profile: CustomerProfile(details: CustomerDetails(kind: .person, name: "Ångrad Kund")),
                    actor: Self.actor)
                throw Abort()
            }
        }
        #expect(try Self.count(db, "events") == 0)
        #expect(try Self.count(db, "jobs") == 0)

        let id = try CustomerStore.create(
            db,
            profile: CustomerProfile(
                details: CustomerDetails(kind: .person, name: "Åsa Öberg", email: "asa@example.se")),
            actor: Self.actor)
        let events = try EventStore.recent(db, entityType: "customer", entityID: id.rawValue)
        #expect(events.map(\.type) == ["customer.created"])
        let payload = try #require(
            try JSONSerialization.jsonObject(with: Data(events[0].payloadJSON.utf8)) as? [String: Any])
        let object = try #require(payload["object"] as? [String: Any])
        #expect(object["name"] as? String == "Åsa Öberg")
        #expect(object["email"] as? String == "asa@example.se")
        // One delivery, to the endpoint that takes every type; none to the bookings-only one.
        let jobs = try db.query("SELECT payload::text AS p, ordering_key FROM jobs WHERE kind = 'webhook.deliver'")
        #expect(jobs.count == 1)
        #expect(try jobs[0].decode("p", as: String.self).contains("\"endpoint_id\": \(all)"))
        #expect(try jobs[0].decode("ordering_key", as: String.self) == "webhook:\(all):customer:\(id.rawValue)")
        // Staff-only changes (a product) are not events.
        _ = try db.execute(
            "INSERT INTO audit_log (actor_kind, entity_type, entity_id, action) VALUES ('system', 'product', 1, 'updated')"
        )
        #expect(try Self.count(db, "events") == 1)
    }

    @Test func jobsWithOneOrderingKeyAreClaimedOneAfterTheOther() throws {
        let db = try TestDatabase.migrated("events_ordering")
        for n in 1...3 {
            _ = try db.execute(
                """
                INSERT INTO jobs (kind, payload, ordering_key)
                VALUES ('webhook.deliver', jsonb_build_object('endpoint_id', 1, 'event_id', \(n)), 'webhook:1:customer:9')
                """)
        }
        let first = try #require(try JobStore.claim(db, workerID: "a", leaseSeconds: 60))
        // The second worker finds nothing while the first job runs, then the next one in order.
        #expect(try JobStore.claim(db, workerID: "b", leaseSeconds: 60) == nil)
        #expect(try JobStore.complete(db, id: first.id, workerID: "a"))
        let second = try #require(try JobStore.claim(db, workerID: "b", leaseSeconds: 60))
        #expect(second.payload.contains("\"event_id\": 2"))
        // A postponed job keeps its place and its attempts.
        #expect(
            try JobStore.postpone(
                db, id: second.id, workerID: "b", until: Date().addingTimeInterval(3600), reason: "open"))
        #expect(try JobStore.claim(db, workerID: "c", leaseSeconds: 60) == nil)
        let attempts: Int = try db.query("SELECT attempts FROM jobs WHERE id = \(second.id)").first!.decode("attempts")
        #expect(attempts == 0)
    }

    @Test func historyOlderThanTheRetentionGoesTheRestStays() throws {
        let db = try TestDatabase.migrated("events_prune")
        let customer = try CustomerStore.create(
            db, profile: CustomerProfile(details: CustomerDetails(kind: .person, name: "Gammal Kund")),
            actor: Self.actor)
        let event: Int64 = try db.query("SELECT max(id) AS id FROM events").first!.decode("id")
        _ = try db.execute(
            """
            INSERT INTO trigger_runs (trigger_id, version, event_id, entity_type, entity_id, status, started_at)
            SELECT id, 1, \(event), 'customer', \(customer.rawValue), 'succeeded', now() - interval '100 days'
              FROM triggers WHERE builtin = 'signing_reminder'
            """)
        // One run per trigger and event: the other built-ins carry the rest.
        _ = try db.execute(
            """
            INSERT INTO trigger_runs (trigger_id, version, event_id, entity_type, entity_id, status, started_at)
            SELECT t.id, 1, \(event), 'customer', \(customer.rawValue), v.s, now() - make_interval(days => v.d)
              FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM triggers WHERE builtin <> 'signing_reminder') t
              JOIN (VALUES (1, 'failed', 100), (2, 'succeeded', 1), (3, 'waiting', 100)) AS v(n, s, d) ON v.n = t.n
            """)
        _ = try db.execute(
            """
            INSERT INTO jobs (kind, state, done_at, created_at) VALUES
                ('schedule.run', 'done', now() - interval '100 days', now() - interval '100 days'),
                ('schedule.run', 'done', now() - interval '1 day', now() - interval '1 day')
            """)
        let removed = try ScheduleStore.prune(db, olderThanDays: 90)
        #expect(removed == 3, "two finished runs and one job from 100 days ago")
        let left: String = try db.query(
            "SELECT string_agg(status, ',' ORDER BY status) AS s FROM trigger_runs"
        ).first!.decode("s")
        #expect(left == "succeeded,waiting", "a recent run and a waiting one stay")
        #expect(try Self.count(db, "jobs") >= 1)
    }
}
