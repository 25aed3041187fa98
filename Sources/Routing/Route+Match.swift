public import Domain

/// The methods a route answers to.
public enum RouteMatch: Equatable, Sendable {
    case route(Route)
    case methodNotAllowed(allowed: [String])
    case notFound
}

extension Route {
    /// The path with secrets left out, for logs: signing and calendar tokens are passwords.
    public static func loggablePath(segments: [String]) -> String {
        if segments.first == "sign", segments.count >= 2 {
            return "/sign/[token]" + segments.dropFirst(2).map { "/" + $0 }.joined()
        }
        if segments.first == "calendar", segments.count == 2 {
            return "/calendar/[token]"
        }
        return "/" + segments.joined(separator: "/")
    }

    /// The query parameters each list page keeps (see `ListQuery`).
    enum QueryKeys {
        static let customers = ["q", "after", "archived"]
        static let products = ["q", "after", "inactive"]
        static let product = ["from", "to"]
        static let addons = ["q", "after", "inactive"]
        static let quotations = ["state", "q", "after"]
        static let quotationNew = ["customer"]
        static let bookings = ["state", "from", "to", "customer", "q", "after"]
        static let calendar = ["view", "date"]
        static let activity = ["user", "entity", "entity_id", "from", "to", "before"]
    }

    /// Finds the route for a decoded, normalised path. `query` gives the named query parameters.
    public static func match(method: String, segments: [String], query: (String) -> String? = { _ in nil }) -> RouteMatch {
        if segments.first == "admin" {
            return matchAdmin(method: method, segments: Array(segments.dropFirst()), query: query)
        }
        let readOnly = ["GET", "HEAD"]
        func get(_ route: Route) -> RouteMatch {
            readOnly.contains(method) ? .route(route) : .methodNotAllowed(allowed: readOnly)
        }
        switch segments.count {
        case 0:
            return get(.home)
        case 1:
            switch segments[0] {
            case "healthz": return get(.health)
            case "logo": return get(.companyLogo)
            default: return .notFound
            }
        case 2:
            switch (segments[0], segments[1]) {
            case ("help", "signing"): return get(.signingHelp)
            case ("language", let code):
                guard let language = Language(rawValue: code) else { return .notFound }
                let back = query("return").flatMap(LocalPath.init(validating:)) ?? LocalPath.root
                return get(.switchLanguage(language, returnTo: back))
            case ("static", let file): return get(.asset(file))
            case ("sign", let token):
                return method == "POST" ? .route(.signingSubmit(token: token)) : get(.signing(token: token))
            case ("calendar", let file) where file.hasSuffix(".ics") && file.count > 4:
                return get(.calendarFeed(token: String(file.dropLast(4))))
            case ("_error", let code):
                // nginx turns the method of an internally redirected request into GET, but a
                // HEAD stays HEAD; answer both, and anything else it might pass too.
                guard let status = Int(code), (400...599).contains(status) else { return .notFound }
                return .route(.errorPage(status: status))
            default: return .notFound
            }
        case 3 where segments[0] == "sign" && segments[2] == "done":
            return get(.signingDone(token: segments[1]))
        case 3 where segments[0] == "sign" && segments[2] == "decline":
            return method == "POST" ? .route(.signingDecline(token: segments[1])) : .methodNotAllowed(allowed: ["POST"])
        case 3 where segments[0] == "sign" && segments[2] == "offer.pdf":
            return get(.signingOffer(token: segments[1]))
        case 3 where segments[0] == "sign" && segments[2] == "document.pdf":
            return get(.signingDocument(token: segments[1]))
        default:
            return .notFound
        }
    }

    /// `/admin/…` with the leading `admin` removed. A path that exists answers its own method;
    /// the other method gets 405 with `Allow`.
    private static func matchAdmin(method: String, segments s: [String], query: (String) -> String?) -> RouteMatch {
        let isPost = method == "POST"
        let isGet = method == "GET" || method == "HEAD"
        /// A page read with GET (and HEAD).
        func page(_ route: Route) -> RouteMatch { isGet ? .route(route) : .methodNotAllowed(allowed: ["GET", "HEAD"]) }
        /// A state change, POST only.
        func action(_ route: Route) -> RouteMatch { isPost ? .route(route) : .methodNotAllowed(allowed: ["POST"]) }
        /// GET shows, POST changes (a form that posts back to its own resource).
        func both(_ get: Route, _ post: Route) -> RouteMatch {
            isGet ? .route(get) : isPost ? .route(post) : .methodNotAllowed(allowed: ["GET", "HEAD", "POST"])
        }
        func list(_ keys: [String]) -> ListQuery { ListQuery.collect(keys, from: query) }
        func id(_ text: String) -> Int64? {
            guard let value = Int64(text), value > 0, String(value) == text else { return nil }
            return value
        }

        switch s.count {
        case 0:
            return page(.adminDashboard)
        case 1:
            switch s[0] {
            case "login":
                let next = query("next").flatMap(LocalPath.init(validating:))
                return both(.adminLogin(next: next), .adminLoginSubmit)
            case "logout": return action(.adminLogout)
            case "account": return page(.adminAccount)
            case "customers": return both(.adminCustomers(list(QueryKeys.customers)), .adminCustomerCreate)
            case "products": return both(.adminProducts(list(QueryKeys.products)), .adminProductCreate)
            case "addons": return both(.adminAddons(list(QueryKeys.addons)), .adminAddonCreate)
            case "quotations": return both(.adminQuotations(list(QueryKeys.quotations)), .adminQuotationCreate)
            case "bookings": return page(.adminBookings(list(QueryKeys.bookings)))
            case "calendar": return page(.adminCalendar(list(QueryKeys.calendar)))
            case "users": return both(.adminUsers, .adminUserCreate)
            case "settings": return both(.adminSettings, .adminSettingsUpdate)
            case "activity": return page(.adminActivity(list(QueryKeys.activity)))
            default: return .notFound
            }
        case 2:
            switch (s[0], s[1]) {
            case ("account", "password"): return action(.adminPasswordChange)
            case ("account", "calendar-feeds"): return action(.adminCalendarFeedCreate)
            case ("customers", "new"): return page(.adminCustomerNew)
            case ("products", "new"): return page(.adminProductNew)
            case ("addons", "new"): return page(.adminAddonNew)
            case ("quotations", "new"): return page(.adminQuotationNew(list(QueryKeys.quotationNew)))
            case ("users", "new"): return page(.adminUserNew)
            case ("settings", "logo"): return action(.adminLogoUpload)
            case ("customers", let n):
                guard let n = id(n) else { return .notFound }
                return both(.adminCustomer(CustomerID(rawValue: n)), .adminCustomerUpdate(CustomerID(rawValue: n)))
            case ("products", let n):
                guard let n = id(n) else { return .notFound }
                let product = ProductID(rawValue: n)
                return both(.adminProduct(product, list(QueryKeys.product)), .adminProductUpdate(product))
            case ("addons", let n):
                guard let n = id(n) else { return .notFound }
                return action(.adminAddonUpdate(AddonID(rawValue: n)))
            case ("quotations", let n):
                guard let n = id(n) else { return .notFound }
                return both(.adminQuotation(QuotationID(rawValue: n)), .adminQuotationUpdate(QuotationID(rawValue: n)))
            case ("bookings", let n):
                guard let n = id(n) else { return .notFound }
                return page(.adminBooking(BookingID(rawValue: n)))
            case ("users", let n):
                guard let n = id(n) else { return .notFound }
                return action(.adminUserUpdate(UserID(rawValue: n)))
            default: return .notFound
            }
        case 3:
            switch (s[0], s[2]) {
            case ("settings", "remove") where s[1] == "logo": return action(.adminLogoRemove)
            default: break
            }
            guard let n = id(s[1]) else { return .notFound }
            switch (s[0], s[2]) {
            case ("customers", "edit"): return page(.adminCustomerEdit(CustomerID(rawValue: n)))
            case ("customers", "archive"): return action(.adminCustomerArchive(CustomerID(rawValue: n)))
            case ("products", "edit"): return page(.adminProductEdit(ProductID(rawValue: n)))
            case ("products", "stock"): return action(.adminProductStock(ProductID(rawValue: n)))
            case ("products", "deactivate"): return action(.adminProductDeactivate(ProductID(rawValue: n)))
            case ("addons", "edit"): return page(.adminAddonEdit(AddonID(rawValue: n)))
            case ("addons", "deactivate"): return action(.adminAddonDeactivate(AddonID(rawValue: n)))
            case ("quotations", "send"): return action(.adminQuotationSend(QuotationID(rawValue: n)))
            case ("quotations", "resend"): return action(.adminQuotationResend(QuotationID(rawValue: n)))
            case ("quotations", "void"): return action(.adminQuotationVoid(QuotationID(rawValue: n)))
            case ("quotations", "duplicate"): return action(.adminQuotationDuplicate(QuotationID(rawValue: n)))
            case ("bookings", "approve"): return action(.adminBookingApprove(BookingID(rawValue: n)))
            case ("bookings", "notes"): return action(.adminBookingNotes(BookingID(rawValue: n)))
            case ("bookings", "packing-list"): return page(.adminPackingList(BookingID(rawValue: n)))
            case ("users", "edit"): return page(.adminUserEdit(UserID(rawValue: n)))
            case ("users", "deactivate"): return action(.adminUserDeactivate(UserID(rawValue: n)))
            case ("users", "reactivate"): return action(.adminUserReactivate(UserID(rawValue: n)))
            default: return .notFound
            }
        case 4:
            if s[0] == "account", s[3] == "revoke", let n = id(s[2]) {
                switch s[1] {
                case "sessions": return action(.adminSessionRevoke(SessionID(rawValue: n)))
                case "calendar-feeds": return action(.adminCalendarFeedRevoke(CalendarFeedID(rawValue: n)))
                default: return .notFound
                }
            }
            guard let n = id(s[1]) else { return .notFound }
            switch (s[0], s[2]) {
            case ("bookings", "state"):
                guard let target = BookingState(rawValue: s[3]), target != .confirmed else { return .notFound }
                return action(.adminBookingTransition(BookingID(rawValue: n), to: target))
            case ("quotations", "versions"):
                guard let version = Int(s[3]), version > 0, String(version) == s[3] else { return .notFound }
                return page(.adminQuotationVersion(QuotationID(rawValue: n), version: version))
            default: return .notFound
            }
        default:
            return .notFound
        }
    }
}
