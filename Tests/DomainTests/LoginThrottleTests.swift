import Foundation
import Testing

@testable import Domain

@Suite("Login throttle")
struct LoginThrottleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func decide(_ failures: Int, secondsAgo: Double, address: Int = 0) -> LoginThrottle.Decision {
        LoginThrottle.decide(
            emailFailures: failures, emailLast: failures > 0 ? now - secondsAgo : nil, addressFailures: address,
            addressLast: address > 0 ? now - secondsAgo : nil, now: now)
    }

    @Test func theFirstFailuresCostNothing() {
        #expect(decide(0, secondsAgo: 0) == .allowed)
        #expect(decide(2, secondsAgo: 0) == .allowed)
    }

    @Test func furtherFailuresWaitLongerEachTime() {
        #expect(decide(3, secondsAgo: 0) == .slowDown(seconds: 2))
        #expect(decide(4, secondsAgo: 1) == .slowDown(seconds: 3))
        #expect(decide(5, secondsAgo: 0) == .slowDown(seconds: 8))
        #expect(decide(5, secondsAgo: 9) == .allowed)
    }

    @Test func theSixthFailureLocksForTheWindow() {
        #expect(LoginThrottle.locksNow(emailFailuresBefore: 5))
        #expect(!LoginThrottle.locksNow(emailFailuresBefore: 4))
        #expect(decide(6, secondsAgo: 60) == .locked(until: now - 60 + LoginThrottle.window))
        #expect(decide(6, secondsAgo: LoginThrottle.window + 1) != .locked(until: now + 0))
    }

    @Test func oneAddressTryingManyEmailsIsLockedToo() {
        #expect(decide(0, secondsAgo: 10, address: 29) == .allowed)
        #expect(decide(0, secondsAgo: 10, address: 30) == .locked(until: now - 10 + LoginThrottle.window))
    }

    @Test func passwordPolicyCountsCharactersNotBytes() {
        #expect(throws: PasswordPolicy.Problem.tooShort(minimum: 10)) {
            try PasswordPolicy.check("kort", email: "a@b.se")
        }
        #expect(throws: PasswordPolicy.Problem.sameAsEmail) {
            try PasswordPolicy.check("Anna@Firma.se", email: "anna@firma.se")
        }
        #expect(throws: Never.self) { try PasswordPolicy.check("åäöåäöåäöå", email: "a@b.se") }
    }
}
