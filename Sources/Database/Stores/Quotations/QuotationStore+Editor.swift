public import Domain
import Foundation

/// The staff's quotation editor: reading a quotation whole, saving a draft with optimistic
/// locking and an audit row, creating drafts (with a customer typed in on the spot), and the
/// choices the forms offer (customers, products and add-ons).
extension QuotationStore {
    // MARK: Reading

    /// The quotation with its lines, customer, booking and live link, or nil.
    /// - Throws: `DatabaseError`, `QuotationStoreError.corruptRow`, `QuotationError` for a stored row
    ///   that is not a valid quotation.
    public static func load(_ connection: Connection, id: QuotationID) throws -> QuotationRecord? {
        // The quotation, its customer, its lines and its live link in one round trip.
        let results = try connection.pipeline([
            """
            SELECT q.number, q.customer_id, q.state, q.current_version, coalesce(q.title, '') AS title,
                   q.period_start::text AS period_start, q.period_end::text AS period_end,
                   coalesce(q.delivery_address_line1, '') AS l1, coalesce(q.delivery_address_line2, '') AS l2,
                   coalesce(q.delivery_postal_code, '') AS pc, coalesce(q.delivery_city, '') AS city,
                   q.delivery_country, q.discount_bp, q.discount_ore, q.shipping_ore, q.vat_rate_bp, q.terms_html,
                   coalesce(q.message_to_customer, '') AS message, coalesce(q.internal_notes, '') AS notes,
                   q.version, q.created_at, q.updated_at, u.name AS created_by_name, q.custom::text AS custom,
                   (c.archived_at IS NOT NULL) AS customer_archived,
                   b.id AS booking_id, b.number AS booking_number,
                   (SELECT l.recipient_email::text FROM signing_links l
                      JOIN quotation_versions lv ON lv.id = l.quotation_version_id
                     WHERE lv.quotation_id = q.id ORDER BY l.id DESC LIMIT 1) AS last_recipient
              FROM quotations q
              JOIN users u ON u.id = q.created_by
              JOIN customers c ON c.id = q.customer_id
              LEFT JOIN bookings b ON b.quotation_id = q.id
             WHERE q.id = \(id.rawValue)
            """,
            CustomerStore.detailsQuery(where: "id = (SELECT customer_id FROM quotations WHERE id = \(id.rawValue))"),
            storedLinesQuery(id),
            liveLinkQuery(id),
        ])
        guard let row = results[0].first else { return nil }
        let stateText: String = try row.decode("state")
        guard let state = QuotationState(rawValue: stateText) else {
            throw QuotationStoreError.corruptRow("quotations.state")
        }
        let customerID = CustomerID(rawValue: try row.decode("customer_id"))
        guard let customer = try results[1].first.map(CustomerStore.details(from:)) else {
            throw QuotationStoreError.customerNotFound(customerID)
        }
        let period = try RentalPeriod(
            start: try CalendarDate(iso: try row.decode("period_start")),
            end: try CalendarDate(iso: try row.decode("period_end")))
        let discountBP: Int = try row.decode("discount_bp")
        let discountOre: Int64 = try row.decode("discount_ore")
        let content = QuotationEdit(
            customer: customerID, title: try row.decode("title"), period: period,
            deliveryAddress: PostalAddress(
                line1: try row.decode("l1"), line2: try row.decode("l2"), postalCode: try row.decode("pc"),
                city: try row.decode("city"), country: try row.decode("delivery_country")),
            lines: try storedLines(from: results[2], period: period),
            discount: discountBP > 0 ? try .percent(basisPoints: discountBP) : try .amount(Money(ore: discountOre)),
            shipping: Money(ore: try row.decode("shipping_ore")),
            vatRate: try VATRate(basisPoints: try row.decode("vat_rate_bp")), termsHTML: try row.decode("terms_html"),
            messageToCustomer: try row.decode("message"), internalNotes: try row.decode("notes"))
        let bookingID: Int64? = try row.decode("booking_id")
        let bookingNumber: String? = try row.decode("booking_number")
        var record = QuotationRecord(
            id: id, number: try row.decode("number"), state: state, version: try row.decode("version"),
            currentVersion: try row.decode("current_version"), content: content, customer: customer,
            customerArchived: try row.decode("customer_archived"), createdAt: try row.decode("created_at"),
            updatedAt: try row.decode("updated_at"), createdByName: try row.decode("created_by_name"),
            booking: bookingID.flatMap { id in bookingNumber.map { (BookingID(rawValue: id), $0) } },
            liveLink: try results[3].first.map(linkSummary), lastRecipient: try row.decode("last_recipient"))
        record.custom = CustomFieldStore.values(json: try row.decode("custom"))
        return record
    }

    /// The quotation's link that is not voided, if any (there is at most one: only the current
    /// version has one). - Throws: `DatabaseError`.
    public static func liveLink(
        _ connection: Connection, quotationID: QuotationID
    ) throws(DatabaseError) -> SigningLinkSummary? {
        try connection.query(liveLinkQuery(quotationID)).first.map(linkSummary)
    }

    static func liveLinkQuery(_ quotationID: QuotationID) -> Query {
        """
        SELECT l.id, v.version_no, l.recipient_email::text AS recipient, l.created_at, l.expires_at, l.voided_at,
               l.first_viewed_at, l.last_viewed_at, l.view_count, u.name AS created_by_name,
               j.state AS email_state, j.last_error AS email_error
          FROM quotation_versions v
          JOIN signing_links l ON l.quotation_version_id = v.id AND l.voided_at IS NULL
          LEFT JOIN users u ON u.id = l.created_by
          \(unsafeRaw: linkEmailJoin)
         WHERE v.quotation_id = \(quotationID.rawValue)
         ORDER BY l.id DESC
         LIMIT 1
        """
    }

    /// The newest job of link `l`'s email, as `j` (`state`, `last_error`): whether it went out.
    static let linkEmailJoin = """
        LEFT JOIN LATERAL (
              SELECT state, last_error FROM jobs
               WHERE kind = 'email.signing_link' AND (payload->>'signing_link_id')::bigint = l.id
               ORDER BY id DESC LIMIT 1) j ON true
        """

    static func linkSummary(_ row: Row) throws(DatabaseError) -> SigningLinkSummary {
        SigningLinkSummary(
            id: SigningLinkID(rawValue: try row.decode("id")), versionNo: try row.decode("version_no"),
            recipient: try row.decode("recipient"), createdAt: try row.decode("created_at"),
            expiresAt: try row.decode("expires_at"), voidedAt: try row.decode("voided_at"),
            firstViewedAt: try row.decode("first_viewed_at"), lastViewedAt: try row.decode("last_viewed_at"),
            viewCount: try row.decode("view_count"), createdByName: try row.decode("created_by_name"),
            email: EmailDelivery(
                jobState: try row.decode("email_state", as: String?.self), error: try row.decode("email_error")))
    }

    // MARK: Saving

    /// Writes a draft's new content: the row (its optimistic-locking version moves on), the lines
    /// replaced in their new order with `totals`, and the audit row of the fields that changed.
    /// - Throws: `DatabaseError`.
    public static func writeContent(
        _ tx: Connection, id: QuotationID, content: QuotationEdit, totals: QuotationTotals,
        changes: (before: [String: String], after: [String: String]), actor: AuditActor
    ) throws(DatabaseError) {
        let address = content.deliveryAddress
        try tx.execute(
            """
            UPDATE quotations
               SET customer_id = \(content.customer.rawValue), title = \(CustomerStore.nonEmpty(content.title)),
                   period_start = \(content.period.start.iso)::date, period_end = \(content.period.end.iso)::date,
                   delivery_address_line1 = \(CustomerStore.nonEmpty(address.line1)),
                   delivery_address_line2 = \(CustomerStore.nonEmpty(address.line2)),
                   delivery_postal_code = \(CustomerStore.nonEmpty(address.postalCode)),
                   delivery_city = \(CustomerStore.nonEmpty(address.city)),
                   delivery_country = \(address.country.isEmpty ? "SE" : address.country),
                   discount_bp = \(content.discount.basisPoints ?? 0), discount_ore = \(content.discount.fixedAmount?.ore ?? 0),
                   shipping_ore = \(content.shipping.ore), vat_rate_bp = \(content.vatRate.basisPoints),
                   subtotal_ore = \(totals.linesSubtotal.ore), vat_ore = \(totals.vat.ore), total_ore = \(totals.total.ore),
                   terms_html = \(content.termsHTML), message_to_customer = \(CustomerStore.nonEmpty(content.messageToCustomer)),
                   internal_notes = \(CustomerStore.nonEmpty(content.internalNotes)), version = version + 1
             WHERE id = \(id.rawValue)
            """)
        try tx.execute("DELETE FROM quotation_lines WHERE quotation_id = \(id.rawValue)")
        try insertLines(tx, quotationID: id, totals: totals)
        try AuditStore.record(
            tx, actor: actor, entity: "quotation", entityID: id.rawValue, action: "updated", before: changes.before,
            after: changes.after)
    }

    /// Writes the priced lines in order (positions 0, 1, …), all in one statement.
    static func insertLines(_ tx: Connection, quotationID: QuotationID, totals: QuotationTotals) throws(DatabaseError) {
        guard !totals.lines.isEmpty else { return }
        var products: [Int64?] = []
        var addons: [Int64?] = []
        for priced in totals.lines {
            switch priced.line.item {
            case .product(let product):
                products.append(product.rawValue)
                addons.append(nil)
            case .addon(let addon):
                products.append(nil)
                addons.append(addon.rawValue)
            case .custom:
                products.append(nil)
                addons.append(nil)
            }
        }
        let lines = totals.lines
        try tx.execute(
            """
            INSERT INTO quotation_lines (quotation_id, position, product_id, addon_id, description, quantity,
                                         days, pricing, unit_price_ore, discount_bp, line_total_ore)
            SELECT \(quotationID.rawValue), l.ordinality - 1, l.product_id, l.addon_id, l.description, l.quantity,
                   l.days, l.pricing, l.unit_price_ore, l.discount_bp, l.line_total_ore
              FROM unnest(\(PostgresArray(products))::int8[], \(PostgresArray(addons))::int8[],
                          \(PostgresArray(lines.map { $0.line.description }))::text[],
                          \(PostgresArray(lines.map { Int64($0.line.quantity) }))::int4[],
                          \(PostgresArray(lines.map { Int64($0.days) }))::int4[],
                          \(PostgresArray(lines.map { $0.line.pricing.rawValue }))::text[],
                          \(PostgresArray(lines.map { $0.line.unitPrice.ore }))::int8[],
                          \(PostgresArray(lines.map { Int64($0.line.discount.basisPoints ?? 0) }))::int4[],
                          \(PostgresArray(lines.map { $0.total.ore }))::int8[])
                   WITH ORDINALITY AS l(product_id, addon_id, description, quantity, days, pricing, unit_price_ore,
                                        discount_bp, line_total_ore, ordinality)
            """)
    }

    /// The content as flat text fields for the audit row: one entry per field and per line, so a
    /// changed line shows alone.
    public static func auditFields(_ content: QuotationEdit) -> [String: String] {
        var fields: [String: String] = [
            "customer_id": String(content.customer.rawValue),
            "title": content.title,
            "period": "\(content.period.start.iso) – \(content.period.end.iso)",
            "delivery_address": (content.deliveryAddress.printedLines + [content.deliveryAddress.country]).joined(
                separator: ", "),
            "discount": describe(content.discount),
            "shipping": plain(content.shipping),
            "vat_rate": "\(content.vatRate.basisPoints) bp",
            "terms_html": content.termsHTML,
            "message_to_customer": content.messageToCustomer,
            "internal_notes": content.internalNotes,
            "lines": String(content.lines.count),
        ]
        if let totals = try? content.totals() { fields["total"] = plain(totals.total) }
        for (index, line) in content.lines.enumerated() {
            let item: String =
                switch line.item {
                case .product(let id): "product \(id.rawValue)"
                case .addon(let id): "addon \(id.rawValue)"
                case .custom: "custom"
                }
            let days = line.daysOverride.map { ", \($0) days" } ?? ""
            fields["line \(index + 1)"] =
                "\(line.quantity) × \(line.description) (\(item)) at \(plain(line.unitPrice)) \(line.pricing.rawValue)\(days), discount \(describe(line.discount))"
        }
        return fields
    }

    static func describe(_ discount: Discount) -> String {
        switch discount.kind {
        case .none: "none"
        case .percent: "\(discount.value) bp"
        case .amount: plain(Money(ore: discount.value))
        }
    }

    /// `1234.50`: kronor with two decimals, the same in every language (audit rows are data).
    static func plain(_ money: Money) -> String { money.editingText(.en) }

    /// `text` with LIKE's wildcards and escape character taken literally.
    static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
