import Foundation
import TestSupport
import Testing

/// The users pages in process (the real responder) with a real PostgreSQL, as the demo admin.
@Suite("Admin: users", .serialized)
struct AdminUsersTests {
    @Test func anAdminCreatesAUserWhoCanThenSignIn() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin

        let list = try admin.get("/admin/users")
        #expect(list.status == 200)
        for name in ["Karin Admin Lindqvist", "Maria Sjöberg", "Jönsson Lager", "Åke Nyström"] {
            #expect(list.text.contains(name))
        }
        #expect(list.text.contains("Warehouse") && list.text.contains("Support"))
        #expect(list.text.contains("class=\"badge ok\">Active<"))

        // Everything wrong at once: each field says what, what was typed stays, nothing is written.
        _ = try admin.get("/admin/users/new")
        let invalid = try admin.post(
            "/admin/users",
            [
                ("email", "nils.example.se"), ("name", ""), ("role", "owner"), ("locale", "en"), ("password", "short"),
                ("confirm_password", "short"),
            ])
        #expect(invalid.status == 400)
        #expect(Page.error("email", in: invalid.text)?.contains("Enter a valid email address") == true)
        #expect(Page.error("name", in: invalid.text) == "Required.")
        #expect(Page.error("role", in: invalid.text) == "Choose one of the roles.")
        #expect(Page.error("password", in: invalid.text) == "The password needs at least 10 characters.")
        #expect(Page.value("email", in: invalid.text) == "nils.example.se")
        #expect(!invalid.text.contains("value=\"short\""), "passwords are never echoed back")
        #expect(invalid.text.contains("Correct the marked fields and try again."))

        // A taken address (in any case) is refused next to the field, with the rest kept.
        let fields: [(String, String)] = [
            ("name", "Nils Holgersson"), ("role", "warehouse"), ("locale", "en"),
            ("password", "gåsen Mårten flyger 1906"),
            ("confirm_password", "gåsen Mårten flyger 1906"),
        ]
        let taken = try admin.post("/admin/users", [("email", "MARIA@eventgaraget.se")] + fields)
        #expect(taken.status == 400)
        #expect(Page.error("email", in: taken.text) == "There is already a user with this email address.")
        #expect(Page.value("name", in: taken.text) == "Nils Holgersson")
        #expect(Page.selected("role", in: taken.text) == "warehouse")
        #expect(try session.sql("SELECT count(*) FROM users") == "4")

        let mismatch = try admin.post(
            "/admin/users",
            [("email", "nils@eventgaraget.se")] + fields.dropLast() + [("confirm_password", "something else")])
        #expect(mismatch.status == 400)
        #expect(Page.error("confirm_password", in: mismatch.text) == "The passwords do not match.")

        let created = try admin.post("/admin/users", [("email", "nils@eventgaraget.se")] + fields)
        #expect(created.status == 303)
        #expect(created.header("location") == "/admin/users")
        let after = try admin.follow(created)
        #expect(after.text.contains("Created."))
        #expect(after.text.contains("Nils Holgersson"))
        let hash = try session.sql("SELECT password_hash FROM users WHERE email = 'nils@eventgaraget.se'")
        #expect(hash.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"), "\(hash)")
        #expect(
            try session.sql("SELECT role || ' ' || locale FROM users WHERE email = 'nils@eventgaraget.se'")
                == "warehouse en")
        #expect(
            try session.sql(
                "SELECT count(*) FROM audit_log WHERE action = 'created' AND entity_type = 'user' AND after->>'email' = 'nils@eventgaraget.se'"
            )
                == "1")

        // The new user signs in with the password they were given, and sees what a warehouse role may.
        let nils = try session.browser(signedInAs: "nils@eventgaraget.se", password: "gåsen Mårten flyger 1906")
        let dashboard = try nils.get("/admin")
        #expect(dashboard.status == 200)
        #expect(dashboard.text.contains("Nils Holgersson"))
        #expect(!dashboard.text.contains("href=\"/admin/users\""))
        #expect(try nils.get("/admin/users").status == 403)
    }

    @Test func aRoleChangeFromAStaleFormIsRefusedWithTheCurrentValues() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        let maria = try session.userID("maria@eventgaraget.se")

        let form = try admin.get("/admin/users/\(maria)/edit")
        #expect(form.status == 200)
        #expect(Page.selected("role", in: form.text) == "manager")
        let version = try #require(Page.value("version", in: form.text))

        let saved = try admin.post(
            "/admin/users/\(maria)",
            [("version", version), ("name", "Maria Sjöberg"), ("role", "support"), ("locale", "sv")])
        #expect(saved.status == 303)
        #expect(try admin.follow(saved).text.contains("Changes saved."))

        // The same (now outdated) form again, with other changes: refused, nothing written.
        _ = try admin.get("/admin/users/\(maria)/edit")
        let stale = try admin.post(
            "/admin/users/\(maria)",
            [("version", version), ("name", "Maria Berg"), ("role", "admin"), ("locale", "en")])
        #expect(stale.status == 409)
        #expect(stale.text.contains("Someone else saved changes while you were editing."))
        #expect(Page.selected("role", in: stale.text) == "support", "the current role is shown")
        #expect(Page.value("name", in: stale.text) == "Maria Sjöberg")
        #expect(Page.value("version", in: stale.text) == String(Int(version)! + 1))
        #expect(
            try session.sql("SELECT name || ' ' || role || ' ' || locale FROM users WHERE id = \(maria)")
                == "Maria Sjöberg support sv")

        // An id that does not exist is the not-found page.
        #expect(try admin.get("/admin/users/99999/edit").status == 404)
        #expect(
            try admin.post(
                "/admin/users/99999", [("version", "1"), ("name", "x"), ("role", "admin"), ("locale", "sv")]
            ).status == 404)
    }

    @Test func deactivatingEndsTheirSessionAtOnceAndReactivatingLetsThemBackIn() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        #expect(try maria.get("/admin/account").status == 200)
        let id = try session.userID("maria@eventgaraget.se")

        _ = try admin.get("/admin/users")
        let deactivated = try admin.post("/admin/users/\(id)/deactivate")
        #expect(deactivated.status == 303)
        let list = try admin.follow(deactivated)
        #expect(list.text.contains("Deactivated."))
        #expect(list.text.contains("class=\"badge bad\">Deactivated<"))

        // Her very next request: the sign-in page for a page, 403 for a change.
        let next = try maria.get("/admin/account")
        #expect(next.status == 303)
        #expect(next.header("location")?.hasPrefix("/admin/login") == true)
        #expect(try maria.post("/admin/logout").status == 403)
        #expect(try session.sql("SELECT count(*) FROM sessions WHERE user_id = \(id) AND revoked_at IS NULL") == "0")
        // And she cannot sign in again; the answer does not say why.
        let again = StaffBrowser(client: session.stack.client)
        let refused = try again.login(email: "maria@eventgaraget.se", password: AdminSession.password)
        #expect(refused.status == 400)
        #expect(refused.text.contains("Wrong email or password."))

        _ = try admin.get("/admin/users/\(id)/edit")
        let reactivated = try admin.post("/admin/users/\(id)/reactivate")
        #expect(reactivated.status == 303)
        #expect(try admin.follow(reactivated).text.contains("Reactivated."))
        #expect(
            try StaffBrowser(client: session.stack.client).login(
                email: "maria@eventgaraget.se", password: AdminSession.password
            ).status == 303)
        #expect(
            try session.sql(
                "SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE entity_id = \(id) AND action LIKE '%activated'"
            )
                == "deactivated,reactivated")
    }

    @Test func theLastAdminCannotBeDeactivatedOrDemoted() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        let me = try session.userID("admin@eventgaraget.se")

        let list = try admin.get("/admin/users")
        #expect(!list.text.contains("/admin/users/\(me)/deactivate"), "no button to deactivate oneself")
        let selfDeactivate = try admin.post("/admin/users/\(me)/deactivate")
        #expect(selfDeactivate.status == 409)
        #expect(selfDeactivate.text.contains("You cannot deactivate your own account."))

        let form = try admin.get("/admin/users/\(me)/edit")
        let version = try #require(Page.value("version", in: form.text))
        let demote = try admin.post(
            "/admin/users/\(me)",
            [("version", version), ("name", "Karin Admin Lindqvist"), ("role", "manager"), ("locale", "sv")])
        #expect(demote.status == 409)
        #expect(demote.text.contains("There must be at least one active admin. Make someone else an admin first."))
        #expect(Page.selected("role", in: demote.text) == "manager", "what was chosen stays on the form")
        #expect(try session.sql("SELECT role || ' ' || active FROM users WHERE id = \(me)") == "admin true")

        // With a second admin, the first may step down, and lands on a page they may still open.
        let maria = try session.userID("maria@eventgaraget.se")
        try session.sql("UPDATE users SET role = 'admin' WHERE id = \(maria)")
        _ = try admin.get("/admin/users/\(me)/edit")
        let stepDown = try admin.post(
            "/admin/users/\(me)",
            [("version", version), ("name", "Karin Admin Lindqvist"), ("role", "manager"), ("locale", "sv")])
        #expect(stepDown.status == 303)
        #expect(stepDown.header("location") == "/admin")
        #expect(try admin.get("/admin/users").status == 403)
        #expect(try session.sql("SELECT role FROM users WHERE id = \(me)") == "manager")
    }

    @Test func anAdminCanSetANewPasswordWhichSignsThePersonOut() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        let support = try session.browser(signedInAs: "support@eventgaraget.se")
        let id = try session.userID("support@eventgaraget.se")

        let form = try admin.get("/admin/users/\(id)/edit")
        let version = try #require(Page.value("version", in: form.text))
        let fields = [("version", version), ("name", "Åke Nyström"), ("role", "support"), ("locale", "sv")]
        let weak = try admin.post(
            "/admin/users/\(id)", fields + [("password", "support@eventgaraget.se"), ("confirm_password", "")])
        #expect(weak.status == 400)
        #expect(Page.error("password", in: weak.text) == "The password cannot be your email address.")

        let saved = try admin.post(
            "/admin/users/\(id)",
            fields + [("password", "ett nytt långt lösenord"), ("confirm_password", "ett nytt långt lösenord")])
        #expect(saved.status == 303)
        #expect(try support.get("/admin").status == 303, "signed out everywhere")
        #expect(
            try StaffBrowser(client: session.stack.client).login(
                email: "support@eventgaraget.se", password: AdminSession.password
            ).status == 400)
        #expect(
            try session.browser(signedInAs: "support@eventgaraget.se", password: "ett nytt långt lösenord").get(
                "/admin"
            ).status == 200)
    }
}
