public import Domain
public import Foundation

/// What sending a quotation produced. `token` is the signing link's secret: returned for tests
/// and `seed-demo` only; staff screens never show it (they re-send, which issues a new one).
public struct SentQuotation: Sendable {
    public let quotationID: QuotationID
    public let versionID: QuotationVersionID
    public let versionNo: Int
    public let signingLinkID: SigningLinkID
    public let token: SigningLinkToken
    /// SHA-256 of the stored snapshot, lower-case hex.
    public let snapshotSHA256: String
    public let expiresAt: Date
    public let validUntil: CalendarDate
}

/// Why a quotation operation was refused (the database was fine; the request was not).
public enum QuotationStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case quotationNotFound(QuotationID)
    case customerNotFound(CustomerID)
    /// Signed or void quotations cannot be sent again.
    case notSendable(state: String)
    /// A signing link needs the customer's email address.
    case customerHasNoEmail
    /// Lines store only percentage discounts (`quotation_lines.discount_bp`).
    case fixedLineDiscountUnsupported(line: Int)
    /// A stored row did not make a valid domain value.
    case corruptRow(String)

    public var description: String {
        switch self {
        case .quotationNotFound(let id): "Quotation \(id.rawValue) does not exist."
        case .customerNotFound(let id): "Customer \(id.rawValue) does not exist."
        case .notSendable(let state): "A quotation in state \(state) cannot be sent."
        case .customerHasNoEmail: "The customer has no email address to send the signing link to."
        case .fixedLineDiscountUnsupported(let line): "Line \(line + 1): only percentage discounts are supported on lines."
        case .corruptRow(let detail): "A stored quotation row is invalid: \(detail)"
        }
    }
}

/// Quotations: drafts, and sending (freezing a version and issuing its signing link).
public enum QuotationStore {
    /// Creates a draft with the next gap-free number `Q-YYYY-NNNN` (year in Europe/Stockholm),
    /// its lines with their computed totals, and an audit row, all in one transaction (a savepoint
    /// when the caller already has one open). A rollback gives the number back.
    ///
    /// - Throws: `QuotationError` (totals), `QuotationStoreError`, `DatabaseError`.
    public static func createDraft(
        _ connection: Connection, customer: CustomerID, period: RentalPeriod, title: String?,
        deliveryAddress: PostalAddress, lines: [QuotationLine], discount: Discount = .none,
        shipping: Money = .zero, vatRate: VATRate = .default, termsHTML: String, createdBy: Int64
    ) throws -> QuotationID {
        let totals = try QuotationTotals.compute(
            lines: lines, period: period, discount: discount, shipping: shipping, vatRate: vatRate)
        for (index, line) in lines.enumerated() where line.discount.kind == .amount {
            throw QuotationStoreError.fixedLineDiscountUnsupported(line: index)
        }
        return try connection.transaction { tx in
            let number = try NumberStore.allocate(tx, kind: .quotation)
            let rows = try tx.query(
                """
                INSERT INTO quotations (number, customer_id, title, period_start, period_end,
                                        delivery_address_line1, delivery_address_line2, delivery_postal_code,
                                        delivery_city, delivery_country, discount_bp, discount_ore, shipping_ore,
                                        vat_rate_bp, subtotal_ore, vat_ore, total_ore, terms_html, created_by)
                VALUES (\(number.description), \(customer.rawValue), \(title.flatMap(CustomerStore.nonEmpty)),
                        \(period.start.iso)::date, \(period.end.iso)::date,
                        \(CustomerStore.nonEmpty(deliveryAddress.line1)), \(CustomerStore.nonEmpty(deliveryAddress.line2)),
                        \(CustomerStore.nonEmpty(deliveryAddress.postalCode)), \(CustomerStore.nonEmpty(deliveryAddress.city)),
                        \(deliveryAddress.country.isEmpty ? "SE" : deliveryAddress.country),
                        \(discount.basisPoints ?? 0), \(discount.fixedAmount?.ore ?? 0), \(shipping.ore),
                        \(vatRate.basisPoints), \(totals.linesSubtotal.ore), \(totals.vat.ore), \(totals.total.ore),
                        \(termsHTML), \(createdBy))
                RETURNING id
                """)
            let id = QuotationID(rawValue: try rows[0].decode("id"))
            try QuotationEditorStore.insertLines(tx, quotationID: id, totals: totals)
            try audit(tx, userID: createdBy, quotation: id, action: "created", number: number.description, extra: nil)
            return id
        }
    }

    /// Sends a quotation for signing, in one transaction (a
    /// savepoint inside the caller's): locks the quotation, freezes version `current_version + 1`
    /// from the stored rows (snapshot as canonical JSON text and its SHA-256), supersedes the older
    /// versions and voids their live links, issues a signing link bound to the new version
    /// (256-bit token, only its hash stored, expiring after `validityDays` — the settings' value
    /// when nil), marks the quotation sent, writes the audit row and queues the
    /// `email.signing_link` job carrying the link's ID and token (the worker scrubs the token
    /// after building the email).
    ///
    /// - Throws: `QuotationStoreError`, `QuotationError`, `DatabaseError`.
    public static func send(
        _ connection: Connection, quotationID: QuotationID, sentBy: Int64, validityDays: Int? = nil, now: Date = Date()
    ) throws -> SentQuotation {
        try connection.transaction { tx in
            let rows = try tx.query(
                """
                SELECT number, customer_id, state, current_version, title,
                       period_start::text AS period_start, period_end::text AS period_end,
                       coalesce(delivery_address_line1, '') AS l1, coalesce(delivery_address_line2, '') AS l2,
                       coalesce(delivery_postal_code, '') AS pc, coalesce(delivery_city, '') AS city,
                       delivery_country, discount_bp, discount_ore, shipping_ore, vat_rate_bp, terms_html
                  FROM quotations WHERE id = \(quotationID.rawValue)
                   FOR UPDATE
                """)
            guard let row = rows.first else { throw QuotationStoreError.quotationNotFound(quotationID) }
            let state: String = try row.decode("state")
            guard ["draft", "sent", "declined", "expired"].contains(state) else {
                throw QuotationStoreError.notSendable(state: state)
            }
            let customerID = CustomerID(rawValue: try row.decode("customer_id"))
            guard let customer = try CustomerStore.details(tx, id: customerID) else {
                throw QuotationStoreError.customerNotFound(customerID)
            }
            guard !customer.email.isEmpty else { throw QuotationStoreError.customerHasNoEmail }
            let period = try RentalPeriod(
                start: try CalendarDate(iso: try row.decode("period_start")),
                end: try CalendarDate(iso: try row.decode("period_end")))
            let discountBP: Int = try row.decode("discount_bp")
            let discountOre: Int64 = try row.decode("discount_ore")
            let discount = discountBP > 0 ? try Discount.percent(basisPoints: discountBP) : try Discount.amount(Money(ore: discountOre))
            let vatRate = try VATRate(basisPoints: try row.decode("vat_rate_bp"))
            let lines = try storedLines(tx, quotationID: quotationID, period: period)

            let days: Int
            if let validityDays {
                days = validityDays
            } else {
                days = try tx.query("SELECT signing_link_validity_days FROM settings")[0].decode("signing_link_validity_days")
            }
            let expiresAt = now.addingTimeInterval(TimeInterval(days) * 86_400)
            let validUntil = BusinessCalendar.day(of: expiresAt)
            let versionNo = (try row.decode("current_version", as: Int.self)) + 1
            let number: String = try row.decode("number")

            let snapshot = try QuotationSnapshot(
                number: try DocumentNumber(parsing: number), version: versionNo, title: try row.decode("title"),
                company: try CompanyStore.profile(tx), customer: customer, period: period,
                deliveryAddress: PostalAddress(
                    line1: try row.decode("l1"), line2: try row.decode("l2"), postalCode: try row.decode("pc"),
                    city: try row.decode("city"), country: try row.decode("delivery_country")),
                lines: lines, discount: discount, shipping: Money(ore: try row.decode("shipping_ore")),
                vatRate: vatRate, termsHTML: try row.decode("terms_html"), validUntil: validUntil)
            let digest = snapshot.sha256

            // Older versions: superseded; their live links void.
            try tx.execute(
                """
                UPDATE signing_links SET voided_at = now()
                 WHERE voided_at IS NULL
                   AND quotation_version_id IN (SELECT id FROM quotation_versions WHERE quotation_id = \(quotationID.rawValue))
                """)
            try tx.execute(
                """
                UPDATE quotation_versions SET state = 'superseded'
                 WHERE quotation_id = \(quotationID.rawValue) AND state IN ('sent', 'declined', 'expired')
                """)

            let versionRows = try tx.query(
                """
                INSERT INTO quotation_versions (quotation_id, version_no, snapshot, snapshot_sha256, state, total_ore,
                                                created_by, created_at, sent_at)
                VALUES (\(quotationID.rawValue), \(versionNo), \(snapshot.canonicalJSON), \(digest.bytes), 'sent',
                        \(snapshot.totals.total.ore), \(sentBy), \(now), \(now))
                RETURNING id
                """)
            let versionID = QuotationVersionID(rawValue: try versionRows[0].decode("id"))

            let token = SigningLinkToken.generate()
            let linkRows = try tx.query(
                """
                INSERT INTO signing_links (token_hash, quotation_version_id, recipient_email, created_by, created_at, expires_at)
                VALUES (\(token.hash), \(versionID.rawValue), \(customer.email), \(sentBy), \(now), \(expiresAt))
                RETURNING id
                """)
            let linkID = SigningLinkID(rawValue: try linkRows[0].decode("id"))

            try tx.execute(
                """
                UPDATE quotations
                   SET state = 'sent', current_version = \(versionNo), subtotal_ore = \(snapshot.totals.linesSubtotal.ore),
                       vat_ore = \(snapshot.totals.vat.ore), total_ore = \(snapshot.totals.total.ore), version = version + 1
                 WHERE id = \(quotationID.rawValue)
                """)
            try audit(
                tx, userID: sentBy, quotation: quotationID, action: "sent", number: number,
                extra: (versionNo, linkID.rawValue, digest.hex))
            // The token is base64url and the ID an integer, so this JSON needs no escaping.
            try JobStore.enqueue(
                tx, kind: "email.signing_link",
                payloadJSON: "{\"signing_link_id\": \(linkID.rawValue), \"token\": \"\(token.text)\"}")
            return SentQuotation(
                quotationID: quotationID, versionID: versionID, versionNo: versionNo, signingLinkID: linkID, token: token,
                snapshotSHA256: digest.hex, expiresAt: expiresAt, validUntil: validUntil)
        }
    }

    /// The quotation's lines as entered, in order. - Throws: `QuotationStoreError`, `QuotationError`, `DatabaseError`.
    public static func storedLines(_ connection: Connection, quotationID: QuotationID, period: RentalPeriod) throws
        -> [QuotationLine]
    {
        let rows = try connection.query(
            """
            SELECT product_id, addon_id, description, quantity, days, pricing, unit_price_ore, discount_bp
              FROM quotation_lines WHERE quotation_id = \(quotationID.rawValue) ORDER BY position
            """)
        return try rows.map { row throws -> QuotationLine in
            let product: Int64? = try row.decode("product_id")
            let addon: Int64? = try row.decode("addon_id")
            let item: QuotationLine.Item =
                if let product { .product(ProductID(rawValue: product)) } else if let addon {
                    .addon(AddonID(rawValue: addon))
                } else { .custom }
            let pricingText: String = try row.decode("pricing")
            guard let pricing = LinePricing(rawValue: pricingText) else {
                throw QuotationStoreError.corruptRow("quotation_lines.pricing")
            }
            let days: Int = try row.decode("days")
            return try QuotationLine(
                item: item, description: try row.decode("description"), quantity: try row.decode("quantity"),
                pricing: pricing, unitPrice: Money(ore: try row.decode("unit_price_ore")),
                daysOverride: pricing == .perDay && days != period.days ? days : nil,
                discount: try Discount.percent(basisPoints: try row.decode("discount_bp")))
        }
    }

    private static func audit(
        _ tx: Connection, userID: Int64, quotation: QuotationID, action: String, number: String,
        extra: (version: Int, link: Int64, sha256: String)?
    ) throws(DatabaseError) {
        if let extra {
            try tx.execute(
                """
                INSERT INTO audit_log (actor_user_id, actor_kind, entity_type, entity_id, action, after)
                VALUES (\(userID), 'user', 'quotation', \(quotation.rawValue), \(action),
                        jsonb_build_object('number', \(number)::text, 'version', \(extra.version)::int,
                                           'signing_link_id', \(extra.link)::bigint, 'snapshot_sha256', \(extra.sha256)::text))
                """)
        } else {
            try tx.execute(
                """
                INSERT INTO audit_log (actor_user_id, actor_kind, entity_type, entity_id, action, after)
                VALUES (\(userID), 'user', 'quotation', \(quotation.rawValue), \(action),
                        jsonb_build_object('number', \(number)::text))
                """)
        }
    }
}
