/// The rules for changing staff accounts: the company always keeps an active admin, and nobody
/// deactivates their own account (they would lock themselves out mid-request).
public enum UserRules {
    /// Why a change to an account is refused.
    public enum Refusal: Error, Sendable, Equatable {
        /// The change would leave no active admin.
        case lastAdmin
        /// A member tried to deactivate their own account.
        case ownAccount
    }

    /// Whether an account may change to `role` and `active`. `otherActiveAdmins` counts the active
    /// admins besides this account, read under the lock that serialises such changes.
    public static func refusal(
        current: StaffRole, currentlyActive: Bool, to role: StaffRole, active: Bool, otherActiveAdmins: Int
    ) -> Refusal? {
        let isAdminNow = currentlyActive && current == .admin
        let staysAdmin = active && role == .admin
        if isAdminNow, !staysAdmin, otherActiveAdmins == 0 { return .lastAdmin }
        return nil
    }

    /// Whether `actor` may deactivate `target` (reactivating is always allowed).
    public static func deactivationRefusal(actor: UserID, target: UserID) -> Refusal? {
        actor == target ? .ownAccount : nil
    }
}
