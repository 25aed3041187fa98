import Testing

@testable import Passwords

@Suite("Password hashing (argon2id)")
struct PasswordHasherTests {
    @Test func aHashVerifiesItsPasswordAndNoOther() throws {
        let stored = try PasswordHasher.hash("correct horse battery")
        #expect(stored.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(PasswordHasher.verify("correct horse battery", against: stored))
        #expect(!PasswordHasher.verify("correct horse batterY", against: stored))
        #expect(!PasswordHasher.verify("", against: stored))
        #expect(!PasswordHasher.needsRehash(stored))
    }

    @Test func theSamePasswordHashesDifferentlyEachTime() throws {
        #expect(try PasswordHasher.hash("same password") != PasswordHasher.hash("same password"))
    }

    @Test func placeholdersAndWeakerParametersNeverPass() {
        #expect(!PasswordHasher.verify("!", against: "!"))
        #expect(!PasswordHasher.verify("x", against: ""))
        #expect(!PasswordHasher.verify("x", against: "$2b$10$abcdefghijklmnopqrstuv"))
        #expect(PasswordHasher.needsRehash("$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"))
    }

    @Test func tokensAreLongRandomAndComparedExactly() {
        let a = SecureRandom.token()
        let b = SecureRandom.token()
        #expect(a.count == 43 && b.count == 43 && a != b)
        #expect(a.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(SecureRandom.constantTimeEqual(a, a))
        #expect(!SecureRandom.constantTimeEqual(a, b))
        #expect(!SecureRandom.constantTimeEqual("", ""))
    }
}
