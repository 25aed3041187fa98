public import Database
public import Domain
public import Foundation

/// What one sign-in attempt came to.
public enum SignInOutcome: Sendable, Equatable {
    /// Signed in: the new session's token, for the cookie.
    case signedIn(token: String)
    /// Throttled: try again in this many seconds; the password was not checked.
    case slowDown(Int)
    /// Locked until then; the password was not checked.
    case locked(Date)
    /// Wrong email or password.
    case wrong
    /// Wrong, and the email is locked from now on.
    case lockedNow
    /// The password was right and the account has two-step verification: the code comes next,
    /// on the challenge this token names (for a short-lived cookie). No session yet.
    case needsCode(challengeToken: String)
}

/// A staff member signs in with email and password: one transaction under a per-email lock, so
/// parallel guesses for one account queue up and each sees the failures before it (no burst past
/// the lock). Decides with `LoginThrottle` and `SignInRules`; records the attempt; on success
/// replaces an outdated hash, ends the session presented with the request and starts a new one.
/// Every answer for a failure is the same whether or not the email exists.
public enum SignIn {
    /// - Parameters:
    ///   - presentedSession: the hash of the session token the request came with, if any.
    /// - Throws: `DatabaseError`, and what `secrets.hash` throws.
    public static func run(
        _ connection: Connection, email: String, password: String, ip: String, userAgent: String?, requestID: String,
        presentedSession: [UInt8]?, secrets: any StaffSecrets
    ) throws -> SignInOutcome {
        try connection.transaction { tx in
            let (decision, failures) = try SignInThrottle.check(tx, email: email, ip: ip)
            switch decision {
            case .allowed: break
            case .slowDown(let seconds): return .slowDown(seconds)
            case .locked(let until): return .locked(until)
            }
            let account = try UserStore.credentials(tx, email: email)
            let stored = SignInRules.usableHash(account?.passwordHash)
            // Always one argon2id verification, against the decoy when there is no usable hash.
            let matches = secrets.verify(password, against: stored) && stored != nil
            let verdict = SignInRules.verdict(
                accountExists: account != nil, active: account?.active ?? false, passwordMatches: matches,
                emailFailuresBefore: failures.emailFailures)
            guard verdict == .accepted, let account else {
                try LoginAttemptStore.recordFailure(
                    tx, email: email, ip: ip, user: account?.id, locks: verdict == .lockedNow,
                    actor: AuditActor(kind: .system, requestID: requestID, ip: ip))
                return verdict == .lockedNow ? .lockedNow : .wrong
            }
            let actor = AuditActor.staff(account.id, requestID: requestID, ip: ip)
            if secrets.needsRehash(account.passwordHash) {
                try UserStore.rehash(
                    tx, id: account.id, from: account.passwordHash, to: try secrets.hash(password), actor: actor)
            }
            // Two-step verification: the success is recorded (and the failures forgotten) only
            // once the code is right, so the code's guesses count against the same limit.
            if try TwoStepStore.state(tx, user: account.id).secret != nil {
                let challenge = secrets.newSessionToken()
                try TwoStepStore.createChallenge(tx, user: account.id, tokenHash: SHA256.hash(Array(challenge.utf8)))
                return .needsCode(challengeToken: challenge)
            }
            return try start(
                tx, user: account.id, email: email, ip: ip, userAgent: userAgent, requestID: requestID,
                presentedSession: presentedSession, secrets: secrets)
        }
    }

    /// The session after every check passed: the one presented ends, the success is recorded.
    static func start(
        _ tx: Connection, user: UserID, email: String, ip: String, userAgent: String?, requestID: String,
        presentedSession: [UInt8]?, secrets: any StaffSecrets
    ) throws -> SignInOutcome {
        let actor = AuditActor.staff(user, requestID: requestID, ip: ip)
        // A fresh session at every sign-in; one presented with the request ends now.
        if let presentedSession, let old = try SessionStore.lookup(tx, tokenHash: presentedSession) {
            try SessionStore.revoke(
                tx, id: old.id, user: old.user.id, actor: .staff(old.user.id, requestID: requestID, ip: ip))
        }
        let token = secrets.newSessionToken()
        try LoginAttemptStore.recordSuccess(tx, email: email, ip: ip)
        _ = try SessionStore.create(
            tx, user: user, tokenHash: SHA256.hash(Array(token.utf8)), csrfSecret: secrets.newCSRFSecret(), ip: ip,
            userAgent: userAgent, actor: actor)
        return .signedIn(token: token)
    }
}
