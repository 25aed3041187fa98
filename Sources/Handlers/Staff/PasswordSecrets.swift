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
}
