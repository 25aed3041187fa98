public import Domain
public import Foundation

/// How the customer signed. The handler validates the strokes (shape, size) before; the store
/// only stores them.
public enum SignatureInput: Sendable, Equatable {
    /// The name as typed (works without JavaScript).
    case typed(name: String)
    /// Drawn on the canvas: the strokes as JSON text, `[[{x, y, t, pressure}, …], …]`.
    case drawn(strokesJSON: String)

    var method: String {
        switch self {
        case .typed: "typed"
        case .drawn: "drawn"
        }
    }
}

/// The evidence recorded with a signature or a decline.
public struct SigningEvidenceInput: Sendable, Equatable {
    public var signerName: String
    public var signerEmail: String?
    /// The client address as nginx passes it; empty or nil when unknown.
    public var ipAddress: String?
    public var userAgent: String?

    public init(signerName: String, signerEmail: String? = nil, ipAddress: String? = nil, userAgent: String? = nil) {
        self.signerName = signerName
        self.signerEmail = signerEmail
        self.ipAddress = ipAddress
        self.userAgent = userAgent
    }
}

/// A product line of the frozen version that can no longer be reserved for the period.
public struct UnavailableItem: Sendable, Equatable, Codable {
    public let productID: Int64
    public let description: String
    /// Units the version asks for (all its lines for this product together).
    public let requested: Int
    /// Units still free on the tightest day of the period.
    public let available: Int

    enum CodingKeys: String, CodingKey {
        case productID = "product_id"
        case description, requested, available
    }
}

/// What a signing attempt came to.
public enum SigningOutcome: Sendable, Equatable {
    /// Signed now: the booking was created.
    case signed(bookingID: BookingID, bookingNumber: String, signedAt: Date)
    /// The version had already been signed (double submit, second tab): nothing was created.
    case alreadySigned(bookingNumber: String?, signedAt: Date)
    /// Not signed: stock is short. The attempt is recorded and the team told.
    case unavailable(items: [UnavailableItem])
    case declined
    case expired
    /// Replaced by a newer version, or the quotation was voided.
    case voided
    /// No link with that token.
    case notFound
}

/// What a decline came to.
public enum DeclineOutcome: Sendable, Equatable {
    case declined(declinedAt: Date)
    /// Declined before (double submit): nothing new stored.
    case alreadyDeclined(declinedAt: Date)
    case signed
    case expired
    case voided
    case notFound
}

/// Signing and declining a quotation version through its link. Signing is one transaction: the
/// signature, its evidence, the booking, the audit row and the jobs commit together or not at all.
public enum SigningStore {
    /// The booking states whose lines hold stock (`BookingState.reservesStock`), as SQL text.
    static let reservingStatesSQL: String =
        BookingState.allCases.filter(\.reservesStock).map { "'\($0.rawValue)'" }.joined(separator: ", ")

    /// Signs the version behind the link, in one transaction (a savepoint inside the caller's).
    ///
    /// Locks the quotation and then the version (the order `QuotationStore.send` uses); answers a
    /// version that is no longer signable with its state; re-checks availability of every product
    /// line for the period against bookings that reserve stock, with the product rows locked in id
    /// order so concurrent signers for the last unit serialise. When short, commits only an audit
    /// row and an `email.team_unavailable` job. Otherwise stores the signature and evidence, marks
    /// version and quotation signed, creates the booking (`EG-YYYY-NNNN`, Stockholm year) and its
    /// lines, writes audit rows and queues `pdf.signed_agreement`, `email.signed` and
    /// `email.team_new_booking`.
    ///
    /// - Throws: `SnapshotError` (stored snapshot unreadable), `QuotationStoreError`, `DatabaseError`.
    public static func sign(
        _ connection: Connection, tokenHash: [UInt8], signature: SignatureInput, evidence: SigningEvidenceInput,
        now: Date = Date()
    ) throws -> SigningOutcome {
        try connection.transaction { tx in
            guard let link = try lockLink(tx, tokenHash: tokenHash) else { return .notFound }
            switch link.versionState {
            case "signed":
                let rows = try tx.query(
                    """
                    SELECT s.signed_at, b.number
                      FROM signatures s LEFT JOIN bookings b ON b.quotation_version_id = s.quotation_version_id
                     WHERE s.quotation_version_id = \(link.versionID)
                    """)
                guard let row = rows.first else { throw QuotationStoreError.corruptRow("signed version without signature") }
                return .alreadySigned(bookingNumber: try row.decode("number"), signedAt: try row.decode("signed_at"))
            case "declined": return .declined
            case "expired": return .expired
            case "superseded", "void": return .voided
            default: break
            }
            if link.voided || link.quotationState == "void" { return .voided }
            if link.expiresAt <= now { return .expired }

            let snapshot = try QuotationSnapshot(canonicalJSON: link.snapshot)
            let period = snapshot.period

            // Units asked for, per product.
            var requested: [Int64: Int] = [:]
            var descriptions: [Int64: String] = [:]
            for priced in snapshot.lines {
                guard case .product(let product) = priced.line.item else { continue }
                requested[product.rawValue, default: 0] += priced.line.quantity
                if descriptions[product.rawValue] == nil { descriptions[product.rawValue] = priced.line.description }
            }
            var short: [UnavailableItem] = []
            if !requested.isEmpty {
                let ids = requested.keys.sorted()
                let idArray = "{" + ids.map(String.init).joined(separator: ",") + "}"
                let productRows = try tx.query(
                    "SELECT id, stock FROM products WHERE id = ANY(\(idArray)::bigint[]) ORDER BY id FOR UPDATE")
                var stock: [Int64: Int] = [:]
                for row in productRows { stock[try row.decode("id")] = try row.decode("stock") }
                let reservedRows = try tx.query(
                    """
                    SELECT bl.product_id, bl.quantity,
                           bl.period_start::text AS period_start, bl.period_end::text AS period_end
                      FROM booking_lines bl JOIN bookings b ON b.id = bl.booking_id
                     WHERE bl.product_id = ANY(\(idArray)::bigint[])
                       AND b.state IN (\(unsafeRaw: reservingStatesSQL))
                       AND bl.period_start <= \(period.end.iso)::date AND bl.period_end >= \(period.start.iso)::date
                    """)
                var reservations: [Int64: [Reservation]] = [:]
                for row in reservedRows {
                    let reserved = try RentalPeriod(
                        start: try CalendarDate(iso: try row.decode("period_start")),
                        end: try CalendarDate(iso: try row.decode("period_end")))
                    reservations[try row.decode("product_id"), default: []].append(
                        Reservation(quantity: try row.decode("quantity"), period: reserved))
                }
                for id in ids {
                    let quantity = requested[id] ?? 0
                    let availability = Availability.compute(
                        stock: stock[id] ?? 0, reservations: reservations[id] ?? [], period: period)
                    if !availability.canReserve(quantity) {
                        short.append(
                            UnavailableItem(
                                productID: id, description: descriptions[id] ?? "", requested: quantity,
                                available: availability.available))
                    }
                }
            }
            if !short.isEmpty {
                let itemsJSON = try json(short)
                try tx.execute(
                    """
                    INSERT INTO audit_log (at, actor_kind, entity_type, entity_id, action, after, ip)
                    VALUES (\(now), 'customer', 'quotation', \(link.quotationID), 'sign_refused_unavailable',
                            jsonb_build_object('quotation_version_id', \(link.versionID)::bigint,
                                               'signing_link_id', \(link.linkID)::bigint, 'items', \(itemsJSON)::jsonb),
                            \(inet(evidence.ipAddress))::inet)
                    """)
                try JobStore.enqueue(
                    tx, kind: "email.team_unavailable",
                    payloadJSON:
                        "{\"quotation_id\": \(link.quotationID), \"quotation_version_id\": \(link.versionID), \"items\": \(itemsJSON)}"
                )
                return .unavailable(items: short)
            }

            // Sign: signature and evidence.
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
                VALUES (\(link.versionID), \(link.linkID), \(signerName),
                        \(evidence.signerEmail.flatMap(CustomerStore.nonEmpty)), \(signature.method),
                        \(strokes)::jsonb, \(typedText), true, \(inet(evidence.ipAddress))::inet,
                        \(evidence.userAgent.flatMap(CustomerStore.nonEmpty)), \(now), \(link.sha256))
                """)
            try tx.execute("UPDATE quotation_versions SET state = 'signed' WHERE id = \(link.versionID)")
            try tx.execute(
                "UPDATE quotations SET state = 'signed', version = version + 1 WHERE id = \(link.quotationID)")

            // The booking, with the next gap-free number for the signing instant's Stockholm year.
            let number = try NumberStore.allocate(tx, kind: .booking, at: now)
            let address = snapshot.deliveryAddress
            let totals = snapshot.totals
            let bookingRows = try tx.query(
                """
                INSERT INTO bookings (number, quotation_id, quotation_version_id, customer_id, state, title,
                                      period_start, period_end, delivery_address_line1, delivery_address_line2,
                                      delivery_postal_code, delivery_city, delivery_country, vat_rate_bp,
                                      subtotal_ore, discount_ore, shipping_ore, vat_ore, total_ore, created_at)
                VALUES (\(number.description), \(link.quotationID), \(link.versionID), \(link.customerID), 'confirmed',
                        \(snapshot.title.flatMap(CustomerStore.nonEmpty)),
                        \(period.start.iso)::date, \(period.end.iso)::date,
                        \(CustomerStore.nonEmpty(address.line1)), \(CustomerStore.nonEmpty(address.line2)),
                        \(CustomerStore.nonEmpty(address.postalCode)), \(CustomerStore.nonEmpty(address.city)),
                        \(address.country.isEmpty ? "SE" : address.country), \(totals.vatRate.basisPoints),
                        \(totals.linesSubtotal.ore), \(totals.discount.ore), \(totals.shipping.ore),
                        \(totals.vat.ore), \(totals.total.ore), \(now))
                RETURNING id
                """)
            let bookingID = BookingID(rawValue: try bookingRows[0].decode("id"))
            for priced in snapshot.lines {
                guard case .product(let product) = priced.line.item else { continue }
                try tx.execute(
                    """
                    INSERT INTO booking_lines (booking_id, product_id, quantity, period_start, period_end)
                    VALUES (\(bookingID.rawValue), \(product.rawValue), \(priced.line.quantity),
                            \(period.start.iso)::date, \(period.end.iso)::date)
                    """)
            }

            try tx.execute(
                """
                INSERT INTO audit_log (at, actor_kind, entity_type, entity_id, action, after, ip)
                VALUES (\(now), 'customer', 'quotation', \(link.quotationID), 'signed',
                        jsonb_build_object('quotation_version_id', \(link.versionID)::bigint,
                                           'signing_link_id', \(link.linkID)::bigint,
                                           'method', \(signature.method)::text,
                                           'booking_number', \(number.description)::text),
                        \(inet(evidence.ipAddress))::inet)
                """)
            try tx.execute(
                """
                INSERT INTO audit_log (at, actor_kind, entity_type, entity_id, action, after, ip)
                VALUES (\(now), 'customer', 'booking', \(bookingID.rawValue), 'created',
                        jsonb_build_object('number', \(number.description)::text, 'state', 'confirmed',
                                           'quotation_id', \(link.quotationID)::bigint),
                        \(inet(evidence.ipAddress))::inet)
                """)

            let payload = "{\"booking_id\": \(bookingID.rawValue), \"quotation_version_id\": \(link.versionID)}"
            try JobStore.enqueue(
                tx, kind: "pdf.signed_agreement", payloadJSON: payload, dedupeKey: "pdf.signed_agreement:\(link.versionID)")
            try JobStore.enqueue(
                tx, kind: "email.signed", payloadJSON: payload, dedupeKey: "email.signed:\(bookingID.rawValue)")
            try JobStore.enqueue(
                tx, kind: "email.team_new_booking", payloadJSON: payload,
                dedupeKey: "email.team_new_booking:\(bookingID.rawValue)")
            return .signed(bookingID: bookingID, bookingNumber: number.description, signedAt: now)
        }
    }

    /// Declines the version behind the link, in one transaction; idempotent (a second decline
    /// returns `.alreadyDeclined` and stores nothing). Stores the decline with its reason and
    /// evidence, marks version and quotation declined, writes the audit row and queues
    /// `email.team_declined`.
    ///
    /// - Throws: `DatabaseError`.
    public static func decline(
        _ connection: Connection, tokenHash: [UInt8], reason: String, evidence: SigningEvidenceInput,
        now: Date = Date()
    ) throws -> DeclineOutcome {
        try connection.transaction { tx in
            guard let link = try lockLink(tx, tokenHash: tokenHash) else { return .notFound }
            switch link.versionState {
            case "declined":
                let rows = try tx.query(
                    "SELECT declined_at FROM declines WHERE quotation_version_id = \(link.versionID)")
                guard let row = rows.first else { throw QuotationStoreError.corruptRow("declined version without decline") }
                return .alreadyDeclined(declinedAt: try row.decode("declined_at"))
            case "signed": return .signed
            case "expired": return .expired
            case "superseded", "void": return .voided
            default: break
            }
            if link.voided || link.quotationState == "void" { return .voided }
            if link.expiresAt <= now { return .expired }

            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            let rows = try tx.query(
                """
                INSERT INTO declines (quotation_version_id, signing_link_id, reason, ip, user_agent, declined_at)
                VALUES (\(link.versionID), \(link.linkID), \(CustomerStore.nonEmpty(trimmed)),
                        \(inet(evidence.ipAddress))::inet, \(evidence.userAgent.flatMap(CustomerStore.nonEmpty)), \(now))
                RETURNING id
                """)
            let declineID: Int64 = try rows[0].decode("id")
            try tx.execute("UPDATE quotation_versions SET state = 'declined' WHERE id = \(link.versionID)")
            try tx.execute(
                "UPDATE quotations SET state = 'declined', version = version + 1 WHERE id = \(link.quotationID)")
            try tx.execute(
                """
                INSERT INTO audit_log (at, actor_kind, entity_type, entity_id, action, after, ip)
                VALUES (\(now), 'customer', 'quotation', \(link.quotationID), 'declined',
                        jsonb_build_object('quotation_version_id', \(link.versionID)::bigint,
                                           'signing_link_id', \(link.linkID)::bigint,
                                           'decline_id', \(declineID)::bigint),
                        \(inet(evidence.ipAddress))::inet)
                """)
            try JobStore.enqueue(
                tx, kind: "email.team_declined",
                payloadJSON:
                    "{\"quotation_id\": \(link.quotationID), \"quotation_version_id\": \(link.versionID), \"decline_id\": \(declineID)}",
                dedupeKey: "email.team_declined:\(link.versionID)")
            return .declined(declinedAt: now)
        }
    }

    // MARK: - Helpers

    struct LockedLink {
        let linkID: Int64
        let voided: Bool
        let expiresAt: Date
        let versionID: Int64
        let versionState: String
        let snapshot: String
        let sha256: [UInt8]
        let quotationID: Int64
        let quotationState: String
        let customerID: Int64
    }

    /// Finds the link, then locks its quotation and its version, in that order (the order
    /// `QuotationStore.send` locks in, so the two cannot deadlock).
    static func lockLink(_ tx: Connection, tokenHash: [UInt8]) throws -> LockedLink? {
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
        return LockedLink(
            linkID: try row.decode("link_id"), voided: try row.decode("voided"), expiresAt: try row.decode("expires_at"),
            versionID: try row.decode("version_id"), versionState: try row.decode("state"),
            snapshot: try row.decode("snapshot"), sha256: try row.decode("snapshot_sha256"), quotationID: quotationID,
            quotationState: try q.decode("state"), customerID: try q.decode("customer_id"))
    }

    /// The client address for an `inet` column: nil when empty (the cast then yields NULL).
    static func inet(_ address: String?) -> String? {
        address.flatMap(CustomerStore.nonEmpty)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
