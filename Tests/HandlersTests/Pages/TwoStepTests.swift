import Foundation
import Passwords
import TestSupport
import Testing

/// Two-step verification for staff (finding M7), through the pages as a member would: set up
/// with the key an authenticator app would read, sign in with a code or a recovery code, the
/// code's guesses throttled like the password's, a role that requires it, an admin's reset.
@Suite("Two-step verification", .serialized)
struct TwoStepTests {
    static let password = "eventgaraget-demo"

    /// The code an authenticator app with `secret` shows `stepsAhead` steps from now.
    static func code(_ secret: [UInt8], stepsAhead: Int64 = 0) -> String {
        TOTP.code(secret: secret, step: TOTP.step(at: Int64(Date().timeIntervalSince1970)) + stepsAhead)
    }

    /// The key the setup page shows (base32, in groups of four), as bytes.
    static func secret(from page: String) throws -> [UInt8] {
        let range = try #require(
            page.range(of: #"<code class="two-step-secret">[A-Z2-7 ]+</code>"#, options: .regularExpression))
        let text = page[range].dropFirst(#"<code class="two-step-secret">"#.count).dropLast("</code>".count)
            .filter { $0 != " " }
        var bytes: [UInt8] = []
        var buffer = 0
        var bits = 0
        for character in text {
            let value = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567").firstIndex(of: character)!
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return bytes
    }

    static func sql(_ stack: InProcessApp, _ query: String) throws -> String {
        try stack.postgres.psql(query, database: databaseName(fromURL: stack.databaseURL))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Password, then (when asked) the code page; returns the code page's answer or the password's.
    static func signIn(_ browser: StaffBrowser, _ email: String, code: String?) throws -> HTTPResult {
        let first = try browser.login(email: email, password: password)
        guard first.header("location") == "/admin/login/code", let code else { return first }
        _ = try browser.get("/admin/login/code")
        return try browser.post("/admin/login/code", [("code", code)], csrf: false)
    }

    @Test func aMemberSetsItUpAndSignsInWithACodeOrARecoveryCode() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let maria = StaffBrowser(client: stack.client)
        #expect(try maria.login(email: "maria@eventgaraget.se", password: Self.password).status == 303)
        let off = try maria.get("/admin/account/two-step")
        #expect(off.text.contains("Two-step verification is off."))
        #expect(try maria.post("/admin/account/two-step").status == 303)
        let setup = try maria.get("/admin/account/two-step")
        #expect(setup.text.contains("<svg class=\"qr-code\""))
        let secret = try Self.secret(from: setup.text)
        #expect(secret.count == 20)

        let wrong = try maria.post("/admin/account/two-step/confirm", [("code", "000000")])
        #expect(wrong.status == 400)
        #expect(wrong.text.contains("The code is not right."))
        let enabled = try maria.post("/admin/account/two-step/confirm", [("code", Self.code(secret))])
        #expect(enabled.status == 200)
        let codes = enabled.text.matches(of: /<li><code>([A-Z2-7]{5}-[A-Z2-7]{5})<\/code><\/li>/).map { String($0.1) }
        #expect(codes.count == 10)
        #expect(try Self.sql(stack, "SELECT count(*) FROM recovery_codes") == "10")
        #expect(
            !(try Self.sql(stack, "SELECT string_agg(encode(code_hash, 'hex'), ',') FROM recovery_codes")).contains(
                codes[0]))

        // Signing in now asks for the code after the password; the password alone is no session.
        let phone = StaffBrowser(client: stack.client)
        let password = try phone.login(email: "maria@eventgaraget.se", password: Self.password)
        #expect(password.status == 303 && password.header("location") == "/admin/login/code")
        #expect(phone.cookies["__Host-eg_session"] == nil)
        #expect(try phone.get("/admin").status == 303, "no session yet")
        #expect(try phone.get("/admin/login/code").text.contains("autocomplete=\"one-time-code\""))
        #expect(try phone.post("/admin/login/code", [("code", "123456")], csrf: false).status == 400)
        // The code used to turn it on is spent: the next step's code works.
        let signedIn = try phone.post("/admin/login/code", [("code", Self.code(secret, stepsAhead: 1))], csrf: false)
        #expect(signedIn.status == 303 && signedIn.header("location") == "/admin")
        #expect(try phone.get("/admin").status == 200)

        // A recovery code works once.
        let laptop = StaffBrowser(client: stack.client)
        #expect(try Self.signIn(laptop, "maria@eventgaraget.se", code: codes[3].lowercased()).status == 303)
        let again = StaffBrowser(client: stack.client)
        #expect(try Self.signIn(again, "maria@eventgaraget.se", code: codes[3]).status == 400)
        #expect(try maria.get("/admin/account/two-step").text.contains("9 recovery codes left"))

        // Turning it off needs the password and a code.
        _ = try maria.get("/admin/account/two-step")
        #expect(
            try maria.post(
                "/admin/account/two-step/disable", [("current_password", "wrong one"), ("code", codes[5])]
            ).status == 400)
        try Self.sql(stack, "UPDATE login_attempts SET at = at - interval '70 seconds'")
        _ = try maria.get("/admin/account/two-step")
        #expect(
            try maria.post(
                "/admin/account/two-step/disable", [("current_password", Self.password), ("code", codes[5])]
            ).status == 303)
        #expect(try Self.sql(stack, "SELECT count(*) FROM recovery_codes") == "0")
        let audit = try Self.sql(
            stack,
            "SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE action LIKE 'two_step%'")
        #expect(audit == "two_step_enabled,two_step_failed,two_step_failed,two_step_disabled", "\(audit)")
    }

    @Test func guessingTheCodeMeetsTheSignInThrottle() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let owner = StaffBrowser(client: stack.client)
        #expect(try owner.login(email: "maria@eventgaraget.se", password: Self.password).status == 303)
        _ = try owner.get("/admin/account/two-step")
        _ = try owner.post("/admin/account/two-step")
        let secret = try Self.secret(from: try owner.get("/admin/account/two-step").text)
        #expect(try owner.post("/admin/account/two-step/confirm", [("code", Self.code(secret))]).status == 200)

        // Someone with the password guesses codes: after two, each must wait; the password
        // step does not reset the count (the success is recorded only after the code).
        let thief = StaffBrowser(client: stack.client)
        var statuses: [Int] = []
        for guess in ["111111", "222222", "333333"] {
            statuses.append(try Self.signIn(thief, "maria@eventgaraget.se", code: guess).status)
        }
        #expect(statuses == [400, 400, 400], "\(statuses)")
        let slowed = try Self.signIn(thief, "maria@eventgaraget.se", code: "444444")
        #expect(slowed.status == 429, "\(slowed.status)")
    }

    @Test func aRoleThatRequiresItLeadsToTheSetupAndAnAdminCanTurnItOff() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let admin = StaffBrowser(client: stack.client)
        #expect(try admin.login(email: "admin@eventgaraget.se", password: Self.password).status == 303)
        _ = try admin.get("/admin/settings")
        #expect(try admin.post("/admin/settings/two-step", [("two_step_support", "yes")]).status == 303)
        #expect(try Self.sql(stack, "SELECT two_step_roles FROM settings") == "{support}")

        let support = StaffBrowser(client: stack.client)
        #expect(try support.login(email: "support@eventgaraget.se", password: Self.password).status == 303)
        let led = try support.get("/admin/customers")
        #expect(led.status == 303 && led.header("location") == "/admin/account/two-step")
        #expect(try support.get("/admin/account/two-step").text.contains("Your role must use two-step verification."))
        _ = try support.get("/admin/account")
        #expect(try support.post("/admin/customers", [("name", "X")]).status == 403)

        // Once on, the pages open.
        #expect(try support.post("/admin/account/two-step").status == 303)
        let secret = try Self.secret(from: try support.get("/admin/account/two-step").text)
        #expect(try support.post("/admin/account/two-step/confirm", [("code", Self.code(secret))]).status == 200)
        #expect(try support.get("/admin/customers").status == 200)

        // Lost phone: the admin turns it off; the member's sessions end.
        let id = try Self.sql(stack, "SELECT id FROM users WHERE email = 'support@eventgaraget.se'")
        _ = try admin.get("/admin/users/\(id)/edit")
        #expect(try admin.post("/admin/users/\(id)/two-step/reset").status == 303)
        #expect(try support.get("/admin/customers").status == 303, "signed out")
        #expect(try Self.sql(stack, "SELECT totp_secret IS NULL FROM users WHERE id = \(id)") == "t")
    }
}
