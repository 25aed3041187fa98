internal import CLibSodium

/// Staff passwords as argon2id strings (`$argon2id$v=19$m=…,t=…,p=1$salt$hash`), through
/// libsodium. The parameters are OWASP's minimum for argon2id: 19 MiB of memory, 2 iterations;
/// they are stored in each string, so raising them later only needs `needsRehash` at login.
///
/// Thread-safe: libsodium's password functions keep no shared state after `sodium_init`.
public enum PasswordHasher {
    public static let memoryLimitBytes = 19 * 1024 * 1024
    public static let iterations = 2

    /// `sodium_init` once per process; it is idempotent and thread-safe after the first call.
    private static let ready: Bool = sodium_init() >= 0

    public enum Failure: Error, Sendable {
        /// libsodium could not start, or could not allocate the memory the hash needs.
        case unavailable
    }

    /// The argon2id string for `password`, with a fresh random salt.
    public static func hash(_ password: String) throws(Failure) -> String {
        guard ready else { throw .unavailable }
        var output = [CChar](repeating: 0, count: eg_pwhash_strbytes())
        // utf8CString ends in NUL, so the buffer is never empty; the length excludes the NUL.
        let chars = password.utf8CString
        let status = chars.withUnsafeBufferPointer { input in
            crypto_pwhash_argon2id_str(
                &output, input.baseAddress!, UInt64(input.count - 1), UInt64(iterations), memoryLimitBytes)
        }
        guard status == 0 else { throw .unavailable }
        return String(cString: output)
    }

    /// Whether `password` matches the stored string. A malformed or placeholder string (the demo
    /// data's `!`) never matches. Runs in about the same time for a wrong password as a right one.
    public static func verify(_ password: String, against encoded: String) -> Bool {
        guard ready, encoded.hasPrefix("$argon2id$") else { return false }
        let chars = password.utf8CString
        return encoded.withCString { stored in
            chars.withUnsafeBufferPointer { input in
                crypto_pwhash_argon2id_str_verify(stored, input.baseAddress!, UInt64(input.count - 1)) == 0
            }
        }
    }

    /// Whether a stored string uses weaker parameters than today's (rehash after a good login).
    public static func needsRehash(_ encoded: String) -> Bool {
        guard ready else { return false }
        return encoded.withCString {
            crypto_pwhash_argon2id_str_needs_rehash($0, UInt64(iterations), memoryLimitBytes) != 0
        }
    }

    /// A hash of a random password, to verify against when the email is unknown, so that the
    /// answer takes as long as for a real account (no timing oracle for "does this email exist").
    public static let decoy: String = (try? hash(SecureRandom.token())) ?? ""
}
