public import Database
public import Domain

/// Moving the lock on exported bookkeeping, each in one transaction with its audit row and event:
/// forward through a day a recorded export covers (`bookkeeping.locked`), or back, by an admin
/// with a reason (`bookkeeping.unlocked`; the routes allow it to admins only).
public enum MoveBooksLock {
    public enum LockOutcome: Sendable, Equatable {
        case locked(through: CalendarDate)
        case refused(BooksLockRules.LockRefusal)
    }

    public static func lock(
        _ connection: Connection, through: CalendarDate, by user: UserID?, actor: AuditActor, today: CalendarDate
    ) throws -> LockOutcome {
        try connection.transaction { tx in
            let current = try BooksLockStore.lockForUpdate(tx)
            if let refusal = BooksLockRules.lockRefusal(
                through: through, current: current, today: today,
                exported: try BooksLockStore.exportsCover(tx, current: current, through: through))
            {
                return .refused(refusal)
            }
            try BooksLockStore.lock(tx, through: through, previous: current, by: user, actor: actor)
            return .locked(through: through)
        }
    }

    public enum UnlockOutcome: Sendable, Equatable {
        case unlocked(to: CalendarDate?)
        case refused(BooksLockRules.UnlockRefusal)
    }

    /// - Parameter to: the new last locked day, or nil to lock nothing.
    public static func unlock(
        _ connection: Connection, to: CalendarDate?, reason: String, by user: UserID?, actor: AuditActor
    ) throws -> UnlockOutcome {
        try connection.transaction { tx in
            let current = try BooksLockStore.lockForUpdate(tx)
            if let refusal = BooksLockRules.unlockRefusal(to: to, current: current, reason: reason) {
                return .refused(refusal)
            }
            guard let current else { return .refused(.notBack) }
            try BooksLockStore.unlock(
                tx, to: to, previous: current, reason: BooksLockRules.reason(reason), by: user,
                actor: actor)
            return .unlocked(to: to)
        }
    }
}
