public import Foundation

/// How repeated failed sign-ins are slowed down and then locked, per email address and per
/// client address. Keyed by the email *as typed*, so an unknown address is throttled exactly like
/// a real one and the answer never tells whether an account exists.
public enum LoginThrottle {
    /// Failures older than this are forgotten.
    public static let window: TimeInterval = 15 * 60
    /// Failures allowed for one email before each further attempt must wait.
    public static let freeFailures = 2
    /// Failures for one email that lock it for `window` after the last failure.
    public static let lockAfter = 6
    /// Failures from one client address (any emails) that lock that address.
    public static let lockAddressAfter = 30

    public enum Decision: Sendable, Equatable {
        case allowed
        /// Try again in this many seconds; the password was not checked.
        case slowDown(seconds: Int)
        /// Locked until this instant; the password was not checked.
        case locked(until: Date)
    }

    /// - Parameters: failures within `window` (for the email: since its last success) and the
    ///   time of the latest one.
    public static func decide(
        emailFailures: Int, emailLast: Date?, addressFailures: Int, addressLast: Date?, now: Date
    )
        -> Decision
    {
        if addressFailures >= lockAddressAfter, let last = addressLast, last + window > now {
            return .locked(until: last + window)
        }
        if emailFailures >= lockAfter, let last = emailLast, last + window > now {
            return .locked(until: last + window)
        }
        if emailFailures > freeFailures, let last = emailLast {
            // 2, 4, 8 … seconds after the latest failure.
            let delay = TimeInterval(1 << min(emailFailures - freeFailures, 10))
            let remaining = Int((last + delay).timeIntervalSince(now).rounded(.up))
            if remaining > 0 { return .slowDown(seconds: remaining) }
        }
        return .allowed
    }

    /// Whether one more failure (making `emailFailures + 1`) locks the email now: the moment to audit.
    public static func locksNow(emailFailuresBefore: Int) -> Bool { emailFailuresBefore + 1 == lockAfter }
}
