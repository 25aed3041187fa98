import Domain
import Foundation
import TestSupport
import Testing
import UseCases

@testable import Database

@Suite("Customers: list, search, edit, history")
struct CustomerStoreTests {
    static let actor = AuditActor(kind: .system)

    static func person(_ name: String, email: String = "", phone: String = "") -> CustomerProfile {
        CustomerProfile(details: CustomerDetails(kind: .person, name: name, email: email, phone: phone))
    }

    static func company(_ company: String, contact: String) -> CustomerProfile {
        CustomerProfile(details: CustomerDetails(kind: .company, name: contact, companyName: company))
    }

    /// Every page in turn, following `nextAfter`.
    static func allPages(
        _ db: Connection, search: String = "", archived: Bool = false, size: Int
    ) throws -> [[CustomerSummary]] {
        var pages: [[CustomerSummary]] = []
        var after: CustomerID?
        repeat {
            let page = try CustomerStore.page(db, search: search, includeArchived: archived, after: after, limit: size)
            pages.append(page.rows)
            after = page.nextAfter.map(CustomerID.init(rawValue:))
        } while after != nil && pages.count < 100
        return pages
    }

    @Test func pagesWalkEveryCustomerOnceInSwedishOrderByTheNameShownFirst() throws {
        let db = try TestDatabase.migrated("customers_keyset")
        let names = [
            "Örjan Ek", "åsa Berg", "Anna Ek", "Ärla Lund", "Zeke Zorn", "Bo Ek", "anders Ahl", "Östen Sand", "Åke Sjö",
        ]
        for name in names { _ = try CustomerStore.create(db, profile: Self.person(name), actor: Self.actor) }
        // A company sorts by its company name, not by its contact person.
        _ = try CustomerStore.create(
            db, profile: Self.company("Cirkus AB", contact: "Öivind Ohlsson"), actor: Self.actor)
        // Same name twice: the id breaks the tie, so neither is skipped or shown twice at a page boundary.
        _ = try CustomerStore.create(db, profile: Self.person("Bo Ek"), actor: Self.actor)

        let pages = try Self.allPages(db, size: 4)
        #expect(pages.map(\.count) == [4, 4, 3])
        #expect(
            pages.flatMap { $0 }.map(\.displayName) == [
                "anders Ahl", "Anna Ek", "Bo Ek", "Bo Ek", "Cirkus AB", "Zeke Zorn", "Åke Sjö", "åsa Berg", "Ärla Lund",
                "Örjan Ek", "Östen Sand",
            ])
        let ids = pages.flatMap { $0 }.map(\.id)
        #expect(Set(ids).count == ids.count)
        // An exact multiple of the page size: no empty page at the end.
        #expect(try Self.allPages(db, size: 11).map(\.count) == [11])
        // An unknown cursor is an empty page, not an error.
        #expect(
            try CustomerStore.page(db, search: "", includeArchived: false, after: CustomerID(rawValue: 999_999)).rows
                .isEmpty)
    }

    @Test func searchFindsNameCompanyEmailAndPhoneAndTakesWildcardsLiterally() throws {
        let db = try TestDatabase.migrated("customers_search")
        let asa = try CustomerStore.create(
            db, profile: Self.person("Åsa Öberg", email: "asa.oberg@example.se", phone: "070-123 45 67"),
            actor: Self.actor)
        let firm = try CustomerStore.create(
            db, profile: Self.company("Västkustens Fest 100% AB", contact: "Sofia Lindström"), actor: Self.actor)
        let other = try CustomerStore.create(
            db, profile: Self.person("Björn 100 Ärlig", email: "bjorn_arlig@example.se"), actor: Self.actor)

        func found(_ text: String) throws -> [CustomerID] {
            try CustomerStore.page(db, search: text, includeArchived: false, after: nil).rows.map(\.id)
        }
        #expect(try found("öberg") == [asa])
        #expect(try found("ASA.OBERG@") == [asa])
        #expect(try found("kustens") == [firm])
        #expect(try found("lindström") == [firm])
        #expect(try found("0701234567") == [asa], "the phone's digits match however it was typed")
        #expect(try found("070-123 45") == [asa])
        #expect(try found("100%") == [firm], "% is a literal percent sign")
        #expect(try found("ö_e") == [], "_ is a literal underscore (as a wildcard it would match Öberg)")
        #expect(try found("bjorn_") == [other])
        #expect(try found("   ").count == 3, "blank search: everyone")
    }

    @Test func archivedCustomersAreHiddenUnlessAskedFor() throws {
        let db = try TestDatabase.migrated("customers_archived")
        let kept = try CustomerStore.create(db, profile: Self.person("Anna Ek"), actor: Self.actor)
        let gone = try CustomerStore.create(db, profile: Self.person("Bo Ek"), actor: Self.actor)
        #expect(try CustomerStore.setArchived(db, id: gone, archived: true, actor: Self.actor))
        #expect(
            try !CustomerStore.setArchived(db, id: gone, archived: true, actor: Self.actor),
            "archiving twice changes nothing")
        #expect(try CustomerStore.page(db, search: "ek", includeArchived: false, after: nil).rows.map(\.id) == [kept])
        let all = try CustomerStore.page(db, search: "ek", includeArchived: true, after: nil).rows
        #expect(all.map(\.id) == [kept, gone])
        #expect(all.map(\.archived) == [false, true])
        #expect(try CustomerStore.record(db, id: gone)?.archivedAt != nil)
        #expect(try CustomerStore.setArchived(db, id: gone, archived: false, actor: Self.actor))
        #expect(try CustomerStore.record(db, id: gone)?.archivedAt == nil)
        let actions: [String] = try db.query(
            "SELECT action FROM audit_log WHERE entity_type = 'customer' AND entity_id = \(gone.rawValue) ORDER BY id"
        ).map { try $0.decode("action") }
        #expect(actions == ["created", "archived", "restored"])
    }

    @Test func anEditFromAnOutdatedVersionIsRefusedWithTheCurrentCustomer() throws {
        let db = try TestDatabase.migrated("customers_conflict")
        let id = try CustomerStore.create(
            db, profile: Self.person("Anna Ek", email: "anna@example.se"), actor: Self.actor)
        let loaded = try #require(try CustomerStore.record(db, id: id))
        #expect(loaded.version == 1)

        var first = loaded.profile
        first.details.phone = "031-12 34 56"
        try CustomerStore.update(db, id: id, version: loaded.version, profile: first, actor: Self.actor)

        var second = loaded.profile
        second.details.name = "Anna Ekström"
        var current: CustomerRecord?
        do {
            try CustomerStore.update(db, id: id, version: loaded.version, profile: second, actor: Self.actor)
        } catch CustomerStoreError.versionConflict(let record) {
            current = record
        }
        #expect(current?.profile.details.phone == "031-12 34 56")
        #expect(current?.version == 2)
        let stored = try #require(try CustomerStore.record(db, id: id))
        #expect(stored.profile.details.name == "Anna Ek", "the stale edit wrote nothing")

        // Saving the same values again writes nothing: no new version, no audit row.
        try CustomerStore.update(db, id: id, version: 2, profile: first, actor: Self.actor)
        #expect(try CustomerStore.record(db, id: id)?.version == 2)
        let audit = try db.query(
            "SELECT action, before::text AS b, after::text AS a FROM audit_log WHERE entity_type = 'customer' ORDER BY id"
        )
        #expect(audit.count == 2)
        #expect(try audit[1].decode("action", as: String.self) == "updated")
        #expect(try audit[1].decode("b", as: String.self) == #"{"phone": ""}"#)
        #expect(try audit[1].decode("a", as: String.self) == #"{"phone": "031-12 34 56"}"#)
    }

    @Test func theDatabaseChecksComeBackAsFieldProblems() throws {
        let db = try TestDatabase.migrated("customers_checks")
        // Domain validation comes first; these are the database's own guards behind it.
        var profile = Self.company("X AB", contact: "Anna")
        profile.details.companyName = ""
        var problems: [CustomerProfile.Field: RecordFieldProblem]?
        do { _ = try CustomerStore.create(db, profile: profile, actor: Self.actor) } catch CustomerStoreError.invalid(
            let p)
        { problems = p }
        #expect(problems == [.companyName: .required], "a company without a company name (NULL) is refused")
        do {
            _ = try CustomerStore.create(
                db, profile: Self.person("Anna", email: "anna at example.se"), actor: Self.actor)
        } catch CustomerStoreError.invalid(let p) { problems = p }
        #expect(problems == [.email: .invalidEmail])
        #expect(try db.query("SELECT count(*) AS n FROM audit_log")[0].decode("n", as: Int.self) == 0)
    }

    @Test func historyShowsQuotationsBookingsAndTheirActivity() throws {
        let db = try TestDatabase.migrated("customers_history")
        let f = try QuotationFixture(db, stock: 10)
        let signed = try f.draft(on: db)
        let sent = try SendQuotation.freeze(db, quotationID: signed, sentBy: f.user)
        _ = try SignQuotation.run(
            db, tokenHash: sent.token.hash, signature: .typed(name: "Åsa Öberg"),
            evidence: SigningEvidenceInput(signerName: "Åsa Öberg", ipAddress: "203.0.113.7", userAgent: "Test"))
        let open = try f.draft(on: db)
        var edited = try #require(try CustomerStore.record(db, id: f.customer))
        var profile = edited.profile
        profile.notes = "Ring före leverans."
        try CustomerStore.update(db, id: f.customer, version: edited.version, profile: profile, actor: Self.actor)
        edited = try #require(try CustomerStore.record(db, id: f.customer))

        let history = try CustomerStore.history(db, id: f.customer)
        #expect(history.quotations.map(\.id) == [open, signed])
        #expect(history.quotations.map(\.state) == [.draft, .signed])
        #expect(history.quotations[1].total.ore > 0)
        #expect(history.bookings.count == 1)
        #expect(history.bookings.first?.state == .confirmed)
        #expect(history.bookings.first?.period.start.iso == "2026-06-19")
        let kinds = history.activity.map { "\($0.entityType):\($0.action)" }
        #expect(kinds.first == "customer:updated")
        #expect(kinds.contains("quotation:signed"))
        #expect(kinds.contains("booking:created"))
        let notes = try #require(history.activity.first?.changes.first)
        #expect(notes.field == "notes" && notes.before == "" && notes.after == "Ring före leverans.")
        // Another customer's history is empty.
        let stranger = try CustomerStore.create(db, profile: Self.person("Bo Ek"), actor: Self.actor)
        let none = try CustomerStore.history(db, id: stranger)
        #expect(none.quotations.isEmpty && none.bookings.isEmpty && none.activity.map(\.action) == ["created"])
    }

    @Test func listQueriesUseTheirIndexesWithManyCustomers() throws {
        let db = try TestDatabase.migrated("customers_plans")
        try db.execute(
            """
            INSERT INTO customers (kind, name, email, phone, archived_at)
            SELECT 'person', 'Kund ' || substr(md5(g::text), 1, 12), 'kund' || g || '@example.se', '070-' || g,
                   CASE WHEN g % 10 = 0 THEN now() END
              FROM generate_series(1, 20000) g
            """)
        try db.executeScript(unsafeSQL: "VACUUM ANALYZE customers")
        for (archived, index) in [(false, "customers_list_active_idx"), (true, "customers_list_all_idx")] {
            for cursor in [nil, ("Kund 8", Int64(5000))] as [(name: String, id: Int64)?] {
                let plan = try db.query(
                    "EXPLAIN "
                        + CustomerStore.pageQuery(search: "", includeArchived: archived, cursor: cursor, limit: 50)
                ).map { try $0.decode(0, as: String.self) }.joined(separator: "\n")
                #expect(plan.contains(index), "\(plan)")
                #expect(!plan.contains("Sort"), "\(plan)")
                #expect(!plan.contains("Seq Scan"), "\(plan)")
            }
        }
        let searchPlan = try db.query(
            "EXPLAIN " + CustomerStore.pageQuery(search: "b4a3c5d6e7", includeArchived: false, cursor: nil, limit: 50)
        ).map { try $0.decode(0, as: String.self) }.joined(separator: "\n")
        #expect(searchPlan.contains("customers_search_idx"), "\(searchPlan)")
    }
}
