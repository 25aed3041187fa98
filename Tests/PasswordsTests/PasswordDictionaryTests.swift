import Testing

@testable import Passwords

/// cracklib with Debian's dictionary (cracklib-runtime), as the product runs it (finding M7).
@Suite("Guessable passwords (cracklib)")
struct PasswordDictionaryTests {
    @Test func theDictionaryIsInstalled() {
        #expect(PasswordDictionary.isInstalled)
    }

    @Test(arguments: ["password123", "qwertyuiop", "aaaaaaaaaaaa", "Password2024", "letmein12345"])
    func commonPasswordsAreGuessable(_ password: String) {
        #expect(PasswordDictionary.weakness(password) != nil, "\(password)")
    }

    @Test(arguments: ["korrekt häst batteri häftklammer", "a much longer phrase", "Tr0ub4dor&3 i snön"])
    func phrasesAreNot(_ password: String) {
        #expect(PasswordDictionary.weakness(password) == nil, "\(password)")
    }
}
