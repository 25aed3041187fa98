import Foundation
import TestSupport
import Testing

/// The settings page and the logo in process (the real responder) with a real PostgreSQL, as the demo admin.
@Suite("Admin: settings and logo", .serialized)
struct AdminSettingsTests {
    /// The whole settings form as the demo data fills it, to change one field at a time.
    static func demoForm(version: String) -> [(String, String)] {
        [
            ("version", version), ("company_name", "EventGaraget Väst AB"), ("org_number", "559123-4561"),
            ("vat_number", "SE559123456101"), ("address_line1", "Hisingsgatan 28"), ("address_line2", ""),
            ("postal_code", "417 03"), ("city", "Göteborg"), ("country", "SE"),
            ("contact_email", "hej@eventgaraget.se"),
            ("contact_phone", "031-12 34 56"), ("website_url", "https://eventgaraget.se"),
            ("team_notification_email", "bokning@eventgaraget.se"), ("sender_name", "EventGaraget"),
            ("sender_address", "bokning@eventgaraget.se"), ("default_vat_rate", "25"),
            ("signing_link_validity_days", "30"),
            ("terms_template_html", "<p>Villkor</p>"), ("bankgiro", "5050-1055"), ("approved_for_f_tax", "yes"),
            ("registered_seat", "Göteborg"), ("invoice_terms_days", "30"), ("invoice_round_to_kronor", "yes"),
            ("invoice_deposit_percent", "30"), ("reminders_enabled", "yes"), ("reminder_fee", "60"),
            ("plusgiro", ""), ("iban", ""), ("bic", ""),
            ("reminder_first_days", "7"), ("reminder_interval_days", "14"), ("reminder_max", "2"),
        ]
    }

    static func replacing(_ form: [(String, String)], _ changes: [String: String]) -> [(String, String)] {
        form.map { ($0.0, changes[$0.0] ?? $0.1) }
    }

    @Test func settingsAreValidatedSavedShownAtOnceAndGuardedAgainstStaleForms() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin

        let page = try admin.get("/admin/settings")
        #expect(page.status == 200)
        #expect(Page.value("company_name", in: page.text) == "EventGaraget Väst AB")
        #expect(Page.value("default_vat_rate", in: page.text) == "25")
        #expect(Page.value("sender_name", in: page.text) == "EventGaraget")
        #expect(Page.value("sender_address", in: page.text) == "bokning@eventgaraget.se")
        #expect(
            page.text.contains("<strong>Hyresvillkor i korthet</strong>"), "the terms preview is the sanitised HTML")
        let version = try #require(Page.value("version", in: page.text))
        let form = Self.demoForm(version: version)

        // Wrong values: errors next to the fields, typed values kept, nothing saved, 400.
        let invalid = try admin.post(
            "/admin/settings",
            Self.replacing(
                form,
                [
                    "company_name": "Nya Namnet AB", "default_vat_rate": "tjugofem",
                    "contact_email": "hej(at)example.se",
                    "org_number": "559123-4567", "signing_link_validity_days": "400", "sender_name": "Evil <x>",
                    "website_url": "javascript:alert(1)", "bankgiro": "5050-1056", "invoice_terms_days": "365",
                    "invoice_deposit_percent": "0", "reminder_fee": "61", "reminder_max": "9",
                    "iban": "SE45 5000 0000 0583 9825 7467", "plusgiro": "12345-6",
                ]))
        #expect(invalid.status == 400)
        #expect(Page.error("bankgiro", in: invalid.text)?.contains("check digit") == true)
        #expect(Page.error("invoice_terms_days", in: invalid.text) == "Enter 0–120 days.")
        #expect(Page.error("invoice_deposit_percent", in: invalid.text) == "Enter 1–100 %.")
        #expect(Page.error("reminder_fee", in: invalid.text) == "Enter 0–60 kr.", "the law's ceiling")
        #expect(Page.error("reminder_max", in: invalid.text) == "Enter 1–5.")
        #expect(Page.error("iban", in: invalid.text) == "That is not a valid IBAN (its check digits do not match).")
        #expect(Page.error("plusgiro", in: invalid.text)?.contains("check digit") == true)
        #expect(Page.error("default_vat_rate", in: invalid.text)?.contains("Enter the VAT rate in percent") == true)
        #expect(Page.error("contact_email", in: invalid.text)?.contains("Enter a valid email address") == true)
        #expect(Page.error("org_number", in: invalid.text)?.contains("check digit") == true)
        #expect(
            Page.error("signing_link_validity_days", in: invalid.text)
                == "Enter a whole number of days between 1 and 365.")
        #expect(Page.error("sender_name", in: invalid.text)?.contains("cannot contain") == true)
        #expect(Page.error("website_url", in: invalid.text)?.contains("https://") == true)
        #expect(Page.value("company_name", in: invalid.text) == "Nya Namnet AB")
        #expect(Page.value("default_vat_rate", in: invalid.text) == "tjugofem")
        #expect(Page.value("contact_email", in: invalid.text) == "hej(at)example.se")
        #expect(Page.brand(in: invalid.text) == "EventGaraget Väst AB", "nothing was saved")
        #expect(
            try session.sql("SELECT company_name || ' ' || default_vat_rate_bp FROM settings")
                == "EventGaraget Väst AB 2500")

        // A good save: the header shows the new name on the very next page; the terms are sanitised.
        let saved = try admin.post(
            "/admin/settings",
            Self.replacing(
                form,
                [
                    "company_name": "Tältmästarna Väst AB", "default_vat_rate": "12,5",
                    "signing_link_validity_days": "14",
                    "sender_name": "Tältmästarna", "sender_address": "order@taltmastarna.se",
                    "terms_template_html":
                        "<h2>Villkor</h2><p onclick=\"steal()\">Betalning 30 dagar.</p><script>alert(1)</script>",
                    "bankgiro": "555-1239", "invoice_terms_days": "15", "invoice_round_to_kronor": "",
                    "registered_seat": "Borås", "invoice_deposit_percent": "40",
                    "iban": "se45 5000 0000 0583 9825 7466", "bic": "esseseSS", "plusgiro": "12345-5",
                ]))
        #expect(saved.status == 303)
        #expect(
            try session.sql(
                "SELECT bankgiro || ' ' || invoice_terms_days || ' ' || invoice_round_to_kronor || ' ' || registered_seat || ' ' || invoice_deposit_percent FROM settings"
            ) == "555-1239 15 false Borås 40")
        #expect(
            try session.sql("SELECT plusgiro || ' ' || iban || ' ' || bic FROM settings")
                == "12345-5 SE4550000000058398257466 ESSESESS", "written the one way")
        #expect(saved.header("location") == "/admin/settings")
        let after = try admin.follow(saved)
        #expect(after.text.contains("Changes saved."))
        #expect(Page.brand(in: after.text) == "Tältmästarna Väst AB")
        #expect(Page.value("default_vat_rate", in: after.text) == "12.5")
        #expect(Page.brand(in: try admin.get("/admin/users").text) == "Tältmästarna Väst AB")
        #expect(
            Page.brand(in: try session.stack.client.get("/").text) == "Tältmästarna Väst AB", "the public pages too")
        #expect(
            try session.sql(
                "SELECT default_vat_rate_bp || ' ' || signing_link_validity_days || ' ' || email_sender FROM settings")
                == "1250 14 Tältmästarna <order@taltmastarna.se>")
        let terms = try session.sql("SELECT terms_template_html FROM settings")
        #expect(terms.contains("<h2>Villkor</h2>") && terms.contains("Betalning 30 dagar."))
        #expect(!terms.contains("script") && !terms.contains("onclick"))
        let audit = try session.sql(
            "SELECT before->>'company_name' || ' → ' || (after->>'company_name') FROM audit_log WHERE entity_type = 'settings' AND action = 'updated'"
        )
        #expect(audit == "EventGaraget Väst AB → Tältmästarna Väst AB")

        // The form loaded before that save is stale now: refused, with the current settings shown.
        let stale = try admin.post("/admin/settings", Self.replacing(form, ["city": "Borås"]))
        #expect(stale.status == 409)
        #expect(stale.text.contains("Someone else saved changes while you were editing."))
        #expect(Page.value("company_name", in: stale.text) == "Tältmästarna Väst AB")
        #expect(Page.value("city", in: stale.text) == "Göteborg")
        #expect(try session.sql("SELECT city FROM settings") == "Göteborg")

        // A manager may not open the settings.
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        #expect(try maria.get("/admin/settings").status == 403)
    }

    /// "Send a test to me": each template reaches the admin who asked, through the real worker
    /// into its Maildir, marked [Test], in the company's name and the admin's language.
    @Test func aTestOfEachEmailTemplateReachesTheAdminWhoAskedForIt() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let page = try session.admin.get("/admin/settings")
        #expect(page.text.contains("id=\"email-tests\"") && page.text.contains("admin@eventgaraget.se"))
        let templates = [
            "signing_link", "signed_confirmation", "team_new_booking", "team_unavailable", "team_declined",
        ]
        for template in templates {
            let sent = try session.admin.post("/admin/settings/test-email", [("template", template)])
            #expect(sent.status == 303)
        }
        let refused = try session.admin.post("/admin/settings/test-email", [("template", "invoice")])
        #expect(
            refused.status == 400
                && (refused.text.contains("Välj ett av meddelandena")
                    || refused.text.contains("Choose one of the emails"))
        )
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        #expect(try maria.post("/admin/settings/test-email", [("template", "signing_link")]).status == 403)
        #expect(try session.sql("SELECT count(*) FROM jobs WHERE kind = 'email.test'") == "5")
        #expect(try session.sql("SELECT count(*) FROM audit_log WHERE action = 'test_email'") == "5")

        let mail = session.stack.directory + "/test-mail"
        var env = session.stack.environment
        env["EG_MAIL_DIR"] = mail
        let worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 60) {
            (try? session.sql("SELECT count(*) FROM jobs WHERE kind = 'email.test' AND state = 'done'")) == "5"
        }
        worker.stop()
        // A real MIME parser reads every message: recipient, subject, the plain text.
        let parsed = try run(
            "/usr/bin/python3",
            [
                "-c",
                """
                import email, json, os, sys
                from email import policy
                folder = sys.argv[1]
                for name in sorted(os.listdir(folder)):
                    with open(os.path.join(folder, name), "rb") as f:
                        m = email.message_from_binary_file(f, policy=policy.default)
                    print(json.dumps({"to": str(m["To"]), "subject": str(m["Subject"]),
                                      "text": m.get_body(("plain",)).get_content()}))
                """, mail + "/new",
            ])
        #expect(parsed.status == 0, "\(parsed.errorOutput)")
        let messages = parsed.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
        }
        let tests = messages.filter {
            ($0["to"] ?? "").contains("admin@eventgaraget.se") && ($0["subject"] ?? "").hasPrefix("[Test] ")
        }.map { ($0["subject"] ?? "") + "\n" + ($0["text"] ?? "") }
        #expect(tests.count == 5, "\(messages.count) messages")
        #expect(tests.contains { $0.contains("/help/signing") }, "the sample signing link opens the help page")
        #expect(tests.allSatisfy { $0.contains("Anna Exempel") || $0.contains("Anna Example") }, "made-up content")
        #expect(
            tests.filter { $0.contains("EventGaraget Väst AB") }.count >= 2,
            "the customer's emails in the company's name")
        #expect(
            try session.sql(
                """
                SELECT count(*) FROM events WHERE type = 'email.sent' AND entity_type = 'user'
                   AND payload->'details'->>'job_kind' = 'email.test'
                   AND entity_id = (SELECT id FROM users WHERE email = 'admin@eventgaraget.se')
                """) == "5")
    }

    @Test func aRealPNGIsServedWithItsTypeAndValidatorAndOtherFilesAreRefused() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        let client = session.stack.client

        #expect(try client.get("/logo").status == 404)
        #expect(try admin.get("/admin/settings").text.contains("No logo has been uploaded."))

        let png = TestImages.png(width: 240, height: 60)
        let uploaded = try admin.postMultipart(
            "/admin/settings/logo", fields: [], file: (name: "logo", filename: "logo.png", type: "image/png", data: png)
        )
        #expect(uploaded.status == 303)
        let page = try admin.follow(uploaded)
        #expect(page.text.contains("Changes saved."))
        let sha = try session.sql("SELECT encode(logo_sha256, 'hex') FROM settings")
        #expect(sha == SHA256Hex.of(png))
        let versioned = "/logo?v=\(sha.prefix(16))"
        #expect(page.text.contains("src=\"\(versioned)\""), "the settings page and the header show it")
        #expect(page.text.contains("class=\"brand-logo\""))
        #expect(try client.get("/").text.contains("src=\"\(versioned)\""), "the public header too")

        let served = try client.get("/logo")
        #expect(served.status == 200)
        #expect(served.body == png)
        #expect(served.header("content-type") == "image/png")
        #expect(served.headers["x-content-type-options"]?.contains("nosniff") == true)
        #expect(served.header("etag") == "\"\(sha)\"")
        #expect(served.header("cache-control") == "public, max-age=300")
        let revalidated = try client.get("/logo", headers: ["If-None-Match": "\"\(sha)\""])
        #expect(revalidated.status == 304)
        #expect(revalidated.body.isEmpty)
        #expect(revalidated.header("etag") == "\"\(sha)\"")
        #expect(try client.get("/logo", headers: ["If-None-Match": "W/\"other\", \"\(sha)\""]).status == 304)
        #expect(try client.get("/logo", headers: ["If-None-Match": "\"0000\""]).status == 200)
        #expect(try client.get(versioned).header("cache-control") == "public, max-age=31536000, immutable")

        // Refused by content, whatever the name or the declared type says; the logo stays.
        let refusals: [(String, String, Data, String)] = [
            ("logo.gif", "image/gif", TestImages.gif, "not a PNG or JPEG image"),
            ("logo.svg", "image/svg+xml", TestImages.svg, "not a PNG or JPEG image"),
            ("logo.webp", "image/webp", TestImages.webp, "not a PNG or JPEG image"),
            ("logo.png", "image/png", TestImages.text, "not a PNG or JPEG image"),
            ("logo.png", "image/png", Data(png.dropLast(20)), "damaged or incomplete"),
            ("huge.png", "image/png", TestImages.png(width: 400, height: 400), "at most 512 KB"),
            ("wide.png", "image/png", TestImages.png(width: 5000, height: 1), "At most 4096 × 4096 pixels"),
        ]
        for (filename, type, data, message) in refusals {
            _ = try admin.get("/admin/settings")
            let refused = try admin.postMultipart(
                "/admin/settings/logo", fields: [], file: (name: "logo", filename: filename, type: type, data: data))
            #expect(refused.status == 400, "\(filename)")
            #expect(
                Page.error("logo", in: refused.text)?.contains(message) == true,
                "\(filename): \(Page.error("logo", in: refused.text) ?? "no error")")
        }
        _ = try admin.get("/admin/settings")
        let none = try admin.postMultipart("/admin/settings/logo", fields: [], file: nil)
        #expect(none.status == 400)
        #expect(Page.error("logo", in: none.text) == "Choose an image file to upload.")
        #expect(try client.get("/logo").body == png, "the refused files changed nothing")
        // Without the CSRF token an upload is refused before it is looked at.
        let forged = StaffBrowser(client: client)
        #expect(
            try forged.postMultipart(
                "/admin/settings/logo", fields: [],
                file: (name: "logo", filename: "x.png", type: "image/png", data: png)
            ).status == 403)

        // A JPEG replaces it; then removing it leaves the not-found page.
        _ = try admin.get("/admin/settings")
        #expect(
            try admin.postMultipart(
                "/admin/settings/logo", fields: [],
                file: (name: "logo", filename: "photo.jpeg", type: "image/jpeg", data: TestImages.jpeg)
            ).status == 303)
        let jpeg = try client.get("/logo")
        #expect(jpeg.header("content-type") == "image/jpeg")
        #expect(jpeg.body == TestImages.jpeg)

        _ = try admin.get("/admin/settings")
        let removed = try admin.post("/admin/settings/logo/remove")
        #expect(removed.status == 303)
        #expect(try admin.follow(removed).text.contains("The logo was removed."))
        let gone = try client.get("/logo")
        #expect(gone.status == 404)
        #expect(gone.header("content-type")?.hasPrefix("text/html") == true)
        #expect(!(try client.get("/").text.contains("brand-logo")))
        #expect(
            try session.sql("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE entity_type = 'settings'")
                == "logo_uploaded,logo_uploaded,logo_removed")
    }
}

/// SHA-256 through the system's `sha256sum`, so the test does not trust the product's own code.
enum SHA256Hex {
    static func of(_ data: Data) -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("eg-sha-\(UUID().uuidString)")
        try? data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ")
            .first.map(String.init) ?? ""
    }
}
