public import Database
public import Domain

/// An admin deactivates an account (its sessions end in the same transaction) or reactivates it;
/// refused for one's own account and for the last active admin (`UserRules`).
public enum SetUserActive {
    /// `by` is the member making the change.
    /// - Throws: `DatabaseError`.
    public static func run(
        _ connection: Connection, id: UserID, active: Bool, by: UserID, actor: AuditActor
    ) throws
        -> UserChange
    {
        if !active, let refusal = UserRules.deactivationRefusal(actor: by, target: id) { return .refused(refusal) }
        return try connection.transaction { tx in
            guard let current = try UserStore.lockForChange(tx, id: id) else { return .notFound }
            if let refusal = UserRules.refusal(
                current: current.member.role, currentlyActive: current.active, to: current.member.role, active: active,
                otherActiveAdmins: try UserStore.activeAdmins(tx, except: id))
            {
                return .refused(refusal)
            }
            try UserStore.applyActive(tx, current: current, active: active, actor: actor)
            return .done
        }
    }
}
