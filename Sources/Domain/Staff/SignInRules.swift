/// Whether a sign-in succeeds, once the throttle (`LoginThrottle`) has allowed the attempt.
public enum SignInRules {
    /// The stored hash a password may match: argon2id only. Placeholders (`!`, an account that
    /// never had a password) and other schemes never match; nil then.
    public static func usableHash(_ stored: String?) -> String? {
        stored.flatMap { $0.hasPrefix("$argon2id$") ? $0 : nil }
    }

    /// What a sign-in attempt came to, before sessions are written.
    public enum Verdict: Sendable, Equatable {
        case accepted
        /// Wrong email or password (the same answer for both).
        case wrong
        /// Wrong, and this failure locks the email (`LoginThrottle.locksNow`).
        case lockedNow
    }

    /// An account that exists, is active and whose password matched is accepted; anything else
    /// is a failure, and the failure that reaches `LoginThrottle.lockAfter` locks the email.
    public static func verdict(
        accountExists: Bool, active: Bool, passwordMatches: Bool, emailFailuresBefore: Int
    )
        -> Verdict
    {
        if accountExists, active, passwordMatches { return .accepted }
        return LoginThrottle.locksNow(emailFailuresBefore: emailFailuresBefore) ? .lockedNow : .wrong
    }
}
