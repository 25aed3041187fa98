public import Foundation

/// Everything the signed-agreement PDF and the confirmation email are made from.
public struct SignedAgreementInputs: Sendable {
    public let versionID: Int64
    public let bookingID: Int64
    public let bookingNumber: String
    public let snapshotJSON: String
    public let snapshotSHA256: String
    public let signingLinkID: Int64
    public let signerName: String
    public let signerEmail: String
    public let method: String
    public let strokesJSON: String?
    public let typedText: String?
    public let ip: String
    public let userAgent: String
    public let signedAt: Date
    public let customerEmail: String
    public let customerName: String
    public let customerLocale: String
    public let sender: String
    public let contactEmail: String
    public let teamEmail: String
    /// The address the signed link was sent to, frozen with its send.
    public let sentTo: String
    /// Every time a link of the quotation went to another address than the one before, up to
    /// the signature (finding M5): when, from, to, who and why. The `recipient_changed` events.
    public var recipientChanges: [RecipientChange] {
        events.filter { $0.action == "recipient_changed" }.map {
            RecipientChange(at: $0.at, from: $0.from, to: $0.recipient, by: $0.by, reason: $0.reason)
        }
    }

    public struct RecipientChange: Sendable, Equatable {
        public let at: Date
        public let from: String
        public let to: String
        public let by: String
        public let reason: String
    }

    /// The agreement's history up to the signature, for the audit certificate: every link sent
    /// (and to which address), opened, redirected to another address, and the signature.
    public let events: [Event]

    public struct Event: Sendable, Equatable, Decodable {
        public let at: Date
        /// `sent`, `resent`, `recipient_changed`, `viewed` or `signed`.
        public let action: String
        /// The client address, when the customer's browser did it.
        public let ip: String
        /// The staff member who did it ("" for the customer).
        public let by: String
        /// The address a link went to (sent, resent, recipient_changed).
        public let recipient: String
        public let version: String
        /// For recipient_changed: the address before and why it changed.
        public let from: String
        public let reason: String
    }
}

/// The signed agreement: its inputs, and the PDF stored once per version with its SHA-256.
extension SigningStore {
    /// - Throws: `DatabaseError`. nil when the version has no signature or booking.
    public static func agreementInputs(
        _ connection: Connection, versionID: Int64
    ) throws(DatabaseError) -> SignedAgreementInputs? {
        let rows = try connection.query(
            """
            SELECT v.id AS version_id, b.id AS booking_id, b.number AS booking_number, v.snapshot,
                   encode(v.snapshot_sha256, 'hex') AS sha256, s.signing_link_id, s.signer_name,
                   coalesce(s.signer_email::text, '') AS signer_email, s.method, s.strokes::text AS strokes,
                   s.typed_text, coalesce(host(s.ip), '') AS ip, coalesce(s.user_agent, '') AS user_agent, s.signed_at,
                   coalesce(c.email::text, '') AS customer_email, c.name AS customer_name, c.locale,
                   coalesce(st.email_sender, '') AS sender, coalesce(st.contact_email::text, '') AS contact_email,
                   coalesce(st.team_notification_email::text, '') AS team_email,
                   l.recipient_email::text AS sent_to,
                   (SELECT coalesce(json_agg(json_build_object(
                               'at', to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                               'action', a.action, 'ip', coalesce(host(a.ip), ''), 'by', coalesce(u.name, ''),
                               'recipient', coalesce(a.after->>'recipient',
                                   (SELECT sl.recipient_email::text FROM signing_links sl
                                     WHERE sl.id = (a.after->>'signing_link_id')::bigint), ''),
                               'version', coalesce(a.after->>'version', ''),
                               'from', coalesce(a.before->>'recipient', ''),
                               'reason', coalesce(a.after->>'reason', '')) ORDER BY a.at, a.id), '[]')::text
                      FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
                     WHERE a.entity_type = 'quotation' AND a.entity_id = q.id
                       AND a.action IN ('sent', 'resent', 'recipient_changed', 'viewed', 'signed')
                       AND a.at <= s.signed_at) AS events
              FROM quotation_versions v
              JOIN signatures s ON s.quotation_version_id = v.id
              JOIN signing_links l ON l.id = s.signing_link_id
              JOIN quotations q ON q.id = v.quotation_id
              JOIN bookings b ON b.quotation_id = q.id
              JOIN customers c ON c.id = q.customer_id
             CROSS JOIN settings st
             WHERE v.id = \(versionID)
            """)
        guard let row = rows.first else { return nil }
        return SignedAgreementInputs(
            versionID: try row.decode("version_id"), bookingID: try row.decode("booking_id"),
            bookingNumber: try row.decode("booking_number"), snapshotJSON: try row.decode("snapshot"),
            snapshotSHA256: try row.decode("sha256"), signingLinkID: try row.decode("signing_link_id"),
            signerName: try row.decode("signer_name"), signerEmail: try row.decode("signer_email"),
            method: try row.decode("method"), strokesJSON: try row.decode("strokes"),
            typedText: try row.decode("typed_text"),
            ip: try row.decode("ip"), userAgent: try row.decode("user_agent"), signedAt: try row.decode("signed_at"),
            customerEmail: try row.decode("customer_email"), customerName: try row.decode("customer_name"),
            customerLocale: try row.decode("locale"), sender: try row.decode("sender"),
            contactEmail: try row.decode("contact_email"), teamEmail: try row.decode("team_email"),
            sentTo: try row.decode("sent_to"),
            events: try Self.decodeJSON(try row.decode("events"), column: "events"))
    }

    private static func decodeJSON<T: Decodable>(_ json: String, column: String) throws(DatabaseError) -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(T.self, from: Data(json.utf8))
        } catch {
            throw DatabaseError(
                .decoding(column: column), message: "\(error)", safeDetail: "not the expected JSON list")
        }
    }

    /// The stored PDF of a version, if rendered.
    /// - Throws: `DatabaseError`.
    public static func agreementPDF(_ connection: Connection, versionID: Int64) throws(DatabaseError) -> [UInt8]? {
        try connection.query(
            """
            SELECT content FROM documents WHERE kind = 'signed_agreement' AND quotation_version_id = \(versionID)
            """
        ).first?.decode("content")
    }

    /// Stores the PDF once (a second render of the same version keeps the first); the database
    /// checks that `sha256` is the content's.
    /// - Throws: `DatabaseError`.
    public static func storeAgreementPDF(
        _ connection: Connection, versionID: Int64, bookingID: Int64, fileName: String, content: [UInt8],
        sha256: [UInt8]
    ) throws(DatabaseError) {
        try connection.execute(
            """
            INSERT INTO documents (kind, quotation_version_id, booking_id, file_name, mime, content, sha256)
            VALUES ('signed_agreement', \(versionID), \(bookingID), \(fileName), 'application/pdf', \(content), \(sha256))
            ON CONFLICT DO NOTHING
            """)
    }
}
