public import Domain
public import Foundation

/// A signing link locked for a signature or a decline, with its version and quotation, the
/// state columns decoded.
public struct LockedSigningLink: Sendable {
    public let linkID: Int64
    public let voided: Bool
    public let expiresAt: Date
    public let versionID: QuotationVersionID
    public let versionState: QuotationVersionState
    /// The frozen version as canonical JSON text.
    public let snapshotJSON: String
    public let snapshotSHA256: [UInt8]
    public let quotationID: QuotationID
    public let quotationState: QuotationState
    public let customerID: CustomerID

    /// The link's state at `now`.
    public func state(at now: Date) -> SigningLinkState {
        SigningLinkState.of(
            version: versionState, quotation: quotationState, linkVoided: voided, expiresAt: expiresAt, now: now)
    }
}

/// The SQL of signing and declining a quotation version through its link: locking, the
/// signature and decline rows, the booking made from a signed version, their audit rows.
/// The decisions are `SigningRules`'; the transaction is the use case's.
public enum SigningStore {
    /// Finds the link, then locks its quotation and its version, in that order (the order sending
    /// locks in, so the two cannot deadlock). nil when no link has that hash.
    /// - Throws: `QuotationStoreError.corruptRow` for an unknown state, `DatabaseError`.
    public static func lockLink(_ tx: Connection, tokenHash: [UInt8]) throws -> LockedSigningLink? {
        let found = try tx.query(
            """
            SELECT l.id, v.quotation_id FROM signing_links l JOIN quotation_versions v ON v.id = l.quotation_version_id
             WHERE l.token_hash = \(tokenHash)
            """)
        guard let first = found.first else { return nil }
        let quotationID: Int64 = try first.decode("quotation_id")
        let linkID: Int64 = try first.decode("id")
        let quotation = try tx.query("SELECT state, customer_id FROM quotations WHERE id = \(quotationID) FOR UPDATE")
        guard let q = quotation.first else { return nil }
        let rows = try tx.query(
            """
            SELECT l.id AS link_id, (l.voided_at IS NOT NULL) AS voided, l.expires_at,
                   v.id AS version_id, v.state, v.snapshot, v.snapshot_sha256
              FROM signing_links l JOIN quotation_versions v ON v.id = l.quotation_version_id
             WHERE l.id = \(linkID)
               FOR UPDATE OF v
            """)
        guard let row = rows.first else { return nil }
        return LockedSigningLink(
            linkID: try row.decode("link_id"), voided: try row.decode("voided"),
            expiresAt: try row.decode("expires_at"),
            versionID: QuotationVersionID(rawValue: try row.decode("version_id")),
            versionState: try versionState(row, "state"), snapshotJSON: try row.decode("snapshot"),
            snapshotSHA256: try row.decode("snapshot_sha256"), quotationID: QuotationID(rawValue: quotationID),
            quotationState: try quotationState(q, "state"),
            customerID: CustomerID(rawValue: try q.decode("customer_id")))
    }

    /// The signature of a signed version: when, and the booking made from it.
    /// - Throws: `QuotationStoreError.corruptRow` when a signed version has none, `DatabaseError`.
    public static func signature(
        _ tx: Connection, versionID: QuotationVersionID
    ) throws
        -> (signedAt: Date, bookingNumber: String?)
    {
        let rows = try tx.query(
            """
            SELECT s.signed_at, b.number
              FROM signatures s LEFT JOIN bookings b ON b.quotation_version_id = s.quotation_version_id
             WHERE s.quotation_version_id = \(versionID.rawValue)
            """)
        guard let row = rows.first else { throw QuotationStoreError.corruptRow("signed version without signature") }
        return (try row.decode("signed_at"), try row.decode("number"))
    }

    /// When a declined version was declined.
    /// - Throws: `QuotationStoreError.corruptRow` when a declined version has no decline, `DatabaseError`.
    public static func declinedAt(_ tx: Connection, versionID: QuotationVersionID) throws -> Date {
        let rows = try tx.query("SELECT declined_at FROM declines WHERE quotation_version_id = \(versionID.rawValue)")
        guard let row = rows.first else { throw QuotationStoreError.corruptRow("declined version without decline") }
        return try row.decode("declined_at")
    }

    /// The audit row of a signature refused because stock ran out.
    /// - Throws: `DatabaseError`.
    public static func recordRefusedUnavailable(
        _ tx: Connection, link: LockedSigningLink, items: [UnavailableItem], ipAddress: String?, now: Date
    ) throws {
        let itemsJSON = try json(items)
        try tx.execute(
            """
            INSERT INTO audit_log (at, actor_kind, entity_type, entity_id, action, after, ip)
            VALUES (\(now), 'customer', 'quotation', \(link.quotationID.rawValue), 'sign_refused_unavailable',
                    jsonb_build_object('quotation_version_id', \(link.versionID.rawValue)::bigint,
                                       'signing_link_id', \(link.linkID)::bigint, 'items', \(itemsJSON)::jsonb),
                    \(inet(ipAddress))::inet)
            """)
    }

    /// Stores the signature with its evidence (the document's SHA-256 is the version's).
    /// - Throws: `DatabaseError`.
    public static func insertSignature(
        _ tx: Connection, link: LockedSigningLink, signature: SignatureInput, evidence: SigningEvidenceInput, now: Date
    ) throws(DatabaseError) {
        let strokes: String?
        let typedText: String?
        switch signature {
        case .typed(let name):
            strokes = nil
            typedText = name
        case .drawn(let json):
            strokes = json
            typedText = nil
        }
        let signerName = CustomerStore.nonEmpty(evidence.signerName) ?? typedText ?? evidence.signerName
        try tx.execute(
            """
            INSERT INTO signatures (quotation_version_id, signing_link_id, signer_name, signer_email, method, strokes,
                                    typed_text, consent, ip, user_agent, signed_at, document_sha256)
            VALUES (\(link.versionID.rawValue), \(link.linkID), \(signerName),
                    \(evidence.signerEmail.flatMap(CustomerStore.nonEmpty)), \(signature.method),
                    \(strokes)::jsonb, \(typedText), true, \(inet(evidence.ipAddress))::inet,
                    \(evidence.userAgent.flatMap(CustomerStore.nonEmpty)), \(now), \(link.snapshotSHA256))
            """)
    }

    /// Stores the decline with its reason and evidence. - Returns: its ID. - Throws: `DatabaseError`.
    public static func insertDecline(
        _ tx: Connection, link: LockedSigningLink, reason: String, evidence: SigningEvidenceInput, now: Date
    ) throws(DatabaseError) -> Int64 {
        let rows = try tx.query(
            """
            INSERT INTO declines (quotation_version_id, signing_link_id, reason, ip, user_agent, declined_at)
            VALUES (\(link.versionID.rawValue), \(link.linkID), \(CustomerStore.nonEmpty(reason)),
                    \(inet(evidence.ipAddress))::inet, \(evidence.userAgent.flatMap(CustomerStore.nonEmpty)), \(now))
            RETURNING id
            """)
        return try rows[0].decode("id")
    }

    /// Sets the version's and the quotation's state (the quotation's optimistic-locking version moves on).
    /// - Throws: `DatabaseError`.
    public static func setStates(
        _ tx: Connection, link: LockedSigningLink, version: QuotationVersionState, quotation: QuotationState
    ) throws(DatabaseError) {
        _ = try tx.pipeline([
            "UPDATE quotation_versions SET state = \(version.rawValue) WHERE id = \(link.versionID.rawValue)",
            "UPDATE quotations SET state = \(quotation.rawValue), version = version + 1 WHERE id = \(link.quotationID.rawValue)",
        ])
    }

    /// Creates the booking of a signed version, in `state`, with its product lines for the
    /// snapshot's period. - Returns: its ID. - Throws: `DatabaseError`.
    public static func insertBooking(
        _ tx: Connection, link: LockedSigningLink, snapshot: QuotationSnapshot, number: DocumentNumber,
        state: BookingState, now: Date
    ) throws(DatabaseError) -> BookingID {
        let period = snapshot.period
        let address = snapshot.deliveryAddress
        let totals = snapshot.totals
        // The bookings' custom fields start at their defaults. A failed read aborts the
        // transaction, so the insert below fails with the database's error.
        let custom = (try? CustomFieldStore.defaultValues(tx, .booking)) ?? [:]
        let rows = try tx.query(
            """
            INSERT INTO bookings (number, quotation_id, quotation_version_id, customer_id, state, title,
                                  period_start, period_end, delivery_address_line1, delivery_address_line2,
                                  delivery_postal_code, delivery_city, delivery_country, vat_rate_bp,
                                  subtotal_ore, discount_ore, shipping_ore, vat_ore, total_ore, created_at, custom)
            VALUES (\(number.description), \(link.quotationID.rawValue), \(link.versionID.rawValue),
                    \(link.customerID.rawValue), \(state.rawValue),
                    \(snapshot.title.flatMap(CustomerStore.nonEmpty)),
                    \(period.start.iso)::date, \(period.end.iso)::date,
                    \(CustomerStore.nonEmpty(address.line1)), \(CustomerStore.nonEmpty(address.line2)),
                    \(CustomerStore.nonEmpty(address.postalCode)), \(CustomerStore.nonEmpty(address.city)),
                    \(address.country.isEmpty ? "SE" : address.country), \(totals.vatRate.basisPoints),
                    \(totals.linesSubtotal.ore), \(totals.discount.ore), \(totals.shipping.ore),
                    \(totals.vat.ore), \(totals.total.ore), \(now), \(CustomFieldStore.json(custom))::jsonb)
            RETURNING id
            """)
        let bookingID = BookingID(rawValue: try rows[0].decode("id"))
        var products: [Int64?] = []
        var quantities: [Int64?] = []
        for priced in snapshot.lines {
            guard case .product(let product) = priced.line.item else { continue }
            products.append(product.rawValue)
            quantities.append(Int64(priced.line.quantity))
        }
        guard !products.isEmpty else { return bookingID }
        // Every product line in one statement, in the snapshot's order.
        try tx.execute(
            """
            INSERT INTO booking_lines (booking_id, product_id, quantity, period_start, period_end)
            SELECT \(bookingID.rawValue), l.product_id, l.quantity, \(period.start.iso)::date, \(period.end.iso)::date
              FROM unnest(\(PostgresArray(products))::int8[], \(PostgresArray(quantities))::int4[])
                   WITH ORDINALITY AS l(product_id, quantity, position)
             ORDER BY l.position
            """)
        return bookingID
    }

    /// The audit rows of a signature: the quotation's `signed` and the booking's `created`.
    /// - Throws: `DatabaseError`.
    public static func recordSigned(
        _ tx: Connection, link: LockedSigningLink, method: String, booking: BookingID, number: DocumentNumber,
        state: BookingState, ipAddress: String?, now: Date
    ) throws(DatabaseError) {
        try tx.execute(
            """
            INSERT INTO audit_log (at, actor_kind, entity_type, entity_id, action, after, ip)
            VALUES (\(now), 'customer', 'quotation', \(link.quotationID.rawValue), 'signed',
                    jsonb_build_object('quotation_version_id', \(link.versionID.rawValue)::bigint,
                                       'signing_link_id', \(link.linkID)::bigint,
                                       'method', \(method)::text,
                                       'booking_number', \(number.description)::text),
                    \(inet(ipAddress))::inet),
                   (\(now), 'customer', 'booking', \(booking.rawValue), 'created',
                    jsonb_build_object('number', \(number.description)::text, 'state', \(state.rawValue)::text,
                                       'quotation_id', \(link.quotationID.rawValue)::bigint),
                    \(inet(ipAddress))::inet)
            """)
    }

    /// The audit row of a decline. - Throws: `DatabaseError`.
    public static func recordDeclined(
        _ tx: Connection, link: LockedSigningLink, declineID: Int64, ipAddress: String?, now: Date
    ) throws(DatabaseError) {
        try tx.execute(
            """
            INSERT INTO audit_log (at, actor_kind, entity_type, entity_id, action, after, ip)
            VALUES (\(now), 'customer', 'quotation', \(link.quotationID.rawValue), 'declined',
                    jsonb_build_object('quotation_version_id', \(link.versionID.rawValue)::bigint,
                                       'signing_link_id', \(link.linkID)::bigint,
                                       'decline_id', \(declineID)::bigint),
                    \(inet(ipAddress))::inet)
            """)
    }

    // MARK: - Helpers

    /// The client address for an `inet` column: nil when empty (the cast then yields NULL).
    static func inet(_ address: String?) -> String? {
        address.flatMap(CustomerStore.nonEmpty)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func versionState(_ row: Row, _ column: String) throws -> QuotationVersionState {
        guard let state = QuotationVersionState(rawValue: try row.decode(column)) else {
            throw QuotationStoreError.corruptRow("quotation_versions.state")
        }
        return state
    }

    static func quotationState(_ row: Row, _ column: String) throws -> QuotationState {
        guard let state = QuotationState(rawValue: try row.decode(column)) else {
            throw QuotationStoreError.corruptRow("quotations.state")
        }
        return state
    }
}
