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
