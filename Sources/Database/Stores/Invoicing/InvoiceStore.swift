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

    /// The draft (or issued document) to issue, locked when `lock`.
    public static func draft(_ connection: Connection, id: Int64, lock: Bool = false) throws -> InvoiceDraft? {
        guard
            let row = try connection.query(
                """
                SELECT i.id, i.kind, i.purpose, i.state, i.credited_invoice_id, i.buyer::text AS buyer, i.lines::text AS lines,
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
            id: id, kind: InvoiceDocument.Kind(rawValue: kind) ?? .invoice,
            purpose: InvoicePurpose(rawValue: try row.decode("purpose")) ?? .full, state: try row.decode("state"),
            buyer: try decoder.decode(InvoiceParty.self, from: Data(try row.decode("buyer", as: String.self).utf8)),
            lines: try decoder.decode([InvoiceLine].self, from: Data(try row.decode("lines", as: String.self).utf8)),
            allowances: try decoder.decode(
                [InvoiceAllowance].self, from: Data(try row.decode("allowances", as: String.self).utf8)),
            period: period, orderReference: try row.decode("order_reference"),
            creditedID: try row.decode("credited_invoice_id"),
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
                   coalesce(bankgiro, '') AS bankgiro, plusgiro, iban, bic, approved_for_f_tax,
                   coalesce(registered_seat, '') AS seat,
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
                registeredSeat: try row.decode("seat"), bankgiro: try row.decode("bankgiro"),
                plusgiro: try row.decode("plusgiro"), iban: try row.decode("iban"), bic: try row.decode("bic")),
            termsDays: try row.decode("invoice_terms_days"), roundToKronor: try row.decode("invoice_round_to_kronor"))
    }

    /// The settings' logo for an issued document's PDF, read only when one is rendered (the
    /// invoice pages read the settings on every view; the image can be half a megabyte).
    public static func logo(_ connection: Connection) throws -> InvoiceLogo? {
        (try connection.query("SELECT logo FROM settings")[0].decode("logo", as: [UInt8]?.self)).flatMap { bytes in
            (try? LogoImage.inspect(bytes)).map {
                InvoiceLogo(bytes: bytes, isJPEG: $0.format == .jpeg, width: $0.width, height: $0.height)
            }
        }
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
        CASE WHEN i.kind = 'invoice' AND i.state = 'issued' THEN invoice_credited_ore(i.id) ELSE 0 END AS credited_ore,
        i.purpose
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
            paid: Money(ore: try row.decode("paid_ore")), creditedAmount: Money(ore: try row.decode("credited_ore")),
            purpose: InvoicePurpose(rawValue: try row.decode("purpose")) ?? .full)
    }

    /// Newest first; only a booking's or a customer's when given.
    public static func list(
        _ connection: Connection, bookingID: BookingID? = nil, customerID: CustomerID? = nil, limit: Int = 200
    ) throws -> [InvoiceSummary] {
        try connection.query(
            """
            SELECT \(fragment: summaryColumns)
              FROM invoices i JOIN customers c ON c.id = i.customer_id LEFT JOIN bookings b ON b.id = i.booking_id
             WHERE (\(bookingID?.rawValue)::bigint IS NULL OR i.booking_id = \(bookingID?.rawValue))
               AND (\(customerID?.rawValue)::bigint IS NULL OR i.customer_id = \(customerID?.rawValue))
             ORDER BY i.id DESC LIMIT \(limit)
            """
        ).map(summary)
    }

    /// One page of the invoice list, newest first: only those with `status` (as of `today`) and
    /// whose number, customer or booking contains `search`, when given. - Returns: the page and
    /// whether more follow.
    public static func page(
        _ connection: Connection, status: InvoiceStatus?, search: String, today: CalendarDate, offset: Int,
        limit: Int = 50
    ) throws -> (invoices: [InvoiceSummary], more: Bool) {
        let pattern = search.isEmpty ? nil : ContainsPattern.make(search)
        // The status in SQL, so a filter can page: the same rules as `InvoiceStatus.of`.
        let rows = try connection.query(
            """
            SELECT * FROM (
                SELECT x.*, CASE
                        WHEN x.state = 'draft' THEN 'draft'
                        WHEN x.kind = 'credit_note' THEN 'issued'
                        WHEN x.credited_ore > 0 AND x.credited_ore >= x.payable_ore THEN 'credited'
                        WHEN x.paid_ore >= x.payable_ore - x.credited_ore THEN 'paid'
                        WHEN x.due_date < \(today.iso)::date THEN 'overdue'
                        WHEN x.paid_ore = 0 THEN 'issued'
                        ELSE 'partly_paid' END AS status
                  FROM (SELECT \(fragment: summaryColumns)
                          FROM invoices i JOIN customers c ON c.id = i.customer_id
                          LEFT JOIN bookings b ON b.id = i.booking_id) x
            ) y
             WHERE (\(status?.rawValue)::text IS NULL OR y.status = \(status?.rawValue))
               AND (\(pattern)::text IS NULL OR y.number ILIKE \(pattern) OR y.customer_name ILIKE \(pattern)
                    OR y.booking_number ILIKE \(pattern))
             ORDER BY y.id DESC LIMIT \(limit + 1) OFFSET \(offset)
            """)
        return (try rows.prefix(limit).map(summary), rows.count > limit)
    }

    /// The deposit's percentage from the settings.
    public static func depositPercent(_ connection: Connection) throws -> Int {
        try connection.query("SELECT invoice_deposit_percent FROM settings")[0].decode("invoice_deposit_percent")
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
    /// - Throws: `BooksLocked` when the payment's date is in an exported, locked period.
    public static func registerPayment(
        _ connection: Connection, invoiceID: Int64, payment: InvoicePayment, registeredBy: UserID?, actor: AuditActor
    ) throws -> Bool {
        try connection.transaction { tx in
            guard
                try tx.query(
                    "SELECT id FROM invoices WHERE id = \(invoiceID) AND state = 'issued' AND kind = 'invoice' FOR SHARE"
                ).first != nil
            else { return false }
            try BooksLockStore.ensureOpen(tx, on: payment.paidOn)
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

    /// What the bookkeeping of a period holds: the documents issued in it, the payments received
    /// in it (one paid from a security deposit against the deposits' liability, not the bank) and
    /// the charges of the reminders sent in it.
    public static func bookkeeping(
        _ connection: Connection, from: CalendarDate, to: CalendarDate
    ) throws -> (documents: [SIEExport.Document], payments: [SIEExport.Payment], reminders: [SIEExport.Reminder]) {
        let decoder = JSONDecoder()
        let documents = try connection.query(
            """
            SELECT i.number, i.kind, i.purpose, i.issue_date, i.buyer::text AS buyer,
                   i.vat_breakdown::text AS breakdown, i.rounding_ore, i.payable_ore
              FROM invoices i
             WHERE i.state = 'issued' AND i.issue_date BETWEEN \(from.iso)::date AND \(to.iso)::date
             ORDER BY i.id
            """
        ).map { row -> SIEExport.Document in
            let number: String = try row.decode("number")
            let buyer = try decoder.decode(InvoiceParty.self, from: Data(try row.decode("buyer", as: String.self).utf8))
            return SIEExport.Document(
                number: number, sequence: Int(number.split(separator: "-").last ?? "") ?? 0,
                isCreditNote: try row.decode("kind", as: String.self) == "credit_note",
                issueDate: try CalendarDate(iso: try row.decode("issue_date")), customerName: buyer.name,
                reverseCharge: InvoiceRequirements.isReverseCharge(buyer),
                rates: try breakdown(try row.decode("breakdown")),
                rounding: Money(ore: try row.decode("rounding_ore")),
                payable: Money(ore: try row.decode("payable_ore")),
                isSecurityDeposit: try row.decode("purpose", as: String.self) == InvoicePurpose.securityDeposit.rawValue
            )
        }
        let payments = try connection.query(
            """
            SELECT p.id, p.paid_on, p.amount_ore, i.number, p.reference, p.method
              FROM invoice_payments p JOIN invoices i ON i.id = p.invoice_id
             WHERE p.paid_on BETWEEN \(from.iso)::date AND \(to.iso)::date
             ORDER BY p.paid_on, p.id
            """
        ).map { row in
            SIEExport.Payment(
                paidOn: try CalendarDate(iso: try row.decode("paid_on")),
                amount: Money(ore: try row.decode("amount_ore")),
                invoiceNumber: try row.decode("number"), reference: try row.decode("reference"),
                fromSecurityDeposit: try row.decode("method", as: String.self) == PaymentMethod.deposit.rawValue,
                voucherNumber: Int(try row.decode("id", as: Int64.self)))
        }
        let reminders = try connection.query(
            """
            SELECT r.id, r.reminded_on, i.number, r.sequence, r.fee_ore + r.compensation_ore AS fees, r.interest_ore
              FROM invoice_reminders r JOIN invoices i ON i.id = r.invoice_id
             WHERE r.reminded_on BETWEEN \(from.iso)::date AND \(to.iso)::date
               AND r.fee_ore + r.compensation_ore + r.interest_ore > 0
             ORDER BY r.reminded_on, r.id
            """
        ).map { row in
            SIEExport.Reminder(
                remindedOn: try CalendarDate(iso: try row.decode("reminded_on")),
                invoiceNumber: try row.decode("number"),
                sequence: try row.decode("sequence"), fees: Money(ore: try row.decode("fees")),
                interest: Money(ore: try row.decode("interest_ore")),
                voucherNumber: Int(try row.decode("id", as: Int64.self)))
        }
        return (documents, payments, reminders)
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
