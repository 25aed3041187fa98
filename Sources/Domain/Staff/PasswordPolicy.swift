/// The rule for staff passwords (NIST SP 800-63B: length and a check against guessable ones, not
/// composition rules). The upper bound keeps a single argon2id hash from becoming a denial of
/// service. "Guessable" is decided by the caller with cracklib (`Passwords.PasswordDictionary`);
/// the words of the account itself (its name, its email, the company's name) are checked here.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumLength = 256
    /// Personal words shorter than this are not looked for (an "Eva" in a phrase is chance).
    public static let minimumPersonalWordLength = 4

    public enum Problem: Error, Sendable, Equatable {
        case tooShort(minimum: Int)
        case tooLong(maximum: Int)
        case sameAsEmail
        /// It contains the person's name, a part of their email address or the company's name.
        case containsPersonalWord
        /// A dictionary word with small changes, a keyboard pattern, too few different characters.
        case easyToGuess
    }

    /// Throws the first problem with `password` for the account `email`. `context` holds the
    /// other words the password must not contain (the person's name, the company's name);
    /// `guessable` is the dictionary check's verdict.
    public static func check(
        _ password: String, email: String, context: [String] = [], guessable: Bool = false
    ) throws(Problem) {
        let length = password.count
        if length < minimumLength { throw .tooShort(minimum: minimumLength) }
        if length > maximumLength { throw .tooLong(maximum: maximumLength) }
        if password.lowercased() == email.lowercased() { throw .sameAsEmail }
        let folded = fold(password)
        if personalWords(email: email, context: context).contains(where: { folded.contains($0) }) {
            throw .containsPersonalWord
        }
        if guessable { throw .easyToGuess }
    }

    /// The first problem with `password`; nil when it may be used.
    public static func problem(
        _ password: String, email: String, context: [String] = [], guessable: Bool = false
    ) -> Problem? {
        do {
            try check(password, email: email, context: context, guessable: guessable)
            return nil
        } catch {
            return error
        }
    }

    /// The words of the account that a password must not contain: the email's local part and
    /// its parts (`anna.berg` → `annaberg`, `anna`, `berg`), the domain's first label, and the
    /// words of `context`; lower-cased letters and digits, at least `minimumPersonalWordLength`.
    static func personalWords(email: String, context: [String]) -> Set<String> {
        var words: Set<String> = []
        let parts = email.lowercased().split(separator: "@", maxSplits: 1)
        if let local = parts.first {
            words.insert(fold(String(local)))
            for piece in local.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) { words.insert(String(piece)) }
        }
        if parts.count == 2, let label = parts[1].split(separator: ".").first { words.insert(fold(String(label))) }
        for text in context {
            for piece in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                words.insert(String(piece))
            }
            words.insert(fold(text))
        }
        return words.filter { $0.count >= minimumPersonalWordLength }
    }

    /// Lower-cased letters and digits only, so "Anna-Berg 2024" and "annaberg2024" compare alike.
    static func fold(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
