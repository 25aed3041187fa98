import Domain
import Foundation
import Testing

@testable import Routing

@Suite("The route table")
struct RouteTableTests {
    @Test func examplesCoverEveryCase() {
        let covered = Set(Route.examples.map(\.exampleIndex))
        #expect(covered == Set(0..<Route.caseCount), "missing: \(Set(0..<Route.caseCount).subtracting(covered).sorted())")
    }

    @Test func everyRouteParsesBackFromItsPathAndMethod() {
        for route in Route.examples where route != .errorPage(status: 429) {
            let (path, query) = Self.split(route.path)
            let segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
            #expect(Route.match(method: route.method, segments: segments, query: { query[$0] }) == .route(route), "\(route.path)")
        }
    }

    @Test func theOtherMethodIsRefusedNotMisrouted() {
        for route in Route.examples where route.access != .anyone {
            let (path, _) = Self.split(route.path)
            let segments = path.split(separator: "/").map(String.init)
            let other = route.method == "POST" ? "GET" : "POST"
            if case .route(let found) = Route.match(method: other, segments: segments) {
                #expect(found.method == other && found != route, "\(other) \(path)")
            }
        }
    }

    @Test func everyStaffPostIsAStaffChangeAndNoStaffGetIs() {
        for route in Route.examples {
            guard case .staff = route.access else { continue }
            #expect(route.isStaffChange == (route.method == "POST"), "\(route)")
        }
        #expect(Route.examples.filter(\.isStaffChange).count >= 30)
    }

    @Test func adminIdentifiersMustBePositiveCanonicalNumbers() {
        for bad in ["0", "-1", "01", "1e3", "abc", "99999999999999999999"] {
            #expect(Route.match(method: "GET", segments: ["admin", "customers", bad]) == .notFound, "\(bad)")
        }
        #expect(Route.match(method: "POST", segments: ["admin", "bookings", "1", "state", "confirmed"]) == .notFound)
        #expect(Route.match(method: "GET", segments: ["admin", "logout"]) == .methodNotAllowed(allowed: ["POST"]))
    }

    @Test func theRolesMatrix() {
        func roles(_ route: Route) -> Set<StaffRole> {
            Set(StaffRole.allCases.filter { route.access.allows($0) })
        }
        #expect(roles(.adminUsers) == [.admin])
        #expect(roles(.adminSettingsUpdate) == [.admin])
        #expect(roles(.adminQuotationSend(QuotationID(rawValue: 1))) == [.admin, .manager])
        #expect(roles(.adminQuotation(QuotationID(rawValue: 1))) == [.admin, .manager, .support])
        #expect(roles(.adminBookingTransition(BookingID(rawValue: 1), to: .packed)) == [.admin, .manager, .warehouse])
        #expect(roles(.adminBookingTransition(BookingID(rawValue: 1), to: .cancelled)) == [.admin, .manager])
        #expect(roles(.adminCustomers(ListQuery())) == [.admin, .manager, .support])
        #expect(roles(.adminActivity(ListQuery())) == [.admin, .manager])
        #expect(roles(.adminDashboard) == Set(StaffRole.allCases))
    }

    @Test func feedTokensStayOutOfLogs() {
        #expect(Route.loggablePath(segments: ["calendar", "secret.ics"]) == "/calendar/[token]")
    }

    static func split(_ path: String) -> (String, [String: String]) {
        guard let q = path.firstIndex(of: "?") else { return (path, [:]) }
        var query: [String: String] = [:]
        for pair in path[path.index(after: q)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            query[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return (String(path[..<q]), query)
    }
}
