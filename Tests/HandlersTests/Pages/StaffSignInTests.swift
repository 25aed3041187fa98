import Foundation
import TestSupport
import Testing

/// Staff sign-in in process (the real responder) with a real PostgreSQL: sessions, lockout, renewal.
@Suite("Staff sign-in", .serialized)
struct StaffSignInTests {
    static let admin = (email: "admin@eventgaraget.se", password: "eventgaraget-demo")

    @Test func signInUsesASecureHashedSessionAndSignOutEndsIt() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        let browser = StaffBrowser(client: stack.client)

        // Not signed in: the dashboard sends to the sign-in page and comes back afterwards.
        let away = try browser.get("/admin/bookings?state=confirmed")
        #expect(away.status == 303)
        #expect(away.header("location") == "/admin/login?next=/admin/bookings%3Fstate%3Dconfirmed")

        // One spelling per path: nginx's sign-in limit matches /admin/login exactly, so the same
        // form posted to /admin/login/ never reaches the password check; a read is sent on.
        let slashed = try browser.post(
            "/admin/login/",
            [
                ("_login", StaffBrowser.inputValue(named: "_login", in: try browser.get("/admin/login").text) ?? ""),
                ("email", Self.admin.email), ("password", Self.admin.password),
            ], csrf: false)
        #expect(slashed.status == 404)
        #expect(browser.cookies["__Host-eg_session"] == nil)
        let slashedRead = try browser.get("/admin/bookings/?state=confirmed")
        #expect(slashedRead.status == 308)
        #expect(slashedRead.header("location") == "/admin/bookings?state=confirmed")
        #expect(try browser.get("/sign/abc/").header("location") == "/sign/abc")

        // Wrong password and unknown email: the same message, no session.
        for email in [Self.admin.email, "nobody@example.com"] {
            let wrong = try browser.login(email: email, password: "not the password")
            #expect(wrong.status == 400)
            #expect(wrong.text.contains("Wrong email or password."))
            #expect(wrong.text.contains("value=\"\(email)\""), "the email stays typed")
            #expect(browser.cookies["__Host-eg_session"] == nil)
        }

        let signedIn = try browser.login(
            email: "ADMIN@eventgaraget.se", password: Self.admin.password, next: "/admin/account")
        #expect(signedIn.status == 303)
        #expect(signedIn.header("location") == "/admin/account")
        let cookie = try #require(signedIn.headers["set-cookie"]?.first { $0.hasPrefix("__Host-eg_session=") })
        for attribute in ["Path=/", "Secure", "HttpOnly", "SameSite=Lax"] {
            #expect(cookie.contains(attribute), "\(cookie)")
        }
        #expect(!cookie.contains("Domain="))
        let token = try #require(browser.cookies["__Host-eg_session"])
        #expect(token.count == 43)
        let stored = try stack.postgres.psql(
            "SELECT count(*) FROM sessions WHERE token_hash = sha256(convert_to('\(token)', 'UTF8')) AND revoked_at IS NULL",
            database: database)
        #expect(stored.trimmed == "1")
        let plain = try stack.postgres.psql(
            "SELECT count(*) FROM sessions WHERE encode(token_hash, 'escape') LIKE '%\(token.prefix(10))%'",
            database: database)
        #expect(plain.trimmed == "0")

        let account = try browser.get("/admin/account")
        #expect(account.status == 200)
        #expect(account.text.contains("Karin Admin Lindqvist"))
        #expect(account.text.contains("This device"))
        let dashboard = try browser.get("/admin")
        #expect(dashboard.status == 200)
        #expect(dashboard.text.contains("href=\"/admin/users\""), "an admin sees Users in the menu")

        // Signed in, the sign-in page goes to the dashboard.
        #expect(try browser.get("/admin/login").header("location") == "/admin")
        // A second sign-in (say, from a tab opened earlier) makes a new session and ends the one presented.
        browser.setCookie("__Host-eg_session", nil)
        let formPage = try browser.get("/admin/login")
        browser.setCookie("__Host-eg_session", token)
        let again = try browser.post(
            "/admin/login",
            [
                ("_login", StaffBrowser.inputValue(named: "_login", in: formPage.text) ?? ""),
                ("email", Self.admin.email),
                ("password", Self.admin.password),
            ], csrf: false)
        #expect(again.status == 303)
        #expect(browser.cookies["__Host-eg_session"] != token)
        let old = try stack.postgres.psql(
            "SELECT revoked_at IS NOT NULL FROM sessions WHERE token_hash = sha256(convert_to('\(token)', 'UTF8'))",
            database: database)
        #expect(old.trimmed == "t")

        _ = try browser.get("/admin")
        let out = try browser.post("/admin/logout")
        #expect(out.status == 303)
        #expect(browser.cookies["__Host-eg_session"] == nil)
        let loginPage = try browser.follow(out)
        #expect(loginPage.text.contains("You are signed out."))
        #expect(try browser.get("/admin").status == 303)
        let audit = try stack.postgres.psql(
            "SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE entity_type = 'user' AND action LIKE 'log%'",
            database: database)
        #expect(audit.trimmed == "login_failed,login_failed,login,login,logout", "\(audit)")
    }

    @Test func repeatedFailuresSlowDownThenLockPerEmailWithoutTellingIfItExists() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        let browser = StaffBrowser(client: stack.client)

        func failUntilLocked(_ email: String) throws -> [String] {
            var messages: [String] = []
            for _ in 0..<6 {
                let result = try browser.login(email: email, password: "wrong password")
                #expect(result.status == 400)
                messages.append(result.text.contains("blocked") ? "locked" : "wrong")
                // Age the attempts so the slow-down between attempts has passed.
                try stack.postgres.psql("UPDATE login_attempts SET at = at - interval '70 seconds'", database: database)
            }
            return messages
        }

        // Without waiting, the third failure in a row must wait.
        _ = try browser.login(email: "maria@eventgaraget.se", password: "wrong password")
        _ = try browser.login(email: "maria@eventgaraget.se", password: "wrong password")
        _ = try browser.login(email: "maria@eventgaraget.se", password: "wrong password")
        let slowed = try browser.login(email: "maria@eventgaraget.se", password: "eventgaraget-demo")
        #expect(slowed.status == 429)
        #expect(slowed.text.contains("Too many failed attempts. Wait"))
        #expect(slowed.header("retry-after") != nil)

        let real = try failUntilLocked(Self.admin.email)
        let unknown = try failUntilLocked("ghost@eventgaraget.se")
        #expect(real == ["wrong", "wrong", "wrong", "wrong", "wrong", "locked"])
        #expect(unknown == real, "an unknown address is treated exactly like a real one")

        // Locked: even the right password is refused, with the same words as for the unknown address.
        let locked = try browser.login(email: Self.admin.email, password: Self.admin.password)
        #expect(locked.status == 429)
        #expect(locked.text.contains("Signing in is blocked for"))
        #expect(browser.cookies["__Host-eg_session"] == nil)
        let ghost = try browser.login(email: "ghost@eventgaraget.se", password: "whatever password")
        #expect(ghost.status == 429)

        let audit = try stack.postgres.psql(
            "SELECT count(*) FILTER (WHERE action = 'login_failed') || '/' || count(*) FILTER (WHERE action = 'login_locked') FROM audit_log",
            database: database)
        #expect(audit.trimmed == "15/2", "\(audit)")
        let lockedUntil = try stack.postgres.psql(
            "SELECT locked_until > now() FROM users WHERE email = '\(Self.admin.email)'", database: database)
        #expect(lockedUntil.trimmed == "t")

        // After the lock's window, the right password works again.
        try stack.postgres.psql("UPDATE login_attempts SET at = at - interval '20 minutes'", database: database)
        #expect(try browser.login(email: Self.admin.email, password: Self.admin.password).status == 303)
    }

    @Test func parallelGuessesForOneEmailAreCountedOneAfterTheOther() throws {
        // As many responder threads as guesses, so all of them can be in flight at once.
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let browsers = (0..<12).map { _ in StaffBrowser(client: stack.client) }
        // Each loads the form first; then all twelve guesses leave at the same moment, one thread each.
        let tokens = try browsers.map {
            StaffBrowser.inputValue(named: "_login", in: try $0.get("/admin/login").text) ?? ""
        }
        let statuses = LockedBox([Int]())
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for (index, browser) in browsers.enumerated() {
            group.enter()
            let thread = Thread {
                start.wait()
                let result = try? browser.post(
                    "/admin/login",
                    [("_login", tokens[index]), ("email", Self.admin.email), ("password", "guess \(index)")],
                    csrf: false)
                statuses.update { $0.append(result?.status ?? 0) }
                group.leave()
            }
            thread.start()
        }
        for _ in browsers { start.signal() }
        group.wait()
        // Two free failures, a third checked, then the others must wait (a fourth only if the
        // machine took two seconds for the three): a burst gets no more guesses than one by one.
        let counted = try stack.postgres.psql(
            "SELECT count(*) FROM audit_log WHERE action = 'login_failed'",
            database: databaseName(fromURL: stack.databaseURL))
        #expect(["3", "4"].contains(counted.trimmed), "\(counted) failures checked: \(statuses.get())")
        #expect(statuses.get().filter { $0 == 429 }.count >= 8, "\(statuses.get())")
    }

    @Test func activityRenewsTheSessionButIdleAndAbsoluteLimitsEndIt() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        let browser = StaffBrowser(client: stack.client)
        #expect(try browser.login(email: Self.admin.email, password: Self.admin.password).status == 303)

        try stack.postgres.psql(
            "UPDATE sessions SET last_seen_at = now() - interval '7 hours 59 minutes'", database: database)
        #expect(try browser.get("/admin").status == 200)
        let renewed = try stack.postgres.psql(
            "SELECT last_seen_at > now() - interval '1 minute' FROM sessions WHERE revoked_at IS NULL",
            database: database)
        #expect(renewed.trimmed == "t", "a request renews the idle timer")

        try stack.postgres.psql(
            "UPDATE sessions SET last_seen_at = now() - interval '8 hours 1 minute'", database: database)
        #expect(try browser.get("/admin").status == 303, "idle for more than 8 hours")

        #expect(try browser.login(email: Self.admin.email, password: Self.admin.password).status == 303)
        try stack.postgres.psql(
            "UPDATE sessions SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE revoked_at IS NULL",
            database: database)
        #expect(try browser.get("/admin").status == 303, "past the absolute 7 days")
    }

    /// Someone with a stolen session guessing the password on the change form meets the sign-in
    /// throttle and leaves the same trail (finding L4).
    @Test func theCurrentPasswordCheckIsThrottledAndAuditedLikeSigningIn() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        let thief = StaffBrowser(client: stack.client)
        #expect(try thief.login(email: Self.admin.email, password: Self.admin.password).status == 303)
        _ = try thief.get("/admin/account")
        func guess(_ current: String) throws -> HTTPResult {
            try thief.post(
                "/admin/account/password",
                [
                    ("current_password", current), ("new_password", "stolen account now"),
                    ("confirm_password", "stolen account now"),
                ])
        }
        #expect(try guess("guess one").status == 400)
        #expect(try guess("guess two").status == 400)
        #expect(try guess("guess three").status == 400)
        // The fourth comes too soon after the third: refused without checking, even when right.
        let slowed = try guess(Self.admin.password)
        #expect(slowed.status == 429)
        #expect(slowed.text.contains("Too many failed attempts. Wait"))
        #expect(slowed.header("retry-after") != nil)

        // The guesses count for signing in too: the owner, elsewhere, must wait as well.
        let owner = StaffBrowser(client: stack.client)
        #expect(try owner.login(email: Self.admin.email, password: Self.admin.password).status == 429)

        for _ in 0..<3 {
            try stack.postgres.psql("UPDATE login_attempts SET at = at - interval '70 seconds'", database: database)
            #expect(try guess("another guess").status == 400)
        }
        try stack.postgres.psql("UPDATE login_attempts SET at = at - interval '70 seconds'", database: database)
        let locked = try guess(Self.admin.password)
        #expect(locked.status == 429)
        #expect(locked.text.contains("Signing in is blocked for"))
        let audit = try stack.postgres.psql(
            "SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE action LIKE 'password_change%' OR action LIKE 'login_locked'",
            database: database)
        #expect(
            audit.trimmed
                == "password_change_failed,password_change_failed,password_change_failed,password_change_failed,password_change_failed,password_change_failed,login_locked",
            "\(audit)")
        let unchanged = StaffBrowser(client: stack.client)
        try stack.postgres.psql("UPDATE login_attempts SET at = at - interval '20 minutes'", database: database)
        #expect(try unchanged.login(email: Self.admin.email, password: Self.admin.password).status == 303)
        let shown = try unchanged.get("/admin/activity")
        #expect(shown.text.contains("wrong current password when changing it"))
    }

    @Test func changingThePasswordEndsOtherSessionsAndSessionsCanBeRevoked() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let phone = StaffBrowser(client: stack.client)
        let desk = StaffBrowser(client: stack.client)
        #expect(try phone.login(email: Self.admin.email, password: Self.admin.password).status == 303)
        #expect(try desk.login(email: Self.admin.email, password: Self.admin.password).status == 303)

        _ = try desk.get("/admin/account")
        let wrong = try desk.post(
            "/admin/account/password",
            [("current_password", "nope"), ("new_password", "short"), ("confirm_password", "short")])
        #expect(wrong.status == 400)
        #expect(wrong.text.contains("The current password is not right."))
        #expect(wrong.text.contains("at least 10 characters"))
        #expect(try phone.get("/admin").status == 200, "nothing changed")

        // A guessable password, or one with the account's own words in it, is refused (finding M7).
        for (weak, message) in [
            ("password123456", "too easy to guess"), ("eventgaraget forever", "cannot contain the name"),
        ] {
            let refused = try desk.post(
                "/admin/account/password",
                [("current_password", Self.admin.password), ("new_password", weak), ("confirm_password", weak)])
            #expect(refused.status == 400, "\(weak)")
            #expect(refused.text.contains(message), "\(weak)")
        }

        let changed = try desk.post(
            "/admin/account/password",
            [
                ("current_password", Self.admin.password), ("new_password", "a much longer phrase"),
                ("confirm_password", "a much longer phrase"),
            ])
        #expect(changed.status == 303)
        #expect(try desk.follow(changed).text.contains("Password changed."))
        #expect(try phone.get("/admin").status == 303, "the other session ended")
        #expect(try phone.login(email: Self.admin.email, password: Self.admin.password).status == 400)
        #expect(try phone.login(email: Self.admin.email, password: "a much longer phrase").status == 303)

        // Revoke the phone's session from the desk's "my sessions".
        let account = try desk.get("/admin/account")
        let revoke = try #require(
            account.text.range(of: #"/admin/account/sessions/[0-9]+/revoke"#, options: .regularExpression).map {
                String(account.text[$0])
            })
        #expect(try desk.post(revoke).status == 303)
        #expect(try phone.get("/admin").status == 303)
        #expect(try desk.get("/admin").status == 200)
    }

    @Test func seedDemoGivesOldPlaceholderAccountsTheDemoPassword() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        // A development database seeded before sign-in existed: accounts with the "!" placeholder.
        try stack.postgres.psql("UPDATE users SET password_hash = '!'", database: database)
        let browser = StaffBrowser(client: stack.client)
        #expect(try browser.login(email: Self.admin.email, password: Self.admin.password).status == 400)
        let again = try stack.eventgaraget(["seed-demo"])
        #expect(again.status == 0)
        #expect(again.output.contains("Demo login (admin): admin@eventgaraget.se / eventgaraget-demo"))
        #expect(try stack.postgres.psql("SELECT count(*) FROM products", database: database).trimmed != "0")
        #expect(try browser.login(email: Self.admin.email, password: Self.admin.password).status == 303)
        let third = try stack.eventgaraget(["seed-demo"])
        #expect(!third.output.contains("Demo login"), "real passwords are never replaced")
    }

    @Test func createUserMakesAnAdminWhoCanSignIn() throws {
        let stack = try InProcessApp(.migrated)
        defer { stack.shutdown() }
        let made = try stack.eventgaraget(
            ["create-user", "--email", "boss@example.se", "--name", "Boss", "--role", "admin"],
            input: Data("a long enough secret\n".utf8))
        #expect(made.status == 0, "\(made.errorOutput)")
        #expect(made.output.contains("Created admin boss@example.se"))
        let short = try stack.eventgaraget(
            ["create-user", "--email", "x@example.se", "--name", "X", "--role", "admin"], input: Data("short\n".utf8))
        #expect(short.status != 0)
        #expect(short.errorOutput.contains("at least 10 characters"))
        let twice = try stack.eventgaraget(
            ["create-user", "--email", "BOSS@example.se", "--name", "B", "--role", "manager"],
            input: Data("another long secret\n".utf8))
        #expect(twice.status != 0)
        #expect(twice.errorOutput.contains("already exists"))
        let hash = try stack.postgres.psql(
            "SELECT password_hash FROM users WHERE email = 'boss@example.se'",
            database: databaseName(fromURL: stack.databaseURL))
        #expect(hash.trimmed.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(!hash.contains("a long enough secret"))

        let browser = StaffBrowser(client: stack.client)
        #expect(try browser.login(email: "boss@example.se", password: "a long enough secret").status == 303)
        #expect(try browser.get("/admin").text.contains("Boss"))
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
