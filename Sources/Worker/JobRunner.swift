import Database
import Domain
public import Foundation
public import Logging
import Synchronization

/// The worker loop: claim a due job, decode it (`Job`), perform it, record the outcome; sleep briefly when
/// there is nothing to do. Any number of runners (processes or hosts) can share one database.
///
/// Blocking by design, on one thread with one connection (libpq's rule). `stop()` may be called
/// from another thread: the current job finishes, then `run()` returns.
public final class JobRunner: Sendable {
    public struct Configuration: Sendable {
        public var databaseURL: String
        public var workerID: String
        /// How long a claim lasts: always longer than the longest attempt allowed, so no second
        /// worker takes a job over while the first is still working on it.
        public var leaseSeconds: Int
        public var idlePollMilliseconds: Int

        /// The lease beyond the longest attempt: time to record the outcome after the attempt.
        public static let leaseMarginSeconds = 60

        /// - Parameter longestAttemptSeconds: what one attempt may take at most (the SMTP
        ///   timeout, which curl enforces for the whole delivery).
        public init(
            databaseURL: String, workerID: String, longestAttemptSeconds: Int, idlePollMilliseconds: Int = 500
        ) {
            self.databaseURL = databaseURL
            self.workerID = workerID
            self.leaseSeconds = max(300, longestAttemptSeconds + Self.leaseMarginSeconds)
            self.idlePollMilliseconds = idlePollMilliseconds
        }

        /// A lease of exactly `leaseSeconds` (tests of expiry).
        public init(databaseURL: String, workerID: String, leaseSeconds: Int, idlePollMilliseconds: Int = 500) {
            self.databaseURL = databaseURL
            self.workerID = workerID
            self.leaseSeconds = leaseSeconds
            self.idlePollMilliseconds = idlePollMilliseconds
        }
    }

    private let configuration: Configuration
    private let logger: Logger
    private let stopping = Atomic<Bool>(false)

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    public func stop() { stopping.store(true, ordering: .sequentiallyConsistent) }

    private var isStopping: Bool { stopping.load(ordering: .sequentiallyConsistent) }

    /// Runs until `stop()`. While PostgreSQL is unreachable it waits and tries again.
    public func run(performer: any JobPerformer) {
        var connection: Connection?
        var nextScheduleCheck = Date.distantPast
        var nextListen = Date.distantPast
        logger.info(
            "worker started",
            metadata: ["worker": "\(configuration.workerID)", "kinds": "\(Job.Kind.allCases.map(\.rawValue).sorted())"])
        while !isStopping {
            do {
                if connection == nil || connection?.ensureConnected() == false {
                    connection = try Connection(url: configuration.databaseURL, logger: logger)
                    nextListen = .distantPast
                }
                guard let db = connection else { continue }
                // Woken by new jobs at once; the poll stays for jobs due later. LISTEN again now
                // and then: a quietly reset session (ensureConnected) has forgotten it.
                if Date() >= nextListen {
                    try db.listen("eventgaraget_jobs")
                    nextListen = Date().addingTimeInterval(10)
                }
                // Work by the clock: due schedules become jobs (once, whichever worker is first).
                if Date() >= nextScheduleCheck {
                    try ScheduleStore.enqueueDue(db)
                    nextScheduleCheck = Date().addingTimeInterval(1)
                }
                guard
                    let job = try JobStore.claim(
                        db, workerID: configuration.workerID, leaseSeconds: configuration.leaseSeconds)
                else {
                    wait(on: db, milliseconds: configuration.idlePollMilliseconds)
                    continue
                }
                execute(job, performer: performer, connection: db)
            } catch {
                logger.warning("database unavailable; retrying", metadata: ["error": "\(error)"])
                connection = nil
                pause(milliseconds: 2000)
            }
        }
        connection?.close()
        logger.info("worker stopped", metadata: ["worker": "\(configuration.workerID)"])
    }

    private func execute(_ job: ClaimedJob, performer: any JobPerformer, connection: Connection) {
        var jobLogger = logger
        jobLogger[metadataKey: "job"] = "\(job.id)"
        jobLogger[metadataKey: "kind"] = "\(job.kind)"
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            guard Job.Kind(rawValue: job.kind) != nil else { throw UnknownJobKind(kind: job.kind) }
            let typed = try job.job()
            try performer.perform(typed, claimed: job, connection: connection, logger: jobLogger)
            let ms = (DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            guard try JobStore.complete(connection, id: job.id, workerID: configuration.workerID) else {
                // Another worker may hold the job by now: this attempt is not counted as done.
                jobLogger.warning(
                    "attempt outlived its lease; not counted as done, the job runs again",
                    metadata: ["attempt": "\(job.attempt)", "ms": "\(ms)"])
                return
            }
            jobLogger.info("job done in \(ms)ms", metadata: ["attempt": "\(job.attempt)"])
        } catch let postponed as JobPostponed {
            jobLogger.info("job postponed", metadata: ["reason": "\(postponed.reason)"])
            do {
                try JobStore.postpone(
                    connection, id: job.id, workerID: configuration.workerID, until: postponed.until,
                    reason: postponed.reason)
            } catch {
                jobLogger.error("could not postpone the job", metadata: ["error": "\(error)"])
            }
        } catch {
            let retry = Job.backoffSeconds(kind: Job.Kind(rawValue: job.kind), afterAttempt: job.attempt)
            let permanent = error is any PermanentJobFailure
            jobLogger.warning(
                permanent ? "job failed for good" : "job failed",
                metadata: ["attempt": "\(job.attempt)/\(job.maxAttempts)", "error": "\(error)"])
            do {
                try JobStore.fail(
                    connection, id: job.id, workerID: configuration.workerID, error: "\(error)", retryInSeconds: retry,
                    permanent: permanent)
            } catch {
                // The lease runs out and another claim retries the job.
                jobLogger.error("could not record the failure", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Idle: until a job is queued (NOTIFY) or the poll interval passes, in slices so `stop()`
    /// is noticed within 100 ms.
    private func wait(on connection: Connection, milliseconds: Int) {
        var left = milliseconds
        while left > 0 && !isStopping {
            if connection.waitForNotification(milliseconds: min(left, 100)) { return }
            left -= 100
        }
    }

    private func pause(milliseconds: Int) {
        var left = milliseconds
        while left > 0 && !isStopping {
            usleep(UInt32(min(left, 100)) * 1000)
            left -= 100
        }
    }
}

/// A job whose kind this program does not know (an older or newer program queued it). It is
/// retried like any failure, and dead once out of attempts.
struct UnknownJobKind: Error, CustomStringConvertible {
    let kind: String
    var description: String { "no handler for job kind \(kind)" }
}

/// A failure that another attempt cannot change (an address the mailer refuses, a message that
/// cannot be built): the job is dead at once, with the reason, instead of retried for ever.
public protocol PermanentJobFailure: Error {}

/// Not now, and not a failure: the job waits until `until` without using an attempt (a webhook
/// endpoint whose circuit is open).
public struct JobPostponed: Error, CustomStringConvertible {
    public let until: Date
    public let reason: String
    public init(until: Date, reason: String) {
        self.until = until
        self.reason = reason
    }
    public var description: String { reason }
}
