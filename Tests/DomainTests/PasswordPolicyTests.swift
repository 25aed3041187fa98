import Testing

@testable import Domain

/// The account's own words are not a password (finding M7).
@Suite("Password policy")
struct PasswordPolicyTests {
    @Test func theAccountsOwnWordsAreRefused() {
        let email = "anna.berg@tältmästarna.se"
        let context = ["Anna Berg", "Tältmästarna AB"]
        for password in [
            "Anna-Berg 2024!!", "berg berg berg 1", "jag heter anna123", "TÄLTMÄSTARNA rockar", "annaberg@hemma",
        ] {
            #expect(
                PasswordPolicy.problem(password, email: email, context: context) == .containsPersonalWord, "\(password)"
            )
        }
        #expect(PasswordPolicy.problem("en lång fras om sommaren", email: email, context: context) == nil)
        // Short words are not looked for: "AB" and "Eva" may appear by chance.
        #expect(PasswordPolicy.problem("abcdefghijk lm", email: "eva@ab.se", context: ["Eva", "AB"]) == nil)
        #expect(PasswordPolicy.problem("anna.berg@tältmästarna.se", email: email) == .sameAsEmail)
        #expect(PasswordPolicy.problem("en lång fras om sommaren", email: email, guessable: true) == .easyToGuess)
        #expect(PasswordPolicy.problem("kort", email: email) == .tooShort(minimum: 10))
    }
}
