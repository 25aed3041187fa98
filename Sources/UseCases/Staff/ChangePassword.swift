public import Database
public import Domain

/// Why a password change was refused (each problem shown next to its field); nothing was written.
public struct PasswordChangeRefusal: Sendable, Equatable {
    public var currentPasswordWrong = false
    public var newPassword: PasswordPolicy.Problem?
    public var confirmationDiffers = false
}

/// What a password change came to.
public enum PasswordChangeOutcome: Sendable, Equatable {
    /// Changed: every session ended, and this browser's new session token.
    case changed(sessionToken: String)
    case refused(PasswordChangeRefusal)
}

/// A staff member changes their own password: the current one must match, the new one follow
/// `PasswordPolicy` and be typed twice. Every session ends, this one too, and this browser gets a
/// fresh one (if the password is changed because the account was compromised, a stolen cookie
/// must not survive it); one transaction with the audit rows.
public enum ChangePassword {
    /// - Throws: `DatabaseError`, and what `secrets.hash` throws.
    public static func run(
        _ connection: Connection, user: StaffMember, current: String, new: String, confirmation: String?, ip: String?,
        userAgent: String?, actor: AuditActor, secrets: any StaffSecrets
    ) throws -> PasswordChangeOutcome {
        try connection.transaction { tx in
            var refusal = PasswordChangeRefusal()
            if !secrets.verify(current, against: try UserStore.passwordHash(tx, id: user.id) ?? "") {
                refusal.currentPasswordWrong = true
            }
            refusal.newPassword = PasswordPolicy.problem(new, email: user.email)
            if refusal.newPassword == nil, confirmation != new { refusal.confirmationDiffers = true }
            guard refusal == PasswordChangeRefusal() else { return .refused(refusal) }
            let token = secrets.newSessionToken()
            try UserStore.setPassword(
                tx, id: user.id, passwordHash: try secrets.hash(new), keepingSession: nil, actor: actor)
            _ = try SessionStore.create(
                tx, user: user.id, tokenHash: SHA256.hash(Array(token.utf8)), csrfSecret: secrets.newCSRFSecret(),
                ip: ip,
                userAgent: userAgent, actor: actor)
            return .changed(sessionToken: token)
        }
    }
}
