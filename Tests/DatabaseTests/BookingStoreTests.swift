import Database
import Domain
import Foundation
import TestSupport
import Testing
import UseCases

/// Bookings made the real way (draft → send → sign), so the stores read what signing writes.
struct BookingFixture {
    let base: QuotationFixture
    let otherCustomer: CustomerID
    let actor: AuditActor
    let db: Connection

    init(_ db: Connection, stock: Int = 100) throws {
        self.db = db
        base = try QuotationFixture(db, stock: stock)
        otherCustomer = try CustomerStore.create(
            db,
            details: CustomerDetails(
                kind: .company, name: "Sofia Lindström", companyName: "Västkustens Bröllop & Fest AB",
                email: "sofia@vastkusten.example", phone: "031-70 80 90",
                billingAddress: PostalAddress(line1: "Kungsportsavenyen 21", postalCode: "411 36", city: "Göteborg")))
        actor = .staff(UserID(rawValue: base.user), requestID: "test", ip: "192.0.2.1")
    }

    /// A signed booking of `quantity` tents and a delivery for `start…end`.
    func booking(
        _ start: String, _ end: String, customer: CustomerID? = nil, title: String? = nil, quantity: Int = 2,
        city: String = "Partille"
    ) throws -> BookingID {
        let outcome = try sign(start, end, customer: customer, title: title, quantity: quantity, city: city)
        guard case .signed(let id, _, _) = outcome else { throw TestFailure("expected a booking, got \(outcome)") }
        return id
    }

    func sign(
        _ start: String, _ end: String, customer: CustomerID? = nil, title: String? = nil, quantity: Int = 2,
        city: String = "Partille"
    )
        throws -> SigningOutcome
    {
        let period = try RentalPeriod(start: try CalendarDate(iso: start), end: try CalendarDate(iso: end))
        let quotation = try QuotationStore.createDraft(
            db, customer: customer ?? base.customer, period: period, title: title,
            deliveryAddress: PostalAddress(line1: "Ängsvägen 3", postalCode: "433 30", city: city),
            lines: [
                try QuotationLine(
                    item: .product(base.product), description: "Partytält 3×3 m, vit", quantity: quantity,
                    pricing: .perDay,
                    unitPrice: Money(ore: 45_000)),
                try QuotationLine(
                    item: .addon(base.addon), description: "Leverans", quantity: 1, pricing: .flat,
                    unitPrice: Money(ore: 99_500)),
            ],
            termsHTML: "<p>Villkor</p>", createdBy: base.user)
        let sent = try SendQuotation.freeze(db, quotationID: quotation, sentBy: base.user)
        return try SignQuotation.run(
            db, tokenHash: sent.token.hash, signature: .typed(name: "Åsa Öberg"),
            evidence: SigningEvidenceInput(signerName: "Åsa Öberg", ipAddress: "203.0.113.7", userAgent: "Test/1.0"))
    }

    func state(_ id: BookingID) throws -> String {
        try db.query("SELECT state FROM bookings WHERE id = \(id.rawValue)")[0].decode("state")
    }

    func count(_ sql: Query) throws -> Int { try QuotationFixture.count(db, sql) }
}

func day(_ iso: String) throws -> CalendarDate { try CalendarDate(iso: iso) }

@Suite("Bookings: list, detail, workflow, calendar and dashboard")
struct BookingStoreTests {
    @Test func theListFiltersByStateDatesCustomerAndSearchNewestFirstWithKeysetPages() throws {
        let db = try TestDatabase.migrated("bookings_list")
        let f = try BookingFixture(db)
        let midsummer = try f.booking("2026-06-19", "2026-06-21", title: "Midsommarfest")
        let wedding = try f.booking(
            "2026-07-01", "2026-07-02", customer: f.otherCustomer, title: "Bröllop på Särö", city: "Särö")
        let crayfish = try f.booking("2026-08-10", "2026-08-10", title: "Kräftskiva")
        #expect(try TransitionBooking.run(db, id: wedding, from: .confirmed, to: .packed, actor: f.actor) == .done)

        func ids(_ filter: BookingListFilter) throws -> [BookingID] {
            try BookingStore.list(db, filter: filter).rows.map(\.id)
        }
        #expect(try ids(BookingListFilter()) == [crayfish, wedding, midsummer])
        #expect(try ids(BookingListFilter(state: .packed)) == [wedding])
        #expect(try ids(BookingListFilter(state: .cancelled)).isEmpty)
        // Dates select bookings whose period touches the range; both ends count.
        #expect(try ids(BookingListFilter(from: day("2026-06-21"), to: day("2026-07-01"))) == [wedding, midsummer])
        #expect(try ids(BookingListFilter(from: day("2026-06-22"), to: day("2026-06-30"))).isEmpty)
        #expect(try ids(BookingListFilter(from: day("2026-07-02"))) == [crayfish, wedding])
        #expect(try ids(BookingListFilter(to: day("2026-06-19"))) == [midsummer])
        #expect(try ids(BookingListFilter(customer: f.otherCustomer)) == [wedding])
        #expect(try ids(BookingListFilter(state: .confirmed, customer: f.base.customer)) == [crayfish, midsummer])
        // Search: the event, the company, the person, the booking number; LIKE wildcards are literal.
        #expect(try ids(BookingListFilter(search: "bröllop")) == [wedding])
        #expect(try ids(BookingListFilter(search: "VÄSTKUSTENS")) == [wedding])
        #expect(try ids(BookingListFilter(search: "Åsa")) == [crayfish, midsummer])
        let number =
            try BookingStore.list(db, filter: BookingListFilter(customer: f.base.customer)).rows.last?.number ?? ""
        #expect(try ids(BookingListFilter(search: number)) == [midsummer])
        #expect(try ids(BookingListFilter(search: "%")).isEmpty)
        #expect(try ids(BookingListFilter(search: "_")).isEmpty)

        let row = try #require(try BookingStore.list(db, filter: BookingListFilter(state: .packed)).rows.first)
        #expect(row.customerName == "Västkustens Bröllop & Fest AB", "a company shows as the company")
        #expect(row.period == (try RentalPeriod(start: day("2026-07-01"), end: day("2026-07-02"))))
        #expect(row.city == "Särö" && row.title == "Bröllop på Särö" && row.approvedAt == nil)
        #expect(row.total.ore > 0)

        let first = try BookingStore.list(db, filter: BookingListFilter(limit: 2))
        #expect(first.rows.map(\.id) == [crayfish, wedding])
        #expect(first.nextCursor == wedding)
        let second = try BookingStore.list(db, filter: BookingListFilter(after: first.nextCursor, limit: 2))
        #expect(second.rows.map(\.id) == [midsummer])
        #expect(second.nextCursor == nil)

        #expect(try BookingStore.customerName(db, id: f.otherCustomer) == "Västkustens Bröllop & Fest AB")
        #expect(try BookingStore.customerName(db, id: CustomerID(rawValue: 999_999)) == nil)
    }

    @Test func theDetailShowsTheSignedLinesTheContactTotalsAndHistory() throws {
        let db = try TestDatabase.migrated("bookings_detail")
        let f = try BookingFixture(db)
        let id = try f.booking("2026-06-19", "2026-06-21", title: "Midsommarfest", quantity: 3)
        let booking = try #require(try BookingStore.detail(db, id: id))
        #expect(booking.number.hasPrefix("EG-") && booking.state == .confirmed && booking.title == "Midsommarfest")
        #expect(
            booking.contact.name == "Åsa Öberg" && booking.contact.email == "asa@example.se"
                && !booking.contact.isCompany)
        #expect(booking.deliveryAddress.printedLines == ["Ängsvägen 3", "433 30 Partille"])
        #expect(booking.quotationNumber.hasPrefix("Q-") && booking.quotationVersion == 1)
        #expect(booking.lines.count == 2)
        #expect(booking.lines[0].kind == .product(f.base.product, sku: "TALT-3x3"))
        #expect(
            booking.lines[0].description == "Partytält 3×3 m, vit" && booking.lines[0].quantity == 3
                && booking.lines[0].days == 3)
        #expect(booking.lines[0].total == Money(ore: 45_000 * 3 * 3))
        #expect(booking.lines[1].kind == .addon && booking.lines[1].total == Money(ore: 99_500))
        #expect(
            booking.packing == [
                PackingItem(
                    productID: f.base.product, sku: "TALT-3x3", description: "Partytält 3×3 m, vit", quantity: 3)
            ])
        #expect(booking.linesSubtotal == Money(ore: 405_000 + 99_500))
        #expect(booking.vat == Money(ore: 126_125) && booking.total == Money(ore: 630_625))
        #expect(booking.net == Money(ore: 504_500))
        #expect(booking.version == 1 && booking.notes.isEmpty && booking.approvedAt == nil)

        let history = try BookingStore.history(db, id: id)
        #expect(history.map(\.action) == ["created"])
        #expect(history[0].actorKind == "customer" && history[0].actorName == nil)
        #expect(
            history[0].after["state"] == "confirmed" && history[0].after["quotation_id"] != nil, "numbers read as text")

        #expect(try BookingStore.detail(db, id: BookingID(rawValue: 999_999)) == nil)
    }

    @Test func theWorkflowMovesOneStepAtATimeEachWithItsAuditRow() throws {
        let db = try TestDatabase.migrated("bookings_workflow")
        let f = try BookingFixture(db)
        let id = try f.booking("2026-06-19", "2026-06-21")
        func audits() throws -> Int {
            try f.count(
                "SELECT count(*) AS n FROM audit_log WHERE entity_type = 'booking' AND action = 'state_changed'")
        }

        #expect(try TransitionBooking.run(db, id: id, from: .confirmed, to: .packed, actor: f.actor) == .done)
        let row = try #require(try BookingStore.history(db, id: id).first)
        #expect(
            row.action == "state_changed" && row.before == ["state": "confirmed"] && row.after == ["state": "packed"])
        #expect(row.actorName == "Sälja Re")

        // A page that still shows "confirmed": refused, nothing changes.
        #expect(
            try TransitionBooking.run(db, id: id, from: .confirmed, to: .cancelled, reason: "x", actor: f.actor)
                == .refused(.stale(current: .packed)))
        #expect(try f.state(id) == "packed" && (try audits()) == 1)

        for (from, to) in [
            (BookingState.packed, BookingState.delivered), (.delivered, .returned), (.returned, .closed),
        ] {
            #expect(try TransitionBooking.run(db, id: id, from: from, to: to, actor: f.actor) == .done)
        }
        #expect(try f.state(id) == "closed" && (try audits()) == 4)
        #expect(try BookingStore.detail(db, id: id)?.version == 5)

        // Closed is final.
        #expect(
            try TransitionBooking.run(db, id: id, from: .closed, to: .packed, actor: f.actor)
                == .refused(.notAllowed(from: .closed, to: .packed)))
        #expect(try f.state(id) == "closed" && (try audits()) == 4)
        #expect(
            try TransitionBooking.run(
                db, id: BookingID(rawValue: 999_999), from: .confirmed, to: .packed, actor: f.actor) == .notFound)
    }

    @Test func cancellingNeedsAReasonAndReleasesTheStock() throws {
        let db = try TestDatabase.migrated("bookings_cancel")
        let f = try BookingFixture(db, stock: 2)
        let id = try f.booking("2026-06-19", "2026-06-21", quantity: 2)
        guard case .unavailable = try f.sign("2026-06-20", "2026-06-20", quantity: 1) else {
            Issue.record("both tents are out that weekend")
            return
        }
        #expect(
            try TransitionBooking.run(db, id: id, from: .confirmed, to: .cancelled, reason: "  ", actor: f.actor)
                == .refused(.reasonRequired))
        #expect(try f.state(id) == "confirmed")

        #expect(
            try TransitionBooking.run(
                db, id: id, from: .confirmed, to: .cancelled, reason: "Festen flyttades", actor: f.actor) == .done)
        let booking = try #require(try BookingStore.detail(db, id: id))
        #expect(booking.state == .cancelled && booking.cancelReason == "Festen flyttades" && booking.cancelledAt != nil)
        #expect(
            try BookingStore.history(db, id: id).first?.after == [
                "state": "cancelled", "cancel_reason": "Festen flyttades",
            ])
        guard case .signed = try f.sign("2026-06-20", "2026-06-20", quantity: 1) else {
            Issue.record("the cancelled booking no longer holds the tents")
            return
        }
    }

    @Test func approvalRecordsWhoAndWhenOnce() throws {
        let db = try TestDatabase.migrated("bookings_approve")
        let f = try BookingFixture(db)
        let id = try f.booking("2026-06-19", "2026-06-21")
        let manager = UserID(rawValue: f.base.user)
        #expect(try ApproveBooking.run(db, id: id, by: manager, actor: f.actor) == .done)
        let booking = try #require(try BookingStore.detail(db, id: id))
        #expect(booking.approvedBy == "Sälja Re" && booking.approvedAt != nil && booking.version == 2)
        let audit = try #require(try BookingStore.history(db, id: id).first)
        #expect(audit.action == "approved" && audit.after["approved_by"] == "Sälja Re")

        guard
            case .refused(.alreadyApproved(let by, _)) = try ApproveBooking.run(db, id: id, by: manager, actor: f.actor)
        else {
            Issue.record("a second approval is refused")
            return
        }
        #expect(by == "Sälja Re")
        #expect(try f.count("SELECT count(*) AS n FROM audit_log WHERE action = 'approved'") == 1)

        let cancelled = try f.booking("2026-09-01", "2026-09-02")
        _ = try TransitionBooking.run(
            db, id: cancelled, from: .confirmed, to: .cancelled, reason: "Inställt", actor: f.actor)
        #expect(try ApproveBooking.run(db, id: cancelled, by: manager, actor: f.actor) == .refused(.cancelled))
        #expect(try ApproveBooking.run(db, id: BookingID(rawValue: 999_999), by: manager, actor: f.actor) == .notFound)
    }

    @Test func notesAreSavedOnlyFromTheCurrentVersion() throws {
        let db = try TestDatabase.migrated("bookings_notes")
        let f = try BookingFixture(db)
        let id = try f.booking("2026-06-19", "2026-06-21")
        #expect(
            try BookingStore.updateNotes(
                db, id: id, notes: "Porten är smal.\nRing före.", expectedVersion: 1, actor: f.actor) == .done)
        #expect(try BookingStore.detail(db, id: id)?.notes == "Porten är smal.\nRing före.")
        // A second form made from version 1: refused, the saved text stays.
        #expect(
            try BookingStore.updateNotes(db, id: id, notes: "Annat", expectedVersion: 1, actor: f.actor)
                == .refused(.versionChanged))
        #expect(try BookingStore.detail(db, id: id)?.notes == "Porten är smal.\nRing före.")
        // The same text again: nothing to record.
        #expect(
            try BookingStore.updateNotes(
                db, id: id, notes: "Porten är smal.\nRing före.", expectedVersion: 2, actor: f.actor) == .done)
        #expect(try BookingStore.detail(db, id: id)?.version == 2)
        #expect(
            try f.count("SELECT count(*) AS n FROM audit_log WHERE entity_type = 'booking' AND action = 'updated'") == 1
        )
        // Clearing stores NULL.
        #expect(try BookingStore.updateNotes(db, id: id, notes: "", expectedVersion: 2, actor: f.actor) == .done)
        #expect(try f.count("SELECT count(*) AS n FROM bookings WHERE notes IS NULL") == 1)
        #expect(
            try BookingStore.updateNotes(
                db, id: BookingID(rawValue: 999_999), notes: "x", expectedVersion: 1, actor: f.actor) == .notFound)
    }

    @Test func theCalendarShowsBookingsOnTheirDaysAndTheFeedKeepsCancelledOnes() throws {
        let db = try TestDatabase.migrated("bookings_calendar")
        let f = try BookingFixture(db)
        let midsummer = try f.booking("2026-06-19", "2026-06-21", title: "Midsommarfest")
        let cancelled = try f.booking("2026-06-20", "2026-06-20")
        let later = try f.booking("2026-06-25", "2026-06-26")
        _ = try TransitionBooking.run(
            db, id: cancelled, from: .confirmed, to: .cancelled, reason: "Regn", actor: f.actor)

        let week = try RentalPeriod(start: day("2026-06-15"), end: day("2026-06-21"))
        let shown = try BookingStore.overlapping(db, period: week)
        #expect(shown.map(\.id) == [midsummer], "cancelled ones are left out")
        #expect(shown[0].customerName == "Åsa Öberg" && shown[0].deliveryAddress.city == "Partille")
        #expect(
            try BookingStore.overlapping(db, period: RentalPeriod(start: day("2026-06-21"), end: day("2026-06-25")))
                .map(\.id) == [midsummer, later])
        #expect(try BookingStore.deliveries(db, on: day("2026-06-19")).map(\.id) == [midsummer])
        #expect(try BookingStore.pickups(db, on: day("2026-06-21")).map(\.id) == [midsummer])
        #expect(try BookingStore.deliveries(db, on: day("2026-06-20")).isEmpty)

        let feed = try BookingStore.feed(db, window: week)
        #expect(feed.map(\.booking.id) == [midsummer, cancelled])
        #expect(feed[1].booking.state == .cancelled && feed[1].version == 2)
        #expect(feed[0].items == [FeedBooking.Item(quantity: 2, name: "Partytält 3×3 m")])
        #expect(feed[0].contactName == "Åsa Öberg")
    }

    @Test func theDashboardCountsWhatWaitsAndComparesRevenue() throws {
        let db = try TestDatabase.migrated("bookings_dashboard")
        let f = try BookingFixture(db)
        let a = try f.booking("2026-06-19", "2026-06-21")
        let b = try f.booking("2026-07-01", "2026-07-02")
        let c = try f.booking("2026-08-01", "2026-08-01")
        _ = try ApproveBooking.run(db, id: b, by: UserID(rawValue: f.base.user), actor: f.actor)
        _ = try TransitionBooking.run(db, id: c, from: .confirmed, to: .cancelled, reason: "Inställt", actor: f.actor)

        #expect(try DashboardStore.awaitingApproval(db).map(\.id) == [a])
        #expect(try DashboardStore.awaitingApprovalCount(db) == CappedCount(value: 1, isCapped: false))
        let counts = try DashboardStore.countsByState(db)
        #expect(counts.map(\.0) == BookingState.allCases)
        #expect(counts.map(\.1.value) == [2, 0, 0, 0, 0, 1])

        // A quotation sent three Stockholm days ago, still waiting.
        let waiting = try f.base.draft(on: db)
        _ = try SendQuotation.freeze(
            db, quotationID: waiting, sentBy: f.base.user, now: Date().addingTimeInterval(-3 * 86_400))
        let today = try day(
            String(
                try db.query("SELECT (now() AT TIME ZONE 'Europe/Stockholm')::date::text AS d")[0].decode(
                    "d", as: String.self)))
        let awaiting = try DashboardStore.awaitingSignature(db, today: today)
        #expect(awaiting.map(\.id) == [waiting])
        #expect(awaiting[0].ageDays == 3 && awaiting[0].customerName == "Åsa Öberg" && awaiting[0].total.ore > 0)
        #expect(try DashboardStore.awaitingSignatureCount(db).value == 1)

        let signed = try DashboardStore.recentlySigned(db, since: Date().addingTimeInterval(-7 * 86_400))
        #expect(signed.map(\.booking.id) == [c, b, a])
        #expect(signed[0].quotationNumber.hasPrefix("Q-"))

        // Revenue by the month bookings were made, excluding VAT and cancelled bookings.
        func net(_ id: BookingID) throws -> Money {
            Money(
                ore: try db.query("SELECT total_ore - vat_ore AS n FROM bookings WHERE id = \(id.rawValue)")[0].decode(
                    "n"))
        }
        try db.execute("UPDATE bookings SET created_at = '2026-05-10 10:00+02' WHERE id = \(a.rawValue)")
        try db.execute("UPDATE bookings SET created_at = '2026-06-02 10:00+02' WHERE id = \(b.rawValue)")
        try db.execute("UPDATE bookings SET created_at = '2026-06-01 09:00+02' WHERE id = \(c.rawValue)")
        func instant(_ text: String) throws -> Date { try #require(Date(postgresText: text)) }
        let revenue = try DashboardStore.revenue(
            db, lastMonthStart: try instant("2026-04-30 22:00:00+00"),
            thisMonthStart: try instant("2026-05-31 22:00:00+00"),
            sameTimeLastMonth: try instant("2026-05-05 10:00:00+00"))
        #expect(revenue == RevenueComparison(thisMonth: try net(b), lastMonth: try net(a), lastMonthToDate: .zero))
        #expect(try net(a) != (try net(b)), "the two bookings are told apart")
        let later = try DashboardStore.revenue(
            db, lastMonthStart: try instant("2026-04-30 22:00:00+00"),
            thisMonthStart: try instant("2026-05-31 22:00:00+00"),
            sameTimeLastMonth: try instant("2026-05-11 10:00:00+00"))
        #expect(later.lastMonthToDate == (try net(a)))
    }

    /// The pages' queries at 100,000 bookings (and quotations): none of them reads a whole table.
    @Test func everyQueryUsesAnIndexAtOneHundredThousandBookings() throws {
        let db = try TestDatabase.migrated("bookings_scale")
        let f = try BookingFixture(db)
        let sample = try f.booking("2026-06-19", "2026-06-21")
        try db.executeScript(
            unsafeSQL: """
                INSERT INTO customers (kind, name, email)
                SELECT 'person', 'Kund ' || g, 'kund' || g || '@example.se' FROM generate_series(1, 2000) g;
                INSERT INTO quotations (number, customer_id, state, period_start, period_end, created_by)
                SELECT 'Q-2020-' || lpad(g::text, 6, '0'), (SELECT min(id) FROM customers) + g % 2000, 'signed',
                       DATE '2022-01-01' + (g % 1800), DATE '2022-01-01' + (g % 1800) + g % 4, (SELECT min(id) FROM users)
                  FROM generate_series(1, 100000) g;
                INSERT INTO bookings (number, quotation_id, quotation_version_id, customer_id, state, title, period_start, period_end,
                                      delivery_city, vat_rate_bp, subtotal_ore, vat_ore, total_ore, cancelled_at, approved_by,
                                      approved_at, created_at)
                SELECT 'EG-2020-' || lpad(substr(q.number, 8), 6, '0'), q.id, (SELECT quotation_version_id FROM bookings LIMIT 1),
                       q.customer_id, s.state, 'Fest ' || q.id, q.period_start, q.period_end, 'Göteborg', 2500, 100000, 25000, 125000,
                       CASE WHEN s.state = 'cancelled' THEN now() END,
                       CASE WHEN q.id % 10 <> 0 THEN (SELECT min(id) FROM users) END,
                       CASE WHEN q.id % 10 <> 0 THEN now() END,
                       now() - (q.id % 1500) * interval '1 day'
                  FROM quotations q
                  CROSS JOIN LATERAL (SELECT (ARRAY['confirmed','packed','delivered','returned','closed','closed','closed','cancelled'])[1 + q.id % 8] AS state) s
                 WHERE q.number LIKE 'Q-2020-%';
                ANALYZE;
                """)
        #expect(try f.count("SELECT count(*) AS n FROM bookings") == 100_001)

        /// Runs `body` in a transaction and returns how many sequential scans of bookings or quotations it made.
        func bookingSeqScans(_ name: String, _ body: (Connection) throws -> Void) throws -> Int {
            // PostgreSQL 15's per-transaction view also holds counts not yet flushed from earlier
            // transactions of the session, so compare before and after.
            func scans(_ tx: Connection) throws -> Int {
                try tx.query(
                    "SELECT coalesce(sum(seq_scan), 0)::int AS n FROM pg_stat_xact_user_tables WHERE relname IN ('bookings', 'quotations')"
                )[0]
                .decode("n")
            }
            return try db.transaction { tx in
                let before = try scans(tx)
                let started = Date()
                try body(tx)
                let elapsed = Date().timeIntervalSince(started) * 1000
                print("\(name): \(String(format: "%.1f", elapsed)) ms")
                return try scans(tx) - before
            }
        }
        let checks: [(String, (Connection) throws -> Void)] = [
            ("list", { _ = try BookingStore.list($0, filter: BookingListFilter()) }),
            (
                "list next page",
                { _ = try BookingStore.list($0, filter: BookingListFilter(after: BookingID(rawValue: 50_000))) }
            ),
            ("list by state", { _ = try BookingStore.list($0, filter: BookingListFilter(state: .packed)) }),
            (
                "list by customer",
                { _ = try BookingStore.list($0, filter: BookingListFilter(customer: f.base.customer)) }
            ),
            (
                "list by dates",
                {
                    _ = try BookingStore.list(
                        $0, filter: BookingListFilter(from: try day("2023-03-01"), to: try day("2023-03-07")))
                }
            ),
            ("search number", { _ = try BookingStore.list($0, filter: BookingListFilter(search: "EG-2020-04321")) }),
            ("search customer", { _ = try BookingStore.list($0, filter: BookingListFilter(search: "Kund 1234")) }),
            ("detail", { _ = try BookingStore.detail($0, id: sample) }),
            ("history", { _ = try BookingStore.history($0, id: sample) }),
            (
                "calendar month",
                {
                    _ = try BookingStore.overlapping(
                        $0, period: RentalPeriod(start: try day("2023-02-27"), end: try day("2023-04-09")))
                }
            ),
            ("deliveries", { _ = try BookingStore.deliveries($0, on: try day("2023-03-01")) }),
            ("pickups", { _ = try BookingStore.pickups($0, on: try day("2023-03-01")) }),
            (
                "awaiting approval",
                {
                    _ = try DashboardStore.awaitingApproval($0)
                    _ = try DashboardStore.awaitingApprovalCount($0)
                }
            ),
            ("counts by state", { _ = try DashboardStore.countsByState($0) }),
            (
                "awaiting signature",
                {
                    _ = try DashboardStore.awaitingSignature($0, today: try day("2026-06-19"))
                    _ = try DashboardStore.awaitingSignatureCount($0)
                }
            ),
            (
                "recently signed",
                { _ = try DashboardStore.recentlySigned($0, since: Date().addingTimeInterval(-7 * 86_400)) }
            ),
            (
                "revenue",
                {
                    let now = Date()
                    _ = try DashboardStore.revenue(
                        $0, lastMonthStart: now.addingTimeInterval(-60 * 86_400),
                        thisMonthStart: now.addingTimeInterval(-30 * 86_400),
                        sameTimeLastMonth: now.addingTimeInterval(-45 * 86_400))
                }
            ),
        ]
        for (name, body) in checks {
            let scans = try bookingSeqScans(name, body)
            #expect(scans == 0, "\(name) reads the whole bookings table \(scans) times")
        }
        // The feed reads 14 months of bookings; at this density (55 a day) that is a fifth of the
        // table, which PostgreSQL rightly reads in one pass. It is fetched by calendar apps, not people.
        let feed = try BookingStore.feed(
            db, window: RentalPeriod(start: try day("2023-01-01"), end: try day("2024-02-29")))
        #expect(feed.count == 5000, "capped")
        // And the answers are still right at this size.
        let page = try BookingStore.list(db, filter: BookingListFilter(state: .packed))
        #expect(page.rows.count == 50 && page.rows.allSatisfy { $0.state == .packed } && page.nextCursor != nil)
        #expect(
            try BookingStore.list(db, filter: BookingListFilter(search: "EG-2020-004321")).rows.map(\.number) == [
                "EG-2020-004321"
            ])
        #expect(
            try DashboardStore.countsByState(db).first { $0.0 == .closed }?.1
                == CappedCount(value: 1000, isCapped: true))
    }
}
