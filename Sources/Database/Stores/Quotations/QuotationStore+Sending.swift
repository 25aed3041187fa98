public import Domain
public import Foundation

/// A quotation as sending reads it, locked: what the next frozen version is made from.
public struct QuotationForSending: Sendable {
    public let id: QuotationID
    public let number: String
    public let state: QuotationState
    public let customerID: CustomerID
    public let currentVersion: Int
    public let title: String?
    public let period: RentalPeriod
    public let deliveryAddress: PostalAddress
    public let discount: Discount
    public let shipping: Money
    public let vatRate: VATRate
    public let termsHTML: String
}

/// The SQL of sending a quotation for signing: freezing a version, issuing its link.
extension QuotationStore {
    /// Locks the quotation row (the first lock of every quotation operation and of signing) and
    /// reads it. nil when it does not exist.
    /// - Throws: `QuotationStoreError.corruptRow`, `QuotationError`, `DatabaseError`.
    public static func lockForSending(_ tx: Connection, id: QuotationID) throws -> QuotationForSending? {
        let rows = try tx.query(
            """
            SELECT number, customer_id, state, current_version, title,
                   period_start::text AS period_start, period_end::text AS period_end,
                   coalesce(delivery_address_line1, '') AS l1, coalesce(delivery_address_line2, '') AS l2,
                   coalesce(delivery_postal_code, '') AS pc, coalesce(delivery_city, '') AS city,
                   delivery_country, discount_bp, discount_ore, shipping_ore, vat_rate_bp, terms_html
              FROM quotations WHERE id = \(id.rawValue)
               FOR UPDATE
            """)
        guard let row = rows.first else { return nil }
        let discountBP: Int = try row.decode("discount_bp")
        let discountOre: Int64 = try row.decode("discount_ore")
        return QuotationForSending(
            id: id, number: try row.decode("number"), state: try SigningStore.quotationState(row, "state"),
            customerID: CustomerID(rawValue: try row.decode("customer_id")),
            currentVersion: try row.decode("current_version"), title: try row.decode("title"),
            period: try RentalPeriod(
                start: try CalendarDate(iso: try row.decode("period_start")),
                end: try CalendarDate(iso: try row.decode("period_end"))),
            deliveryAddress: PostalAddress(
                line1: try row.decode("l1"), line2: try row.decode("l2"), postalCode: try row.decode("pc"),
                city: try row.decode("city"), country: try row.decode("delivery_country")),
            discount: discountBP > 0
                ? try Discount.percent(basisPoints: discountBP) : try Discount.amount(Money(ore: discountOre)),
            shipping: Money(ore: try row.decode("shipping_ore")),
            vatRate: try VATRate(basisPoints: try row.decode("vat_rate_bp")),
            termsHTML: try row.decode("terms_html"))
    }

    /// How many days a new signing link lives (the settings' value). - Throws: `DatabaseError`.
    public static func signingLinkValidityDays(_ tx: Connection) throws(DatabaseError) -> Int {
        try tx.query("SELECT signing_link_validity_days FROM settings")[0].decode("signing_link_validity_days")
    }

    /// Voids every live link of the quotation's versions. - Returns: how many. - Throws: `DatabaseError`.
    @discardableResult
    public static func voidLiveLinks(_ tx: Connection, id: QuotationID) throws(DatabaseError) -> Int {
        try tx.execute(
            """
            UPDATE signing_links SET voided_at = now()
             WHERE voided_at IS NULL
               AND quotation_version_id IN (SELECT id FROM quotation_versions WHERE quotation_id = \(id.rawValue))
            """)
    }

    /// Moves the quotation's versions that are in one of `states` to `state`. - Throws: `DatabaseError`.
    public static func setVersionStates(
        _ tx: Connection, id: QuotationID, from states: [QuotationVersionState], to state: QuotationVersionState
    ) throws(DatabaseError) {
        let from = "{" + states.map(\.rawValue).joined(separator: ",") + "}"
        try tx.execute(
            """
            UPDATE quotation_versions SET state = \(state.rawValue)
             WHERE quotation_id = \(id.rawValue) AND state = ANY(\(from)::text[])
            """)
    }

    /// Sets one version's state. - Throws: `DatabaseError`.
    public static func setVersionState(
        _ tx: Connection, versionID: QuotationVersionID, to state: QuotationVersionState
    )
        throws(DatabaseError)
    {
        try tx.execute("UPDATE quotation_versions SET state = \(state.rawValue) WHERE id = \(versionID.rawValue)")
    }

    /// Stores a frozen version, born `sent`. - Returns: its ID. - Throws: `DatabaseError`.
    public static func insertVersion(
        _ tx: Connection, id: QuotationID, snapshot: QuotationSnapshot, sentBy: Int64, now: Date
    ) throws(DatabaseError) -> QuotationVersionID {
        let rows = try tx.query(
            """
            INSERT INTO quotation_versions (quotation_id, version_no, snapshot, snapshot_sha256, state, total_ore,
                                            created_by, created_at, sent_at)
            VALUES (\(id.rawValue), \(snapshot.version), \(snapshot.canonicalJSON), \(snapshot.sha256.bytes),
                    \(QuotationVersionState.sent.rawValue), \(snapshot.totals.total.ore), \(sentBy), \(now), \(now))
            RETURNING id
            """)
        return QuotationVersionID(rawValue: try rows[0].decode("id"))
    }

    /// Issues a signing link bound to a version (only the token's hash is stored).
    /// - Returns: its ID. - Throws: `DatabaseError`.
    public static func insertSigningLink(
        _ tx: Connection, versionID: QuotationVersionID, token: SigningLinkToken, recipient: String, createdBy: Int64?,
        now: Date, expiresAt: Date
    ) throws(DatabaseError) -> SigningLinkID {
        let rows = try tx.query(
            """
            INSERT INTO signing_links (token_hash, quotation_version_id, recipient_email, created_by, created_at, expires_at)
            VALUES (\(token.hash), \(versionID.rawValue), \(recipient), \(createdBy), \(now), \(expiresAt))
            RETURNING id
            """)
        return SigningLinkID(rawValue: try rows[0].decode("id"))
    }

    /// Marks the quotation sent at version `snapshot.version` with the frozen totals, and writes
    /// the `sent` audit row. - Throws: `DatabaseError`.
    public static func markSent(
        _ tx: Connection, id: QuotationID, number: String, snapshot: QuotationSnapshot, linkID: SigningLinkID,
        sentBy: Int64
    ) throws(DatabaseError) {
        try tx.execute(
            """
            UPDATE quotations
               SET state = \(QuotationState.sent.rawValue), current_version = \(snapshot.version),
                   subtotal_ore = \(snapshot.totals.linesSubtotal.ore), vat_ore = \(snapshot.totals.vat.ore),
                   total_ore = \(snapshot.totals.total.ore), version = version + 1
             WHERE id = \(id.rawValue)
            """)
        try audit(
            tx, userID: sentBy, quotation: id, action: "sent", number: number,
            extra: (snapshot.version, linkID.rawValue, snapshot.sha256.hex))
    }

    /// Sets the quotation's state (its optimistic-locking version moves on). - Throws: `DatabaseError`.
    public static func setState(_ tx: Connection, id: QuotationID, to state: QuotationState) throws(DatabaseError) {
        try tx.execute(
            "UPDATE quotations SET state = \(state.rawValue), version = version + 1 WHERE id = \(id.rawValue)")
    }
}
