/// The rule for staff passwords (NIST SP 800-63B: length, not composition rules). The upper bound
/// keeps a single argon2id hash from becoming a denial of service.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumLength = 256

    public enum Problem: Error, Sendable, Equatable {
        case tooShort(minimum: Int)
        case tooLong(maximum: Int)
        case sameAsEmail
    }

    /// Throws the first problem with `password` for the account `email`.
    public static func check(_ password: String, email: String) throws(Problem) {
        let length = password.count
        if length < minimumLength { throw .tooShort(minimum: minimumLength) }
        if length > maximumLength { throw .tooLong(maximum: maximumLength) }
        if password.lowercased() == email.lowercased() { throw .sameAsEmail }
    }

    /// The first problem with `password` for the account `email`; nil when it may be used.
    public static func problem(_ password: String, email: String) -> Problem? {
        do {
            try check(password, email: email)
            return nil
        } catch {
            return error
        }
    }
}
