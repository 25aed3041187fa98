import Domain
import Foundation
import Testing

@testable import Routing

/// The route table, walked from the routes' own samples: each feature route type lists one value of
/// every case next to its declarations, and the parser's table is built from them.
@Suite("The route table")
struct RouteTableTests {
    /// Every case declared in `Sources/Routing` has a sample: the case names in each route type's
    /// declaration (read from its source file) equal the case names the samples reach (read with
    /// `Mirror`). A case without a sample would be missing from the parser's table.
    @Test func everyDeclaredCaseHasASample() throws {
        var sampled: [String: Set<String>] = [:]
        for route in Route.samples { Self.collectCases(of: route, into: &sampled) }
        let declared = try Self.declaredCases()
        #expect(declared.count >= 14, "\(declared.keys.sorted())")
        for (type, cases) in declared {
            #expect(sampled[type] == cases, "\(type): no sample for \(cases.subtracting(sampled[type] ?? []).sorted())")
        }
        #expect(Set(sampled.keys) == Set(declared.keys))
    }

    @Test func everySampleParsesBackFromItsPathAndMethod() {
        for route in Route.samples {
            let (path, query) = Self.split(route.path)
            let segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
            #expect(
                Route.match(method: route.method, segments: segments, query: { query[$0] }) == .route(route),
                "\(route.path)")
        }
    }

    /// Fixed path words are printed as written, so they must need no encoding.
    @Test func fixedPathWordsNeedNoEncoding() {
        for route in Route.samples {
            for case .literal(let word) in route.endpoint.parts {
                #expect(!word.isEmpty && PercentEncoding.encodePathSegment(word) == word, "\(word) in \(route.path)")
            }
        }
    }

    @Test func typedQueriesPrintCanonicallyAndParseBack() {
        let routes: [(Route, String)] = [
            (
                .admin(.customers(.list(CustomerListQuery(search: "å b", after: "5", archived: true)))),
                "/admin/customers?after=5&archived=1&q=%C3%A5%20b"
            ),
            (.admin(.customers(.list(CustomerListQuery(search: "", archived: false)))), "/admin/customers"),
            (.admin(.products(.list(CatalogListQuery(inactive: true)))), "/admin/products?inactive=1"),
            (.admin(.addons(.list(CatalogListQuery(search: "tält")))), "/admin/addons?q=t%C3%A4lt"),
            (
                .admin(.products(.show(ProductID(rawValue: 3), ProductQuery(from: "2026-06-01", to: "2026-06-30")))),
                "/admin/products/3?from=2026-06-01&to=2026-06-30"
            ),
            (
                .admin(.quotations(.list(QuotationListQuery(state: .sent, search: "x", after: "9")))),
                "/admin/quotations?after=9&q=x&state=sent"
            ),
            (
                .admin(.quotations(.new(QuotationNewQuery(customer: CustomerID(rawValue: 4))))),
                "/admin/quotations/new?customer=4"
            ),
            (
                .admin(
                    .bookings(
                        .list(
                            BookingListQuery(
                                state: "packed", from: "2026-01-01", to: "2026-02-01", customer: "7", search: "a&b",
                                after: "2")))),
                "/admin/bookings?after=2&customer=7&from=2026-01-01&q=a%26b&state=packed&to=2026-02-01"
            ),
            (
                .admin(.bookings(.calendar(CalendarQuery(view: "week", date: "2026-03-02")))),
                "/admin/calendar?date=2026-03-02&view=week"
            ),
            (
                .admin(.activity(.list(ActivityQuery(entity: "customer", entityID: "3", before: "10")))),
                "/admin/activity?before=10&entity=customer&entity_id=3"
            ),
            (
                .admin(.account(.login(next: LocalPath(validating: "/admin/customers?q=x")))),
                "/admin/login?next=/admin/customers%3Fq%3Dx"
            ),
            (.site(.switchLanguage(.en, returnTo: .root)), "/language/en?return=/"),
        ]
        for (route, printed) in routes {
            #expect(route.path == printed)
            let (path, query) = Self.split(route.path)
            let segments = path.split(separator: "/").map(String.init)
            #expect(Route.match(method: "GET", segments: segments, query: { query[$0] }) == .route(route), "\(printed)")
        }
        // Parameters a page does not know are not kept; a flag is on only as `1`.
        let query = ["q": "x", "archived": "yes", "utm": "z"]
        #expect(
            Route.match(method: "GET", segments: ["admin", "customers"], query: { query[$0] })
                == .route(.admin(.customers(.list(CustomerListQuery(search: "x"))))))
    }

    @Test func theOtherMethodIsRefusedNotMisrouted() {
        for route in Route.samples where route.access != .anyone {
            let (path, _) = Self.split(route.path)
            let segments = path.split(separator: "/").map(String.init)
            let other = route.method == "POST" ? "GET" : "POST"
            switch Route.match(method: other, segments: segments) {
            case .route(let found): #expect(found.method == other && found != route, "\(other) \(path)")
            case .methodNotAllowed(let allowed): #expect(allowed.contains(route.method), "\(other) \(path)")
            case .notFound: Issue.record("\(other) \(path) → 404")
            }
        }
    }

    @Test func everyStaffPostIsAStaffChangeAndNoStaffGetIs() {
        for route in Route.samples {
            guard case .staff = route.access else { continue }
            #expect(route.isStaffChange == (route.method == "POST"), "\(route)")
        }
        #expect(Route.samples.filter(\.isStaffChange).count >= 30)
    }

    @Test func adminIdentifiersMustBePositiveCanonicalNumbers() {
        for bad in ["0", "-1", "01", "1e3", "abc", "99999999999999999999"] {
            #expect(Route.match(method: "GET", segments: ["admin", "customers", bad]) == .notFound, "\(bad)")
        }
        #expect(Route.match(method: "POST", segments: ["admin", "bookings", "1", "state", "confirmed"]) == .notFound)
        #expect(Route.match(method: "GET", segments: ["admin", "quotations", "1", "versions", "01"]) == .notFound)
        #expect(Route.match(method: "GET", segments: ["admin", "logout"]) == .methodNotAllowed(allowed: ["POST"]))
        #expect(
            Route.match(method: "PUT", segments: ["admin", "customers"])
                == .methodNotAllowed(allowed: ["GET", "HEAD", "POST"]))
    }

    /// The roles each staff route declares equal the README's table, row by row. `readmeRow` is an
    /// exhaustive switch, so a new staff route does not compile here until it has a row.
    @Test func theRolesMatrixEqualsTheREADMETable() throws {
        let table = try Self.readmeRolesTable()
        #expect(table.count == 33, "\(table.keys.sorted())")
        var rowsUsed: Set<String> = []
        for case .admin(let route) in Route.samples {
            let roles = Set(StaffRole.allCases.filter { route.access.allows($0) })
            guard let prefix = Self.readmeRow(route) else {
                #expect(route.access == .anyone, "\(route)")
                continue
            }
            let rows = table.filter { $0.key.hasPrefix(prefix) }
            try #require(rows.count == 1, "README row \"\(prefix)…\" for \(route)")
            #expect(rows.first?.value == roles, "\(route): README says \(rows.first!.value), the route says \(roles)")
            rowsUsed.insert(rows.first!.key)
        }
        #expect(rowsUsed == Set(table.keys))
    }

    @Test func tokensStayOutOfLogs() {
        let secret = "s3cr3t-token-value"
        let routes: [Route] =
            SigningRoute.samples.map { sample in
                switch sample {
                case .show: .signing(.show(token: secret))
                case .submit: .signing(.submit(token: secret))
                case .done: .signing(.done(token: secret))
                case .decline: .signing(.decline(token: secret))
                case .offer: .signing(.offer(token: secret))
                case .document: .signing(.document(token: secret))
                case .verify: .signing(.verify(token: secret))
                }
            } + [
                .feeds(.calendar(token: secret)), .hooks(.receive(token: secret)), .portal(.link(token: secret)),
                .portal(.consume(token: secret)),
            ]
        for route in routes {
            let segments = Self.split(route.path).0.split(separator: "/").map(String.init)
            let logged = Route.loggablePath(segments: segments)
            #expect(!logged.contains(secret) && logged.contains("[token]"), "\(logged)")
        }
        #expect(Route.loggablePath(segments: ["calendar", "secret.ics"]) == "/calendar/[token]")
        #expect(Route.loggablePath(segments: ["admin", "customers", "7"]) == "/admin/customers/7")
    }

    // MARK: Helpers

    /// The README row (its first words) that states this staff route's roles; nil for a route open to anyone.
    static func readmeRow(_ route: AdminRoute) -> String? {
        let everyday = "Dashboard, calendar, own account"
        switch route {
        case .account(let route):
            switch route {
            case .login, .loginSubmit, .loginCode, .loginCodeSubmit: return nil
            case .logout, .show, .changePassword, .revokeSession, .createFeed, .revokeFeed, .renewFeed, .twoStep,
                .twoStepBegin, .twoStepConfirm, .twoStepDisable:
                return everyday
            }
        case .dashboard(.show), .dashboard(.live): return everyday
        case .customers: return "Customers: list, create, edit, archive"
        case .products(let route):
            switch route {
            case .list, .show: return "Products and add-ons: list, details"
            case .setStock: return "Stock levels"
            case .new, .create, .edit, .update, .deactivate: return "Products and add-ons: create, edit"
            }
        case .addons(let route):
            switch route {
            case .list: return "Products and add-ons: list, details"
            case .new, .create, .edit, .update, .deactivate: return "Products and add-ons: create, edit"
            }
        case .quotations(let route):
            switch route {
            case .list, .show, .version: return "Quotations: read"
            case .new, .create, .update, .send, .resend, .void, .duplicate: return "Quotations: create, edit, send"
            }
        case .bookings(let route):
            switch route {
            case .calendar: return everyday
            case .list, .show, .notes: return "Bookings: list, details, notes"
            case .packingList: return "Bookings: pack, deliver, return; packing list"
            case .approve: return "Bookings: approve, close, cancel"
            case .transition(_, let target):
                switch target {
                case .packed, .delivered, .returned: return "Bookings: pack, deliver, return; packing list"
                case .confirmed, .closed, .cancelled: return "Bookings: approve, close, cancel"
                }
            }
        case .users, .settings: return "Users, settings, logo"
        case .activity: return "Activity log"
        case .automation: return "Automation: webhooks, incoming hooks"
        case .invoices(let route):
            switch route {
            case .list, .show, .ubl, .pdf: return "Invoices: read, the Peppol file"
            case .create, .issue, .credit, .registerPayment, .email, .editLines, .remind:
                return "Invoices: create (from a booking: full, deposit, final; or stand-alone), edit drafts, issue"
            }
        case .reports(let route):
            switch route {
            case .index, .show, .csv: return "Reports: revenue, utilisation"
            case .saved(let saved):
                switch saved {
                case .list, .show, .csv: return "Saved reports: the reports shared"
                case .new, .create, .edit, .update, .delete: return "Saved reports: build"
                }
            }
        case .payments(let route):
            switch route {
            case .list: return "Payments from Bankgirot: the imported files"
            case .importFile, .attach, .ignore: return "Payments from Bankgirot: import a BgMax file"
            }
        case .bookkeeping(let route):
            switch route {
            case .show: return "Bookkeeping: the account mapping, past exports"
            case .export, .lock: return "Bookkeeping: export SIE"
            case .mapping, .unlock: return "Bookkeeping: edit the account mapping"
            }
        case .inbox(let route):
            switch route {
            case .list, .show, .reply, .setState, .assign, .createCustomer, .attachment, .raw:
                return "Inbox: conversations"
            case .acceptProposal: return "Inbox: turn an inquiry's proposal"
            }
        case .structure(let route):
            switch route {
            case .tree: return "Company structure: the tree"
            case .newDepartment, .createDepartment, .department, .updateDepartment, .deleteDepartment, .createPosition,
                .renamePosition, .deletePosition, .person, .place:
                return "Company structure: add, rename, move and delete departments"
            }
        case .flows(let route):
            switch route {
            case .list, .show, .simulate, .start, .cancelRun: return "Flows: read, simulate, start"
            case .new, .create, .update, .archive: return "Flows: build"
            }
        case .forms: return "Forms: the form builder"
        case .tasks(let route):
            switch route {
            case .mine, .show, .complete, .comment, .file: return "Tasks: my tasks"
            case .create, .reassign, .cancel: return "Tasks: give a task"
            }
        case .fields: return "Custom fields: add, edit, reorder and archive"
        }
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The README's roles table: row title → the roles with a ✓.
    static func readmeRolesTable() throws -> [String: Set<StaffRole>] {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Roles").dropFirst().first)
        var columns: [StaffRole] = []
        var rows: [String: Set<StaffRole>] = [:]
        for line in section.split(separator: "\n") {
            if line.hasPrefix("## ") { break }
            guard line.hasPrefix("|") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.first == "" {
                columns = cells.dropFirst().compactMap { StaffRole(rawValue: $0.lowercased()) }
            } else if !cells.allSatisfy({ $0.allSatisfy { "-:".contains($0) } }) {
                rows[cells[0]] = Set(zip(columns, cells.dropFirst()).filter { $0.1 == "✓" }.map(\.0))
            }
        }
        #expect(columns == [.admin, .manager, .warehouse, .support])
        return rows
    }

    /// Route type → its case names, read from the declarations in `Sources/Routing`.
    static func declaredCases() throws -> [String: Set<String>] {
        let folder = repositoryRoot.appendingPathComponent("Sources/Routing")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
        var result: [String: Set<String>] = [:]
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            var current: String?
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("public enum "), let name = line.dropFirst(12).split(separator: ":").first,
                    name.hasSuffix("Route")
                {
                    current = String(name)
                } else if line == "}" {
                    current = nil
                } else if let current, line.hasPrefix("    case ") {
                    let name = line.dropFirst(9).prefix { $0.isLetter || $0.isNumber }
                    result[current, default: []].insert(String(name))
                }
            }
        }
        return result
    }

    /// Records the case of `value` (and of any route nested in it) by type name.
    static func collectCases(of value: Any, into cases: inout [String: Set<String>]) {
        let type = String(describing: Swift.type(of: value))
        guard type.hasSuffix("Route") else { return }
        let mirror = Mirror(reflecting: value)
        if let child = mirror.children.first, let label = child.label {
            cases[type, default: []].insert(label)
            collectCases(of: child.value, into: &cases)
        } else {
            cases[type, default: []].insert(String(describing: value))
        }
    }

    static func split(_ path: String) -> (String, [String: String]) {
        guard let q = path.firstIndex(of: "?") else { return (path, [:]) }
        var query: [String: String] = [:]
        for pair in path[path.index(after: q)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).removingPercentEncoding ?? String($0)
            }
            query[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return (String(path[..<q]), query)
    }
}
