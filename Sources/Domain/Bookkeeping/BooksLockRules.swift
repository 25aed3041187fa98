/// The lock on exported bookkeeping: everything dated up to and including `lockedThrough` is in
/// the books the accountant has, so no invoice, credit note or payment may be dated in it any more.
/// The rules here decide; the database holds the same rules in triggers (migration 0029), so a
/// page, a command or a hand-written statement are refused alike.
public enum BooksLockRules {
    /// Whether a document or payment dated `date` may still be booked.
    public static func refusal(date: CalendarDate, lockedThrough: CalendarDate?) -> BooksLocked? {
        guard let lockedThrough, date <= lockedThrough else { return nil }
        return BooksLocked(through: lockedThrough, date: date)
    }

    /// Why a lock through a day cannot be set.
    public enum LockRefusal: Error, Sendable, Equatable {
        /// The lock only moves forward: it is already through this day or later.
        case notForward(current: CalendarDate)
        /// Recorded exports do not cover every day the lock would close: export them first.
        case notExported
        /// A day after today cannot be locked: documents are still being dated in it.
        case future
    }

    /// Moving the lock forward to `through`: after the current lock, not after today, and inside
    /// a recorded export's period (a period is locked once it has been exported).
    public static func lockRefusal(
        through: CalendarDate, current: CalendarDate?, today: CalendarDate, exported: Bool
    ) -> LockRefusal? {
        if let current, through <= current { return .notForward(current: current) }
        if through > today { return .future }
        if !exported { return .notExported }
        return nil
    }

    /// Why a lock cannot be moved back.
    public enum UnlockRefusal: Error, Sendable, Equatable {
        /// Nothing is locked, or the new day is not before the current one.
        case notBack
        /// A reason is required (1–500 characters); it goes into the audit log.
        case reasonMissing
        case reasonTooLong
    }

    /// Moving the lock back to `to` (nil: nothing locked), which only an admin may do, with a reason.
    public static func unlockRefusal(
        to: CalendarDate?, current: CalendarDate?, reason: String
    ) -> UnlockRefusal? {
        guard let current, to.map({ $0 < current }) ?? true else { return .notBack }
        let reason = Self.reason(reason)
        if reason.isEmpty { return .reasonMissing }
        if reason.count > 500 { return .reasonTooLong }
        return nil
    }

    /// The reason as it is kept: without surrounding white space.
    public static func reason(_ text: String) -> String { text.trimmingWhitespace }
}

/// A document or payment dated in the locked period. `description` is safe to show (commands print
/// it); pages show the same in the user's language.
public struct BooksLocked: Error, Sendable, Equatable, CustomStringConvertible {
    public let through: CalendarDate
    public let date: CalendarDate

    public init(through: CalendarDate, date: CalendarDate) {
        self.through = through
        self.date = date
    }

    public var description: String {
        "the books are locked through \(through.iso) (exported to the accounting): nothing can be issued or paid on \(date.iso)"
    }
}
