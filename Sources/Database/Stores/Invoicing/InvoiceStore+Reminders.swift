public import Domain
import Foundation

/// Reminders of overdue invoices: the settings' policy, the reference rates, which invoices are
/// due one, and sending one (a record with its audit row, its `invoice.reminded` event and the
/// email job, in one transaction).
extension InvoiceStore {
    public static func reminderPolicy(_ connection: Connection) throws -> Reminders.Policy {
        let row = try connection.query(
            """
            SELECT reminders_enabled, reminder_fee_ore, reminder_first_days, reminder_interval_days, reminder_max
              FROM settings
            """)[0]
        return Reminders.Policy(
            enabled: try row.decode("reminders_enabled"), fee: Money(ore: try row.decode("reminder_fee_ore")),
            firstAfterDays: try row.decode("reminder_first_days"),
            intervalDays: try row.decode("reminder_interval_days"), maximum: try row.decode("reminder_max"))
    }

    public static func referenceRates(_ connection: Connection) throws -> [Reminders.ReferenceRate] {
        try connection.query("SELECT valid_from, rate_bp FROM reference_rates ORDER BY valid_from").map { row in
            Reminders.ReferenceRate(
                validFrom: try CalendarDate(iso: try row.decode("valid_from")), basisPoints: try row.decode("rate_bp"))
        }
    }

    /// Stores (or corrects) the reference rate of a half-year, with its audit row.
    public static func setReferenceRate(
        _ connection: Connection, validFrom: CalendarDate, basisPoints: Int, source: String, actor: AuditActor
    ) throws {
        try connection.transaction { tx in
            try tx.execute(
                """
                INSERT INTO reference_rates (valid_from, rate_bp, source) VALUES (\(validFrom.iso)::date, \(basisPoints), \(source))
                ON CONFLICT (valid_from) DO UPDATE SET rate_bp = EXCLUDED.rate_bp, source = EXCLUDED.source
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "settings", entityID: nil, action: "reference_rate_set",
                after: ["valid_from": validFrom.iso, "rate_bp": String(basisPoints)])
        }
    }

    /// Issued invoices past their due date with something left to pay (after credit notes and
    /// payments) and fewer reminders than the settings allow, oldest due first.
    public static func overdue(_ connection: Connection, today: CalendarDate, limit: Int = 1000) throws -> [Int64] {
        try connection.query(
            """
            SELECT i.id FROM invoices i, settings s
             WHERE i.kind = 'invoice' AND i.state = 'issued' AND i.purpose <> 'security_deposit'
               AND s.reminders_enabled
               AND (SELECT count(*) FROM invoice_reminders r WHERE r.invoice_id = i.id) < s.reminder_max
               AND i.due_date < \(today.iso)::date
               AND i.payable_ore - invoice_credited_ore(i.id)
                   - (SELECT coalesce(sum(amount_ore), 0) FROM invoice_payments p WHERE p.invoice_id = i.id) > 0
             ORDER BY i.due_date, i.id LIMIT \(limit)
            """
        ).map { try $0.decode("id") }
    }

    /// What sending a reminder gave.
    public enum ReminderOutcome: Sendable, Equatable {
        case sent(reminderID: Int64, sequence: Int)
        /// Not yet (the schedule's rhythm), or the policy's maximum was reached, or reminders are off.
        case notDue
        /// Not an issued invoice past its due date with something left to pay.
        case notOverdue
        case notFound
    }

    /// One reminder of an overdue invoice: what is left to pay, the fee (when the signed terms
    /// had the clause, not from a business), the förseningsersättning (a business, once), the late
    /// interest to `today`; stored with its audit row, the `invoice.reminded` event and the email
    /// job. `force` (staff's "Send a reminder now") skips the rhythm, not the law.
    public static func remind(
        _ connection: Connection, invoiceID: Int64, today: CalendarDate, force: Bool = false, by user: UserID?,
        actor: AuditActor
    ) throws -> ReminderOutcome {
        try connection.transaction { tx -> ReminderOutcome in
            guard
                let row = try tx.query(
                    """
                    SELECT i.kind, i.state, i.purpose, i.due_date, i.payable_ore, i.buyer::text AS buyer,
                           invoice_credited_ore(i.id) AS credited, v.snapshot
                      FROM invoices i LEFT JOIN quotation_versions v ON v.id = i.quotation_version_id
                     WHERE i.id = \(invoiceID) FOR SHARE OF i
                    """
                ).first
            else { return .notFound }
            // A security deposit is a guarantee, not a debt for work done: no reminder fees or interest.
            guard try row.decode("kind", as: String.self) == "invoice",
                try row.decode("state", as: String.self) == "issued",
                try row.decode("purpose", as: String.self) != InvoicePurpose.securityDeposit.rawValue,
                let dueText: String = try row.decode("due_date"), let payable: Int64 = try row.decode("payable_ore")
            else { return .notOverdue }
            let due = try CalendarDate(iso: dueText)
            // Reminders of one invoice take their turn (the schedule and a click at once).
            _ = try tx.query("SELECT pg_advisory_xact_lock(8314, (\(invoiceID) % 2147483647)::int)")
            let payments = try tx.query(
                "SELECT paid_on, amount_ore FROM invoice_payments WHERE invoice_id = \(invoiceID) ORDER BY paid_on, id"
            ).map {
                (day: try CalendarDate(iso: try $0.decode("paid_on")), amount: Money(ore: try $0.decode("amount_ore")))
            }
            let owed = payable - (try row.decode("credited", as: Int64.self))
            let outstanding = owed - payments.reduce(0) { $0 + $1.amount.ore }
            guard due < today, outstanding > 0 else { return .notOverdue }
            let earlier = try tx.query(
                """
                SELECT sequence, reminded_on, compensation_ore FROM invoice_reminders
                 WHERE invoice_id = \(invoiceID) ORDER BY sequence
                """)
            let last = try earlier.last.map { try CalendarDate(iso: try $0.decode("reminded_on")) }
            let policy = try reminderPolicy(tx)
            if !force {
                guard
                    Reminders.isDue(dueDate: due, lastReminded: last, sent: earlier.count, today: today, policy: policy)
                else { return .notDue }
            }
            if let last, today <= last { return .notDue }
            // A reminder's charges are vouchers of the day it is sent: not in a locked period.
            try BooksLockStore.ensureOpen(tx, on: today)
            let buyer = try JSONDecoder().decode(
                InvoiceParty.self, from: Data(try row.decode("buyer", as: String.self).utf8))
            let terms = try (try row.decode("snapshot", as: String?.self)).map {
                try QuotationSnapshot(canonicalJSON: $0).termsHTML
            }
            let charges = Reminders.charges(
                isBusiness: buyer.isCompany, feeAgreed: terms.map(Reminders.termsAgreeToFee) ?? false,
                compensationClaimed: try earlier.contains { try $0.decode("compensation_ore", as: Int64.self) > 0 },
                policy: policy)
            // Interest from the day after the due date, or after the previous reminder (which
            // charged the days before): no day is charged twice.
            let interestStart = last ?? due
            let interest = Reminders.lateInterest(
                owed: Money(ore: owed), dueDate: interestStart, payments: payments, through: today,
                rates: try referenceRates(tx))
            let sequence = earlier.count + 1
            let reminderID: Int64 = try tx.query(
                """
                INSERT INTO invoice_reminders (invoice_id, sequence, reminded_on, outstanding_ore, fee_ore, compensation_ore,
                                               interest_ore, interest_from, interest_rate_bp, created_by)
                VALUES (\(invoiceID), \(sequence), \(today.iso)::date, \(outstanding), \(charges.fee.ore),
                        \(charges.compensation.ore), \(interest.interest.ore), \(interestStart.iso)::date + 1,
                        \(interest.rateBP), \(user?.rawValue))
                RETURNING id
                """
            )[0].decode("id")
            try AuditStore.record(
                tx, actor: actor, entity: "invoice", entityID: invoiceID, action: "reminded",
                after: [
                    "sequence": String(sequence), "outstanding_ore": String(outstanding),
                    "fee_ore": String(charges.fee.ore), "compensation_ore": String(charges.compensation.ore),
                    "interest_ore": String(interest.interest.ore),
                ])
            _ = try JobStore.enqueue(tx, .invoiceReminderEmail(invoiceID: invoiceID, reminderID: reminderID))
            return .sent(reminderID: reminderID, sequence: sequence)
        }
    }

    /// An invoice's reminders, first first.
    public static func reminders(_ connection: Connection, invoiceID: Int64) throws -> [InvoiceReminder] {
        try connection.query(
            """
            SELECT id, sequence, reminded_on, outstanding_ore, fee_ore, compensation_ore, interest_ore, interest_rate_bp,
                   \(fragment: earlierCharges)
              FROM invoice_reminders WHERE invoice_id = \(invoiceID) ORDER BY sequence
            """
        ).map(reminder)
    }

    /// What the invoice's earlier reminders charged (fees, compensation, interest).
    static let earlierCharges: Query = """
        coalesce(sum(fee_ore + compensation_ore + interest_ore) OVER (
            PARTITION BY invoice_id ORDER BY sequence ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::bigint
            AS earlier_ore
        """

    static func reminder(_ row: Row) throws -> InvoiceReminder {
        InvoiceReminder(
            id: try row.decode("id"), sequence: try row.decode("sequence"),
            remindedOn: try CalendarDate(iso: try row.decode("reminded_on")),
            outstanding: Money(ore: try row.decode("outstanding_ore")), fee: Money(ore: try row.decode("fee_ore")),
            compensation: Money(ore: try row.decode("compensation_ore")),
            interest: Money(ore: try row.decode("interest_ore")), interestRateBP: try row.decode("interest_rate_bp"),
            earlierCharges: Money(ore: try row.decode("earlier_ore")))
    }

    /// A reminder and what its email needs (the invoice's facts, PDF and sender).
    public static func reminderEmailInputs(
        _ connection: Connection, reminderID: Int64
    ) throws -> (reminder: InvoiceReminder, invoice: EmailInputs)? {
        guard
            let row = try connection.query(
                """
                SELECT * FROM (
                    SELECT id, invoice_id, sequence, reminded_on, outstanding_ore, fee_ore, compensation_ore,
                           interest_ore, interest_rate_bp, \(fragment: earlierCharges)
                      FROM invoice_reminders WHERE invoice_id = (SELECT invoice_id FROM invoice_reminders WHERE id = \(reminderID))
                ) r WHERE r.id = \(reminderID)
                """
            ).first,
            let invoice = try emailInputs(connection, id: try row.decode("invoice_id"))
        else { return nil }
        return (try reminder(row), invoice)
    }
}
