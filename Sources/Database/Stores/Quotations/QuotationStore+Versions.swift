public import Domain
public import Foundation

/// One sent version in the editor's list.
public struct QuotationVersionSummary: Sendable, Equatable {
    public let number: Int
    public let state: QuotationVersionState
    public let sentAt: Date?
    public let total: Money
    /// Lower-case hex SHA-256 of the frozen snapshot.
    public let sha256: String
    public let sentByName: String?
    /// The customer declined it (a declined version is superseded when a newer one is sent).
    public let declined: Bool
}

/// A frozen version with everything recorded about it.
public struct QuotationVersionDetail: Sendable {
    public let quotationID: QuotationID
    public let quotationNumber: String
    public let summary: QuotationVersionSummary
    /// The canonical JSON exactly as hashed (`QuotationSnapshot(canonicalJSON:)` reads it).
    public let snapshotJSON: String
    /// Every link issued for this version, newest first (no tokens: only hashes are stored).
    public let links: [SigningLinkSummary]
    public let signature: SignatureEvidence?
    public let decline: DeclineRecord?
    public let booking: (id: BookingID, number: String)?
}

/// The sent versions of a quotation.
extension QuotationStore {
    /// Every version, newest first. - Throws: `DatabaseError`, `QuotationStoreError.corruptRow`.
    public static func versions(_ connection: Connection, quotationID: QuotationID) throws -> [QuotationVersionSummary]
    {
        try connection.query(versionsQuery(quotationID)).map(versionSummary)
    }

    static func versionsQuery(_ quotationID: QuotationID) -> Query {
        """
        SELECT v.version_no, v.state, v.sent_at, v.total_ore, encode(v.snapshot_sha256, 'hex') AS sha256,
               u.name AS sent_by, EXISTS (SELECT 1 FROM declines d WHERE d.quotation_version_id = v.id) AS declined
          FROM quotation_versions v LEFT JOIN users u ON u.id = v.created_by
         WHERE v.quotation_id = \(quotationID.rawValue)
         ORDER BY v.version_no DESC
        """
    }

    /// Version `number` of the quotation with its links, signature or decline and booking, or nil.
    /// - Throws: `DatabaseError`, `QuotationStoreError.corruptRow`.
    public static func versionDetail(
        _ connection: Connection, quotationID: QuotationID, number: Int
    ) throws -> QuotationVersionDetail? {
        let rows = try connection.query(
            """
            SELECT v.id, q.number AS quotation_number, v.version_no, v.state, v.sent_at, v.total_ore,
                   encode(v.snapshot_sha256, 'hex') AS sha256, u.name AS sent_by, v.snapshot,
                   EXISTS (SELECT 1 FROM declines d WHERE d.quotation_version_id = v.id) AS declined,
                   b.id AS booking_id, b.number AS booking_number
              FROM quotation_versions v
              JOIN quotations q ON q.id = v.quotation_id
              LEFT JOIN users u ON u.id = v.created_by
              LEFT JOIN bookings b ON b.quotation_version_id = v.id
             WHERE v.quotation_id = \(quotationID.rawValue) AND v.version_no = \(number)
            """)
        guard let row = rows.first else { return nil }
        let versionID: Int64 = try row.decode("id")
        let links = try connection.query(
            """
            SELECT l.id, \(number) AS version_no, l.recipient_email::text AS recipient, l.created_at, l.expires_at,
                   l.voided_at, l.first_viewed_at, l.last_viewed_at, l.view_count, u.name AS created_by_name,
                   j.state AS email_state, j.last_error AS email_error
              FROM signing_links l LEFT JOIN users u ON u.id = l.created_by
              \(unsafeRaw: QuotationStore.linkEmailJoin)
             WHERE l.quotation_version_id = \(versionID)
             ORDER BY l.id DESC
            """
        ).map(QuotationStore.linkSummary)
        let signature = try connection.query(
            """
            SELECT signer_name, signer_email::text AS signer_email, method, typed_text,
                   coalesce(jsonb_array_length(strokes), 0) AS strokes, host(ip) AS ip, user_agent, signed_at,
                   encode(document_sha256, 'hex') AS document_sha256
              FROM signatures WHERE quotation_version_id = \(versionID)
            """
        ).first.map { s in
            SignatureEvidence(
                signerName: try s.decode("signer_name"), signerEmail: try s.decode("signer_email"),
                method: try s.decode("method"), typedText: try s.decode("typed_text"),
                strokeCount: try s.decode("strokes"),
                ip: try s.decode("ip"), userAgent: try s.decode("user_agent"), signedAt: try s.decode("signed_at"),
                documentSHA256: try s.decode("document_sha256"))
        }
        let decline = try connection.query(
            "SELECT reason, declined_at, host(ip) AS ip FROM declines WHERE quotation_version_id = \(versionID)"
        ).first.map { d in
            DeclineRecord(
                reason: try d.decode("reason"), declinedAt: try d.decode("declined_at"), ip: try d.decode("ip"))
        }
        let bookingID: Int64? = try row.decode("booking_id")
        let bookingNumber: String? = try row.decode("booking_number")
        return QuotationVersionDetail(
            quotationID: quotationID, quotationNumber: try row.decode("quotation_number"),
            summary: try versionSummary(row),
            snapshotJSON: try row.decode("snapshot"), links: links, signature: signature, decline: decline,
            booking: bookingID.flatMap { id in bookingNumber.map { (BookingID(rawValue: id), $0) } })
    }

    static func versionSummary(_ row: Row) throws -> QuotationVersionSummary {
        guard let state = QuotationVersionState(rawValue: try row.decode("state")) else {
            throw QuotationStoreError.corruptRow("quotation_versions.state")
        }
        return QuotationVersionSummary(
            number: try row.decode("version_no"), state: state, sentAt: try row.decode("sent_at"),
            total: Money(ore: try row.decode("total_ore")), sha256: try row.decode("sha256"),
            sentByName: try row.decode("sent_by"), declined: try row.decode("declined"))
    }
}
