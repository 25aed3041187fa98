public import Foundation

/// What the email with a signing link needs, read by the worker's `email.signing_link` job.
public struct SigningLinkEmailDetails: Sendable, Equatable {
    public let recipientEmail: String
    public let customerName: String
    /// `sv` or `en`: the customer's language.
    public let locale: String
    public let quotationNumber: String
    public let versionNumber: Int
    public let title: String
    /// The quotation's message to the customer (empty when none), shown in the email.
    public let message: String
    public let expiresAt: Date
    public let isVoided: Bool
    public let companyName: String
    /// The From header as configured (`Name <address>` or an address), or empty.
    public let sender: String
    public let contactEmail: String
    public let contactPhone: String
}

/// The queries of the signing-link email job.
extension SigningStore {
    /// The link, its quotation, customer and the company; nil when the link does not exist.
    /// - Throws: `DatabaseError`.
    public static func linkEmailDetails(
        _ connection: Connection, linkID: Int64
    ) throws(DatabaseError) -> SigningLinkEmailDetails? {
        let rows = try connection.query(
            """
            SELECT l.recipient_email::text AS recipient_email, c.name AS customer_name, c.locale,
                   q.number, v.version_no, coalesce(q.title, '') AS title, l.expires_at,
                   coalesce(q.message_to_customer, '') AS message,
                   (l.voided_at IS NOT NULL) AS voided, s.company_name,
                   coalesce(s.email_sender, '') AS sender, coalesce(s.contact_email::text, '') AS contact_email,
                   coalesce(s.contact_phone, '') AS contact_phone
              FROM signing_links l
              JOIN quotation_versions v ON v.id = l.quotation_version_id
              JOIN quotations q ON q.id = v.quotation_id
              JOIN customers c ON c.id = q.customer_id
             CROSS JOIN settings s
             WHERE l.id = \(linkID)
            """)
        guard let row = rows.first else { return nil }
        return SigningLinkEmailDetails(
            recipientEmail: try row.decode("recipient_email"), customerName: try row.decode("customer_name"),
            locale: try row.decode("locale"), quotationNumber: try row.decode("number"),
            versionNumber: try row.decode("version_no"), title: try row.decode("title"),
            message: try row.decode("message"),
            expiresAt: try row.decode("expires_at"), isVoided: try row.decode("voided"),
            companyName: try row.decode("company_name"), sender: try row.decode("sender"),
            contactEmail: try row.decode("contact_email"), contactPhone: try row.decode("contact_phone"))
    }

    /// Removes the signing token from a job's payload once the email is out: the database keeps
    /// only the token's hash from then on.
    /// - Throws: `DatabaseError`.
    public static func scrubToken(_ connection: Connection, jobID: Int64) throws(DatabaseError) {
        try connection.execute("UPDATE jobs SET payload = payload - 'token' WHERE id = \(jobID)")
    }
}
