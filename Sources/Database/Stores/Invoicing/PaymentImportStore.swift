public import Domain
public import Foundation

/// BgMax imports and the queue of payments that were not booked by themselves. An import is one
/// transaction: every payment booked, queued or skipped as a duplicate, the import's row and its
/// audit rows, or nothing at all.
public enum PaymentImportStore {
    /// What importing a file gave.
    public enum Outcome: Sendable, Equatable {
        case imported(PaymentImportSummary)
        /// This very file (by its SHA-256) was imported before: nothing was done now.
        case alreadyImported(PaymentImportSummary)
        case refused(PaymentImportRules.Refusal)
    }

    /// Books a parsed file: a payment whose OCR reference is an issued invoice's becomes that
    /// invoice's payment (with its audit row and `invoice.payment_registered` event); the rest
    /// go to the queue; a payment seen in an earlier file is skipped. Imports run one at a time.
    public static func importFile(
        _ connection: Connection, file: BgMaxFile, bytes: [UInt8], fileName: String, importedBy: UserID?,
        actor: AuditActor
    ) throws -> Outcome {
        let sha = SHA256.hexDigest(bytes)
        return try connection.transaction { tx -> Outcome in
            // One import at a time: the second waits, then finds the first's file and payments.
            _ = try tx.query("SELECT pg_advisory_xact_lock(8313, 0)")
            if let earlier: Int64 = try tx.query("SELECT id FROM payment_imports WHERE file_sha256 = \(sha)").first?
                .decode("id"), let summary = try find(tx, id: earlier)
            {
                return .alreadyImported(summary)
            }
            let bankgiro: String = try tx.query("SELECT coalesce(bankgiro, '') AS b FROM settings")[0].decode("b")
            if let refusal = PaymentImportRules.refusal(file, bankgiro: bankgiro) { return .refused(refusal) }
            // Decide first (reads only), then write the import with its counts and each payment.
            var seen: Set<String> = []
            var plan:
                [(
                    section: BgMaxFile.Section, payment: BgMaxFile.Payment, key: String,
                    decision: PaymentImportRules.Decision
                )] = []
            var duplicates = 0
            let lockedThrough = try
                (try tx.query("SELECT locked_through FROM bookkeeping_lock")[0].decode(
                    "locked_through", as: String?.self)).map { try CalendarDate(iso: $0) }
            for (section, payment) in file.entries {
                let key = PaymentImportRules.key(payment, in: section)
                guard seen.insert(key).inserted,
                    try tx.query("SELECT 1 FROM bgmax_payments WHERE bgc_key = \(key)").isEmpty
                else {
                    duplicates += 1
                    continue
                }
                let invoice = try PaymentImportRules.ocr(payment).flatMap { try issuedInvoice(tx, ocr: $0.digits) }
                var decision = PaymentImportRules.decide(payment, invoice: invoice)
                // A payment dated in a locked period waits for a person; the rest is booked.
                if case .book = decision, let lockedThrough, section.paymentDate <= lockedThrough {
                    decision = .queue(.lockedPeriod)
                }
                plan.append((section, payment, key, decision))
            }
            let booked = plan.filter { if case .book = $0.decision { true } else { false } }
            let total = file.entries.reduce(Int64(0)) { $0 + ($1.payment.kind == .payment ? $1.payment.amount.ore : 0) }
            let id: Int64 = try tx.query(
                """
                INSERT INTO payment_imports (file_sha256, file_name, written_at, receiving_bankgiro, matched, unmatched,
                                             duplicates, matched_ore, total_ore, imported_by)
                VALUES (\(sha), \(String(fileName.prefix(255))), \(file.header.writtenAt),
                        \(PaymentImportRules.digits(bankgiro)), \(booked.count), \(plan.count - booked.count),
                        \(duplicates), \(booked.reduce(Int64(0)) { $0 + $1.payment.amount.ore }), \(total),
                        \(importedBy?.rawValue))
                RETURNING id
                """)[0].decode("id")
            for (section, payment, key, decision) in plan {
                switch decision {
                case .book(let invoiceID, let ocr):
                    _ = try InvoiceStore.registerPayment(
                        tx, invoiceID: invoiceID,
                        payment: InvoicePayment(
                            paidOn: section.paymentDate, amount: payment.amount, method: .bankgiro,
                            reference: "\(ocr.digits) (BGC \(payment.bgcSerial))", source: "bgmax"),
                        registeredBy: importedBy, actor: actor)
                    try tx.execute(
                        "INSERT INTO bgmax_payments (bgc_key, import_id, invoice_id) VALUES (\(key), \(id), \(invoiceID))"
                    )
                case .queue(let reason):
                    let queued = try queue(tx, payment, section: section, reason: reason, importID: id)
                    try tx.execute(
                        """
                        INSERT INTO bgmax_payments (bgc_key, import_id, unmatched_payment_id)
                        VALUES (\(key), \(id), \(queued))
                        """)
                }
            }
            guard let summary = try find(tx, id: id) else { throw PaymentImportStoreError.corrupt("import \(id)") }
            try AuditStore.record(
                tx, actor: actor, entity: "payment_import", entityID: id, action: "imported",
                after: [
                    "file_name": summary.fileName, "file_sha256": sha, "matched": String(summary.matched),
                    "unmatched": String(summary.unmatched), "duplicates": String(summary.duplicates),
                    "matched_ore": String(summary.matchedAmount.ore), "total_ore": String(summary.totalAmount.ore),
                ])
            return .imported(summary)
        }
    }

    /// The issued invoice (not a credit note) with this OCR reference, and whether credit notes
    /// took back all of it (a partly credited invoice is still paid).
    static func issuedInvoice(_ tx: Connection, ocr: String) throws -> PaymentImportRules.Invoice? {
        try tx.query(
            """
            SELECT i.id, invoice_credited_ore(i.id) >= i.payable_ore AS credited
              FROM invoices i WHERE i.ocr = \(ocr) AND i.kind = 'invoice' AND i.state = 'issued'
             ORDER BY i.id LIMIT 1 FOR SHARE OF i
            """
        ).first.map { PaymentImportRules.Invoice(id: try $0.decode("id"), credited: try $0.decode("credited")) }
    }

    /// Puts a payment in the queue: its id.
    static func queue(
        _ tx: Connection, _ payment: BgMaxFile.Payment, section: BgMaxFile.Section,
        reason: PaymentImportRules.Unmatched,
        importID: Int64
    ) throws -> Int64 {
        let name = [payment.name, payment.extraName].filter { !$0.isEmpty }.joined(separator: " ")
        let extra = payment.extraReferences.map {
            "\($0.reference) \(Money(ore: $0.amount.ore).formatted(.sv))"
        }.joined(separator: "; ")
        return try tx.query(
            """
            INSERT INTO unmatched_payments (import_id, kind, reason, paid_on, amount_ore, reference, extra_references,
                                            sender_name, sender_bankgiro, information, bgc_serial)
            VALUES (\(importID), \(payment.kind == .payment ? "payment" : "deduction"), \(reason.rawValue),
                    \(section.paymentDate.iso)::date, \(payment.amount.ore), \(payment.reference),
                    \(String(extra.prefix(2000))), \(name), \(payment.senderBankgiro),
                    \(String(payment.information.joined(separator: " ").prefix(2000))), \(payment.bgcSerial))
            RETURNING id
            """)[0].decode("id")
    }

    static let importColumns: Query = """
        p.id, p.file_name, p.written_at, p.receiving_bankgiro, p.matched, p.unmatched, p.duplicates, p.matched_ore,
        p.total_ore, u.name AS imported_by, p.imported_at
        """

    static func summary(_ row: Row) throws -> PaymentImportSummary {
        PaymentImportSummary(
            id: try row.decode("id"), fileName: try row.decode("file_name"), writtenAt: try row.decode("written_at"),
            receivingBankgiro: try row.decode("receiving_bankgiro"), matched: try row.decode("matched"),
            unmatched: try row.decode("unmatched"), duplicates: try row.decode("duplicates"),
            matchedAmount: Money(ore: try row.decode("matched_ore")),
            totalAmount: Money(ore: try row.decode("total_ore")),
            importedBy: try row.decode("imported_by"), importedAt: try row.decode("imported_at"))
    }

    public static func find(_ connection: Connection, id: Int64) throws -> PaymentImportSummary? {
        try connection.query(
            """
            SELECT \(fragment: importColumns) FROM payment_imports p LEFT JOIN users u ON u.id = p.imported_by
             WHERE p.id = \(id)
            """
        ).first.map(summary)
    }

    /// The newest imports first.
    public static func imports(_ connection: Connection, limit: Int = 50) throws -> [PaymentImportSummary] {
        try connection.query(
            """
            SELECT \(fragment: importColumns) FROM payment_imports p LEFT JOIN users u ON u.id = p.imported_by
             ORDER BY p.id DESC LIMIT \(limit)
            """
        ).map(summary)
    }

    static let unmatchedColumns: Query = """
        u.id, u.import_id, u.kind, u.reason, u.paid_on, u.amount_ore, u.reference, u.extra_references, u.sender_name,
        u.sender_bankgiro, u.information, u.bgc_serial, u.state, i.number AS invoice_number, u.ignore_reason
        """

    static func unmatched(_ row: Row) throws -> UnmatchedPayment {
        let kind: String = try row.decode("kind")
        let reason: String = try row.decode("reason")
        let state: String = try row.decode("state")
        guard let kind = UnmatchedPayment.Kind(rawValue: kind),
            let reason = PaymentImportRules.Unmatched(rawValue: reason),
            let state = UnmatchedPayment.State(rawValue: state)
        else { throw PaymentImportStoreError.corrupt("unmatched payment \(kind) \(reason) \(state)") }
        return UnmatchedPayment(
            id: try row.decode("id"), importID: try row.decode("import_id"), kind: kind, reason: reason,
            paidOn: try CalendarDate(iso: try row.decode("paid_on")), amount: Money(ore: try row.decode("amount_ore")),
            reference: try row.decode("reference"), extraReferences: try row.decode("extra_references"),
            senderName: try row.decode("sender_name"), senderBankgiro: try row.decode("sender_bankgiro"),
            information: try row.decode("information"), bgcSerial: try row.decode("bgc_serial"), state: state,
            invoiceNumber: try row.decode("invoice_number"), ignoreReason: try row.decode("ignore_reason"))
    }

    /// The open queue (oldest first), then the latest resolved and ignored ones.
    public static func unmatched(_ connection: Connection, limit: Int = 200) throws -> [UnmatchedPayment] {
        try connection.query(
            """
            SELECT \(fragment: unmatchedColumns)
              FROM unmatched_payments u LEFT JOIN invoices i ON i.id = u.resolved_invoice_id
             ORDER BY u.state <> 'open', CASE WHEN u.state = 'open' THEN u.id ELSE -u.id END LIMIT \(limit)
            """
        ).map(unmatched)
    }

    /// What resolving an unmatched payment gave.
    public enum ResolveOutcome: Sendable, Equatable {
        case done
        case notFound
        /// Resolved or ignored already.
        case notOpen
        /// No issued invoice (not a credit note) has that number.
        case notPayable
        /// A deduction is no payment to attach: it is ignored with a reason.
        case isDeduction
    }

    /// Books an unmatched payment to an issued invoice: the invoice's payment (audit row and event
    /// as by hand) and the queue's row resolved, in one transaction.
    public static func attach(
        _ connection: Connection, id: Int64, invoiceNumber: String, by user: UserID, actor: AuditActor
    ) throws -> ResolveOutcome {
        try connection.transaction { tx -> ResolveOutcome in
            guard
                let row = try tx.query(
                    """
                    SELECT \(fragment: unmatchedColumns)
                      FROM unmatched_payments u LEFT JOIN invoices i ON i.id = u.resolved_invoice_id
                     WHERE u.id = \(id) FOR UPDATE OF u
                    """
                ).first
            else { return .notFound }
            let payment = try unmatched(row)
            guard payment.state == .open else { return .notOpen }
            guard payment.kind == .payment else { return .isDeduction }
            guard
                let invoiceID: Int64 = try tx.query(
                    "SELECT id FROM invoices WHERE number = \(invoiceNumber) AND kind = 'invoice' AND state = 'issued'"
                ).first?.decode("id"), payment.amount.ore > 0,
                try InvoiceStore.registerPayment(
                    tx, invoiceID: invoiceID,
                    payment: InvoicePayment(
                        paidOn: payment.paidOn, amount: payment.amount, method: .bankgiro,
                        reference: String("\(payment.reference) (BGC \(payment.bgcSerial))".prefix(100)),
                        source: "bgmax"),
                    registeredBy: user, actor: actor)
            else { return .notPayable }
            try tx.execute(
                """
                UPDATE unmatched_payments SET state = 'resolved', resolved_invoice_id = \(invoiceID),
                       resolved_by = \(user.rawValue), resolved_at = now()
                 WHERE id = \(id)
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "unmatched_payment", entityID: id, action: "resolved",
                before: ["state": "open"], after: ["state": "resolved", "invoice": invoiceNumber])
            return .done
        }
    }

    /// Leaves an unmatched payment out of the books, with the reason (returned to the payer,
    /// a deduction accounted for by a credit note, …).
    public static func ignore(
        _ connection: Connection, id: Int64, reason: String, by user: UserID, actor: AuditActor
    ) throws -> ResolveOutcome {
        try connection.transaction { tx -> ResolveOutcome in
            guard
                let state: String = try tx.query(
                    "SELECT state FROM unmatched_payments WHERE id = \(id) FOR UPDATE"
                ).first?.decode("state")
            else { return .notFound }
            guard state == "open" else { return .notOpen }
            try tx.execute(
                """
                UPDATE unmatched_payments SET state = 'ignored', ignore_reason = \(reason), resolved_by = \(user.rawValue),
                       resolved_at = now()
                 WHERE id = \(id)
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "unmatched_payment", entityID: id, action: "ignored",
                before: ["state": "open"], after: ["state": "ignored", "reason": reason])
            return .done
        }
    }
}

public enum PaymentImportStoreError: Error, Sendable, Equatable {
    case corrupt(String)
}
