import Foundation
import TestSupport
import Testing

/// Bookings, the calendar, the iCalendar feed and the dashboard in process (the real responder), on the
/// demo data: a month of bookings around today, and the booking made when the demo customer
/// Hisingens Bygg signed "Sommarfest Hisingens Bygg" (the one these tests follow).
@Suite("Booking pages", .serialized)
struct BookingPagesTests {
    static let password = "eventgaraget-demo"

    /// The followed demo booking: id, number and period (ISO days).
    struct DemoBooking {
        let id: String
        let number: String
        let start: String
        let end: String
        let dayAfterEnd: String
    }

    static func demoBooking(_ stack: InProcessApp) throws -> DemoBooking {
        let row = try stack.postgres.psql(
            """
            SELECT id || '|' || number || '|' || period_start || '|' || period_end || '|' || (period_end + 1)
              FROM bookings WHERE title = 'Sommarfest Hisingens Bygg'
            """,
            database: databaseName(fromURL: stack.databaseURL)
        ).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map(String.init)
        guard row.count == 5 else { throw TestFailure("expected one demo booking, got \(row)") }
        return DemoBooking(id: row[0], number: row[1], start: row[2], end: row[3], dayAfterEnd: row[4])
    }

    static func signIn(_ stack: InProcessApp, _ email: String) throws -> StaffBrowser {
        let browser = StaffBrowser(client: stack.client)
        let result = try browser.login(email: email, password: password)
        guard result.status == 303 else { throw TestFailure("\(email) could not sign in: \(result.status)") }
        return browser
    }

    static func sql(_ stack: InProcessApp, _ query: String) throws -> String {
        try stack.postgres.psql(query, database: databaseName(fromURL: stack.databaseURL))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The HTML of the element with `id="ID"` up to the next `<section` (the page's blocks are sections).
    static func section(_ html: String, id: String) -> String {
        guard let start = html.range(of: "id=\"\(id)\"") else { return "" }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "<section")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// A calendar day's cell: from its `data-date` to the next day's.
    static func dayCell(_ html: String, _ iso: String) -> String {
        guard let start = html.range(of: "data-date=\"\(iso)\"") else { return "" }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "data-date=\"")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test func theBookingIsListedFilteredShownAndMovedThroughItsWorkflowByTheRightRoles() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let booking = try Self.demoBooking(stack)
        let path = "/admin/bookings/\(booking.id)"
        let admin = try Self.signIn(stack, "admin@eventgaraget.se")

        // The list, its filters and its errors.
        let list = try admin.get("/admin/bookings")
        #expect(list.status == 200)
        #expect(list.text.contains(booking.number) && list.text.contains("href=\"\(path)\""))
        #expect(list.text.contains("Hisingens Bygg &amp; Måleri AB"))
        #expect(list.text.contains("Sommarfest Hisingens Bygg"))
        #expect(
            list.text.contains(
                "<span class=\"nowrap\">\(booking.start) –</span> <span class=\"nowrap\">\(booking.end)</span>"))
        #expect(list.text.contains(">Confirmed<") && list.text.contains(">Waiting<"))
        let customerID = try Self.sql(stack, "SELECT customer_id FROM bookings WHERE id = \(booking.id)")
        for filter in [
            "state=confirmed", "q=hisingens", "q=\(booking.number)", "q=sommarfest", "customer=\(customerID)",
            "from=\(booking.end)&to=\(booking.end)", "from=\(booking.start)",
        ] {
            let page = try admin.get("/admin/bookings?" + filter)
            #expect(page.status == 200, "\(filter)")
            #expect(page.text.contains(booking.number), "\(filter) keeps the booking")
        }
        #expect(
            try admin.get("/admin/bookings?customer=\(customerID)").text.contains(
                "Customer: <strong>Hisingens Bygg &amp; Måleri AB</strong>"))
        let closedOnly = try admin.get("/admin/bookings?state=closed")
        #expect(closedOnly.status == 200 && !closedOnly.text.contains(booking.number), "state=closed leaves it out")
        #expect(closedOnly.text.contains(">Closed<") && !closedOnly.text.contains("No bookings match the filter."))
        for filter in ["q=nobody-like-this", "from=2000-01-01&to=2000-01-31", "to=2000-01-01"] {
            let page = try admin.get("/admin/bookings?" + filter)
            #expect(page.status == 200)
            #expect(!page.text.contains(booking.number), "\(filter) leaves it out")
            #expect(page.text.contains("No bookings match the filter."))
        }
        let badDate = try admin.get("/admin/bookings?from=2026-02-30&state=lost")
        #expect(badDate.status == 400)
        #expect(badDate.text.contains("Enter the date as YYYY-MM-DD"))
        #expect(badDate.text.contains("Choose a status from the list."))
        #expect(badDate.text.contains("value=\"2026-02-30\""), "what was typed stays")
        #expect(try admin.get("/admin/bookings?after=abc").status == 400)
        #expect(try admin.get("/admin/bookings?customer=999999").status == 400)

        // The booking: contact, address, period, lines, totals.
        let detail = try admin.get(path)
        #expect(detail.status == 200)
        for text in [
            "Booking \(booking.number)", "Mikael Berg", "mikael@hisingensbygg.example", "031-55 44 33",
            "Slottsskogen, Stora dammen",
            "413 08 Göteborg", booking.start, booking.end, "Festtält 6×12 m", "Ståbord Ø 80 cm", "Terrassvärmare gasol",
            "Bluetooth-högtalare", "TALT-6x12", "Shipping", "SEK\u{00A0}495.00", "Not approved yet.",
            "The booking was created when the customer signed.",
        ] {
            #expect(detail.text.contains(text), "the booking page shows \(text)")
        }
        #expect(try admin.get("/admin/bookings/999999").status == 404)

        // Warehouse: packs and delivers; may not approve or close.
        let lager = try Self.signIn(stack, "lager@eventgaraget.se")
        let lagerPage = try lager.get(path)
        #expect(lagerPage.text.contains("Mark as packed"))
        #expect(!lagerPage.text.contains("Approve the booking"))
        let packed = try lager.post(path + "/state/packed", [("from", "confirmed")])
        #expect(packed.status == 303)
        let afterPacking = try lager.follow(packed)
        #expect(
            afterPacking.text.contains("The booking&#39;s status was changed.")
                || afterPacking.text.contains("The booking's status was changed."))
        #expect(afterPacking.text.contains("Status: Confirmed → Packed."))
        #expect(afterPacking.text.contains("Mark as delivered"))

        // Cancelling without a reason: 400, the error next to the field, nothing changed.
        let noReason = try admin.get(path)
        #expect(noReason.text.contains("Cancel the booking"))
        let refused = try admin.post(path + "/state/cancelled", [("from", "packed"), ("reason", "   ")])
        #expect(refused.status == 400)
        #expect(refused.text.contains("id=\"error-reason\">Say why the booking is cancelled.</p>"))
        #expect(refused.text.contains("aria-invalid=\"true\""))
        #expect(try Self.sql(stack, "SELECT state FROM bookings WHERE id = \(booking.id)") == "packed")

        // Packing list for the warehouse: items, quantities, address, contact, dates.
        let packing = try lager.get(path + "/packing-list")
        #expect(packing.status == 200)
        for text in [
            "Packing list \(booking.number)", "Festtält 6×12 m", "<td class=\"num qty\">10</td>",
            "<td class=\"num qty\">4</td>",
            "<td class=\"sku\">BORD-STA</td>", "Slottsskogen, Stora dammen", "Mikael Berg", "031-55 44 33",
            booking.start, booking.end,
            "Packed by", "Received by the customer",
        ] {
            #expect(packing.text.contains(text), "the packing list shows \(text)")
        }
        let support = try Self.signIn(stack, "support@eventgaraget.se")
        #expect(try support.get(path + "/packing-list").status == 403)

        #expect(try lager.follow(try lager.post(path + "/state/delivered", [("from", "packed")])).status == 200)
        // Closing is the manager's.
        _ = try lager.get(path)
        #expect(try lager.post(path + "/state/closed", [("from", "delivered")]).status == 403)

        // Manager: approves, takes it back and closes it.
        let maria = try Self.signIn(stack, "maria@eventgaraget.se")
        _ = try maria.get(path)
        let approved = try maria.post(path + "/approve")
        #expect(approved.status == 303)
        let approvedPage = try maria.follow(approved)
        #expect(approvedPage.text.contains("The booking was approved."))
        #expect(approvedPage.text.contains("Approved by Maria Sjöberg"))
        #expect(
            try Self.sql(
                stack, "SELECT u.email FROM bookings b JOIN users u ON u.id = b.approved_by WHERE b.id = \(booking.id)")
                == "maria@eventgaraget.se")
        let twice = try maria.post(path + "/approve")
        #expect(twice.status == 409)
        #expect(twice.text.contains("already approved by Maria Sjöberg"))
        #expect(try maria.post(path + "/state/returned", [("from", "delivered")]).status == 303)
        #expect(try maria.post(path + "/state/closed", [("from", "returned")]).status == 303)
        let closed = try maria.get(path)
        #expect(closed.text.contains("The booking is finished; no further steps."))
        #expect(!closed.text.contains("Mark as packed"))

        // An impossible step (closed → packed) and a stale page: 409, a clear message, nothing changed.
        let auditBefore = try Self.sql(stack, "SELECT count(*) FROM audit_log WHERE entity_type = 'booking'")
        let impossible = try maria.post(path + "/state/packed", [("from", "closed")])
        #expect(impossible.status == 409)
        #expect(impossible.text.contains("A booking that is closed cannot become packed. Nothing was changed."))
        let stale = try maria.post(path + "/state/closed", [("from", "returned")])
        #expect(stale.status == 409)
        #expect(stale.text.contains("The booking changed while you had the page open: it is now closed."))
        #expect(try Self.sql(stack, "SELECT state FROM bookings WHERE id = \(booking.id)") == "closed")
        #expect(try Self.sql(stack, "SELECT count(*) FROM audit_log WHERE entity_type = 'booking'") == auditBefore)
        #expect(
            try Self.sql(
                stack,
                "SELECT string_agg(after->>'state', ',' ORDER BY id) FROM audit_log WHERE action = 'state_changed' AND entity_id = \(booking.id)"
            )
                == "packed,delivered,returned,closed")

        // The history names who did what.
        let history = Self.section(try maria.get(path).text, id: "history")
        #expect(history.contains("Jönsson Lager") && history.contains("Maria Sjöberg"))
        #expect(history.contains("Status: Returned → Closed."))
    }

    @Test func notesKeepTheirTextAndAnOutdatedFormIsRefusedWithTheCurrentNotes() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let booking = try Self.demoBooking(stack)
        let path = "/admin/bookings/\(booking.id)"
        let lager = try Self.signIn(stack, "lager@eventgaraget.se")
        let maria = try Self.signIn(stack, "maria@eventgaraget.se")
        _ = try lager.get(path)
        _ = try maria.get(path)

        let saved = try maria.post(
            path + "/notes", [("version", "1"), ("notes", "Grind kod 4711.\nRing Mikael 30 min före.")])
        #expect(saved.status == 303)
        #expect(try maria.follow(saved).text.contains("Grind kod 4711.\nRing Mikael 30 min före.</textarea>"))

        // Lager's page still has version 1.
        let conflict = try lager.post(path + "/notes", [("version", "1"), ("notes", "Lastkaj på baksidan")])
        #expect(conflict.status == 409)
        #expect(conflict.text.contains("Someone else saved changes while you were editing."))
        #expect(conflict.text.contains("Grind kod 4711."), "the current notes are in the form")
        #expect(conflict.text.contains("Lastkaj på baksidan"), "what was typed is kept beside it")
        #expect(
            try Self.sql(stack, "SELECT notes FROM bookings WHERE id = \(booking.id)")
                == "Grind kod 4711.\nRing Mikael 30 min före.")
        #expect(
            try Self.sql(stack, "SELECT count(*) FROM audit_log WHERE entity_type = 'booking' AND action = 'updated'")
                == "1")
    }

    @Test func theCalendarShowsTheBookingOnItsDaysInMonthAndWeekViews() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let booking = try Self.demoBooking(stack)
        let browser = try Self.signIn(stack, "lager@eventgaraget.se")

        let month = try browser.get("/admin/calendar?view=month&date=\(booking.start)")
        #expect(month.status == 200)
        let start = Self.dayCell(month.text, booking.start)
        #expect(
            start.contains(booking.number) && start.contains("kind-delivery")
                && start.contains("href=\"/admin/bookings/\(booking.id)\""))
        let endMonth = try browser.get("/admin/calendar?view=month&date=\(booking.end)")
        let end = Self.dayCell(endMonth.text, booking.end)
        #expect(end.contains(booking.number) && end.contains("kind-pickup"))
        #expect(!Self.dayCell(endMonth.text, booking.dayAfterEnd).contains(booking.number))
        #expect(month.text.contains("rel=\"prev\"") && month.text.contains("rel=\"next\""))

        let week = try browser.get("/admin/calendar?view=week&date=\(booking.end)")
        #expect(week.status == 200)
        let pickup = Self.dayCell(week.text, booking.end)
        #expect(
            pickup.contains(booking.number) && pickup.contains("Pickup")
                && pickup.contains("Hisingens Bygg &amp; Måleri AB"))
        #expect(pickup.contains("Slottsskogen, Stora dammen, Göteborg"))

        // Today's month by default; previous and next move by a month.
        let today = try browser.get("/admin/calendar")
        #expect(today.status == 200 && today.text.contains("aria-current=\"date\""))

        // Cancelled bookings leave the calendar.
        try stack.postgres.psql(
            "UPDATE bookings SET state = 'cancelled', cancelled_at = now(), cancel_reason = 'test' WHERE id = \(booking.id)",
            database: databaseName(fromURL: stack.databaseURL))
        #expect(!(try browser.get("/admin/calendar?view=week&date=\(booking.end)")).text.contains(booking.number))

        for bad in ["date=2026-13-01", "date=tomorrow", "view=year", "view=week&date=2026-02-29"] {
            let page = try browser.get("/admin/calendar?" + bad)
            #expect(page.status == 400, "\(bad)")
            #expect(page.text.contains("YYYY-MM-DD") || page.text.contains("The view must be month or week."), "\(bad)")
        }
    }

    @Test func theFeedIsValidICalendarForSubscribersAndStopsWhenRevoked() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let booking = try Self.demoBooking(stack)
        let admin = try Self.signIn(stack, "admin@eventgaraget.se")
        _ = try admin.get("/admin/account")
        let created = try admin.post("/admin/account/calendar-feeds", [("name", "Planering; lager, bil")])
        #expect(created.status == 200)
        let urlRange = try #require(
            created.text.range(of: #"<code class="feed-url">[^<]+</code>"#, options: .regularExpression))
        let url = String(created.text[urlRange]).replacingOccurrences(of: "<code class=\"feed-url\">", with: "")
            .replacingOccurrences(of: "</code>", with: "")
        let feedPath = try #require(url.range(of: "/calendar/").map { String(url[$0.lowerBound...]) })
        #expect(feedPath.hasSuffix(".ics"))

        // No session needed: the token is the credential.
        let feed = try stack.client.get(feedPath)
        #expect(feed.status == 200)
        #expect(feed.header("content-type") == "text/calendar; charset=utf-8")
        #expect(
            feed.header("cache-control")?.contains("no-store") == true
                && feed.header("cache-control")?.contains("private") == true)

        // The raw text: CRLF everywhere, no line over 75 octets.
        let bytes = [UInt8](feed.body)
        var lineLength = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0A {
                #expect(previous == 0x0D, "LF only after CR")
                lineLength = 0
            } else if byte != 0x0D {
                lineLength += 1
                #expect(lineLength <= 75)
            }
            previous = byte
        }
        #expect(bytes.suffix(2) == [0x0D, 0x0A])

        // Parsed by python3-icalendar.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("eg-feed-\(UUID().uuidString).ics")
        try feed.body.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let parsed = try run(
            "/usr/bin/python3", [repositoryRoot + "/Tests/IntegrationTests/Scripts/ics_events.py", file.path])
        #expect(parsed.status == 0, "\(parsed.errorOutput)")
        let json = try #require(try JSONSerialization.jsonObject(with: parsed.stdout) as? [String: Any])
        let calendar = try #require(json["calendar"] as? [String: String])
        #expect(calendar["VERSION"] == "2.0" && calendar["METHOD"] == "PUBLISH" && calendar["CALSCALE"] == "GREGORIAN")
        #expect(calendar["X-WR-TIMEZONE"] == "Europe/Stockholm")
        #expect(calendar["X-WR-CALNAME"] == "EventGaraget Väst AB – bokningar", "in the owner's language (Swedish)")
        #expect(calendar["PRODID"]?.isEmpty == false)
        let events = try #require(json["events"] as? [[String: Any]])
        let event = try #require(events.first { ($0["summary"] as? String)?.contains(booking.number) == true })
        let host = try #require(url.split(separator: "/").dropFirst().first.map(String.init))
        #expect(event["uid"] as? String == "booking-\(booking.id)@\(host)")
        #expect(event["dtstart"] as? String == booking.start && event["dtstart_is_date"] as? Bool == true)
        #expect(event["dtend"] as? String == booking.dayAfterEnd, "all-day events end the day after the pickup")
        #expect(
            event["summary"] as? String == "\(booking.number) · Hisingens Bygg & Måleri AB · Sommarfest Hisingens Bygg")
        #expect(event["location"] as? String == "Slottsskogen, Stora dammen, 413 08 Göteborg")
        #expect(event["status"] as? String == "CONFIRMED" && event["transp"] as? String == "TRANSPARENT")
        #expect((event["url"] as? String)?.hasSuffix("/admin/bookings/\(booking.id)") == true)
        let description = try #require(event["description"] as? String)
        #expect(description.contains("Status: Bekräftad") && description.contains("1 × Festtält 6×12 m"))
        #expect(description.contains("\n10 × Ståbord Ø 80 cm"), "line breaks survive the escaping")
        #expect(event["dtstamp"] != nil && event["sequence"] as? String == "0")
        #expect(try Self.sql(stack, "SELECT count(*) FROM calendar_feeds WHERE last_used_at IS NOT NULL") == "1")

        // The same UID after a change, with a higher SEQUENCE; a cancelled booking stays as CANCELLED.
        _ = try admin.get("/admin/bookings/\(booking.id)")
        #expect(
            try admin.post(
                "/admin/bookings/\(booking.id)/state/cancelled", [("from", "confirmed"), ("reason", "Regn")]
            ).status == 303)
        try (try stack.client.get(feedPath)).body.write(to: file)
        let again = try run(
            "/usr/bin/python3", [repositoryRoot + "/Tests/IntegrationTests/Scripts/ics_events.py", file.path])
        let againJSON = try #require(try JSONSerialization.jsonObject(with: again.stdout) as? [String: Any])
        let cancelled = try #require(
            (againJSON["events"] as? [[String: Any]])?.first { $0["uid"] as? String == event["uid"] as? String })
        #expect(cancelled["status"] as? String == "CANCELLED" && cancelled["sequence"] as? String == "1")

        // Revoked: the URL stops working at once, like one never issued.
        let account = try admin.get("/admin/account")
        let revoke = try #require(
            account.text.range(of: #"/admin/account/calendar-feeds/[0-9]+/revoke"#, options: .regularExpression).map {
                String(account.text[$0])
            })
        #expect(try admin.post(revoke).status == 303)
        #expect(try stack.client.get(feedPath).status == 404)
        #expect(try stack.client.get("/calendar/\(String(repeating: "A", count: 43)).ics").status == 404)
        #expect(try stack.client.get("/calendar/short.ics").status == 404)
    }

    /// The feed path from the account page right after making a feed (the URL is shown once).
    static func makeFeed(_ browser: StaffBrowser, name: String) throws -> String {
        _ = try browser.get("/admin/account")
        let created = try browser.post("/admin/account/calendar-feeds", [("name", name)])
        let range = try #require(
            created.text.range(of: #"/calendar/[A-Za-z0-9_-]{43}\.ics"#, options: .regularExpression))
        return String(created.text[range])
    }

    /// Finding M6: a feed URL is a credential kept in someone's calendar app. It expires after a
    /// year unless renewed (the same URL), is listed with its last use, and ends with the
    /// sessions: the owner's password change, an admin's reset, deactivation.
    @Test func feedsExpireAreRenewedAndEndWithTheSessions() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let maria = try Self.signIn(stack, "maria@eventgaraget.se")
        let feed = try Self.makeFeed(maria, name: "Telefonen")
        #expect(try stack.client.get(feed).status == 200)
        let listed = try maria.get("/admin/account")
        #expect(listed.text.contains("Telefonen"))
        #expect(listed.text.contains("last fetched"))
        let yearOn = try Self.sql(
            stack, "SELECT to_char((now() + interval '365 days') AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD')")
        #expect(listed.text.contains("valid until \(yearOn)"))

        // A year on: the URL answers like one never issued, until renewed.
        _ = try Self.sql(stack, "UPDATE calendar_feeds SET expires_at = now() - interval '1 minute'")
        #expect(try stack.client.get(feed).status == 404)
        let expired = try maria.get("/admin/account")
        #expect(expired.text.contains("Expired"))
        let renew = try #require(
            expired.text.range(of: #"/admin/account/calendar-feeds/[0-9]+/renew"#, options: .regularExpression).map {
                String(expired.text[$0])
            })
        let renewed = try maria.post(renew)
        #expect(renewed.status == 303, "\(renewed.status) \(renewed.text.suffix(3000))")
        #expect(try stack.client.get(feed).status == 200, "the same URL works again")
        #expect(
            try Self.sql(
                stack, "SELECT count(*) FROM audit_log WHERE entity_type = 'calendar_feed' AND action = 'renewed'")
                == "1")

        // The owner changes the password: the feed ends with the other sessions.
        _ = try maria.get("/admin/account")
        #expect(
            try maria.post(
                "/admin/account/password",
                [
                    ("current_password", "eventgaraget-demo"), ("new_password", "ett nytt långt lösenord"),
                    ("confirm_password", "ett nytt långt lösenord"),
                ]
            ).status == 303)
        #expect(try stack.client.get(feed).status == 404)

        // An admin's reset and a deactivation end them too.
        let second = try Self.makeFeed(maria, name: "Datorn")
        #expect(try stack.client.get(second).status == 200)
        let admin = try Self.signIn(stack, "admin@eventgaraget.se")
        let mariaID = try Self.sql(stack, "SELECT id FROM users WHERE email = 'maria@eventgaraget.se'")
        let editor = try admin.get("/admin/users/\(mariaID)/edit")
        var form = try EditorForm(html: editor.text, action: "/admin/users/\(mariaID)")
        form.values["password"] = "återställt av admin"
        form.values["confirm_password"] = "återställt av admin"
        #expect(try admin.post("/admin/users/\(mariaID)", form.pairs.filter { $0.0 != "_csrf" }).status == 303)
        #expect(try stack.client.get(second).status == 404)

        let again = StaffBrowser(client: stack.client)
        #expect(try again.login(email: "maria@eventgaraget.se", password: "återställt av admin").status == 303)
        let third = try Self.makeFeed(again, name: "Surfplattan")
        #expect(try stack.client.get(third).status == 200)
        _ = try admin.get("/admin/users/\(mariaID)/edit")
        #expect(try admin.post("/admin/users/\(mariaID)/deactivate").status == 303)
        #expect(try stack.client.get(third).status == 404)
        #expect(try Self.sql(stack, "SELECT count(*) FROM calendar_feeds WHERE revoked_at IS NULL") == "0")
    }

    @Test func theDashboardShowsWhatWaitsTodayAndTomorrowAndRevenueToThoseWhoSeeReports() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let booking = try Self.demoBooking(stack)
        let sent = try Self.sql(stack, "SELECT number FROM quotations WHERE state = 'sent'")
        #expect(!sent.isEmpty && !sent.contains("\n"), "one sent demo quotation")
        let admin = try Self.signIn(stack, "admin@eventgaraget.se")

        let dashboard = try admin.get("/admin")
        #expect(dashboard.status == 200)
        let approval = Self.section(dashboard.text, id: "awaiting-approval")
        let unapproved = try Self.sql(
            stack, "SELECT count(*) FROM bookings WHERE state = 'confirmed' AND approved_at IS NULL")
        #expect(approval.contains(booking.number) && approval.contains("Waiting for approval (\(unapproved))"))
        #expect(approval.contains("href=\"/admin/bookings?state=confirmed\""))
        let awaiting = Self.section(dashboard.text, id: "awaiting-signature")
        #expect(awaiting.contains(sent) && awaiting.contains("Bröllop på Särö") && awaiting.contains("sent today"))
        #expect(awaiting.contains("href=\"/admin/quotations?state=sent\""))
        let signed = Self.section(dashboard.text, id: "recently-signed")
        #expect(signed.contains(booking.number))
        let states = Self.section(dashboard.text, id: "by-state")
        for state in ["confirmed", "packed", "delivered", "returned", "closed", "cancelled"] {
            let count = try Self.sql(stack, "SELECT count(*) FROM bookings WHERE state = '\(state)'")
            #expect(count != "0", "the demo month has \(state) bookings")
            #expect(
                states.contains(
                    "href=\"/admin/bookings?state=\(state)\"><div class=\"value\">\(count)</div><div>\(state.prefix(1).uppercased() + state.dropFirst())</div>"
                ))
        }
        let revenue = Self.section(dashboard.text, id: "revenue")
        // Net of the bookings signed this month (Stockholm) and not cancelled.
        let net = try Self.sql(
            stack,
            """
            SELECT coalesce(sum(total_ore - vat_ore), 0) FROM bookings
             WHERE state <> 'cancelled'
               AND created_at >= date_trunc('month', now() AT TIME ZONE 'Europe/Stockholm') AT TIME ZONE 'Europe/Stockholm'
            """)
        let kronor = (Int(net) ?? 0) / 100
        #expect(revenue.contains("This month so far"))
        let cents = (Int(net) ?? 0) % 100
        #expect(revenue.contains("SEK\u{00A0}\(Self.grouped(kronor)).\(cents < 10 ? "0" : "")\(cents)"), "\(revenue)")

        // The demo month has deliveries and pickups today and tomorrow.
        func trips(_ column: String, inDays days: Int) throws -> Int {
            Int(
                try Self.sql(
                    stack,
                    """
                    SELECT count(*) FROM bookings
                     WHERE \(column) = (now() AT TIME ZONE 'Europe/Stockholm')::date + \(days) AND state <> 'cancelled'
                    """)) ?? -1
        }
        let counts = [
            try trips("period_start", inDays: 0), try trips("period_end", inDays: 0),
            try trips("period_start", inDays: 1),
            try trips("period_end", inDays: 1),
        ]
        #expect(counts.allSatisfy { $0 > 0 }, "\(counts)")
        let before = try admin.get("/admin")
        #expect(Self.section(before.text, id: "today").contains("Deliveries (\(counts[0]))"))
        #expect(Self.section(before.text, id: "tomorrow").contains("Pickups (\(counts[3]))"))

        // Move the booking to today and tomorrow (Stockholm): it shows as today's delivery and tomorrow's pickup.
        try stack.postgres.psql(
            """
            UPDATE bookings SET period_start = (now() AT TIME ZONE 'Europe/Stockholm')::date,
                                period_end = (now() AT TIME ZONE 'Europe/Stockholm')::date + 1
             WHERE id = \(booking.id)
            """, database: databaseName(fromURL: stack.databaseURL))
        let moved = try admin.get("/admin")
        let today = Self.section(moved.text, id: "today")
        #expect(
            today.contains("Deliveries (\(counts[0] + 1))") && today.contains(booking.number)
                && today.contains("Pickups (\(counts[1]))"))
        let tomorrow = Self.section(moved.text, id: "tomorrow")
        #expect(
            tomorrow.contains("Deliveries (\(counts[2]))") && tomorrow.contains("Pickups (\(counts[3] + 1))")
                && tomorrow.contains(booking.number))

        // The warehouse sees its day, not the sales figures.
        let lager = try Self.signIn(stack, "lager@eventgaraget.se")
        let warehouse = try lager.get("/admin")
        #expect(warehouse.status == 200)
        #expect(Self.section(warehouse.text, id: "today").contains(booking.number))
        #expect(!warehouse.text.contains("id=\"revenue\"") && !warehouse.text.contains("id=\"awaiting-signature\""))

        // Swedish works as well.
        admin.language = "sv"
        let swedish = try admin.get("/admin")
        #expect(
            swedish.text.contains("Väntar på godkännande") && swedish.text.contains("Leveranser (\(counts[0] + 1))"))
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}
