public import Database
public import Domain

/// Why a password change was refused (each problem shown next to its field); nothing was written.
public struct PasswordChangeRefusal: Sendable, Equatable {
    /// Too many wrong passwords for this account or address lately (`LoginThrottle`): nothing was
    /// checked. The same throttle as signing in, since the form is a password oracle too.
    public var throttled: LoginThrottle.Decision?
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
///
/// Someone holding a stolen session could guess the current password here, so this form is
/// throttled and audited exactly like signing in (finding L4): under the same per-email lock,
/// a wrong current password is a failed sign-in (`password_change_failed` in the activity log)
/// that counts towards the same slow-down and lock.
public enum ChangePassword {
    /// - Throws: `DatabaseError`, and what `secrets.hash` throws.
    public static func run(
        _ connection: Connection, user: StaffMember, current: String, new: String, confirmation: String?, ip: String?,
        userAgent: String?, actor: AuditActor, secrets: any StaffSecrets
    ) throws -> PasswordChangeOutcome {
        try connection.transaction { tx in
            var refusal = PasswordChangeRefusal()
            let address = ip ?? ""
            let (decision, failures) = try SignInThrottle.check(tx, email: user.email, ip: address)
            guard decision == .allowed else {
                refusal.throttled = decision
                return .refused(refusal)
            }
            if !secrets.verify(current, against: try UserStore.passwordHash(tx, id: user.id) ?? "") {
                refusal.currentPasswordWrong = true
                try LoginAttemptStore.recordFailure(
                    tx, email: user.email, ip: address, user: user.id,
                    locks: LoginThrottle.locksNow(emailFailuresBefore: failures.emailFailures), actor: actor,
                    action: "password_change_failed")
            }
            refusal.newPassword = PasswordPolicy.problem(
                new, email: user.email, context: [user.name, try CompanyStore.profile(tx).name],
                guessable: secrets.isGuessable(new))
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
