public import Database
public import Domain

/// The gate in front of every password or code check (signing in, the two-step code, changing
/// the password, turning two-step verification off): one transaction-long lock per email (as
/// typed), so parallel guesses queue and each sees the failures before it, then
/// `LoginThrottle`'s decision on the failures for the email and the client.
enum SignInThrottle {
    /// Locks the email and decides. `failures.emailFailures` says whether one more failure locks.
    static func check(
        _ tx: Connection, email: String, ip: String
    ) throws(DatabaseError)
        -> (decision: LoginThrottle.Decision, failures: LoginFailures)
    {
        try UserStore.lockSignIn(tx, email: email)
        let failures = try LoginAttemptStore.failures(tx, email: email, ip: ip)
        let decision = LoginThrottle.decide(
            emailFailures: failures.emailFailures, emailLast: failures.emailLast,
            addressFailures: failures.addressFailures, addressLast: failures.addressLast, now: failures.now)
        return (decision, failures)
    }
}
