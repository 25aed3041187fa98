import Passwords
import UseCases

/// The staff use cases' hashing and randomness, from `Passwords` (argon2id and the system CSPRNG).
struct PasswordSecrets: StaffSecrets {
    func verify(_ password: String, against hash: String?) -> Bool {
        PasswordHasher.verify(password, against: hash ?? PasswordHasher.decoy)
    }

    func needsRehash(_ hash: String) -> Bool { PasswordHasher.needsRehash(hash) }

    func hash(_ password: String) throws -> String { try PasswordHasher.hash(password) }

    func newSessionToken() -> String { SecureRandom.token() }

    func newCSRFSecret() -> [UInt8] { SecureRandom.bytes(32) }

    func isGuessable(_ password: String) -> Bool { PasswordDictionary.weakness(password) != nil }

    func totpStep(_ code: String, secret: [UInt8], at unixTime: Int64, after: Int64?) -> Int64? {
        TOTP.verify(code, secret: secret, at: unixTime, after: after)
    }

    func newTOTPSecret() -> [UInt8] { TOTP.newSecret() }

    func newRecoveryCode() -> String {
        let text = String(Base32.encode(SecureRandom.bytes(7)).prefix(10))
        return text.prefix(5) + "-" + text.suffix(5)
    }
}
