public import Domain
public import Foundation

/// What the customer's page `/sign/{token}` needs about a presented link.
public struct SigningPageData: Sendable, Equatable {
    /// The link's state as the customer sees it (`SigningLinkState.of`).
    public typealias State = SigningLinkState

    public let linkID: Int64
    public let quotationID: Int64
    public let versionID: Int64
    public let state: State
    /// The SHA-256 of the frozen version's canonical JSON: it names the exact bytes that are
    /// signed, so whatever is derived from them can be cached under it (`snapshotJSON` loads them).
    public let snapshotSHA256: String
    public let expiresAt: Date
    public let signedAt: Date?
    public let bookingNumber: String?
    /// The settings row's stamp, read in the same round trip, for the cached company profile.
    public let settingsStamp: String
    /// Whether `recordView` would change anything: the first view, or the last recorded one is
    /// more than a minute old. Other views cost no write and no extra round trip.
    public let viewDue: Bool
}

/// The queries of the customer's signing page.
extension SigningStore {
    /// Looks a presented token up by its hash. nil for a wrong and a never-issued token alike.
    /// One round trip reads everything the page needs except the frozen JSON (see `snapshotJSON`).
    /// - Throws: `DatabaseError`.
    public static func lookup(
        _ connection: Connection, tokenHash: [UInt8], now: Date = Date()
    ) throws(DatabaseError)
        -> SigningPageData?
    {
        let rows = try connection.query(
            """
            SELECT l.id AS link_id, v.quotation_id, v.id AS version_id, v.state AS version_state,
                   q.state AS quotation_state, (l.voided_at IS NOT NULL) AS voided, l.expires_at,
                   encode(v.snapshot_sha256, 'hex') AS sha256, s.signed_at, b.number AS booking_number,
                   coalesce((SELECT updated_at::text FROM settings), '') AS settings_stamp,
                   (l.first_viewed_at IS NULL OR l.last_viewed_at IS NULL
                    OR l.last_viewed_at < now() - interval '1 minute') AS view_due
              FROM signing_links l
              JOIN quotation_versions v ON v.id = l.quotation_version_id
              JOIN quotations q ON q.id = v.quotation_id
              LEFT JOIN signatures s ON s.quotation_version_id = v.id
              LEFT JOIN bookings b ON b.quotation_id = q.id
             WHERE l.token_hash = \(tokenHash)
            """)
        guard let row = rows.first else { return nil }
        guard let versionState = QuotationVersionState(rawValue: try row.decode("version_state")),
            let quotationState = QuotationState(rawValue: try row.decode("quotation_state"))
        else {
            throw DatabaseError(.decoding(column: "state"), message: "unknown state", safeDetail: "quotation state")
        }
        let expiresAt: Date = try row.decode("expires_at")
        let state = SigningLinkState.of(
            version: versionState, quotation: quotationState, linkVoided: try row.decode("voided"),
            expiresAt: expiresAt,
            now: now)
        return SigningPageData(
            linkID: try row.decode("link_id"), quotationID: try row.decode("quotation_id"),
            versionID: try row.decode("version_id"), state: state, snapshotSHA256: try row.decode("sha256"),
            expiresAt: expiresAt, signedAt: try row.decode("signed_at"),
            bookingNumber: try row.decode("booking_number"),
            settingsStamp: try row.decode("settings_stamp"), viewDue: try row.decode("view_due"))
    }

    /// The frozen version's canonical JSON (`QuotationSnapshot`), exactly what is signed. Pages
    /// keep what they derive from it per SHA-256, so this is read once per version and thread.
    /// - Throws: `DatabaseError` (`.other` for an unknown version).
    public static func snapshotJSON(_ connection: Connection, versionID: Int64) throws(DatabaseError) -> String {
        let rows = try connection.query("SELECT snapshot FROM quotation_versions WHERE id = \(versionID)")
        guard let row = rows.first else {
            throw DatabaseError(.other, message: "no quotation version \(versionID)", safeDetail: "no such version")
        }
        return try row.decode("snapshot")
    }

    /// Records that the customer looked (call it when the lookup says `viewDue`): the first view sets `first_viewed_at` and writes the
    /// "viewed" audit row, in one statement (so atomically). Later views touch the row at most once
    /// a minute (`last_viewed_at`, `view_count`), so reloading the page does not write each time.
    /// - Returns: true for the first view.
    /// - Throws: `DatabaseError`.
    @discardableResult
    public static func recordView(
        _ connection: Connection, linkID: Int64, quotationID: Int64, requestID: String, clientAddress: String
    ) throws(DatabaseError) -> Bool {
        let rows = try connection.query(
            """
            WITH viewed AS (
                UPDATE signing_links
                   SET view_count = view_count + 1, last_viewed_at = now(),
                       first_viewed_at = coalesce(first_viewed_at, now())
                 WHERE id = \(linkID)
                   AND (first_viewed_at IS NULL OR last_viewed_at IS NULL
                        OR last_viewed_at < now() - interval '1 minute')
                RETURNING view_count = 1 AS first
            ), audited AS (
                INSERT INTO audit_log (actor_kind, entity_type, entity_id, action, after, request_id, ip)
                SELECT 'customer', 'quotation', \(quotationID), 'viewed',
                       jsonb_build_object('signing_link_id', \(linkID)::bigint), \(requestID),
                       nullif(\(clientAddress), '')::inet
                  FROM viewed WHERE first
                RETURNING id
            )
            SELECT count(*) AS first FROM audited
            """)
        return try rows.first?.decode("first", as: Int.self) == 1
    }
}
