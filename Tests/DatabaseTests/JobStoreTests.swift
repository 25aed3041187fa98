import Database
import Domain
import Foundation
import TestSupport
import Testing

@Suite("Job queue")
struct JobStoreTests {
    func migrated() throws -> Connection {
        let connection = try Connection(url: TemporaryPostgres.shared.createDatabase(named: "jobs"))
        try Migrator(connection: connection).migrate()
        return connection
    }

    @Test func aQueuedJobIsClaimedOnceAndCompleted() throws {
        let db = try migrated()
        let queued = Job.teamUnavailableEmail(
            quotationID: QuotationID(rawValue: 7), versionID: QuotationVersionID(rawValue: 9),
            items: [UnavailableItem(productID: 3, description: "Tält för åsa", requested: 2, available: 1)])
        let id = try #require(try JobStore.enqueue(db, queued))
        let job = try #require(try JobStore.claim(db, workerID: "w1", leaseSeconds: 60))
        #expect(job.id == id)
        #expect(job.kind == "email.team_unavailable")
        #expect(job.payload.contains("Tält för åsa"))
        #expect(try job.job() == queued)
        #expect(job.attempt == 1)
        #expect(try JobStore.claim(db, workerID: "w2", leaseSeconds: 60) == nil)
        #expect(try JobStore.complete(db, id: id, workerID: "w1"))
        #expect(try JobStore.claim(db, workerID: "w2", leaseSeconds: 60) == nil)
    }

    @Test func aJobThatRolledBackWithItsChangeNeverExists() throws {
        let db = try migrated()
        struct Boom: Error {}
        _ = try? db.transaction { tx in
            try JobStore.enqueue(tx, Self.pdf(1))
            throw Boom()
        }
        #expect(try JobStore.claim(db, workerID: "w1", leaseSeconds: 60) == nil)
    }

    @Test func concurrentWorkersClaimDifferentJobs() throws {
        let url = TemporaryPostgres.shared.createDatabase(named: "jobs_race")
        let setup = try Connection(url: url)
        try Migrator(connection: setup).migrate()
        for n in 0..<40 { try JobStore.enqueue(setup, Self.link(Int64(n))) }
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
        let id = try #require(try JobStore.enqueue(db, Self.pdf(1)))
        _ = try #require(try JobStore.claim(db, workerID: "dead", leaseSeconds: 60))
        try db.execute("UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = \(id)")
        let again = try #require(try JobStore.claim(db, workerID: "alive", leaseSeconds: 60))
        #expect(again.id == id)
        #expect(again.attempt == 2)
        #expect(try !JobStore.complete(db, id: id, workerID: "dead"))
        #expect(try JobStore.complete(db, id: id, workerID: "alive"))
    }

    /// A worker whose attempt took longer than its lease does not record it as done, even when
    /// nobody has taken the job over yet: someone may be about to (finding F3).
    @Test func anAttemptThatOutlivedItsLeaseIsNotDone() throws {
        let db = try migrated()
        let id = try #require(try JobStore.enqueue(db, Self.link(1)))
        let first = try #require(try JobStore.claim(db, workerID: "slow", leaseSeconds: 60))
        try db.execute("UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = \(id)")
        #expect(try !JobStore.complete(db, id: id, workerID: "slow"))
        let again = try #require(try JobStore.claim(db, workerID: "next", leaseSeconds: 60))
        #expect(again.attempt == 2)
        #expect(again.messageSeed == first.messageSeed, "a retry keeps the Message-ID")
        #expect(again.messageSeed.hasPrefix("job\(id)."))
        #expect(try JobStore.complete(db, id: id, workerID: "next"))
        let other = try #require(try JobStore.enqueue(db, Self.link(2)))
        let second = try #require(try JobStore.claim(db, workerID: "next", leaseSeconds: 60))
        #expect(second.id == other && second.messageSeed != first.messageSeed)
    }

    @Test func aJobWhoseWorkerDiesOnItsLastAttemptIsDeadNotRetriedForEver() throws {
        let db = try migrated()
        let id = try #require(try JobStore.enqueue(db, Self.pdf(1), maxAttempts: 2))
        for worker in ["first", "second"] {
            _ = try #require(try JobStore.claim(db, workerID: worker, leaseSeconds: 60))
            try db.execute("UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = \(id)")
        }
        #expect(try JobStore.claim(db, workerID: "third", leaseSeconds: 60) == nil)
        let row = try #require(try db.query("SELECT state, locked_by FROM jobs WHERE id = \(id)").first)
        #expect(try row.decode("state", as: String.self) == JobState.dead.rawValue)
        #expect(try row.decode("locked_by", as: String?.self) == nil)
    }

    @Test func failuresBackOffThenFailForGood() throws {
        let db = try migrated()
        let id = try #require(try JobStore.enqueue(db, Self.link(1), maxAttempts: 2))
        _ = try #require(try JobStore.claim(db, workerID: "w", leaseSeconds: 60))
        #expect(try JobStore.fail(db, id: id, workerID: "w", error: "HTTP 502", retryInSeconds: 0))
        let second = try #require(try JobStore.claim(db, workerID: "w", leaseSeconds: 60))
        #expect(second.attempt == 2)
        #expect(try JobStore.fail(db, id: id, workerID: "w", error: "HTTP 502 again", retryInSeconds: 0))
        #expect(try JobStore.claim(db, workerID: "w", leaseSeconds: 60) == nil)
        let row = try #require(try db.query("SELECT state, last_error FROM jobs WHERE id = \(id)").first)
        #expect(try row.decode("state", as: String.self) == "dead")
        #expect(try row.decode("last_error", as: String.self) == "HTTP 502 again")
        #expect(Job.backoffSeconds(kind: .signingLinkEmail, afterAttempt: 1, jitter: 0) == 10)
        #expect(Job.backoffSeconds(kind: .signingLinkEmail, afterAttempt: 3, jitter: 0) == 40)
        #expect(Job.backoffSeconds(kind: .signingLinkEmail, afterAttempt: 30, jitter: 0) == 3600)
        #expect(Job.backoffSeconds(kind: .signingLinkEmail, afterAttempt: 3, jitter: 0.2) == 48)
        // A webhook's 15 attempts are retried for more than a day, even with the least jitter.
        let waits = (1..<15).map { Job.backoffSeconds(kind: .webhookDelivery, afterAttempt: $0, jitter: -0.2) }
        #expect(waits.reduce(0, +) > 86_400, "\(waits)")
        #expect(waits.max() == 17_280)
    }

    @Test func aDedupeKeyQueuesOnce() throws {
        let db = try migrated()
        let job = Job.signedConfirmationEmail(
            bookingID: BookingID(rawValue: 7), versionID: QuotationVersionID(rawValue: 3))
        #expect(try JobStore.enqueue(db, job) != nil)
        #expect(try JobStore.enqueue(db, job) == nil)
        // Another kind for the same booking is another job.
        #expect(
            try JobStore.enqueue(
                db, .teamNewBookingEmail(bookingID: BookingID(rawValue: 7), versionID: QuotationVersionID(rawValue: 3)))
                != nil)
    }

    @Test func severalJobsQueueInOneStatementInOrderAndADedupeKeyStillQueuesOnce() throws {
        let db = try migrated()
        let confirmation = Job.signedConfirmationEmail(
            bookingID: BookingID(rawValue: 7), versionID: QuotationVersionID(rawValue: 3))
        #expect(try JobStore.enqueue(db, confirmation) != nil)
        try JobStore.enqueue(db, [Self.pdf(7), confirmation, Self.link(1)])
        var claimed: [Job] = []
        while let job = try JobStore.claim(db, workerID: "w1", leaseSeconds: 60) {
            claimed.append(try job.job())
            #expect(try JobStore.complete(db, id: job.id, workerID: "w1"))
        }
        #expect(claimed == [confirmation, Self.pdf(7), Self.link(1)])
    }

    @Test func aSigningTokenLeavesThePayloadWhenTheJobEndsWhateverTheOutcome() throws {
        let db = try migrated()
        func payload(_ id: Int64) throws -> String {
            try db.query("SELECT payload::text AS p FROM jobs WHERE id = \(id)")[0].decode("p")
        }
        // Failed for good.
        let failed = try #require(try JobStore.enqueue(db, Self.link(1), maxAttempts: 1))
        _ = try #require(try JobStore.claim(db, workerID: "w1", leaseSeconds: 60))
        #expect(try payload(failed).contains("\"token\""))
        #expect(try JobStore.fail(db, id: failed, workerID: "w1", error: "SMTP refused", retryInSeconds: 10))
        #expect(try !payload(failed).contains("token"))
        // Its worker died on the last attempt.
        let abandoned = try #require(try JobStore.enqueue(db, Self.link(2), maxAttempts: 1))
        _ = try #require(try JobStore.claim(db, workerID: "w1", leaseSeconds: 60))
        try db.execute("UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = \(abandoned)")
        #expect(try JobStore.claim(db, workerID: "w2", leaseSeconds: 60) == nil)
        #expect(try !payload(abandoned).contains("token"))
        // Done (the email job scrubs it itself as well).
        let sent = try #require(try JobStore.enqueue(db, Self.link(3)))
        _ = try #require(try JobStore.claim(db, workerID: "w1", leaseSeconds: 60))
        #expect(try JobStore.complete(db, id: sent, workerID: "w1"))
        #expect(try !payload(sent).contains("token"))
        // A retry still has it: the email has not gone out yet.
        let retried = try #require(try JobStore.enqueue(db, Self.link(4), maxAttempts: 3))
        _ = try #require(try JobStore.claim(db, workerID: "w1", leaseSeconds: 60))
        #expect(try JobStore.fail(db, id: retried, workerID: "w1", error: "timeout", retryInSeconds: 10))
        #expect(try payload(retried).contains("\"token\": \"t4\""))
    }

    @Test func aJobOfAnUnknownKindIsClaimedButDoesNotDecode() throws {
        let db = try migrated()
        try db.execute("INSERT INTO jobs (kind, payload) VALUES ('webhook.future', '{}')")
        let job = try #require(try JobStore.claim(db, workerID: "w", leaseSeconds: 60))
        #expect(throws: DecodingError.self) { try job.job() }
    }

    static func pdf(_ n: Int64) -> Job {
        .signedAgreementPDF(bookingID: BookingID(rawValue: n), versionID: QuotationVersionID(rawValue: n))
    }

    static func link(_ n: Int64) -> Job { .signingLinkEmail(linkID: SigningLinkID(rawValue: n), token: "t\(n)") }
}
