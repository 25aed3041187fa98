import Dispatch
import Domain
import Foundation
import TestSupport
import Testing
import UseCases

@testable import Database

/// Users, settings and the activity log against a real PostgreSQL.
@Suite("Admin stores: users, settings, activity")
struct AdminStoresTests {
    static let actor = AuditActor(kind: .system)
    /// The admin making account changes in these tests: never the account changed.
    static let changer = UserID(rawValue: Int64.max)

    static func count(_ db: Connection, _ sql: Query) throws -> Int { try db.query(sql)[0].decode("n") }

    static func user(_ db: Connection, _ email: String, role: StaffRole = .manager) throws -> UserID {
        try UserStore.create(db, email: email, name: email, role: role, locale: .sv, passwordHash: "!", actor: actor)
    }

    static func session(_ db: Connection, for user: UserID) throws -> (id: SessionID, tokenHash: [UInt8]) {
        let tokenHash = (0..<32).map { _ in UInt8.random(in: 0...255) }
        let id = try SessionStore.create(
            db, user: user, tokenHash: tokenHash, csrfSecret: [UInt8](repeating: 7, count: 32), ip: "10.0.0.1",
            userAgent: "test", actor: actor)
        return (id, tokenHash)
    }

    // MARK: Sign-in throttle

    /// A client with a whole IPv6 /64 is one client: failures from any of its addresses count
    /// together, as nginx's limits count them (finding L8); the next /64 is someone else.
    @Test func failedSignInsCountPerIPv6Slash64AndPerIPv4Address() throws {
        let db = try TestDatabase.migrated("admin_login_slash64")
        for ip in ["2001:db8:8:8::1", "2001:db8:8:8::2", "2001:db8:8:8:ffff:ffff:ffff:ffff", "2001:db8:8:8:abcd:1:2:3"]
        {
            try LoginAttemptStore.recordFailure(
                db, email: "x@l8.se", ip: ip, user: nil, locks: false, actor: Self.actor)
        }
        try LoginAttemptStore.recordFailure(
            db, email: "x@l8.se", ip: "2001:db8:8:9::1", user: nil, locks: false, actor: Self.actor)
        try LoginAttemptStore.recordFailure(
            db, email: "x@l8.se", ip: "203.0.113.8", user: nil, locks: false, actor: Self.actor)

        #expect(try LoginAttemptStore.failures(db, email: "y@l8.se", ip: "2001:db8:8:8::77").addressFailures == 4)
        #expect(try LoginAttemptStore.failures(db, email: "y@l8.se", ip: "2001:db8:8:9:1:2:3:4").addressFailures == 1)
        #expect(try LoginAttemptStore.failures(db, email: "y@l8.se", ip: "2001:db8:8:7::1").addressFailures == 0)
        #expect(try LoginAttemptStore.failures(db, email: "y@l8.se", ip: "203.0.113.8").addressFailures == 1)
        #expect(try LoginAttemptStore.failures(db, email: "y@l8.se", ip: "203.0.113.9").addressFailures == 0)
    }

    // MARK: Users

    @Test func emailsAreUniqueWhateverTheirCase() throws {
        let db = try TestDatabase.migrated("admin_users_unique")
        _ = try Self.user(db, "anna@example.se")
        #expect(throws: UserStoreError.emailTaken) { try Self.user(db, "ANNA@example.se") }
        #expect(try Self.count(db, "SELECT count(*)::int AS n FROM users") == 1)
        #expect(try Self.count(db, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'created'") == 1)
    }

    @Test func aStaleVersionIsRefusedWithTheCurrentValuesAndNothingWritten() throws {
        let db = try TestDatabase.migrated("admin_users_version")
        let id = try Self.user(db, "bo@example.se")
        let loaded = try #require(try UserStore.find(db, id: id))
        #expect(
            try UpdateUser.run(
                db, id: id, version: loaded.version, name: "Bo Ek", role: .warehouse, locale: .en, actor: Self.actor)
                == .done)
        let stale = try UpdateUser.run(
            db, id: id, version: loaded.version, name: "Bo Gran", role: .support, locale: .sv, actor: Self.actor)
        guard case .conflict(let current) = stale else {
            Issue.record("a stale version was accepted: \(stale)")
            return
        }
        #expect(current.member.name == "Bo Ek")
        #expect(current.member.role == .warehouse)
        #expect(current.version == loaded.version + 1)
        let stored = try #require(try UserStore.find(db, id: id))
        #expect(stored.member.name == "Bo Ek")
        let audit = try db.query("SELECT before::text AS b, after::text AS a FROM audit_log WHERE action = 'updated'")
        #expect(audit.count == 1)
        #expect(try audit[0].decode("a", as: String.self) == #"{"name": "Bo Ek", "role": "warehouse", "locale": "en"}"#)
    }

    @Test func theLastActiveAdminCannotBeDemotedOrDeactivated() throws {
        let db = try TestDatabase.migrated("admin_users_last_admin")
        let first = try Self.user(db, "first@example.se", role: .admin)
        let version = try #require(try UserStore.find(db, id: first)).version
        #expect(
            try UpdateUser.run(
                db, id: first, version: version, name: "First", role: .manager, locale: .sv, actor: Self.actor)
                == .refused(.lastAdmin))
        #expect(
            try SetUserActive.run(db, id: first, active: false, by: Self.changer, actor: Self.actor)
                == .refused(.lastAdmin))
        // An inactive admin does not count: with a second admin deactivated, the first is still the last.
        let second = try Self.user(db, "second@example.se", role: .admin)
        #expect(try SetUserActive.run(db, id: second, active: false, by: Self.changer, actor: Self.actor) == .done)
        #expect(
            try SetUserActive.run(db, id: first, active: false, by: Self.changer, actor: Self.actor)
                == .refused(.lastAdmin))
        #expect(try SetUserActive.run(db, id: second, active: true, by: Self.changer, actor: Self.actor) == .done)
        #expect(try SetUserActive.run(db, id: first, active: false, by: Self.changer, actor: Self.actor) == .done)
        #expect(try UserStore.find(db, id: first)?.active == false)
    }

    /// Two admins demoting each other at the same moment: one wins, the other is told it would
    /// leave no admin. Without the lock on every active admin both would succeed.
    @Test func twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws {
        let url = TemporaryPostgres.shared.createDatabase(named: "admin_users_race")
        let setup = try Connection(url: url)
        try Migrator(connection: setup).migrate()
        for round in 0..<5 {
            let a = try Self.user(setup, "a\(round)@example.se", role: .admin)
            let b = try Self.user(setup, "b\(round)@example.se", role: .admin)
            try setup.execute(
                "UPDATE users SET role = 'manager' WHERE role = 'admin' AND id NOT IN (\(a.rawValue), \(b.rawValue))")
            let outcomes = LockedBox<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                guard let db = try? Connection(url: url) else { return }
                let target = index == 0 ? a : b
                do {
                    let change: UserChange
                    if index == 0 {
                        let version = try UserStore.find(db, id: target)?.version ?? 0
                        change = try UpdateUser.run(
                            db, id: target, version: version, name: "x", role: .support, locale: .sv, actor: Self.actor)
                    } else {
                        change = try SetUserActive.run(
                            db, id: target, active: false, by: Self.changer, actor: Self.actor)
                    }
                    switch change {
                    case .done: outcomes.update { $0.append("ok") }
                    case .refused(.lastAdmin): outcomes.update { $0.append("last admin") }
                    default: outcomes.update { $0.append("\(change)") }
                    }
                } catch {
                    outcomes.update { $0.append("\(error)") }
                }
            }
            #expect(outcomes.get().sorted() == ["last admin", "ok"], "round \(round)")
            #expect(try Self.count(setup, "SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active") == 1)
        }
    }

    @Test func deactivatingEndsEverySessionInTheSameTransaction() throws {
        let db = try TestDatabase.migrated("admin_users_deactivate")
        let id = try Self.user(db, "cecilia@example.se")
        let phone = try Self.session(db, for: id)
        let laptop = try Self.session(db, for: id)
        #expect(try SessionStore.lookup(db, tokenHash: phone.tokenHash) != nil)

        #expect(try SetUserActive.run(db, id: id, active: false, by: Self.changer, actor: Self.actor) == .done)
        #expect(try SessionStore.lookup(db, tokenHash: phone.tokenHash) == nil)
        #expect(try SessionStore.lookup(db, tokenHash: laptop.tokenHash) == nil)
        #expect(try Self.count(db, "SELECT count(*)::int AS n FROM sessions WHERE revoked_at IS NULL") == 0)
        let audit = try db.query("SELECT after->>'sessions_ended' AS n FROM audit_log WHERE action = 'deactivated'")
        #expect(try audit[0].decode("n", as: String.self) == "2")

        // Reactivated, the account can sign in again, but the old sessions stay ended.
        #expect(try SetUserActive.run(db, id: id, active: true, by: Self.changer, actor: Self.actor) == .done)
        #expect(try SessionStore.lookup(db, tokenHash: phone.tokenHash) == nil)
        #expect(try UserStore.credentials(db, email: "cecilia@example.se")?.active == true)
    }

    @Test func anAdminSettingAPasswordEndsTheUsersSessions() throws {
        let db = try TestDatabase.migrated("admin_users_password")
        let id = try Self.user(db, "dan@example.se")
        let session = try Self.session(db, for: id)
        let version = try #require(try UserStore.find(db, id: id)).version
        #expect(
            try UpdateUser.run(
                db, id: id, version: version, name: "dan@example.se", role: .manager, locale: .sv,
                passwordHash: "$argon2id$new", actor: Self.actor) == .done)
        #expect(try UserStore.passwordHash(db, id: id) == "$argon2id$new")
        #expect(try SessionStore.lookup(db, tokenHash: session.tokenHash) == nil)
        #expect(try Self.count(db, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'password_set'") == 1)
        #expect(try Self.count(db, "SELECT count(*)::int AS n FROM audit_log WHERE after::text LIKE '%argon2id%'") == 0)
    }

    // MARK: Settings

    static func values(_ record: SettingsRecord, _ change: (inout SettingsValues) -> Void) -> SettingsValues {
        var values = record.values
        change(&values)
        return values
    }

    @Test func savingSettingsAuditsOnlyTheChangedFieldsAndShowsAtOnce() throws {
        let db = try TestDatabase.migrated("admin_settings_save")
        let before = try SettingsStore.read(db)
        #expect(before.values.companyName == "EventGaraget")
        #expect(before.values.defaultVATRate == .standard)

        let new = Self.values(before) {
            $0.companyName = "Tältmästarna AB"
            $0.defaultVATRate = try! VATRate(basisPoints: 1250)
            $0.emailSender = "Tältmästarna <bokning@taltmastarna.se>"
        }
        try SettingsStore.update(db, version: before.version, values: new, actor: Self.actor)
        let after = try SettingsStore.read(db)
        #expect(after.values == new)
        #expect(after.version == before.version + 1)
        #expect(try CompanyStore.profile(db).name == "Tältmästarna AB")
        #expect(
            try db.query("SELECT email_sender FROM settings")[0].decode("email_sender", as: String.self)
                == new.emailSender)
        #expect(
            try db.query("SELECT org_number FROM settings")[0].decode("org_number", as: String?.self) == nil,
            "empty is NULL")

        let rows = try db.query(
            "SELECT entity_id, before::text AS b, after::text AS a FROM audit_log WHERE entity_type = 'settings'")
        #expect(rows.count == 1)
        #expect(try rows[0].decode("entity_id", as: Int64?.self) == nil)
        #expect(
            try rows[0].decode("b", as: String.self)
                == #"{"company_name": "EventGaraget", "email_sender": "", "default_vat_rate": "25%"}"#)
        #expect(
            try rows[0].decode("a", as: String.self)
                == #"{"company_name": "Tältmästarna AB", "email_sender": "Tältmästarna <bokning@taltmastarna.se>", "default_vat_rate": "12.5%"}"#
        )

        // Saving the same values again writes nothing (no audit row, no new version).
        try SettingsStore.update(db, version: after.version, values: new, actor: Self.actor)
        #expect(try SettingsStore.read(db).version == after.version)
        #expect(try Self.count(db, "SELECT count(*)::int AS n FROM audit_log") == 1)
    }

    @Test func aStaleSettingsFormIsRefusedWithTheCurrentSettings() throws {
        let db = try TestDatabase.migrated("admin_settings_conflict")
        let loaded = try SettingsStore.read(db)
        try SettingsStore.update(
            db, version: loaded.version, values: Self.values(loaded) { $0.city = "Malmö" }, actor: Self.actor)
        do {
            try SettingsStore.update(
                db, version: loaded.version, values: Self.values(loaded) { $0.city = "Lund" }, actor: Self.actor)
            Issue.record("a stale version was accepted")
        } catch SettingsStoreError.versionConflict(let current) {
            #expect(current.values.city == "Malmö")
        }
        #expect(try SettingsStore.read(db).values.city == "Malmö")
    }

    @Test func theLogoIsStoredWithItsHashServedConditionallyAndRemoved() throws {
        let db = try TestDatabase.migrated("admin_settings_logo")
        #expect(try SettingsStore.logo(db) == nil)
        #expect(try CompanyStore.profile(db).logoVersion == nil)

        let bytes = CompanySettingsPNG.bytes
        let image = try LogoImage.inspect(bytes)
        try SettingsStore.setLogo(db, bytes: bytes, image: image, actor: Self.actor)
        let sha = SHA256.hexDigest(bytes)
        #expect(try SettingsStore.logo(db) == .image(bytes: bytes, mimeType: "image/png", sha256: sha))
        #expect(
            try SettingsStore.logo(db, ifNoneMatch: ["0000", sha]) == .unchanged(mimeType: "image/png", sha256: sha))
        #expect(try SettingsStore.logo(db, matchAny: true) == .unchanged(mimeType: "image/png", sha256: sha))
        #expect(try CompanyStore.profile(db).logoVersion == String(sha.prefix(16)))
        #expect(
            try SettingsStore.read(db).logo == LogoSummary(mimeType: "image/png", byteCount: bytes.count, sha256: sha))
        #expect(try SettingsStore.read(db).version == 1, "the logo does not make an open settings form stale")

        #expect(try SettingsStore.removeLogo(db, actor: Self.actor))
        #expect(try SettingsStore.removeLogo(db, actor: Self.actor) == false)
        #expect(try SettingsStore.logo(db) == nil)
        let actions: [String] = try db.query("SELECT action FROM audit_log ORDER BY id").map { try $0.decode("action") }
        #expect(actions == ["logo_uploaded", "logo_removed"])

        // The database keeps its own guard: only PNG and JPEG, with their hash.
        #expect(throws: DatabaseError.self) {
            try db.execute(
                "UPDATE settings SET logo = '\\x00'::bytea, logo_mime = 'image/webp', logo_sha256 = sha256('\\x00'::bytea)"
            )
        }
        #expect(throws: DatabaseError.self) {
            try db.execute("UPDATE settings SET logo = '\\x00'::bytea, logo_mime = 'image/png'")
        }
    }

    // MARK: Activity

    @Test func theActivityLogFiltersAndWalksPagesWithoutGapsOrRepeats() throws {
        let db = try TestDatabase.migrated("admin_activity_pages")
        let maria = try Self.user(db, "maria@example.se")
        let karin = try Self.user(db, "karin@example.se", role: .admin)
        try db.execute(
            """
            INSERT INTO audit_log (at, actor_user_id, actor_kind, entity_type, entity_id, action, before, after)
            SELECT timestamptz '2026-03-01 12:00+01' + g * interval '1 hour',
                   CASE WHEN g % 3 = 0 THEN NULL WHEN g % 3 = 1 THEN \(maria.rawValue) ELSE \(karin.rawValue) END,
                   CASE WHEN g % 3 = 0 THEN 'system' ELSE 'user' END,
                   CASE WHEN g % 2 = 0 THEN 'booking' ELSE 'customer' END, g % 7, 'updated',
                   jsonb_build_object('n', g - 1, 'flag', false, 'nested', jsonb_build_object('x', 1)), jsonb_build_object('n', g)
              FROM generate_series(1, 120) g
            """)
        var seen: [Int64] = []
        var cursor: Int64?
        repeat {
            let page = try ActivityStore.page(db, filter: ActivityFilter(before: cursor))
            #expect(page.entries.count <= 50)
            seen += page.entries.map(\.id)
            cursor = page.nextBefore
        } while cursor != nil
        #expect(seen.count == 122, "120 rows and the two users' creation")
        #expect(seen == seen.sorted(by: >))
        #expect(Set(seen).count == seen.count)

        let newest = try ActivityStore.page(db, filter: ActivityFilter()).entries[0]
        #expect(newest.after == ["n": "120"])
        #expect(newest.before == ["n": "119", "flag": "false", "nested": #"{"x": 1}"#])
        #expect(newest.actorKind == .system && newest.actorName == nil)

        let mariasRows = try ActivityStore.page(db, filter: ActivityFilter(user: maria)).entries
        #expect(mariasRows.count == 40)
        #expect(mariasRows.allSatisfy { $0.actorName == "maria@example.se" })
        let bookings = try ActivityStore.page(db, filter: ActivityFilter(user: karin, entityType: "booking")).entries
        #expect(bookings.count == 20)
        let one = try ActivityStore.page(db, filter: ActivityFilter(entityType: "booking", entityID: 4)).entries
        #expect(one.allSatisfy { $0.entityType == "booking" && $0.entityID == 4 } && one.count == 9)

        // Days are Stockholm days: 2026-03-02 is 24 rows from 00:00 to 23:00 local time.
        let day = try CalendarDate(year: 2026, month: 3, day: 2)
        let onTheDay = try ActivityStore.page(db, filter: ActivityFilter(from: day, to: day)).entries
        #expect(onTheDay.count == 24)
        #expect(onTheDay.map(\.id) == onTheDay.map(\.id).sorted(by: >))
        // Walking a date range page by page.
        var dated: [Int64] = []
        var datedCursor: Int64?
        repeat {
            let page = try ActivityStore.page(
                db, filter: ActivityFilter(from: day, to: try day.adding(days: 2), before: datedCursor), limit: 20)
            dated += page.entries.map(\.id)
            datedCursor = page.nextBefore
        } while datedCursor != nil
        #expect(dated.count == 72 && Set(dated).count == 72)

        #expect(try ActivityStore.entityTypes(db) == ["booking", "customer", "user"])
    }

    /// With 100,000 rows, each kind of filter reads its page from an index, never the whole log:
    /// the plans are checked, and the rows of a user and a type are all old (the case where walking
    /// the primary key backwards and filtering would read everything).
    @Test func everyFilterIsServedByAnIndexWith100000Rows() throws {
        let db = try TestDatabase.migrated("admin_activity_plans")
        let old = try Self.user(db, "old@example.se")
        let recent = try Self.user(db, "recent@example.se")
        try db.execute(
            """
            INSERT INTO audit_log (at, actor_user_id, actor_kind, entity_type, entity_id, action)
            SELECT now() - (100000 - g) * interval '10 minutes',
                   CASE WHEN g <= 3000 THEN \(old.rawValue) ELSE \(recent.rawValue) END, 'user',
                   CASE WHEN g <= 3000 THEN 'product' ELSE (ARRAY['customer', 'booking', 'quotation'])[1 + g % 3] END,
                   g % 5000, 'updated'
              FROM generate_series(1, 100000) g
            """)
        // ANALYZE only: the visibility map stays unset, as on a busy log before autovacuum came by.
        try db.execute("ANALYZE audit_log")
        let today = try CalendarDate(iso: String(ISO8601DateFormatter().string(from: Date()).prefix(10)))
        let filters: [(String, ActivityFilter, String)] = [
            ("everything", ActivityFilter(), "audit_log_pkey"),
            ("a cursor", ActivityFilter(before: 50_000), "audit_log_pkey"),
            ("a user whose rows are old", ActivityFilter(user: old), "audit_log_actor_idx"),
            ("a type whose rows are old", ActivityFilter(entityType: "product"), "audit_log_entity_type_idx"),
            ("a user, a later page", ActivityFilter(user: recent, before: 90_000), "audit_log_actor_idx"),
            ("a user and a type", ActivityFilter(user: old, entityType: "booking"), "audit_log_actor_entity_idx"),
            (
                "a user and a type they have", ActivityFilter(user: old, entityType: "product"),
                "audit_log_actor_entity_idx"
            ),
            ("one entity", ActivityFilter(entityType: "booking", entityID: 42), "audit_log_entity_idx"),
            (
                "a month a year ago",
                ActivityFilter(from: try today.adding(days: -400), to: try today.adding(days: -370)), "audit_log_at_idx"
            ),
            (
                "a date range and a cursor", ActivityFilter(from: try today.adding(days: -400), before: 40_000),
                "audit_log_at_idx"
            ),
        ]
        for (name, filter, index) in filters {
            let plan = try db.transaction { tx in
                try tx.execute("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")
                return try tx.query("EXPLAIN (ANALYZE, FORMAT JSON) " + ActivityStore.pageQuery(filter, limit: 51))
                    .map { try $0.decode("QUERY PLAN", as: String.self) }.joined()
            }
            #expect(plan.contains("\"\(index)\""), "\(name): \(plan)")
            // No node reads more than a few pages' worth of rows.
            let maxRows = Self.numbers(after: "\"Actual Rows\": ", in: plan).max() ?? 0
            let removed = Self.numbers(after: "\"Rows Removed by Filter\": ", in: plan).max() ?? 0
            #expect(maxRows <= 1000 && removed <= 1000, "\(name): rows \(maxRows), filtered away \(removed)")
        }
    }

    static func numbers(after marker: String, in text: String) -> [Int] {
        text.components(separatedBy: marker).dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
    }
}

/// A real 3×2 PNG (stored zlib blocks) for the logo tests.
enum CompanySettingsPNG {
    static var bytes: [UInt8] { [UInt8](TestImages.png(width: 3, height: 2)) }
}
