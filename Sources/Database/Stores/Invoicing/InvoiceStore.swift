public import Domain
public import Foundation

public enum InvoiceStoreError: Error, Sendable, Equatable {
    case corrupt(String)
}

/// Invoices and credit notes: drafts made from a booking's signed version, issuing (in the
/// `IssueInvoice` use case's transaction), and reading them back.
public enum InvoiceStore {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// What creating a draft from a booking gave.
    public enum DraftOutcome: Sendable, Equatable {
        case created(Int64)
        /// The booking has an invoice already (not credited): that one.
        case exists(Int64)
        case notFound
    }

    /// A full invoice from the booking's signed version (bound to its SHA-256): its lines as
    /// signed (a per-day line charges pieces × days), shipping as a line, the quotation's discount
    /// as a document allowance, the customer as signed. One transaction with its audit row.
    public static func draftFromBooking(
        _ connection: Connection, bookingID: BookingID, createdBy: UserID, actor: AuditActor
    ) throws -> DraftOutcome {
        try connection.transaction { tx -> DraftOutcome in
            guard
                let row = try tx.query(
                    """
                    SELECT b.id, b.number, b.customer_id, q.number AS quotation_number, v.id AS version_id, v.snapshot,
                           encode(v.snapshot_sha256, 'hex') AS sha
                      FROM bookings b JOIN quotations q ON q.id = b.quotation_id
                      JOIN quotation_versions v ON v.id = b.quotation_version_id
                     WHERE b.id = \(bookingID.rawValue) FOR UPDATE OF b
                    """
                ).first
            else { return .notFound }
            if let existing: Int64 = try tx.query(
                """
                SELECT id FROM invoices i WHERE booking_id = \(bookingID.rawValue) AND kind = 'invoice'
                   AND NOT EXISTS (SELECT FROM invoices c WHERE c.credited_invoice_id = i.id AND c.state = 'issued')
                 ORDER BY id DESC LIMIT 1
                """
            ).first?.decode("id") {
                return .exists(existing)
            }
            let snapshot = try QuotationSnapshot(canonicalJSON: try row.decode("snapshot"))
            let rate = snapshot.vatRate
            var lines = snapshot.lines.map { priced -> InvoiceLine in
                let perDay = priced.line.pricing == .perDay
                return InvoiceLine(
                    description: priced.line.description,
                    quantity: perDay
                        ? priced.line.quantity * priced.days : priced.line.pricing == .flat ? 1 : priced.line.quantity,
                    unit: perDay ? .day : .each, unitPrice: priced.line.unitPrice, discount: priced.discount,
                    vatRate: rate)
            }
            if !snapshot.totals.shipping.isZero {
                lines.append(
                    InvoiceLine(description: "Frakt", quantity: 1, unitPrice: snapshot.totals.shipping, vatRate: rate))
            }
            let allowances =
                snapshot.totals.discount.isZero
                ? [] : [InvoiceAllowance(reason: "Rabatt", amount: snapshot.totals.discount, vatRate: rate)]
            let customer = snapshot.customer
            let buyer = InvoiceParty(
                name: customer.displayName, legalName: customer.displayName, isCompany: customer.kind == .company,
                organisationNumber: customer.organisationNumber, vatNumber: customer.vatNumber,
                address: customer.billingAddress, email: customer.email, phone: customer.phone,
                contact: customer.kind == .company ? customer.name : "")
            let bookingNumber: String = try row.decode("number")
            let rows = try tx.query(
                """
                INSERT INTO invoices (kind, customer_id, booking_id, quotation_version_id, snapshot_sha256, period_start,
                                      period_end, order_reference, buyer, lines, allowances, created_by)
                VALUES ('invoice', \(try row.decode("customer_id", as: Int64.self)), \(bookingID.rawValue),
                        \(try row.decode("version_id", as: Int64.self)), \(try row.decode("sha", as: String.self)),
                        \(snapshot.period.start.iso)::date, \(snapshot.period.end.iso)::date, \(bookingNumber),
                        \(try json(buyer))::jsonb, \(try json(lines))::jsonb, \(try json(allowances))::jsonb,
                        \(createdBy.rawValue))
                RETURNING id
                """)
            let id: Int64 = try rows[0].decode("id")
            try AuditStore.record(
                tx, actor: actor, entity: "invoice", entityID: id, action: "created",
                after: ["booking": bookingNumber, "quotation": try row.decode("quotation_number")])
            return .created(id)
        }
    }

    /// What crediting an invoice gave.
    public enum CreditOutcome: Sendable, Equatable {
        case created(Int64)
        /// Already credited (or a credit note is being drafted): that credit note.
        case exists(Int64)
        /// Only an issued invoice can be credited (not a draft, not a credit note).
        case notCreditable
        case notFound
    }

    /// A draft credit note for the whole of an issued invoice: its lines, discount and buyer as
    /// invoiced, referring to it (UBL BT-25). An invoice is credited once, so a credit never
    /// exceeds what was invoiced. One transaction with its audit row.
    public static func draftCredit(
        _ connection: Connection, invoiceID: Int64, createdBy: UserID, actor: AuditActor
    ) throws -> CreditOutcome {
        try connection.transaction { tx -> CreditOutcome in
            guard
                let row = try tx.query(
                    """
                    SELECT kind, state, number, customer_id, booking_id, quotation_version_id, snapshot_sha256,
                           period_start, period_end, order_reference, buyer::text AS buyer, lines::text AS lines,
                           allowances::text AS allowances
                      FROM invoices WHERE id = \(invoiceID) FOR SHARE
                    """
                ).first
            else { return .notFound }
            guard try row.decode("kind", as: String.self) == "invoice",
                try row.decode("state", as: String.self) == "issued"
            else { return .notCreditable }
            // Serialise credits of one invoice: the second waits, then finds the first.
            _ = try tx.query("SELECT pg_advisory_xact_lock(8312, (\(invoiceID) % 2147483647)::int)")
            if let existing: Int64 = try tx.query(
                "SELECT id FROM invoices WHERE credited_invoice_id = \(invoiceID) ORDER BY id LIMIT 1"
            ).first?.decode("id") {
                return .exists(existing)
            }
            let number: String = try row.decode("number")
            let rows = try tx.query(
                """
                INSERT INTO invoices (kind, customer_id, booking_id, quotation_version_id, snapshot_sha256, credited_invoice_id,
                                      period_start, period_end, order_reference, buyer, lines, allowances, created_by)
                VALUES ('credit_note', \(try row.decode("customer_id", as: Int64.self)), \(try row.decode("booking_id", as: Int64?.self)),
                        \(try row.decode("quotation_version_id", as: Int64?.self)), \(try row.decode("snapshot_sha256", as: String?.self)),
                        \(invoiceID), \(try row.decode("period_start", as: String?.self))::date,
                        \(try row.decode("period_end", as: String?.self))::date, \(try row.decode("order_reference", as: String.self)),
                        \(try row.decode("buyer", as: String.self))::jsonb, \(try row.decode("lines", as: String.self))::jsonb,
                        \(try row.decode("allowances", as: String.self))::jsonb, \(createdBy.rawValue))
                RETURNING id
                """)
            let id: Int64 = try rows[0].decode("id")
            try AuditStore.record(
                tx, actor: actor, entity: "invoice", entityID: id, action: "created", after: ["credits": number])
            return .created(id)
        }
    }

    /// The draft (or issued document) to issue, locked when `lock`.
    public static func draft(_ connection: Connection, id: Int64, lock: Bool = false) throws -> InvoiceDraft? {
        guard
            let row = try connection.query(
                """
                SELECT i.id, i.kind, i.state, i.buyer::text AS buyer, i.lines::text AS lines,
                       i.allowances::text AS allowances, i.period_start, i.period_end, i.order_reference,
                       c.number AS credited_number, c.issue_date AS credited_date, k.locale
                  FROM invoices i LEFT JOIN invoices c ON c.id = i.credited_invoice_id
                  JOIN customers k ON k.id = i.customer_id
                 WHERE i.id = \(id) \(fragment: lock ? "FOR UPDATE OF i" : "")
                """
            ).first
        else { return nil }
        let decoder = JSONDecoder()
        let start: String? = try row.decode("period_start")
        let end: String? = try row.decode("period_end")
        let period: RentalPeriod? =
            if let start, let end {
                try RentalPeriod(start: try CalendarDate(iso: start), end: try CalendarDate(iso: end))
            } else {
                nil
            }
        let creditedNumber: String? = try row.decode("credited_number")
        let creditedDate: String? = try row.decode("credited_date")
        let kind: String = try row.decode("kind")
        return InvoiceDraft(
            id: id, kind: InvoiceDocument.Kind(rawValue: kind) ?? .invoice, state: try row.decode("state"),
            buyer: try decoder.decode(InvoiceParty.self, from: Data(try row.decode("buyer", as: String.self).utf8)),
            lines: try decoder.decode([InvoiceLine].self, from: Data(try row.decode("lines", as: String.self).utf8)),
            allowances: try decoder.decode(
                [InvoiceAllowance].self, from: Data(try row.decode("allowances", as: String.self).utf8)),
            period: period, orderReference: try row.decode("order_reference"),
            credited: creditedNumber.flatMap { number in
                creditedDate.flatMap { try? CalendarDate(iso: $0) }.map { (number, $0) }
            }, language: Language(rawValue: try row.decode("locale")) ?? .sv)
    }

    /// The seller as the settings describe it now.
    public static func settings(_ connection: Connection) throws -> InvoiceSettings {
        let row = try connection.query(
            """
            SELECT company_name, coalesce(org_number, '') AS org, coalesce(vat_number, '') AS vat,
                   coalesce(address_line1, '') AS l1, coalesce(address_line2, '') AS l2,
                   coalesce(postal_code, '') AS pc, coalesce(city, '') AS city, country,
                   coalesce(contact_email::text, '') AS email, coalesce(contact_phone, '') AS phone,
                   coalesce(bankgiro, '') AS bankgiro, approved_for_f_tax, coalesce(registered_seat, '') AS seat,
                   invoice_terms_days, invoice_round_to_kronor
              FROM settings
            """)[0]
        let name: String = try row.decode("company_name")
        let party = InvoiceParty(
            name: name, legalName: name, isCompany: true, organisationNumber: try row.decode("org"),
            vatNumber: try row.decode("vat"),
            address: PostalAddress(
                line1: try row.decode("l1"), line2: try row.decode("l2"), postalCode: try row.decode("pc"),
                city: try row.decode("city"), country: try row.decode("country")),
            email: try row.decode("email"), phone: try row.decode("phone"))
        return InvoiceSettings(
            seller: InvoiceSeller(
                party: party, approvedForFTax: try row.decode("approved_for_f_tax"),
                registeredSeat: try row.decode("seat"), bankgiro: try row.decode("bankgiro")),
            termsDays: try row.decode("invoice_terms_days"), roundToKronor: try row.decode("invoice_round_to_kronor"))
    }

    /// Writes the issued document (inside the use case's transaction) with its audit row.
    public static func markIssued(
        _ tx: Connection, document: InvoiceDocument, id: Int64, xml: String, sha256: String, pdf: [UInt8],
        issuedBy: UserID, actor: AuditActor
    ) throws {
        let breakdown = document.totals.rates.map {
            ["rate_bp": Int64($0.rate.basisPoints), "taxable_ore": $0.taxable.ore, "vat_ore": $0.vat.ore]
        }
        try tx.execute(
            """
            UPDATE invoices
               SET state = 'issued', number = \(document.number), seller = \(try json(document.seller))::jsonb,
                   buyer = \(try json(document.buyer))::jsonb, lines = \(try json(document.lines))::jsonb,
                   issue_date = \(document.issueDate.iso)::date, due_date = \(document.dueDate.iso)::date,
                   ocr = \(document.ocr.digits), net_ore = \(document.totals.taxExclusive.ore),
                   vat_ore = \(document.totals.vat.ore), rounding_ore = \(document.totals.rounding.ore),
                   payable_ore = \(document.totals.payable.ore), vat_breakdown = \(try json(breakdown))::jsonb,
                   ubl_xml = \(xml), ubl_sha256 = \(sha256), pdf = \(pdf), pdf_sha256 = \(SHA256.hexDigest(pdf)),
                   issued_by = \(issuedBy.rawValue), issued_at = now()
             WHERE id = \(id) AND state = 'draft'
            """)
        try AuditStore.record(
            tx, actor: actor, entity: "invoice", entityID: id, action: "issued",
            after: [
                "number": document.number, "payable_ore": String(document.totals.payable.ore),
                "ubl_sha256": sha256,
            ])
    }

    static let summaryColumns: Query = """
        i.id, i.kind, i.state, i.number, i.customer_id,
        CASE WHEN c.kind = 'company' AND c.company_name IS NOT NULL THEN c.company_name ELSE c.name END AS customer_name,
        i.booking_id, b.number AS booking_number, i.issue_date, i.due_date, i.ocr, i.payable_ore, i.created_at,
        (SELECT coalesce(sum(p.amount_ore), 0) FROM invoice_payments p WHERE p.invoice_id = i.id)::bigint AS paid_ore,
        EXISTS (SELECT FROM invoices n WHERE n.credited_invoice_id = i.id AND n.state = 'issued') AS credited
        """

    static func summary(_ row: Row) throws -> InvoiceSummary {
        let kind: String = try row.decode("kind")
        let issue: String? = try row.decode("issue_date")
        let due: String? = try row.decode("due_date")
        let payable: Int64? = try row.decode("payable_ore")
        return InvoiceSummary(
            id: try row.decode("id"), kind: InvoiceDocument.Kind(rawValue: kind) ?? .invoice,
            state: try row.decode("state"), number: try row.decode("number"), customerID: try row.decode("customer_id"),
            customerName: try row.decode("customer_name"), bookingID: try row.decode("booking_id"),
            bookingNumber: try row.decode("booking_number"), issueDate: issue.flatMap { try? CalendarDate(iso: $0) },
            dueDate: due.flatMap { try? CalendarDate(iso: $0) }, ocr: try row.decode("ocr"),
            payable: payable.map(Money.init(ore:)), createdAt: try row.decode("created_at"),
            paid: Money(ore: try row.decode("paid_ore")), credited: try row.decode("credited"))
    }

    /// Newest first.
    public static func list(_ connection: Connection, limit: Int = 200) throws -> [InvoiceSummary] {
        try connection.query(
            """
            SELECT \(fragment: summaryColumns)
              FROM invoices i JOIN customers c ON c.id = i.customer_id LEFT JOIN bookings b ON b.id = i.booking_id
             ORDER BY i.id DESC LIMIT \(limit)
            """
        ).map(summary)
    }

    public static func find(_ connection: Connection, id: Int64) throws -> InvoiceSummary? {
        try connection.query(
            """
            SELECT \(fragment: summaryColumns)
              FROM invoices i JOIN customers c ON c.id = i.customer_id LEFT JOIN bookings b ON b.id = i.booking_id
             WHERE i.id = \(id)
            """
        ).first.map(summary)
    }

    /// The id of the issued document with this number.
    public static func id(_ connection: Connection, number: String) throws -> Int64? {
        try connection.query("SELECT id FROM invoices WHERE number = \(number)").first?.decode("id")
    }

    /// The stored UBL XML of an issued document.
    public static func ubl(_ connection: Connection, id: Int64) throws -> String? {
        try connection.query("SELECT ubl_xml FROM invoices WHERE id = \(id) AND state = 'issued'").first?.decode(
            "ubl_xml")
    }

    /// Registers a payment against an issued invoice, with its audit row and event, in one
    /// transaction. - Returns: false when the invoice is not an issued invoice (a draft, a credit note).
    public static func registerPayment(
        _ connection: Connection, invoiceID: Int64, payment: InvoicePayment, registeredBy: UserID?, actor: AuditActor
    ) throws -> Bool {
        try connection.transaction { tx in
            guard
                try tx.query(
                    "SELECT id FROM invoices WHERE id = \(invoiceID) AND state = 'issued' AND kind = 'invoice' FOR SHARE"
                ).first != nil
            else { return false }
            try tx.execute(
                """
                INSERT INTO invoice_payments (invoice_id, paid_on, amount_ore, method, reference, source, created_by)
                VALUES (\(invoiceID), \(payment.paidOn.iso)::date, \(payment.amount.ore), \(payment.method.rawValue),
                        \(payment.reference), \(payment.source), \(registeredBy?.rawValue))
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "invoice", entityID: invoiceID, action: "payment_registered",
                after: [
                    "amount_ore": String(payment.amount.ore), "paid_on": payment.paidOn.iso,
                    "method": payment.method.rawValue,
                ])
            return true
        }
    }

    /// An invoice's payments, oldest first.
    public static func payments(_ connection: Connection, invoiceID: Int64) throws -> [InvoicePayment] {
        try connection.query(
            """
            SELECT paid_on, amount_ore, method, reference, source FROM invoice_payments
             WHERE invoice_id = \(invoiceID) ORDER BY paid_on, id
            """
        ).map { row in
            InvoicePayment(
                paidOn: try CalendarDate(iso: try row.decode("paid_on")),
                amount: Money(ore: try row.decode("amount_ore")),
                method: PaymentMethod(rawValue: try row.decode("method")) ?? .transfer,
                reference: try row.decode("reference"), source: try row.decode("source"))
        }
    }

    /// What the bookkeeping of a period holds: the documents issued in it and the payments
    /// received in it, in order.
    public static func bookkeeping(
        _ connection: Connection, from: CalendarDate, to: CalendarDate
    ) throws -> (documents: [SIEExport.Document], payments: [SIEExport.Payment]) {
        let decoder = JSONDecoder()
        let documents = try connection.query(
            """
            SELECT i.number, i.kind, i.issue_date, i.buyer::text AS buyer, i.vat_breakdown::text AS breakdown,
                   i.rounding_ore, i.payable_ore
              FROM invoices i
             WHERE i.state = 'issued' AND i.issue_date BETWEEN \(from.iso)::date AND \(to.iso)::date
             ORDER BY i.id
            """
        ).map { row -> SIEExport.Document in
            let number: String = try row.decode("number")
            let buyer = try decoder.decode(InvoiceParty.self, from: Data(try row.decode("buyer", as: String.self).utf8))
            struct Rate: Decodable {
                let rate_bp: Int
                let taxable_ore: Int64
                let vat_ore: Int64
            }
            let rates = try decoder.decode([Rate].self, from: Data(try row.decode("breakdown", as: String.self).utf8))
            return SIEExport.Document(
                number: number, sequence: Int(number.split(separator: "-").last ?? "") ?? 0,
                isCreditNote: try row.decode("kind", as: String.self) == "credit_note",
                issueDate: try CalendarDate(iso: try row.decode("issue_date")), customerName: buyer.name,
                reverseCharge: InvoiceRequirements.isReverseCharge(buyer),
                rates: try rates.map {
                    (try VATRate(basisPoints: $0.rate_bp), Money(ore: $0.taxable_ore), Money(ore: $0.vat_ore))
                },
                rounding: Money(ore: try row.decode("rounding_ore")), payable: Money(ore: try row.decode("payable_ore"))
            )
        }
        let payments = try connection.query(
            """
            SELECT p.paid_on, p.amount_ore, i.number, p.reference
              FROM invoice_payments p JOIN invoices i ON i.id = p.invoice_id
             WHERE p.paid_on BETWEEN \(from.iso)::date AND \(to.iso)::date
             ORDER BY p.paid_on, p.id
            """
        ).map { row in
            SIEExport.Payment(
                paidOn: try CalendarDate(iso: try row.decode("paid_on")),
                amount: Money(ore: try row.decode("amount_ore")),
                invoiceNumber: try row.decode("number"), reference: try row.decode("reference"))
        }
        return (documents, payments)
    }

    /// The archived PDF of an issued document.
    public static func pdf(_ connection: Connection, id: Int64) throws -> [UInt8]? {
        try connection.query("SELECT pdf FROM invoices WHERE id = \(id) AND state = 'issued'").first?.decode("pdf")
    }

    /// What the invoice's email needs: the issued document's facts, its PDF and the sender.
    public struct EmailInputs: Sendable {
        public let kind: InvoiceDocument.Kind
        public let number: String
        public let buyer: InvoiceParty
        public let language: Language
        public let payable: Money
        public let dueDate: CalendarDate
        public let ocr: String
        public let pdf: [UInt8]
        public let seller: InvoiceSeller
        public let sender: String
    }

    public static func emailInputs(_ connection: Connection, id: Int64) throws -> EmailInputs? {
        guard
            let row = try connection.query(
                """
                SELECT i.kind, i.number, i.buyer::text AS buyer, i.seller::text AS seller, i.payable_ore, i.due_date, i.ocr,
                       i.pdf, c.locale, coalesce(s.email_sender, '') AS sender
                  FROM invoices i JOIN customers c ON c.id = i.customer_id, settings s
                 WHERE i.id = \(id) AND i.state = 'issued'
                """
            ).first
        else { return nil }
        let decoder = JSONDecoder()
        let kind: String = try row.decode("kind")
        return EmailInputs(
            kind: InvoiceDocument.Kind(rawValue: kind) ?? .invoice, number: try row.decode("number"),
            buyer: try decoder.decode(InvoiceParty.self, from: Data(try row.decode("buyer", as: String.self).utf8)),
            language: Language(rawValue: try row.decode("locale")) ?? .sv,
            payable: Money(ore: try row.decode("payable_ore")),
            dueDate: try CalendarDate(iso: try row.decode("due_date")), ocr: try row.decode("ocr"),
            pdf: try row.decode("pdf"),
            seller: try decoder.decode(InvoiceSeller.self, from: Data(try row.decode("seller", as: String.self).utf8)),
            sender: try row.decode("sender"))
    }

    /// Queues the email of an issued document, with its audit row. - Returns: false unless issued.
    public static func queueEmail(_ connection: Connection, id: Int64, actor: AuditActor) throws -> Bool {
        try connection.transaction { tx in
            guard try tx.query("SELECT id FROM invoices WHERE id = \(id) AND state = 'issued'").first != nil else {
                return false
            }
            _ = try JobStore.enqueue(tx, .invoiceEmail(invoiceID: id))
            try AuditStore.record(tx, actor: actor, entity: "invoice", entityID: id, action: "email_queued")
            return true
        }
    }
}
