public import Domain
import Foundation

/// Making drafts (from a booking: full, deposit or final; stand-alone for a customer; credit
/// notes, whole or for what is left) and editing their lines. Each is one transaction with its
/// audit row; an issued document is never touched (the database refuses it too).
extension InvoiceStore {
    /// What creating a draft gave.
    public enum DraftOutcome: Sendable, Equatable {
        case created(Int64)
        /// The booking has such an invoice already (not credited): that one.
        case exists(Int64)
        /// Not possible for this booking now, and why.
        case refused(InvoiceDraftRefusal)
        case notFound
    }

    /// A draft from the booking's signed version (bound to its SHA-256) for `purpose` (`full`,
    /// `deposit` or `final`): its lines as signed (a per-day line charges pieces × days),
    /// shipping as a line, the quotation's discount as a document allowance, the customer as
    /// signed. A deposit charges the settings' percentage of each VAT rate's amount; a final
    /// invoice is the whole less each issued deposit (an allowance per rate naming it).
    public static func draftFromBooking(
        _ connection: Connection, bookingID: BookingID, purpose: InvoicePurpose = .full, createdBy: UserID,
        actor: AuditActor
    ) throws -> DraftOutcome {
        precondition(purpose != .standalone, "a stand-alone invoice has no booking")
        return try connection.transaction { tx -> DraftOutcome in
            guard
                let row = try tx.query(
                    """
                    SELECT b.id, b.number, b.customer_id, q.number AS quotation_number, v.id AS version_id, v.snapshot,
                           encode(v.snapshot_sha256, 'hex') AS sha, k.locale, k.peppol_id, s.invoice_deposit_percent
                      FROM bookings b JOIN quotations q ON q.id = b.quotation_id
                      JOIN quotation_versions v ON v.id = b.quotation_version_id
                      JOIN customers k ON k.id = b.customer_id, settings s
                     WHERE b.id = \(bookingID.rawValue) FOR UPDATE OF b
                    """
                ).first
            else { return .notFound }
            // The booking's invoices that still stand (drafts, and issued ones not wholly credited).
            let standing = try tx.query(
                """
                SELECT id, purpose, state, number, vat_breakdown::text AS breakdown,
                       (SELECT coalesce(jsonb_agg(c.vat_breakdown), '[]') FROM invoices c
                         WHERE c.credited_invoice_id = i.id AND c.state = 'issued')::text AS credits
                  FROM invoices i
                 WHERE booking_id = \(bookingID.rawValue) AND kind = 'invoice'
                   AND (state = 'draft' OR invoice_credited_ore(id) < payable_ore)
                 ORDER BY id
                """
            ).map { row in
                (
                    id: try row.decode("id", as: Int64.self),
                    purpose: InvoicePurpose(rawValue: try row.decode("purpose")) ?? .full,
                    issued: try row.decode("state", as: String.self) == "issued",
                    number: try row.decode("number", as: String?.self),
                    breakdown: try row.decode("breakdown", as: String?.self),
                    credits: try row.decode("credits", as: String.self)
                )
            }
            let invoiced = standing.last { $0.purpose == .full || $0.purpose == .final }
            let deposits = standing.filter { $0.purpose == .deposit }
            switch purpose {
            case .full:
                if let invoiced { return .exists(invoiced.id) }
                if !deposits.isEmpty { return .refused(.useFinal) }
            case .deposit:
                if let deposit = deposits.last { return .exists(deposit.id) }
                if invoiced != nil { return .refused(.alreadyInvoiced) }
            case .final:
                if let invoiced { return .exists(invoiced.id) }
                if deposits.isEmpty || !deposits.allSatisfy(\.issued) { return .refused(.noIssuedDeposit) }
            case .standalone, .securityDeposit: return .notFound
            }

            let snapshot = try QuotationSnapshot(canonicalJSON: try row.decode("snapshot"))
            let language = Language(rawValue: try row.decode("locale")) ?? .sv
            let bookingNumber: String = try row.decode("number")
            let rate = snapshot.vatRate
            var lines = snapshot.lines.map { priced -> InvoiceLine in
                let perDay = priced.line.pricing == .perDay
                // A per-day line charges pieces × days as one count of days: say both.
                let detail =
                    perDay && priced.line.quantity > 1
                    ? (language == .sv
                        ? " (\(priced.line.quantity) st × \(priced.days) dagar)"
                        : " (\(priced.line.quantity) pcs × \(priced.days) days)") : ""
                return InvoiceLine(
                    description: priced.line.description + detail,
                    quantity: perDay
                        ? priced.line.quantity * priced.days : priced.line.pricing == .flat ? 1 : priced.line.quantity,
                    unit: perDay ? .day : .each, unitPrice: priced.line.unitPrice, discount: priced.discount,
                    vatRate: rate)
            }
            if !snapshot.totals.shipping.isZero {
                lines.append(
                    InvoiceLine(
                        description: language == .sv ? "Frakt" : "Delivery", quantity: 1,
                        unitPrice: snapshot.totals.shipping, vatRate: rate))
            }
            var allowances =
                snapshot.totals.discount.isZero
                ? []
                : [
                    InvoiceAllowance(
                        reason: language == .sv ? "Rabatt" : "Discount", amount: snapshot.totals.discount, vatRate: rate
                    )
                ]
            switch purpose {
            case .deposit:
                let percent: Int = try row.decode("invoice_deposit_percent")
                let whole = try InvoiceTotals.compute(lines: lines, allowances: allowances, roundToKronor: false)
                lines = try InvoiceArithmetic.depositLines(of: whole, basisPoints: percent * 100) { vat in
                    language == .sv
                        ? "Förskott \(percent) % av bokning \(bookingNumber) (moms \(vat.formatted(.sv)))"
                        : "Deposit \(percent) % of booking \(bookingNumber) (VAT \(vat.formatted(.en)))"
                }
                allowances = []
            case .final:
                for deposit in deposits {
                    let credits = try JSONDecoder().decode([[BreakdownRate]].self, from: Data(deposit.credits.utf8))
                        .flatMap { $0 }
                    for part in try breakdown(deposit.breakdown ?? "[]") {
                        let left =
                            part.taxable.ore
                            - credits.filter { $0.rate_bp == part.rate.basisPoints }.reduce(0) { $0 + $1.taxable_ore }
                        guard left > 0 else { continue }
                        let number = deposit.number ?? ""
                        allowances.append(
                            InvoiceAllowance(
                                reason: language == .sv
                                    ? "Avgår förskottsfaktura \(number)" : "Less deposit invoice \(number)",
                                amount: Money(ore: left), vatRate: part.rate))
                    }
                }
            case .full, .standalone, .securityDeposit: break
            }
            var buyer = InvoiceParty(customer: snapshot.customer)
            buyer.peppolID = try row.decode("peppol_id")
            let id = try insertDraft(
                tx, purpose: purpose, customerID: try row.decode("customer_id"), bookingID: bookingID.rawValue,
                versionID: try row.decode("version_id"), sha: try row.decode("sha"), period: snapshot.period,
                orderReference: bookingNumber, buyer: buyer, lines: lines,
                allowances: allowances, createdBy: createdBy)
            try AuditStore.record(
                tx, actor: actor, entity: "invoice", entityID: id, action: "created",
                after: [
                    "booking": bookingNumber, "quotation": try row.decode("quotation_number"),
                    "purpose": purpose.rawValue,
                ])
            return .created(id)
        }
    }

    /// A security deposit for a booking: one line outside VAT, a liability until it is paid back
    /// (a credit note) or kept against damage. One per booking while it stands.
    public static func draftSecurityDeposit(
        _ connection: Connection, bookingID: BookingID, amount: Money, createdBy: UserID, actor: AuditActor
    ) throws -> DraftOutcome {
        try connection.transaction { tx -> DraftOutcome in
            guard
                let row = try tx.query(
                    """
                    SELECT b.number, b.customer_id, b.period_start, b.period_end, k.locale, k.peppol_id
                      FROM bookings b JOIN customers k ON k.id = b.customer_id
                     WHERE b.id = \(bookingID.rawValue) FOR UPDATE OF b
                    """
                ).first,
                let customer = try CustomerStore.details(tx, id: CustomerID(rawValue: try row.decode("customer_id")))
            else { return .notFound }
            if let existing: Int64 = try tx.query(
                """
                SELECT id FROM invoices WHERE booking_id = \(bookingID.rawValue) AND purpose = 'security_deposit'
                   AND kind = 'invoice' AND (state = 'draft' OR invoice_credited_ore(id) < payable_ore)
                 ORDER BY id DESC LIMIT 1
                """
            ).first?.decode("id") {
                return .exists(existing)
            }
            let number: String = try row.decode("number")
            let language = Language(rawValue: try row.decode("locale")) ?? .sv
            var buyer = InvoiceParty(customer: customer)
            buyer.peppolID = try row.decode("peppol_id")
            let period = try RentalPeriod(
                start: try CalendarDate(iso: try row.decode("period_start")),
                end: try CalendarDate(iso: try row.decode("period_end")))
            let line = InvoiceLine(
                description: language == .sv
                    ? "Deposition för bokning \(number), återbetalas efter hyran"
                    : "Security deposit for booking \(number), repaid after the rental",
                quantity: 1, unitPrice: amount, vatRate: .zero)
            let id = try insertDraft(
                tx, purpose: .securityDeposit, customerID: try row.decode("customer_id"), bookingID: bookingID.rawValue,
                versionID: nil, sha: nil, period: period, orderReference: number, buyer: buyer, lines: [line],
                allowances: [], createdBy: createdBy)
            try AuditStore.record(
                tx, actor: actor, entity: "invoice", entityID: id, action: "created",
                after: ["booking": number, "purpose": "security_deposit", "amount_ore": String(amount.ore)])
            return .created(id)
        }
    }

    /// When the settings say so, a deposit draft for a booking just made by a signature, in the
    /// signing's own transaction, in the name of the quotation's author. - Returns: its id, or nil.
    public static func draftDepositOnSigning(_ tx: Connection, bookingID: BookingID) throws -> Int64? {
        guard
            let author: Int64 = try tx.query(
                """
                SELECT q.created_by FROM bookings b JOIN quotations q ON q.id = b.quotation_id, settings s
                 WHERE b.id = \(bookingID.rawValue) AND s.invoice_deposit_on_signing
                """
            ).first?.decode("created_by")
        else { return nil }
        guard
            case .created(let id) = try draftFromBooking(
                tx, bookingID: bookingID, purpose: .deposit, createdBy: UserID(rawValue: author),
                actor: AuditActor(kind: .system))
        else { return nil }
        return id
    }

    /// An empty stand-alone draft for a customer as described now; staff write its lines.
    /// - Returns: nil when there is no such customer.
    public static func draftStandalone(
        _ connection: Connection, customerID: CustomerID, createdBy: UserID, actor: AuditActor
    ) throws -> Int64? {
        try connection.transaction { tx -> Int64? in
            guard let record = try CustomerStore.record(tx, id: customerID) else { return nil }
            var buyer = InvoiceParty(customer: record.profile.details)
            buyer.peppolID = record.profile.peppolID.isEmpty ? nil : record.profile.peppolID
            let id = try insertDraft(
                tx, purpose: .standalone, customerID: customerID.rawValue, bookingID: nil, versionID: nil, sha: nil,
                period: nil, orderReference: "", buyer: buyer, lines: [], allowances: [],
                createdBy: createdBy)
            try AuditStore.record(
                tx, actor: actor, entity: "invoice", entityID: id, action: "created", after: ["purpose": "standalone"])
            return id
        }
    }

    static func insertDraft(
        _ tx: Connection, purpose: InvoicePurpose, customerID: Int64, bookingID: Int64?, versionID: Int64?,
        sha: String?, period: RentalPeriod?, orderReference: String, buyer: InvoiceParty, lines: [InvoiceLine],
        allowances: [InvoiceAllowance], createdBy: UserID
    ) throws -> Int64 {
        try tx.query(
            """
            INSERT INTO invoices (kind, purpose, customer_id, booking_id, quotation_version_id, snapshot_sha256,
                                  period_start, period_end, order_reference, buyer, lines, allowances, created_by)
            VALUES ('invoice', \(purpose.rawValue), \(customerID), \(bookingID), \(versionID), \(sha),
                    \(period?.start.iso)::date, \(period?.end.iso)::date, \(orderReference),
                    \(try json(buyer))::jsonb, \(try json(lines))::jsonb, \(try json(allowances))::jsonb,
                    \(createdBy.rawValue))
            RETURNING id
            """
        )[0].decode("id")
    }

    /// What crediting an invoice gave.
    public enum CreditOutcome: Sendable, Equatable {
        case created(Int64)
        /// A credit note of it is being drafted, or it is wholly credited: that credit note.
        case exists(Int64)
        /// Only an issued invoice can be credited (not a draft, not a credit note).
        case notCreditable
        /// A deposit the booking's standing final invoice subtracts.
        case depositInFinal
        case notFound
    }

    /// A draft credit note for what is left of an issued invoice (all of it the first time): its
    /// lines with the quantities earlier credit notes have not taken, its discounts likewise, the
    /// buyer as invoiced, referring to it (UBL BT-25). Staff lower quantities or remove lines for
    /// a partial credit; issuing refuses a credit beyond what is left. One transaction with its
    /// audit row.
    public static func draftCredit(
        _ connection: Connection, invoiceID: Int64, createdBy: UserID, actor: AuditActor
    ) throws -> CreditOutcome {
        try connection.transaction { tx -> CreditOutcome in
            guard
                let row = try tx.query(
                    """
                    SELECT kind, state, number, purpose, customer_id, booking_id, quotation_version_id, snapshot_sha256,
                           period_start, period_end, order_reference, buyer::text AS buyer, lines::text AS lines,
                           allowances::text AS allowances
                      FROM invoices WHERE id = \(invoiceID) FOR SHARE
                    """
                ).first
            else { return .notFound }
            guard try row.decode("kind", as: String.self) == "invoice",
                try row.decode("state", as: String.self) == "issued"
            else { return .notCreditable }
            // A deposit the booking's final invoice subtracts is settled by that invoice: crediting
            // it too would subtract it twice. Credit the final invoice first.
            if try row.decode("purpose", as: String.self) == InvoicePurpose.deposit.rawValue,
                let booking: Int64 = try row.decode("booking_id"),
                try tx.query(
                    """
                    SELECT FROM invoices WHERE booking_id = \(booking) AND purpose = 'final' AND kind = 'invoice'
                       AND (state = 'draft' OR invoice_credited_ore(id) < payable_ore)
                    """
                ).first != nil
            {
                return .depositInFinal
            }
            // Serialise credits of one invoice: the second waits, then finds the first.
            try lockCredits(tx, invoiceID: invoiceID)
            let notes = try tx.query(
                """
                SELECT id, state, lines::text AS lines, allowances::text AS allowances FROM invoices
                 WHERE credited_invoice_id = \(invoiceID) ORDER BY id
                """)
            if let draft = notes.first(where: { (try? $0.decode("state", as: String.self)) == "draft" }) {
                return .exists(try draft.decode("id"))
            }
            let decoder = JSONDecoder()
            let left = InvoiceArithmetic.creditable(
                lines: try decoder.decode(
                    [InvoiceLine].self, from: Data(try row.decode("lines", as: String.self).utf8)),
                allowances: try decoder.decode(
                    [InvoiceAllowance].self, from: Data(try row.decode("allowances", as: String.self).utf8)),
                credited: try notes.map { note in
                    (
                        try decoder.decode(
                            [InvoiceLine].self, from: Data(try note.decode("lines", as: String.self).utf8)),
                        try decoder.decode(
                            [InvoiceAllowance].self, from: Data(try note.decode("allowances", as: String.self).utf8))
                    )
                })
            if left.lines.isEmpty, let last = notes.last { return .exists(try last.decode("id")) }
            let number: String = try row.decode("number")
            let rows = try tx.query(
                """
                INSERT INTO invoices (kind, purpose, customer_id, booking_id, quotation_version_id, snapshot_sha256,
                                      credited_invoice_id, period_start, period_end, order_reference, buyer, lines,
                                      allowances, created_by)
                VALUES ('credit_note', \(try row.decode("purpose", as: String.self)), \(try row.decode("customer_id", as: Int64.self)),
                        \(try row.decode("booking_id", as: Int64?.self)), \(try row.decode("quotation_version_id", as: Int64?.self)),
                        \(try row.decode("snapshot_sha256", as: String?.self)), \(invoiceID),
                        \(try row.decode("period_start", as: String?.self))::date,
                        \(try row.decode("period_end", as: String?.self))::date, \(try row.decode("order_reference", as: String.self)),
                        \(try row.decode("buyer", as: String.self))::jsonb, \(try json(left.lines))::jsonb,
                        \(try json(left.allowances))::jsonb, \(createdBy.rawValue))
                RETURNING id
                """)
            let id: Int64 = try rows[0].decode("id")
            try AuditStore.record(
                tx, actor: actor, entity: "invoice", entityID: id, action: "created",
                after: ["credits": number, "partial": notes.isEmpty ? "no" : "yes"])
            return .created(id)
        }
    }

    /// Credits of one invoice, drafted or issued, take their turn (transaction-scoped).
    public static func lockCredits(_ tx: Connection, invoiceID: Int64) throws {
        _ = try tx.query("SELECT pg_advisory_xact_lock(8312, (\(invoiceID) % 2147483647)::int)")
    }

    /// For a credit note being issued (inside the issuing transaction, after `lockCredits`): the
    /// VAT breakdown of the invoice it credits and those of its credit notes issued so far.
    public static func creditRoom(_ tx: Connection, invoiceID: Int64) throws -> InvoiceArithmetic.CreditRoom {
        let row = try tx.query(
            """
            SELECT i.vat_breakdown::text AS breakdown, i.payable_ore, invoice_credited_ore(i.id) AS credited_ore,
                   (SELECT coalesce(jsonb_agg(c.vat_breakdown), '[]') FROM invoices c
                     WHERE c.credited_invoice_id = i.id AND c.state = 'issued')::text AS credits
              FROM invoices i WHERE i.id = \(invoiceID) AND i.state = 'issued'
            """)[0]
        let credits = try JSONDecoder().decode(
            [[BreakdownRate]].self, from: Data(try row.decode("credits", as: String.self).utf8)
        ).flatMap { $0 }
        return InvoiceArithmetic.CreditRoom(
            invoice: try breakdown(try row.decode("breakdown")),
            credited: try credits.map {
                (try VATRate(basisPoints: $0.rate_bp), Money(ore: $0.taxable_ore), Money(ore: $0.vat_ore))
            }, invoicePayable: Money(ore: try row.decode("payable_ore")),
            creditedPayable: Money(ore: try row.decode("credited_ore")))
    }

    /// What editing a draft gave.
    public enum EditOutcome: Sendable, Equatable {
        case saved
        /// Issued meanwhile: it cannot change any more.
        case notDraft
        case notFound
    }

    /// Replaces a draft's lines and document discounts (amounts checked by the caller with
    /// `InvoiceTotals.compute`), with its audit row.
    public static func updateDraft(
        _ connection: Connection, id: Int64, lines: [InvoiceLine], allowances: [InvoiceAllowance], actor: AuditActor
    ) throws -> EditOutcome {
        try connection.transaction { tx -> EditOutcome in
            guard
                let state: String = try tx.query("SELECT state FROM invoices WHERE id = \(id) FOR UPDATE").first?
                    .decode(
                        "state")
            else { return .notFound }
            guard state == "draft" else { return .notDraft }
            try tx.execute(
                """
                UPDATE invoices SET lines = \(try json(lines))::jsonb, allowances = \(try json(allowances))::jsonb
                 WHERE id = \(id) AND state = 'draft'
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "invoice", entityID: id, action: "updated",
                after: ["lines": String(lines.count), "allowances": String(allowances.count)])
            return .saved
        }
    }

    /// One rate of a stored `vat_breakdown`.
    struct BreakdownRate: Decodable {
        let rate_bp: Int
        let taxable_ore: Int64
        let vat_ore: Int64
    }

    /// A stored `vat_breakdown` (JSON text) read back.
    static func breakdown(_ text: String) throws -> [(rate: VATRate, taxable: Money, vat: Money)] {
        try JSONDecoder().decode([BreakdownRate].self, from: Data(text.utf8)).map {
            (try VATRate(basisPoints: $0.rate_bp), Money(ore: $0.taxable_ore), Money(ore: $0.vat_ore))
        }
    }
}
