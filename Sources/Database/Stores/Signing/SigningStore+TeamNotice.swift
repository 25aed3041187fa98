public import Domain
public import Foundation

/// What a notice to the team about a quotation needs.
public struct TeamNoticeDetails: Sendable, Equatable {
    public let quotationNumber: String
    public let customerName: String
    public let companyName: String
    public let teamEmail: String
    public let sender: String
    public let contactEmail: String
    /// The customer's reason, for a decline.
    public let declineReason: String?
}

/// The query of the team-notice jobs (`email.team_unavailable`, `email.team_declined`).
extension SigningStore {
    /// - Throws: `DatabaseError`. nil when the quotation does not exist.
    public static func teamNoticeDetails(
        _ connection: Connection, quotationID: Int64, declineID: Int64?
    ) throws(DatabaseError)
        -> TeamNoticeDetails?
    {
        let rows = try connection.query(
            """
            SELECT q.number, c.name AS customer_name, s.company_name,
                   coalesce(s.team_notification_email::text, '') AS team_email, coalesce(s.email_sender, '') AS sender,
                   coalesce(s.contact_email::text, '') AS contact_email,
                   (SELECT reason FROM declines WHERE id = \(declineID)) AS reason
              FROM quotations q JOIN customers c ON c.id = q.customer_id CROSS JOIN settings s
             WHERE q.id = \(quotationID)
            """)
        guard let row = rows.first else { return nil }
        return TeamNoticeDetails(
            quotationNumber: try row.decode("number"), customerName: try row.decode("customer_name"),
            companyName: try row.decode("company_name"), teamEmail: try row.decode("team_email"),
            sender: try row.decode("sender"), contactEmail: try row.decode("contact_email"),
            declineReason: try row.decode("reason"))
    }
}

/// The notice that stock ran out when a customer tried to sign: one per quotation per hour,
/// listing every refused attempt (finding L3: each refused POST used to queue its own email).
extension SigningStore {
    /// Queues `job` (a `teamUnavailableEmail`) unless one for the quotation is already waiting,
    /// which will list this attempt too; at the earliest an hour after the quotation's previous
    /// notice. Inside the refusal's transaction, which holds the link's lock. The job is dated
    /// `at`, the attempt's own time, where its list of attempts starts.
    /// - Throws: `DatabaseError`, or the job's encoding error.
    public static func queueUnavailableNotice(
        _ tx: Connection, _ job: Job, quotationID: QuotationID, at: Date
    ) throws {
        try tx.execute(
            """
            INSERT INTO jobs (kind, payload, created_at, run_at, max_attempts)
            SELECT \(job.kind.rawValue), \(try job.json())::jsonb - 'kind', \(at),
                   greatest(now(), coalesce((SELECT max(run_at) + interval '1 hour' FROM jobs
                                              WHERE kind = 'email.team_unavailable'
                                                AND (payload->>'quotation_id')::bigint = \(quotationID.rawValue)), now())),
                   10
             WHERE NOT EXISTS (SELECT 1 FROM jobs
                                WHERE kind = 'email.team_unavailable' AND state = 'queued'
                                  AND (payload->>'quotation_id')::bigint = \(quotationID.rawValue))
            """)
    }

    /// The refused attempts a notice lists, oldest first: from the attempt that queued it up to
    /// the one that queued the quotation's next notice (attempts while this one waited joined it).
    /// - Throws: `DatabaseError`, or a decoding error for an audit row that is not one.
    public static func refusedAttempts(
        _ connection: Connection, quotationID: QuotationID, noticeJobID: Int64
    ) throws -> [RefusedSigningAttempt] {
        try connection.query(
            """
            SELECT a.at, (a.after->'items')::text AS items
              FROM audit_log a, jobs j
             WHERE j.id = \(noticeJobID)
               AND a.entity_type = 'quotation' AND a.entity_id = \(quotationID.rawValue)
               AND a.action = 'sign_refused_unavailable' AND a.at >= j.created_at
               AND a.at < coalesce((SELECT min(n.created_at) FROM jobs n
                                     WHERE n.kind = 'email.team_unavailable' AND n.created_at > j.created_at
                                       AND (n.payload->>'quotation_id')::bigint = \(quotationID.rawValue)), 'infinity')
             ORDER BY a.at, a.id
            """
        ).map { row in
            RefusedSigningAttempt(
                at: try row.decode("at"),
                items: try JSONDecoder().decode(
                    [UnavailableItem].self, from: Data(try row.decode("items", as: String.self).utf8)))
        }
    }
}
