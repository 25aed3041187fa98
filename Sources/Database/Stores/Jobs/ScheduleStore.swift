public import Domain
public import Foundation

/// Work by the clock (`schedules`): due runs become `schedule.run` jobs, once each, whichever
/// worker finds them first.
public enum ScheduleStore {
    /// Queues a job for every schedule that is due and moves each one's next run on, in one
    /// statement. - Returns: how many were queued.
    @discardableResult
    public static func enqueueDue(_ connection: Connection) throws(DatabaseError) -> Int {
        try connection.execute(
            """
            WITH due AS (
                SELECT name FROM schedules WHERE next_run_at <= now()
                 ORDER BY next_run_at LIMIT 20 FOR UPDATE SKIP LOCKED),
            moved AS (
                UPDATE schedules s
                   SET next_run_at = now() + make_interval(secs => s.every_seconds), last_run_at = now()
                  FROM due WHERE s.name = due.name
                RETURNING s.name)
            INSERT INTO jobs (kind, payload, max_attempts)
            SELECT 'schedule.run', jsonb_build_object('schedule', name), 3 FROM moved
            """)
    }

    /// Sent quotations whose waiting link has expired by `now`, oldest expiry first.
    public static func expiredQuotations(
        _ connection: Connection, now: Date, limit: Int = 500
    ) throws(DatabaseError) -> [QuotationID] {
        try connection.query(
            """
            SELECT v.quotation_id AS id
              FROM signing_links l
              JOIN quotation_versions v ON v.id = l.quotation_version_id AND v.state = 'sent'
              JOIN quotations q ON q.id = v.quotation_id AND q.state = 'sent'
             WHERE l.voided_at IS NULL AND l.expires_at <= \(now)
             ORDER BY l.expires_at LIMIT \(limit)
            """
        ).map { row throws(DatabaseError) in QuotationID(rawValue: try row.decode("id")) }
    }

    /// `booking.delivery_tomorrow` and `booking.pickup_tomorrow` for tomorrow's (Stockholm)
    /// deliveries and pickups, once per booking and date. - Returns: how many were written.
    public static func emitDayBeforeEvents(_ connection: Connection) throws -> Int {
        try connection.transaction { tx in
            try tx.query("SELECT emit_day_before_events() AS n").first?.decode("n") ?? 0
        }
    }

    /// Deletes finished trigger runs and webhook delivery attempts older than `days`, and jobs
    /// done that long ago. - Returns: how many rows went.
    public static func prune(_ connection: Connection, olderThanDays days: Int) throws -> Int {
        try connection.transaction { tx in
            let cutoff = "\(days) days"
            let runs = try tx.execute(
                """
                DELETE FROM trigger_runs
                 WHERE status IN ('succeeded', 'skipped', 'failed') AND started_at < now() - \(cutoff)::interval
                """)
            let attempts = try tx.execute(
                "DELETE FROM webhook_deliveries WHERE attempted_at < now() - \(cutoff)::interval")
            let jobs = try tx.execute(
                "DELETE FROM jobs WHERE state = 'done' AND done_at < now() - \(cutoff)::interval")
            // Received message ids only matter while a sender may retry (hours); the events stay.
            let received = try tx.execute(
                "DELETE FROM incoming_hook_messages WHERE received_at < now() - \(cutoff)::interval")
            return runs + attempts + jobs + received
        }
    }
}
