public import Database
public import Domain

/// An admin changes an account's name, role and language, and perhaps sets a new password (which
/// ends that user's sessions): one transaction, refused when it would leave no active admin
/// (`UserRules.refusal`) or when the form was loaded from an older version.
public enum UpdateUser {
    /// - Throws: `DatabaseError`.
    public static func run(
        _ connection: Connection, id: UserID, version: Int, name: String, role: StaffRole, locale: Language,
        passwordHash: String? = nil, keepingSession: SessionID? = nil, actor: AuditActor
    ) throws -> UserChange {
        try connection.transaction { tx in
            guard let current = try UserStore.lockForChange(tx, id: id) else { return .notFound }
            guard current.version == version else { return .conflict(current: current) }
            if let refusal = UserRules.refusal(
                current: current.member.role, currentlyActive: current.active, to: role, active: current.active,
                otherActiveAdmins: try UserStore.activeAdmins(tx, except: id))
            {
                return .refused(refusal)
            }
            try UserStore.applyUpdate(
                tx, current: current, name: name, role: role, locale: locale, passwordHash: passwordHash,
                keepingSession: keepingSession, actor: actor)
            return .done
        }
    }
}
