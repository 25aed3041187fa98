public import Domain
public import Foundation

/// Where a job is (`jobs.state`).
public enum JobState: String, Sendable, CaseIterable {
    /// Waiting for `run_at`, or for a retry after a failed attempt.
    case queued
    /// Claimed by a worker that holds its lease.
    case running
    case done
    /// Its attempts are used up: kept with its last error, never claimed again.
    case dead
}

/// A job claimed by a worker.
public struct ClaimedJob: Sendable, Equatable {
    public let id: Int64
    /// The kind as stored (`Job.Kind`'s raw value, or one an older or newer program queued).
    public let kind: String
    /// The payload as JSON text.
    public let payload: String
    /// This is attempt number `attempt` (1 for the first run).
    public let attempt: Int
    public let maxAttempts: Int
    /// What identifies this job across its attempts in anything it sends (`job12.k3x9…`): the
    /// ID and when it was made, so a reset database does not repeat one. Emails use it as the
    /// Message-ID's left part, so a retry carries the same ID as the attempt before.
    public let messageSeed: String
    /// When the job was queued.
    public let createdAt: Date

    /// The payload with the kind added (`{"kind": …, payload fields…}`), what `Job` decodes.
    let jobJSON: String

    /// The typed job. - Throws: `DecodingError` for a kind this program does not know or a
    /// payload that does not fit its kind.
    public func job() throws -> Job { try Job(json: jobJSON) }
}

/// The job queue (outbox) in PostgreSQL. Jobs are queued inside the transaction of the change
/// that causes them, so a job exists exactly when its change committed. Any number of workers
/// claim with `FOR UPDATE SKIP LOCKED` and hold a lease; a job whose worker died is claimable
/// again once its lease has expired.
public enum JobStore {
    /// Queues a job (its kind, its payload, its dedupe key). Call it inside the transaction of
    /// the change that causes it.
    /// - Returns: the job's ID, or nil when the job's dedupe key was already used (the job exists).
    /// - Throws: `DatabaseError`, `EncodingError`.
    @discardableResult
    public static func enqueue(
        _ connection: Connection, _ job: Job, runAt: Date? = nil, maxAttempts: Int = 10
    ) throws
        -> Int64?
    {
        let rows = try connection.query(
            """
            INSERT INTO jobs (kind, payload, run_at, dedupe_key, max_attempts)
            VALUES (\(job.kind.rawValue), \(try job.json())::jsonb - 'kind', coalesce(\(runAt), now()), \(job.dedupeKey),
                    \(maxAttempts))
            ON CONFLICT (dedupe_key) DO NOTHING
            RETURNING id
            """)
        return try rows.first?.decode("id")
    }

    /// Queues several jobs in one statement, each as `enqueue` would (a job whose dedupe key is
    /// already queued is skipped), with the default attempts. Inside the caller's transaction.
    /// - Throws: `DatabaseError`, or the job's encoding error.
    public static func enqueue(_ connection: Connection, _ jobs: [Job]) throws {
        guard jobs.count > 1 else {
            for job in jobs { try enqueue(connection, job) }
            return
        }
        try connection.execute(
            """
            INSERT INTO jobs (kind, payload, run_at, dedupe_key, max_attempts)
            SELECT j.kind, j.payload::jsonb - 'kind', now(), j.dedupe_key, 10
              FROM unnest(\(PostgresArray(jobs.map(\.kind.rawValue)))::text[],
                          \(PostgresArray(try jobs.map { try $0.json() }))::text[],
                          \(PostgresArray(jobs.map(\.dedupeKey)))::text[])
                   WITH ORDINALITY AS j(kind, payload, dedupe_key, position)
             ORDER BY j.position
            ON CONFLICT (dedupe_key) DO NOTHING
            """)
    }

    // A job's `token` (the signing link's secret, which its email needs while it may still be
    // sent) leaves the payload when the job ends, whatever the outcome: done, or dead.

    /// Claims the next due job: queued and due, or running with an expired lease (its worker died).
    /// The lease lasts `leaseSeconds`; `attempt` counts this claim. A job whose lease expired on its
    /// last attempt is dead instead (a job that kills its worker is not retried for ever).
    /// - Throws: `DatabaseError`.
    public static func claim(
        _ connection: Connection, workerID: String, leaseSeconds: Int
    ) throws(DatabaseError)
        -> ClaimedJob?
    {
        try connection.execute(
            """
            UPDATE jobs
               SET state = 'dead', locked_by = NULL, locked_until = NULL, payload = payload - 'token',
                   last_error = 'the worker stopped during the last attempt'
             WHERE state = 'running' AND locked_until < now() AND attempts >= max_attempts
            """)
        // Two candidates, each found by walking its own index in order and stopping at the first
        // that may run (a single query with OR had to filter and sort the whole backlog on every
        // claim): a job whose worker died (its lease ran out), else the next due queued job. In
        // order per key: not while an earlier job with its key is unfinished.
        let rows = try connection.query(
            """
            WITH expired AS (
                SELECT id FROM jobs
                 WHERE state = 'running' AND locked_until < now()
                   AND (ordering_key IS NULL
                        OR NOT EXISTS (SELECT FROM jobs earlier
                                        WHERE earlier.ordering_key = jobs.ordering_key AND earlier.id < jobs.id
                                          AND earlier.state IN ('queued', 'running')))
                 ORDER BY locked_until
                 LIMIT 1
                 FOR UPDATE SKIP LOCKED
            ), due AS (
                SELECT id FROM jobs
                 WHERE state = 'queued' AND run_at <= now()
                   AND (ordering_key IS NULL
                        OR NOT EXISTS (SELECT FROM jobs earlier
                                        WHERE earlier.ordering_key = jobs.ordering_key AND earlier.id < jobs.id
                                          AND earlier.state IN ('queued', 'running')))
                 ORDER BY run_at, id
                 LIMIT 1
                 FOR UPDATE SKIP LOCKED
            )
            UPDATE jobs
               SET state = 'running', locked_by = \(workerID),
                   locked_until = now() + make_interval(secs => \(leaseSeconds)), attempts = attempts + 1
             WHERE id = coalesce((SELECT id FROM expired), (SELECT id FROM due))
            RETURNING id, kind, payload::text AS payload, (payload || jsonb_build_object('kind', kind))::text AS job,
                      attempts, max_attempts, (extract(epoch FROM created_at) * 1000000)::bigint AS created_us,
                      created_at
            """)
        guard let row = rows.first else { return nil }
        return ClaimedJob(
            id: try row.decode("id"), kind: try row.decode("kind"), payload: try row.decode("payload"),
            attempt: try row.decode("attempts"), maxAttempts: try row.decode("max_attempts"),
            messageSeed:
                "job\(try row.decode("id", as: Int64.self)).\(String(try row.decode("created_us", as: Int64.self), radix: 36))",
            createdAt: try row.decode("created_at"),
            jobJSON: try row.decode("job"))
    }

    /// Marks a job done. Only the worker holding a lease that has not expired can: an attempt
    /// that outlived its lease does not count (another worker may be running the job already,
    /// or will), and gets `false`.
    /// - Throws: `DatabaseError`.
    @discardableResult
    public static func complete(_ connection: Connection, id: Int64, workerID: String) throws(DatabaseError) -> Bool {
        try connection.execute(
            """
            UPDATE jobs SET state = 'done', done_at = now(), locked_by = NULL, locked_until = NULL, last_error = NULL,
                            payload = payload - 'token'
             WHERE id = \(id) AND state = 'running' AND locked_by = \(workerID) AND locked_until > now()
            """) == 1
    }

    /// Records a failed attempt: queued again after `retryInSeconds`, or dead once the attempts
    /// are used up, or at once when the failure is `permanent` (another attempt cannot go
    /// differently: an address the mailer refuses). `error` is kept for staff; it must not hold secrets.
    /// - Returns: false when this worker no longer holds the lease.
    /// - Throws: `DatabaseError`.
    @discardableResult
    public static func fail(
        _ connection: Connection, id: Int64, workerID: String, error: String, retryInSeconds: Int,
        permanent: Bool = false
    ) throws(DatabaseError) -> Bool {
        try connection.execute(
            """
            UPDATE jobs
               SET state = CASE WHEN \(permanent) OR attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
                   payload = CASE WHEN \(permanent) OR attempts >= max_attempts THEN payload - 'token' ELSE payload END,
                   run_at = now() + make_interval(secs => \(retryInSeconds)),
                   locked_by = NULL, locked_until = NULL, last_error = \(String(error.prefix(2000)))
             WHERE id = \(id) AND state = 'running' AND locked_by = \(workerID)
            """) == 1
    }

    /// Puts a running job back without counting the attempt (a webhook endpoint whose circuit is
    /// open): due again at `until`. - Returns: false when this worker no longer holds the lease.
    @discardableResult
    public static func postpone(
        _ connection: Connection, id: Int64, workerID: String, until: Date, reason: String
    ) throws(DatabaseError) -> Bool {
        try connection.execute(
            """
            UPDATE jobs
               SET state = 'queued', run_at = \(until), attempts = greatest(attempts - 1, 0),
                   locked_by = NULL, locked_until = NULL, last_error = \(String(reason.prefix(2000)))
             WHERE id = \(id) AND state = 'running' AND locked_by = \(workerID)
            """) == 1
    }

    /// Dead jobs per kind, with the newest ones' errors, for the automation page.
    public static func deadSummary(
        _ connection: Connection, limit: Int = 20
    ) throws(DatabaseError)
        -> [(id: Int64, kind: String, attempts: Int, error: String, updatedAt: Date)]
    {
        try connection.query(
            """
            SELECT id, kind, attempts, coalesce(last_error, '') AS error, updated_at FROM jobs
             WHERE state = 'dead' ORDER BY id DESC LIMIT \(limit)
            """
        ).map { row throws(DatabaseError) in
            (
                try row.decode("id"), try row.decode("kind"), try row.decode("attempts"), try row.decode("error"),
                try row.decode("updated_at")
            )
        }
    }

    /// Runs a dead job again with fresh attempts, audited. - Returns: false when it is not dead.
    public static func replay(_ connection: Connection, id: Int64, actor: AuditActor) throws -> Bool {
        try connection.transaction { tx in
            guard
                try tx.execute(
                    """
                    UPDATE jobs SET state = 'queued', attempts = 0, run_at = now(), last_error = NULL
                     WHERE id = \(id) AND state = 'dead'
                    """) == 1
            else { return false }
            try AuditStore.record(tx, actor: actor, entity: "job", entityID: id, action: "replayed")
            return true
        }
    }

    /// Runs every dead job of `kind` again, audited once. - Returns: how many.
    public static func replayDead(_ connection: Connection, kind: String, actor: AuditActor) throws -> Int {
        try connection.transaction { tx in
            let count = try tx.execute(
                """
                UPDATE jobs SET state = 'queued', attempts = 0, run_at = now(), last_error = NULL
                 WHERE state = 'dead' AND kind = \(kind)
                """)
            if count > 0 {
                try AuditStore.record(
                    tx, actor: actor, entity: "job", entityID: nil, action: "replayed",
                    after: ["kind": kind, "count": String(count)])
            }
            return count
        }
    }

    /// What became of "send again".
    public enum ResendOutcome: Sendable, Equatable {
        /// Queued: the entity the email is about (`booking`/`quotation`, id) for the way back.
        case queued(entityType: String, entityID: Int64)
        case notAnEmail
        /// A kind that cannot be repeated (`EmailResend.kinds`).
        case notResendable
        /// The job that sent it was removed by retention.
        case tooOld
    }

    /// Sends the email of event `eventID` (`email.sent` or `email.failed`) again: a copy of the job
    /// that sent it, queued without its dedupe key so it runs, with an audit row on the email's
    /// subject — one transaction. The copy renders from the records as they are now.
    public static func resendEmail(_ connection: Connection, eventID: Int64, actor: AuditActor) throws -> ResendOutcome
    {
        try connection.transaction { tx -> ResendOutcome in
            guard
                let event = try tx.query(
                    """
                    SELECT entity_type, entity_id, payload->'details'->>'job_kind' AS kind,
                           (payload->'details'->>'job_id')::bigint AS job_id,
                           coalesce(payload->'details'->>'subject', '') AS subject,
                           coalesce(payload->'details'->>'to', '') AS recipient
                      FROM events WHERE id = \(eventID) AND type IN ('email.sent', 'email.failed')
                    """
                ).first, let entityID = try event.decode("entity_id", as: Int64?.self)
            else { return .notAnEmail }
            let kind: String? = try event.decode("kind")
            guard let kind, EmailResend.kinds.contains(kind) else { return .notResendable }
            let jobID: Int64? = try event.decode("job_id")
            guard
                let jobID,
                try tx.execute(
                    """
                    INSERT INTO jobs (kind, payload, max_attempts)
                    SELECT kind, payload, 10 FROM jobs WHERE id = \(jobID) AND kind = \(kind)
                    """) == 1
            else { return .tooOld }
            let entityType: String = try event.decode("entity_type")
            try AuditStore.record(
                tx, actor: actor, entity: entityType, entityID: entityID, action: "email_resent",
                after: ["subject": try event.decode("subject"), "to": try event.decode("recipient"), "job_kind": kind])
            return .queued(entityType: entityType, entityID: entityID)
        }
    }
}
