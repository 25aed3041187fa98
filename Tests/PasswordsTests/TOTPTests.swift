import Testing

@testable import Passwords

/// RFC 6238's own test vectors (SHA-1, its secret "12345678901234567890"), as six digits.
@Suite("TOTP (RFC 6238)")
struct TOTPTests {
    static let secret = Array("12345678901234567890".utf8)

    @Test(arguments: [
        (Int64(59), "287082"), (1_111_111_109, "081804"), (1_111_111_111, "050471"), (1_234_567_890, "005924"),
        (2_000_000_000, "279037"), (20_000_000_000, "353130"),
    ])
    func theRFCVectors(time: Int64, code: String) {
        #expect(TOTP.code(secret: Self.secret, step: TOTP.step(at: time)) == code)
    }

    @Test func aCodeIsAcceptedWithinOneStepAndOnlyOnce() {
        let now: Int64 = 1_796_630_400
        let step = TOTP.step(at: now)
        let current = TOTP.code(secret: Self.secret, step: step)
        #expect(TOTP.verify(current, secret: Self.secret, at: now, after: nil) == step)
        #expect(TOTP.verify(current, secret: Self.secret, at: now + 30, after: nil) == step, "a step late")
        #expect(TOTP.verify(current, secret: Self.secret, at: now + 90, after: nil) == nil, "too late")
        #expect(TOTP.verify(current, secret: Self.secret, at: now, after: step) == nil, "used already")
        #expect(TOTP.verify("12 34 5", secret: Self.secret, at: now, after: nil) == nil)
        #expect(TOTP.verify("abcdef", secret: Self.secret, at: now, after: nil) == nil)
    }

    @Test func theProvisioningURIIsWhatAuthenticatorAppsRead() {
        #expect(Base32.encode(Self.secret) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        let uri = TOTP.provisioningURI(
            secret: Self.secret, account: "maria@eventgaraget.se", issuer: "EventGaraget Väst AB")
        #expect(
            uri
                == "otpauth://totp/EventGaraget%20V%C3%A4st%20AB:maria@eventgaraget.se?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=EventGaraget%20V%C3%A4st%20AB&algorithm=SHA1&digits=6&period=30"
        )
        let qr = QRCode(uri)
        #expect(qr != nil && qr!.width >= 33 && qr!.dark.contains(true))
    }
}
