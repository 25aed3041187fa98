import Domain
import Foundation
import Routing
import TestSupport
import Testing

/// The gate in front of every staff route, walked over the whole route table (`Route.samples`,
/// which the routing tests prove covers every case): CSRF and Origin on every state change, and
/// the roles matrix for every route and role.
@Suite("Staff gate: CSRF and roles on every route", .serialized)
struct StaffGateTests {
    static let password = "eventgaraget-demo"
    static let emails: [StaffRole: String] = [
        .admin: "admin@eventgaraget.se", .manager: "maria@eventgaraget.se", .warehouse: "lager@eventgaraget.se",
        .support: "support@eventgaraget.se",
    ]

    /// Everything a refused request could have changed, as one hash (session activity excluded).
    static func fingerprint(_ stack: InProcessApp) throws -> String {
        let tables = [
            "users", "customers", "products", "addons", "quotations", "quotation_lines", "quotation_versions",
            "signing_links", "bookings", "booking_lines", "settings", "calendar_feeds", "audit_log", "jobs",
        ]
        let parts =
            tables.map { "(SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM \($0) t)" }
            + [
                "(SELECT coalesce(md5(string_agg(id || ':' || coalesce(revoked_at::text, ''), ',' ORDER BY id)), '') FROM sessions)"
            ]
        return try stack.postgres.psql(
            "SELECT " + parts.joined(separator: " || "), database: databaseName(fromURL: stack.databaseURL))
    }

    /// What `browser` gets when its requests claim another `Host` (finding L9: "this site" is
    /// `EG_PUBLIC_URL`, not whatever Host a request names).
    static func claimingHost(
        _ browser: StaffBrowser, _ request: (StaffBrowser) throws -> HTTPResult
    ) rethrows -> HTTPResult {
        browser.host = "evil.example"
        defer { browser.host = nil }
        return try request(browser)
    }

    @Test func everyStateChangeNeedsTheSessionsTokenAndOurOrigin() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let admin = StaffBrowser(client: stack.client)
        #expect(try admin.login(email: Self.emails[.admin]!, password: Self.password).status == 303)
        _ = try admin.get("/admin/account")
        let token = try #require(admin.csrf)
        let other = StaffBrowser(client: stack.client)
        #expect(try other.login(email: Self.emails[.manager]!, password: Self.password).status == 303)
        _ = try other.get("/admin/account")
        let othersToken = try #require(other.csrf)
        #expect(othersToken != token)
        let anonymous = StaffBrowser(client: stack.client)

        let before = try Self.fingerprint(stack)
        let changes = StaffRouteTable.changePaths()
        #expect(changes.count >= 30)
        for path in changes {
            let attempts: [(String, HTTPResult)] = [
                ("no token", try admin.post(path, csrf: false)),
                ("another session's token", try admin.post(path, [("_csrf", othersToken)], csrf: false)),
                (
                    "a forged token",
                    try admin.post(path, [("_csrf", String(repeating: "0", count: token.count))], csrf: false)
                ),
                ("a cross-site Origin", try admin.post(path, origin: "https://evil.example")),
                ("a look-alike Origin", try admin.post(path, origin: stack.client.baseURL + ".evil.example")),
                ("no Origin or Referer", try admin.post(path, origin: .some(nil))),
                (
                    "another Host with its own Origin",
                    try Self.claimingHost(admin) { try $0.post(path, origin: "https://evil.example") }
                ),
                ("not signed in", try anonymous.post(path, [("_csrf", token)])),
            ]
            for (what, result) in attempts {
                #expect(result.status == 403, "POST \(path) with \(what) → \(result.status)")
            }
        }
        // Sign-in itself: its own form token and our Origin.
        #expect(
            try anonymous.post("/admin/login", [("email", "admin@eventgaraget.se"), ("password", Self.password)]).status
                == 403)
        _ = try anonymous.get("/admin/login")
        #expect(
            try anonymous.post(
                "/admin/login",
                [
                    ("_login", anonymous.cookies["__Host-eg_login"] ?? ""), ("email", "admin@eventgaraget.se"),
                    ("password", Self.password),
                ], csrf: false, origin: "https://evil.example"
            ).status == 403)
        _ = try anonymous.get("/admin/login")
        #expect(
            try Self.claimingHost(anonymous) {
                try $0.post(
                    "/admin/login",
                    [
                        ("_login", anonymous.cookies["__Host-eg_login"] ?? ""), ("email", "admin@eventgaraget.se"),
                        ("password", Self.password),
                    ], csrf: false, origin: "https://evil.example")
            }.status == 403)
        #expect(try Self.fingerprint(stack) == before, "a refused request changed the database")

        // The same session with its token and our Origin does get through (sign-out works).
        _ = try admin.get("/admin")
        #expect(try admin.post(StaffRouteTable.logoutPath).status == 303)
    }

    @Test func everyRouteRefusesEveryRoleItDoesNotAllow() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        var browsers: [StaffRole: StaffBrowser] = [:]
        for role in StaffRole.allCases {
            let browser = StaffBrowser(client: stack.client)
            #expect(try browser.login(email: Self.emails[role]!, password: Self.password).status == 303)
            _ = try browser.get("/admin/account")
            browsers[role] = browser
        }
        let before = try Self.fingerprint(stack)
        var denied = 0
        for route in StaffRouteTable.staffRoutes() {
            for role in StaffRole.allCases {
                let browser = browsers[role]!
                let allowed = route.allows(role)
                if route.method == "GET" {
                    let result = try browser.get(route.path)
                    if allowed {
                        #expect(![403, 500].contains(result.status), "\(role) GET \(route.path) → \(result.status)")
                    } else {
                        #expect(result.status == 403, "\(role) GET \(route.path) → \(result.status)")
                        #expect(result.text.contains("Your role does not allow this page."))
                        denied += 1
                    }
                } else if !allowed {
                    // Only refused changes are sent: an allowed one would really happen.
                    let result = try browser.post(route.path)
                    #expect(result.status == 403, "\(role) POST \(route.path) → \(result.status)")
                    denied += 1
                }
            }
        }
        #expect(denied > 60)
        #expect(try Self.fingerprint(stack) == before, "a refused request changed the database")
    }
}

/// The one place these tests read the route table (`Route` values), so a change to how routes are
/// declared is adapted here only; the tests themselves speak paths and methods.
enum StaffRouteTable {
    struct StaffRoute {
        let method: String
        let path: String
        let allows: (StaffRole) -> Bool
    }

    /// Every staff route that changes state (POST), as a path.
    static func changePaths() -> [String] { Route.samples.filter(\.isStaffChange).map(\.path) }

    /// Every staff route but sign-out, with the roles it allows.
    static func staffRoutes() -> [StaffRoute] {
        Route.samples.compactMap { route in
            guard case .staff = route.access, route != .admin(.account(.logout)) else { return nil }
            return StaffRoute(method: route.method, path: route.path, allows: { route.access.allows($0) })
        }
    }

    static let logoutPath = Route.admin(.account(.logout)).path
}
