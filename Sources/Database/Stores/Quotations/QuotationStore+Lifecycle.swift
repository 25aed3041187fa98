public import Domain
public import Foundation

/// The live link of the version waiting for its signature, locked.
public struct WaitingSigningLink: Sendable {
    public let linkID: Int64
    public let expiresAt: Date
    public let versionID: QuotationVersionID
    public let versionNo: Int
    /// The address the link was sent to, frozen with the send.
    public let recipient: String
}

/// The SQL of the quotation changes staff make (resend, void, reopen).
extension QuotationStore {
    /// Locks the quotation row (the first lock of every quotation operation and of signing) and
    /// reads its state and optimistic-locking version. nil when it does not exist.
    /// - Throws: `QuotationStoreError.corruptRow`, `DatabaseError`.
    public static func lockState(_ tx: Connection, id: QuotationID) throws -> (state: QuotationState, version: Int)? {
        guard let row = try tx.query("SELECT state, version FROM quotations WHERE id = \(id.rawValue) FOR UPDATE").first
        else {
            return nil
        }
        return (try SigningStore.quotationState(row, "state"), try row.decode("version"))
    }

    /// The live link of the newest version still waiting (`sent`), locked; nil when there is none.
    /// - Throws: `DatabaseError`.
    public static func lockWaitingLink(_ tx: Connection, id: QuotationID) throws(DatabaseError) -> WaitingSigningLink? {
        let rows = try tx.query(
            """
            SELECT l.id, l.expires_at, v.id AS version_id, v.version_no, l.recipient_email::text AS recipient
              FROM quotation_versions v
              JOIN signing_links l ON l.quotation_version_id = v.id AND l.voided_at IS NULL
             WHERE v.quotation_id = \(id.rawValue) AND v.state = \(QuotationVersionState.sent.rawValue)
             ORDER BY v.version_no DESC
             LIMIT 1
             FOR UPDATE OF l
            """)
        guard let row = rows.first else { return nil }
        return WaitingSigningLink(
            linkID: try row.decode("id"), expiresAt: try row.decode("expires_at"),
            versionID: QuotationVersionID(rawValue: try row.decode("version_id")),
            versionNo: try row.decode("version_no"), recipient: try row.decode("recipient"))
    }

    /// The address the quotation's newest link (of any version) was sent to; nil before the first send.
    /// - Throws: `DatabaseError`.
    public static func lastRecipient(_ tx: Connection, id: QuotationID) throws(DatabaseError) -> String? {
        try tx.query(
            """
            SELECT l.recipient_email::text AS recipient
              FROM signing_links l JOIN quotation_versions v ON v.id = l.quotation_version_id
             WHERE v.quotation_id = \(id.rawValue)
             ORDER BY l.id DESC LIMIT 1
            """
        ).first?.decode("recipient")
    }

    /// Records that a link goes to another address than the last one, with who and why.
    /// - Throws: `DatabaseError`.
    public static func recordRecipientChange(
        _ tx: Connection, id: QuotationID, from: String, to: String, reason: String, version: Int, actor: AuditActor
    ) throws(DatabaseError) {
        try AuditStore.record(
            tx, actor: actor, entity: "quotation", entityID: id.rawValue, action: "recipient_changed",
            before: ["recipient": from], after: ["recipient": to, "reason": reason, "version": String(version)])
    }

    /// The customer's email address as it is now ("" when none). - Throws: `DatabaseError`.
    public static func customerEmail(_ tx: Connection, id: QuotationID) throws(DatabaseError) -> String {
        try tx.query(
            "SELECT coalesce(c.email::text, '') AS email FROM quotations q JOIN customers c ON c.id = q.customer_id WHERE q.id = \(id.rawValue)"
        ).first?.decode("email") ?? ""
    }

    /// Voids one signing link. - Throws: `DatabaseError`.
    public static func voidLink(_ tx: Connection, linkID: Int64, at now: Date) throws(DatabaseError) {
        try tx.execute("UPDATE signing_links SET voided_at = \(now) WHERE id = \(linkID)")
    }

    /// Copies the message to the customer and the internal notes onto another quotation.
    /// - Throws: `DatabaseError`.
    public static func setMessageAndNotes(
        _ tx: Connection, id: QuotationID, message: String, notes: String
    )
        throws(DatabaseError)
    {
        try tx.execute(
            """
            UPDATE quotations SET message_to_customer = \(CustomerStore.nonEmpty(message)),
                                  internal_notes = \(CustomerStore.nonEmpty(notes))
             WHERE id = \(id.rawValue)
            """)
    }
}
