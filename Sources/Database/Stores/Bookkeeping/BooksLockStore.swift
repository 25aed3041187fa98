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

    /// Whether recorded exports cover every day a lock through `through` would close that is not
    /// closed yet: from the day after `current` (nothing locked: from 1 January of `through`'s
    /// year) through `through`, less `also` (an export being made now). A lock must never close a
    /// day the accounting has not received.
    public static func exportsCover(
        _ tx: Connection, current: CalendarDate?, through: CalendarDate,
        also: (from: CalendarDate, to: CalendarDate)? = nil
    ) throws -> Bool {
        let start =
            try current.map { try $0.adding(days: 1) } ?? (try CalendarDate(year: through.year, month: 1, day: 1))
        guard start <= through else { return true }
        return try tx.query(
            """
            SELECT 1 AS one FROM generate_series(\(start.iso)::date, \(through.iso)::date, '1 day') d
             WHERE NOT (d::date BETWEEN coalesce(\(also?.from.iso)::date, 'infinity') AND coalesce(\(also?.to.iso)::date, '-infinity'))
               AND NOT EXISTS (SELECT FROM bookkeeping_exports e WHERE d::date BETWEEN e.period_from AND e.period_to)
             LIMIT 1
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
