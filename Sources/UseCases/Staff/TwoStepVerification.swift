public import Database
public import Domain
public import Foundation

/// Two-step verification for staff (finding M7): a TOTP app (RFC 6238) after the password, or
/// one of ten single-use recovery codes. The code's guesses meet the same throttle as the
/// password's (`LoginThrottle`, per email and per client), under the same per-email lock, and
/// are audited (`two_step_failed`).
public enum TwoStepVerification {
    public static let recoveryCodeCount = 10

    /// What typing the code after the password came to.
    public enum CodeOutcome: Sendable, Equatable {
        case signedIn(token: String)
        /// The code was wrong (or a recovery code used before).
        case wrong
        case lockedNow
        case slowDown(Int)
        case locked(Date)
        /// No live challenge: the password step timed out (five minutes) or never happened.
        case expired
    }

    /// The second step of signing in, on the challenge the password step made.
    public static func signIn(
        _ connection: Connection, challengeToken: String, code: String, ip: String, userAgent: String?,
        requestID: String, presentedSession: [UInt8]?, secrets: any StaffSecrets, now: Date = Date()
    ) throws -> CodeOutcome {
        let challengeHash = SHA256.hash(Array(challengeToken.utf8))
        return try connection.transaction { tx -> CodeOutcome in
            guard let (user, email) = try TwoStepStore.challenge(tx, tokenHash: challengeHash) else { return .expired }
            let (decision, failures) = try SignInThrottle.check(tx, email: email, ip: ip)
            switch decision {
            case .allowed: break
            case .slowDown(let seconds): return .slowDown(seconds)
            case .locked(let until): return .locked(until)
            }
            let state = try TwoStepStore.state(tx, user: user, forUpdate: true)
            guard try accepts(code, state: state, user: user, tx: tx, now: now, secrets: secrets) else {
                let locks = LoginThrottle.locksNow(emailFailuresBefore: failures.emailFailures)
                try LoginAttemptStore.recordFailure(
                    tx, email: email, ip: ip, user: user, locks: locks,
                    actor: AuditActor(kind: .system, requestID: requestID, ip: ip), action: "two_step_failed")
                return locks ? .lockedNow : .wrong
            }
            try TwoStepStore.endChallenge(tx, tokenHash: challengeHash)
            guard
                case .signedIn(let token) = try SignIn.start(
                    tx, user: user, email: email, ip: ip, userAgent: userAgent, requestID: requestID,
                    presentedSession: presentedSession, secrets: secrets)
            else { return .expired }
            return .signedIn(token: token)
        }
    }

    /// A TOTP code newer than the last one accepted, or an unused recovery code (used up now).
    static func accepts(
        _ code: String, state: TwoStepState, user: UserID, tx: Connection, now: Date, secrets: any StaffSecrets
    ) throws -> Bool {
        guard let secret = state.secret else { return false }
        if let step = secrets.totpStep(
            code, secret: secret, at: Int64(now.timeIntervalSince1970), after: state.lastStep)
        {
            try TwoStepStore.accept(tx, user: user, step: step)
            return true
        }
        let normalized = recoveryCodeKey(code)
        guard normalized.count == 10 else { return false }
        return try TwoStepStore.useRecoveryCode(tx, user: user, hash: SHA256.hash(Array(normalized.utf8)))
    }

    /// A recovery code as stored: upper-case letters and digits only (`abcde-12345` → `ABCDE12345`).
    static func recoveryCodeKey(_ code: String) -> String {
        String(code.uppercased().filter { ($0.isASCII && $0.isLetter) || ($0.isASCII && $0.isNumber) })
    }

    /// Starts setting it up: a new pending secret (the QR code and the text form show it).
    public static func begin(_ connection: Connection, user: UserID, secrets: any StaffSecrets) throws -> [UInt8] {
        let secret = secrets.newTOTPSecret()
        try TwoStepStore.setPending(connection, user: user, secret: secret)
        return secret
    }

    /// What confirming the setup came to.
    public enum ConfirmOutcome: Sendable, Equatable {
        /// On: the recovery codes, shown once (only their hashes are kept).
        case enabled(recoveryCodes: [String])
        case wrongCode
        case notStarted
    }

    /// Turns it on once a code from the pending secret is typed; makes the recovery codes.
    public static func confirm(
        _ connection: Connection, user: UserID, code: String, actor: AuditActor, secrets: any StaffSecrets,
        now: Date = Date()
    ) throws -> ConfirmOutcome {
        try connection.transaction { tx -> ConfirmOutcome in
            let state = try TwoStepStore.state(tx, user: user, forUpdate: true)
            guard let pending = state.pendingSecret else { return .notStarted }
            guard let step = secrets.totpStep(code, secret: pending, at: Int64(now.timeIntervalSince1970), after: nil)
            else {
                return .wrongCode
            }
            let codes = (0..<recoveryCodeCount).map { _ in secrets.newRecoveryCode() }
            try TwoStepStore.enable(
                tx, user: user, step: step,
                recoveryCodeHashes: codes.map { SHA256.hash(Array(recoveryCodeKey($0).utf8)) }, actor: actor)
            return .enabled(recoveryCodes: codes)
        }
    }

    /// What turning it off came to.
    public enum DisableOutcome: Sendable, Equatable {
        case disabled
        case wrongPassword
        case wrongCode
        case throttled(LoginThrottle.Decision)
    }

    /// The member turns it off with the password and a current code; throttled and audited like
    /// signing in (someone holding the session must not be able to switch it off).
    public static func disable(
        _ connection: Connection, user: StaffMember, password: String, code: String, ip: String, actor: AuditActor,
        secrets: any StaffSecrets, now: Date = Date()
    ) throws -> DisableOutcome {
        try connection.transaction { tx -> DisableOutcome in
            let (decision, failures) = try SignInThrottle.check(tx, email: user.email, ip: ip)
            guard decision == .allowed else { return .throttled(decision) }
            let locks = LoginThrottle.locksNow(emailFailuresBefore: failures.emailFailures)
            guard secrets.verify(password, against: try UserStore.passwordHash(tx, id: user.id) ?? "") else {
                try LoginAttemptStore.recordFailure(
                    tx, email: user.email, ip: ip, user: user.id, locks: locks, actor: actor,
                    action: "password_change_failed")
                return .wrongPassword
            }
            let state = try TwoStepStore.state(tx, user: user.id, forUpdate: true)
            guard try accepts(code, state: state, user: user.id, tx: tx, now: now, secrets: secrets) else {
                try LoginAttemptStore.recordFailure(
                    tx, email: user.email, ip: ip, user: user.id, locks: locks, actor: actor, action: "two_step_failed")
                return .wrongCode
            }
            try TwoStepStore.disable(tx, user: user.id, action: "two_step_disabled", actor: actor)
            return .disabled
        }
    }

    /// An admin turns it off for someone who lost their phone and their recovery codes.
    public static func reset(_ connection: Connection, user: UserID, actor: AuditActor) throws {
        try connection.transaction { tx in
            try TwoStepStore.disable(tx, user: user, action: "two_step_reset", actor: actor)
            try SessionStore.revokeAll(tx, user: user)
        }
    }
}
