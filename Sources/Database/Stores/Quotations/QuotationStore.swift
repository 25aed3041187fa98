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

    public init(
        quotationID: QuotationID, versionID: QuotationVersionID, versionNo: Int, signingLinkID: SigningLinkID,
        token: SigningLinkToken, snapshotSHA256: String, expiresAt: Date, validUntil: CalendarDate
    ) {
        self.quotationID = quotationID
        self.versionID = versionID
        self.versionNo = versionNo
        self.signingLinkID = signingLinkID
        self.token = token
        self.snapshotSHA256 = snapshotSHA256
        self.expiresAt = expiresAt
        self.validUntil = validUntil
    }
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
        case .fixedLineDiscountUnsupported(let line):
            "Line \(line + 1): only percentage discounts are supported on lines."
        case .corruptRow(let detail): "A stored quotation row is invalid: \(detail)"
        }
    }
}

/// Quotations: drafts, and sending (freezing a version and issuing its signing link).
public enum QuotationStore {
    /// Creates a draft with the next gap-free number `Q-YYYY-NNNN` (year in Europe/Stockholm),
    /// its lines with their computed totals, and an audit row, all in one transaction (a savepoint
    /// when the caller already has one open). A rollback gives the number back. The audit row names
    /// `createdBy` as the actor, or the system (`createdBySystem`: a lead an incoming hook posted).
    ///
    /// - Throws: `QuotationError` (totals), `QuotationStoreError`, `DatabaseError`.
    public static func createDraft(
        _ connection: Connection, customer: CustomerID, period: RentalPeriod, title: String?,
        deliveryAddress: PostalAddress, lines: [QuotationLine], discount: Discount = .none,
        shipping: Money = .zero, vatRate: VATRate = .default, termsHTML: String, createdBy: Int64,
        createdBySystem: Bool = false
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
                                        vat_rate_bp, subtotal_ore, vat_ore, total_ore, terms_html, created_by, custom)
                VALUES (\(number.description), \(customer.rawValue), \(title.flatMap(CustomerStore.nonEmpty)),
                        \(period.start.iso)::date, \(period.end.iso)::date,
                        \(CustomerStore.nonEmpty(deliveryAddress.line1)), \(CustomerStore.nonEmpty(deliveryAddress.line2)),
                        \(CustomerStore.nonEmpty(deliveryAddress.postalCode)), \(CustomerStore.nonEmpty(deliveryAddress.city)),
                        \(deliveryAddress.country.isEmpty ? "SE" : deliveryAddress.country),
                        \(discount.basisPoints ?? 0), \(discount.fixedAmount?.ore ?? 0), \(shipping.ore),
                        \(vatRate.basisPoints), \(totals.linesSubtotal.ore), \(totals.vat.ore), \(totals.total.ore),
                        \(termsHTML), \(createdBy),
                        \(CustomFieldStore.json(try CustomFieldStore.defaultValues(tx, .quotation)))::jsonb)
                RETURNING id
                """)
            let id = QuotationID(rawValue: try rows[0].decode("id"))
            try QuotationStore.insertLines(tx, quotationID: id, totals: totals)
            try audit(
                tx, userID: createdBySystem ? nil : createdBy, quotation: id, action: "created",
                number: number.description, extra: nil)
            return id
        }
    }

    /// The quotation's lines as entered, in order. - Throws: `QuotationStoreError`, `QuotationError`, `DatabaseError`.
    public static func storedLines(
        _ connection: Connection, quotationID: QuotationID, period: RentalPeriod
    ) throws
        -> [QuotationLine]
    {
        try storedLines(from: try connection.query(storedLinesQuery(quotationID)), period: period)
    }

    /// The query behind `storedLines`, to run in a pipeline.
    static func storedLinesQuery(_ quotationID: QuotationID) -> Query {
        """
        SELECT product_id, addon_id, description, quantity, days, pricing, unit_price_ore, discount_bp
          FROM quotation_lines WHERE quotation_id = \(quotationID.rawValue) ORDER BY position
        """
    }

    static func storedLines(from rows: [Row], period: RentalPeriod) throws -> [QuotationLine] {
        try rows.map { row throws -> QuotationLine in
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

    static func audit(
        _ tx: Connection, userID: Int64?, quotation: QuotationID, action: String, number: String,
        extra: (version: Int, link: Int64, sha256: String)?
    ) throws(DatabaseError) {
        let kind = userID == nil ? "system" : "user"
        if let extra {
            try tx.execute(
                """
                INSERT INTO audit_log (actor_user_id, actor_kind, entity_type, entity_id, action, after)
                VALUES (\(userID), \(kind), 'quotation', \(quotation.rawValue), \(action),
                        jsonb_build_object('number', \(number)::text, 'version', \(extra.version)::int,
                                           'signing_link_id', \(extra.link)::bigint, 'snapshot_sha256', \(extra.sha256)::text))
                """)
        } else {
            try tx.execute(
                """
                INSERT INTO audit_log (actor_user_id, actor_kind, entity_type, entity_id, action, after)
                VALUES (\(userID), \(kind), 'quotation', \(quotation.rawValue), \(action),
                        jsonb_build_object('number', \(number)::text))
                """)
        }
    }
}
