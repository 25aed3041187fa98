public import Foundation

/// A job claimed by a worker.
public struct ClaimedJob: Sendable, Equatable {
    public let id: Int64
    public let kind: String
    /// The payload as JSON text.
    public let payload: String
    /// This is attempt number `attempt` (1 for the first run).
    public let attempt: Int
    public let maxAttempts: Int
}

/// The job queue (outbox) in PostgreSQL. Jobs are queued inside the transaction of the change
/// that causes them, so a job exists exactly when its change committed. Any number of workers
/// claim with `FOR UPDATE SKIP LOCKED` and hold a lease; a job whose worker died is claimable
/// again once its lease has expired.
public enum JobStore {
    /// Queues a job. Call it inside the caller's transaction.
    /// - Returns: the job's ID, or nil when `dedupeKey` was already used (the job exists).
    /// - Throws: `DatabaseError`.
    @discardableResult
    public static func enqueue(
        _ connection: Connection, kind: String, payloadJSON: String = "{}", runAt: Date? = nil,
        dedupeKey: String? = nil, maxAttempts: Int = 10
    ) throws(DatabaseError) -> Int64? {
        let rows = try connection.query(
            """
            INSERT INTO jobs (kind, payload, run_at, dedupe_key, max_attempts)
            VALUES (\(kind), \(payloadJSON)::jsonb, coalesce(\(runAt), now()), \(dedupeKey), \(maxAttempts))
            ON CONFLICT (dedupe_key) DO NOTHING
            RETURNING id
            """)
        return try rows.first?.decode("id")
    }

    /// Claims the next due job: queued and due, or running with an expired lease (its worker died).
    /// The lease lasts `leaseSeconds`; `attempt` counts this claim.
    /// - Throws: `DatabaseError`.
    public static func claim(_ connection: Connection, workerID: String, leaseSeconds: Int) throws(DatabaseError)
        -> ClaimedJob?
    {
        let rows = try connection.query(
            """
            UPDATE jobs
               SET state = 'running', locked_by = \(workerID),
                   locked_until = now() + make_interval(secs => \(leaseSeconds)), attempts = attempts + 1
             WHERE id = (SELECT id FROM jobs
                          WHERE (state = 'queued' AND run_at <= now())
                             OR (state = 'running' AND locked_until < now())
                          ORDER BY run_at, id
                          LIMIT 1
                          FOR UPDATE SKIP LOCKED)
            RETURNING id, kind, payload::text AS payload, attempts, max_attempts
            """)
        guard let row = rows.first else { return nil }
        return ClaimedJob(
            id: try row.decode("id"), kind: try row.decode("kind"), payload: try row.decode("payload"),
            attempt: try row.decode("attempts"), maxAttempts: try row.decode("max_attempts"))
    }

    /// Marks a job done. Only the worker holding the lease can: one whose lease expired and whose
    /// job was claimed again gets `false`.
    /// - Throws: `DatabaseError`.
    @discardableResult
    public static func complete(_ connection: Connection, id: Int64, workerID: String) throws(DatabaseError) -> Bool {
        try connection.execute(
            """
            UPDATE jobs SET state = 'done', done_at = now(), locked_by = NULL, locked_until = NULL, last_error = NULL
             WHERE id = \(id) AND state = 'running' AND locked_by = \(workerID)
            """) == 1
    }

    /// Records a failed attempt: queued again after `retryInSeconds`, or `failed` for good once the
    /// attempts are used up. `error` is kept for staff; it must not hold secrets.
    /// - Returns: false when this worker no longer holds the lease.
    /// - Throws: `DatabaseError`.
    @discardableResult
    public static func fail(
        _ connection: Connection, id: Int64, workerID: String, error: String, retryInSeconds: Int
    ) throws(DatabaseError) -> Bool {
        try connection.execute(
            """
            UPDATE jobs
               SET state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
                   run_at = now() + make_interval(secs => \(retryInSeconds)),
                   locked_by = NULL, locked_until = NULL, last_error = \(String(error.prefix(2000)))
             WHERE id = \(id) AND state = 'running' AND locked_by = \(workerID)
            """) == 1
    }

    /// The wait before attempt `attempt + 1`: 10 s doubling per attempt, at most an hour.
    public static func backoffSeconds(afterAttempt attempt: Int) -> Int {
        min(3600, 10 << min(max(attempt - 1, 0), 9))
    }
}
