import Foundation
import TestSupport
import Testing

/// The activity log in process (the real responder) with a real PostgreSQL.
@Suite("Admin: activity log", .serialized)
struct AdminActivityTests {
    /// The audit row ids on a page, in the order shown.
    static func rowIDs(_ html: String) -> [Int] {
        html.components(separatedBy: "<tr id=\"activity-").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
    }

    /// The `href` of the "Older" link, if there is one.
    static func olderLink(_ html: String) -> String? {
        guard let rel = html.range(of: "rel=\"next\" href=\"") else { return nil }
        let rest = html[rel.upperBound...]
        return rest.firstIndex(of: "\"").map { Page.unescape(String(rest[..<$0])) }
    }

    @Test func changesShowWhoWhenWhatAndBeforeAndAfterWithFilters() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        let adminID = try session.userID("admin@eventgaraget.se")
        let maria = try session.userID("maria@eventgaraget.se")

        // Two changes by the admin: the company name, and Maria's role.
        let settings = try admin.get("/admin/settings")
        let version = try #require(Page.value("version", in: settings.text))
        var form = AdminSettingsTests.demoForm(version: version)
        form = AdminSettingsTests.replacing(
            form, ["company_name": "Tältmästarna Väst AB", "terms_template_html": "<p>Villkor</p>"])
        #expect(try admin.post("/admin/settings", form).status == 303)
        let edit = try admin.get("/admin/users/\(maria)/edit")
        let userVersion = try #require(Page.value("version", in: edit.text))
        #expect(
            try admin.post(
                "/admin/users/\(maria)",
                [("version", userVersion), ("name", "Maria Sjöberg"), ("role", "support"), ("locale", "sv")]
            ).status == 303)

        let log = try admin.get("/admin/activity")
        #expect(log.status == 200)
        let ids = Self.rowIDs(log.text)
        let total = Int(try session.sql("SELECT count(*) FROM audit_log")) ?? 0
        #expect(ids.count == min(50, total), "the demo data's history and these changes")
        #expect(ids == ids.sorted(by: >), "newest first")
        // The newest row: Maria's role, by the admin, with before and after side by side and links.
        let newest = try #require(log.text.components(separatedBy: "<tr id=\"activity-").dropFirst().first)
        #expect(newest.contains("Karin Admin Lindqvist"))
        #expect(newest.contains("<strong>updated</strong>"))
        #expect(newest.contains("href=\"/admin/users/\(maria)/edit\">User #\(maria)</a>"))
        #expect(
            newest.contains(
                "<th scope=\"row\">Role</th><td class=\"before\">manager</td><td class=\"after\">support</td>"))
        // The company name change, linked to the settings page.
        #expect(log.text.contains("href=\"/admin/settings\">Settings</a>"))
        #expect(
            log.text.contains(
                "<th scope=\"row\">Company name</th><td class=\"before\">EventGaraget Väst AB</td><td class=\"after\">Tältmästarna Väst AB</td>"
            ))
        // Times in Stockholm, signing customers and the system named as such.
        #expect(log.text.contains("When (Europe/Stockholm)"))
        #expect(log.text.contains(">Customer<") || log.text.contains("Customer ·"))

        // By user: only the admin's own rows (sign-in and the two changes).
        let mine = try admin.get("/admin/activity?user=\(adminID)")
        #expect(mine.status == 200)
        #expect(Page.selected("user", in: mine.text) == adminID)
        let mineIDs = Self.rowIDs(mine.text)
        #expect(mineIDs.count == 3)
        let mineActions = try session.sql(
            "SELECT string_agg(id::text, ',' ORDER BY id DESC) FROM audit_log WHERE actor_user_id = \(adminID)")
        #expect(mineIDs.map(String.init).joined(separator: ",") == mineActions)

        // By entity type, and by one entity with its id.
        let settingsRows = try admin.get("/admin/activity?entity=settings")
        #expect(Self.rowIDs(settingsRows.text).count == 1)
        #expect(Page.selected("entity", in: settingsRows.text) == "settings")
        let mariasRows = try admin.get("/admin/activity?entity=user&entity_id=\(maria)")
        let expected = try session.sql(
            "SELECT count(*) FROM audit_log WHERE entity_type = 'user' AND entity_id = \(maria)")
        #expect(String(Self.rowIDs(mariasRows.text).count) == expected)
        #expect(
            mariasRows.text.contains("href=\"/admin/activity?entity=user&amp;entity_id=\(maria)\""),
            "each row links its history")

        // Filters that make no sense are refused next to the field, with a 400.
        let bad = try admin.get("/admin/activity?from=2026-13-45&entity_id=abc")
        #expect(bad.status == 400)
        #expect(Page.error("from", in: bad.text) == "Enter a date as YYYY-MM-DD.")
        #expect(Page.error("entity_id", in: bad.text) == "Enter an id of digits only.")
        #expect(Self.rowIDs(bad.text).isEmpty)
        let backwards = try admin.get("/admin/activity?from=2026-05-02&to=2026-05-01")
        #expect(Page.error("to", in: backwards.text) == "The end date is before the start date.")

        // A manager reads the log, but the user pages are not links for them; support may not read it.
        let manager = try session.browser(signedInAs: "lager@eventgaraget.se")
        #expect(try manager.get("/admin/activity").status == 403, "warehouse")
        try session.sql("UPDATE users SET role = 'manager' WHERE email = 'lager@eventgaraget.se'")
        let asManager = try manager.get("/admin/activity")
        #expect(asManager.status == 200)
        #expect(asManager.text.contains("Company name"))
        #expect(!asManager.text.contains("/admin/users/\(maria)/edit"))
        #expect(try session.browser(signedInAs: "support@eventgaraget.se").get("/admin/activity").status == 403)
    }

    @Test func pagesAreWalkedWithTheCursorAndDateRangesUseStockholmDays() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin

        // The demo month's own rows about bookings, then 120 more, an hour apart, the first at
        // 00:30 Stockholm time on 2026-02-10.
        let demoRows = Int(try session.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'booking'")) ?? 0
        #expect(demoRows > 0)
        try session.sql(
            """
            INSERT INTO audit_log (at, actor_kind, entity_type, entity_id, action, before, after)
            SELECT timestamptz '2026-02-10 00:30+01' + (g - 1) * interval '1 hour', 'worker', 'booking', 1000 + g, 'state_changed',
                   jsonb_build_object('state', 'packed'), jsonb_build_object('state', 'delivered', 'step', g)
              FROM generate_series(1, 120) g
            """)
        var path: String? = "/admin/activity?entity=booking"
        var pages: [[Int]] = []
        while let next = path, pages.count < 10 {
            let page = try admin.get(next)
            #expect(page.status == 200)
            pages.append(Self.rowIDs(page.text))
            path = Self.olderLink(page.text)
            if pages.count > 1 { #expect(page.text.contains(">Newest</a>")) }
        }
        // The 120 and the demo data's own booking rows, 50 a page.
        let bookingRows = Int(try session.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'booking'")) ?? 0
        #expect(bookingRows == demoRows + 120)
        #expect(
            pages.map(\.count) == Array(repeating: 50, count: bookingRows / 50)
                + (bookingRows % 50 == 0 ? [] : [bookingRows % 50]))
        let all = pages.flatMap { $0 }
        #expect(Set(all).count == bookingRows)
        #expect(all == all.sorted(by: >))
        let inserted = try session.sql(
            "SELECT string_agg(id::text, ',' ORDER BY id DESC) FROM audit_log WHERE entity_type = 'booking'")
        #expect(all.map(String.init).joined(separator: ",") == inserted)

        let first = try admin.get("/admin/activity?entity=booking")
        #expect(first.text.contains("Background worker"))
        #expect(first.text.contains("<strong>status changed</strong>"))
        #expect(first.text.contains("<td class=\"before\">packed</td><td class=\"after\">delivered</td>"))

        // 2026-02-11 in Stockholm: 24 rows (from 00:00 to 23:59 local), whatever UTC says.
        let day = try admin.get("/admin/activity?entity=booking&from=2026-02-11&to=2026-02-11")
        #expect(Self.rowIDs(day.text).count == 24)
        #expect(day.text.contains("2026-02-11 00:30:00") && day.text.contains("2026-02-11 23:30:00"))
        #expect(!day.text.contains("2026-02-10 23:30:00") && !day.text.contains("2026-02-12 00:30:00"))
        #expect(Self.olderLink(day.text) == nil)
        // A range over more than a page is walked the same way.
        var rangePath: String? = "/admin/activity?from=2026-02-10&to=2026-02-13"
        var rangeRows: [Int] = []
        while let next = rangePath {
            let page = try admin.get(next)
            rangeRows += Self.rowIDs(page.text)
            rangePath = Self.olderLink(page.text)
        }
        #expect(rangeRows.count == 96 && Set(rangeRows).count == 96)
    }
}
