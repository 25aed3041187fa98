/// The password hashing and random secrets the staff use cases need, given by the caller (the
/// use cases import Domain and Database only; `Passwords` implements these in the handlers).
public protocol StaffSecrets: Sendable {
    /// Whether `password` matches `hash`. With nil, checks against a decoy hash so an unknown
    /// account costs the same argon2id work as a real one, and answers false.
    func verify(_ password: String, against hash: String?) -> Bool
    /// Whether `hash` was made with older parameters and should be replaced after a good sign-in.
    func needsRehash(_ hash: String) -> Bool
    /// A new argon2id hash of `password`.
    func hash(_ password: String) throws -> String
    /// A new session token (256 random bits, URL-safe base64).
    func newSessionToken() -> String
    /// A new CSRF secret for a session (32 random bytes).
    func newCSRFSecret() -> [UInt8]
    /// Whether `password` is easy to guess (a dictionary word, a keyboard pattern…).
    func isGuessable(_ password: String) -> Bool
    /// The time step a TOTP `code` belongs to (RFC 6238, one step either side of `unixTime`),
    /// newer than `after`; nil when it is wrong.
    func totpStep(_ code: String, secret: [UInt8], at unixTime: Int64, after: Int64?) -> Int64?
    /// A new TOTP secret (20 random bytes).
    func newTOTPSecret() -> [UInt8]
    /// A new recovery code (`ABCDE-12345`, 50 random bits).
    func newRecoveryCode() -> String
}
