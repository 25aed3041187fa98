import Database
import Foundation
import Testing
import TestSupport

@Suite("Job queue")
struct JobStoreTests {
    func migrated() throws -> Connection {
        let connection = try Connection(url: TemporaryPostgres.shared.createDatabase(named: "jobs"))
        try Migrator(connection: connection).migrate()
        return connection
    }

    @Test func aQueuedJobIsClaimedOnceAndCompleted() throws {
        let db = try migrated()
        let id = try #require(try JobStore.enqueue(db, kind: "email.test", payloadJSON: #"{"to": "åsa@example.se"}"#))
        let job = try #require(try JobStore.claim(db, workerID: "w1", leaseSeconds: 60))
        #expect(job.id == id)
        #expect(job.kind == "email.test")
        #expect(job.payload.contains("åsa@example.se"))
        #expect(job.attempt == 1)
        #expect(try JobStore.claim(db, workerID: "w2", leaseSeconds: 60) == nil)
        #expect(try JobStore.complete(db, id: id, workerID: "w1"))
        #expect(try JobStore.claim(db, workerID: "w2", leaseSeconds: 60) == nil)
    }

    @Test func aJobThatRolledBackWithItsChangeNeverExists() throws {
        let db = try migrated()
        struct Boom: Error {}
        _ = try? db.transaction { tx in
            try JobStore.enqueue(tx, kind: "email.test")
            throw Boom()
        }
        #expect(try JobStore.claim(db, workerID: "w1", leaseSeconds: 60) == nil)
    }

    @Test func concurrentWorkersClaimDifferentJobs() throws {
        let url = TemporaryPostgres.shared.createDatabase(named: "jobs_race")
        let setup = try Connection(url: url)
        try Migrator(connection: setup).migrate()
        for n in 0..<40 { try JobStore.enqueue(setup, kind: "k", payloadJSON: "{\"n\": \(n)}") }
        let claimed = LockedBox<[Int64]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            guard let db = try? Connection(url: url) else { return }
            while let job = try? JobStore.claim(db, workerID: "w\(worker)", leaseSeconds: 60) {
                claimed.update { $0.append(job.id) }
                _ = try? JobStore.complete(db, id: job.id, workerID: "w\(worker)")
            }
        }
        let ids = claimed.get()
        #expect(ids.count == 40)
        #expect(Set(ids).count == 40)
    }

    @Test func anExpiredLeaseLetsAnotherWorkerTakeOverAndTheOldOneCannotComplete() throws {
        let db = try migrated()
        let id = try #require(try JobStore.enqueue(db, kind: "pdf"))
        _ = try #require(try JobStore.claim(db, workerID: "dead", leaseSeconds: 60))
        try db.execute("UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = \(id)")
        let again = try #require(try JobStore.claim(db, workerID: "alive", leaseSeconds: 60))
        #expect(again.id == id)
        #expect(again.attempt == 2)
        #expect(try !JobStore.complete(db, id: id, workerID: "dead"))
        #expect(try JobStore.complete(db, id: id, workerID: "alive"))
    }

    @Test func failuresBackOffThenFailForGood() throws {
        let db = try migrated()
        let id = try #require(try JobStore.enqueue(db, kind: "webhook", maxAttempts: 2))
        _ = try #require(try JobStore.claim(db, workerID: "w", leaseSeconds: 60))
        #expect(try JobStore.fail(db, id: id, workerID: "w", error: "HTTP 502", retryInSeconds: 0))
        let second = try #require(try JobStore.claim(db, workerID: "w", leaseSeconds: 60))
        #expect(second.attempt == 2)
        #expect(try JobStore.fail(db, id: id, workerID: "w", error: "HTTP 502 again", retryInSeconds: 0))
        #expect(try JobStore.claim(db, workerID: "w", leaseSeconds: 60) == nil)
        let row = try #require(try db.query("SELECT state, last_error FROM jobs WHERE id = \(id)").first)
        #expect(try row.decode("state", as: String.self) == "failed")
        #expect(try row.decode("last_error", as: String.self) == "HTTP 502 again")
        #expect(JobStore.backoffSeconds(afterAttempt: 1) == 10)
        #expect(JobStore.backoffSeconds(afterAttempt: 3) == 40)
        #expect(JobStore.backoffSeconds(afterAttempt: 30) == 3600)
    }

    @Test func aDedupeKeyQueuesOnce() throws {
        let db = try migrated()
        #expect(try JobStore.enqueue(db, kind: "email", dedupeKey: "signed-7") != nil)
        #expect(try JobStore.enqueue(db, kind: "email", dedupeKey: "signed-7") == nil)
    }
}
