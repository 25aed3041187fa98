public import Domain

/// The lock on exported bookkeeping (`bookkeeping_lock`, migration 0029): reading it, the check
/// that issuing and registering a payment make before they write, and moving it.
public enum BooksLockStore {
    /// The last locked day, or nil when nothing is locked.
    public static func lockedThrough(_ connection: Connection) throws -> CalendarDate? {
        let day: String? = try connection.query("SELECT locked_through FROM bookkeeping_lock")[0].decode(
            "locked_through")
        return try day.map { try CalendarDate(iso: $0) }
    }

    /// Inside a transaction that is about to date something `date` (issue a document, register a
    /// payment): throws `BooksLocked` when that day is locked, so nothing is written. The lock's
    /// row is read `FOR SHARE`: a lock being set at the same moment is waited for, and a lock set
    /// later waits for this transaction. (The database's triggers refuse the same, as a backstop.)
    /// - Throws: `BooksLocked`, `DatabaseError`.
    public static func ensureOpen(_ tx: Connection, on date: CalendarDate) throws {
        let day: String? = try tx.query("SELECT locked_through FROM bookkeeping_lock FOR SHARE")[0].decode(
            "locked_through")
        if let refusal = BooksLockRules.refusal(date: date, lockedThrough: try day.map { try CalendarDate(iso: $0) }) {
            throw refusal
        }
    }

    /// The lock row, locked for this transaction (moving it).
    public static func lockForUpdate(_ tx: Connection) throws -> CalendarDate? {
        let day: String? = try tx.query("SELECT locked_through FROM bookkeeping_lock FOR UPDATE")[0].decode(
            "locked_through")
        return try day.map { try CalendarDate(iso: $0) }
    }

    /// Whether a recorded export's period contains `day`.
    public static func exported(_ tx: Connection, covering day: CalendarDate) throws -> Bool {
        try !tx.query(
            """
            SELECT 1 AS one FROM bookkeeping_exports
             WHERE period_from <= \(day.iso)::date AND period_to >= \(day.iso)::date LIMIT 1
            """
        ).isEmpty
    }

    /// Moves the lock forward to `through` (the use case has decided it may), with its audit row.
    public static func lock(
        _ tx: Connection, through: CalendarDate, previous: CalendarDate?, by user: UserID?, actor: AuditActor
    )
        throws
    {
        try tx.execute(
            """
            UPDATE bookkeeping_lock SET locked_through = \(through.iso)::date, changed_by = \(user?.rawValue),
                   changed_at = now()
            """)
        try AuditStore.record(
            tx, actor: actor, entity: "bookkeeping", entityID: nil, action: "locked",
            before: ["locked_through": previous?.iso ?? ""], after: ["locked_through": through.iso])
    }

    /// Moves the lock back to `to` (nil: nothing locked) with the reason, which the database
    /// requires for this and the audit row keeps.
    public static func unlock(
        _ tx: Connection, to: CalendarDate?, previous: CalendarDate, reason: String, by user: UserID?,
        actor: AuditActor
    ) throws {
        try tx.execute("SELECT set_config('eventgaraget.unlock_reason', \(reason), true)")
        try tx.execute(
            """
            UPDATE bookkeeping_lock SET locked_through = \(to?.iso)::date, changed_by = \(user?.rawValue),
                   changed_at = now()
            """)
        try AuditStore.record(
            tx, actor: actor, entity: "bookkeeping", entityID: nil, action: "unlocked",
            before: ["locked_through": previous.iso], after: ["locked_through": to?.iso ?? "", "reason": reason])
    }
}
