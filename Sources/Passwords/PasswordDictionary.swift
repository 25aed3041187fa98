import CCrack
import Synchronization

/// Whether a password is easy to guess, by cracklib (libcrack2) and its dictionary of common
/// words and passwords (Debian's cracklib-runtime builds it under /var/cache/cracklib): a
/// dictionary word with small changes, a keyboard pattern, too few different characters.
///
/// Debian's `__DEBIAN_SPECIFIC__SafeFascistCheck` is used rather than `FascistCheck`, which
/// exits the process when the dictionary cannot be read (Debian #682735). cracklib keeps static
/// state, so calls are made one at a time.
public enum PasswordDictionary {
    private static let lock = Mutex(())

    /// cracklib's reason (English, for logs and tests) when `password` is easy to guess; nil when
    /// it is not, or when no dictionary is installed (then only the other rules apply).
    ///
    /// cracklib passes a word with digits or symbols around it ("Password2024", "letmein12345"),
    /// the most common pattern of all; so the core without them is checked too, and counts when
    /// cracklib finds it is a dictionary word.
    public static func weakness(_ password: String) -> String? {
        if let reason = check(password) { return reason }
        let core = password.drop(while: isDecoration).reversed().drop(while: isDecoration).reversed()
        guard core.count >= 6, core.count < password.count, let reason = check(String(core)),
            reason.contains("dictionary word")
        else { return nil }
        return reason + " with digits or symbols around it"
    }

    private static func isDecoration(_ character: Character) -> Bool {
        character.isNumber || character.isPunctuation || character.isSymbol || character == " "
    }

    private static func check(_ text: String) -> String? {
        lock.withLock { _ in
            var message = [CChar](repeating: 0, count: 256)
            guard let dictionary = GetDefaultCracklibDict() else { return nil }
            let readable = __DEBIAN_SPECIFIC__SafeFascistCheck(text, dictionary, &message, message.count)
            guard readable == 1, message[0] != 0 else { return nil }
            return String(cString: message)
        }
    }

    /// Whether cracklib's dictionary could be read (for `check-config` and the tests).
    public static var isInstalled: Bool {
        lock.withLock { _ in
            var message = [CChar](repeating: 0, count: 256)
            guard let dictionary = GetDefaultCracklibDict() else { return false }
            return __DEBIAN_SPECIFIC__SafeFascistCheck("a-long-test-phrase-x7", dictionary, &message, message.count)
                == 1
        }
    }
}
