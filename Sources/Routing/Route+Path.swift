import Domain

extension Route {
    /// The path (and query) of this route, percent-encoded, for links, form actions and redirects.
    public var path: String {
        func seg(_ text: String) -> String { PercentEncoding.encodePathSegment(text) }
        switch self {
        case .home: return "/"
        case .health: return "/healthz"
        case .signingHelp: return "/help/signing"
        case .switchLanguage(let language, let back):
            return "/language/\(language.rawValue)?return=\(PercentEncoding.encodeQueryValue(back.value))"
        case .asset(let file): return "/static/\(seg(file))"
        case .signing(let token), .signingSubmit(let token): return "/sign/\(seg(token))"
        case .signingDone(let token): return "/sign/\(seg(token))/done"
        case .signingDecline(let token): return "/sign/\(seg(token))/decline"
        case .signingOffer(let token): return "/sign/\(seg(token))/offer.pdf"
        case .signingDocument(let token): return "/sign/\(seg(token))/document.pdf"
        case .calendarFeed(let token): return "/calendar/\(seg(token)).ics"
        case .errorPage(let status): return "/_error/\(status)"
        case .companyLogo: return "/logo"

        case .adminLogin(let next):
            return "/admin/login" + (next.map { "?next=\(PercentEncoding.encodeQueryValue($0.value))" } ?? "")
        case .adminLoginSubmit: return "/admin/login"
        case .adminLogout: return "/admin/logout"
        case .adminDashboard: return "/admin"
        case .adminAccount: return "/admin/account"
        case .adminPasswordChange: return "/admin/account/password"
        case .adminSessionRevoke(let id): return "/admin/account/sessions/\(id.rawValue)/revoke"
        case .adminCalendarFeedCreate: return "/admin/account/calendar-feeds"
        case .adminCalendarFeedRevoke(let id): return "/admin/account/calendar-feeds/\(id.rawValue)/revoke"

        case .adminCustomers(let query): return "/admin/customers" + query.queryString
        case .adminCustomerNew: return "/admin/customers/new"
        case .adminCustomerCreate: return "/admin/customers"
        case .adminCustomer(let id), .adminCustomerUpdate(let id): return "/admin/customers/\(id.rawValue)"
        case .adminCustomerEdit(let id): return "/admin/customers/\(id.rawValue)/edit"
        case .adminCustomerArchive(let id): return "/admin/customers/\(id.rawValue)/archive"

        case .adminProducts(let query): return "/admin/products" + query.queryString
        case .adminProductNew: return "/admin/products/new"
        case .adminProductCreate: return "/admin/products"
        case .adminProduct(let id, let query): return "/admin/products/\(id.rawValue)" + query.queryString
        case .adminProductUpdate(let id): return "/admin/products/\(id.rawValue)"
        case .adminProductEdit(let id): return "/admin/products/\(id.rawValue)/edit"
        case .adminProductStock(let id): return "/admin/products/\(id.rawValue)/stock"
        case .adminProductDeactivate(let id): return "/admin/products/\(id.rawValue)/deactivate"
        case .adminAddons(let query): return "/admin/addons" + query.queryString
        case .adminAddonNew: return "/admin/addons/new"
        case .adminAddonCreate: return "/admin/addons"
        case .adminAddonEdit(let id): return "/admin/addons/\(id.rawValue)/edit"
        case .adminAddonUpdate(let id): return "/admin/addons/\(id.rawValue)"
        case .adminAddonDeactivate(let id): return "/admin/addons/\(id.rawValue)/deactivate"

        case .adminQuotations(let query): return "/admin/quotations" + query.queryString
        case .adminQuotationNew(let query): return "/admin/quotations/new" + query.queryString
        case .adminQuotationCreate: return "/admin/quotations"
        case .adminQuotation(let id), .adminQuotationUpdate(let id): return "/admin/quotations/\(id.rawValue)"
        case .adminQuotationSend(let id): return "/admin/quotations/\(id.rawValue)/send"
        case .adminQuotationResend(let id): return "/admin/quotations/\(id.rawValue)/resend"
        case .adminQuotationVoid(let id): return "/admin/quotations/\(id.rawValue)/void"
        case .adminQuotationDuplicate(let id): return "/admin/quotations/\(id.rawValue)/duplicate"
        case .adminQuotationVersion(let id, let version): return "/admin/quotations/\(id.rawValue)/versions/\(version)"

        case .adminBookings(let query): return "/admin/bookings" + query.queryString
        case .adminBooking(let id): return "/admin/bookings/\(id.rawValue)"
        case .adminBookingApprove(let id): return "/admin/bookings/\(id.rawValue)/approve"
        case .adminBookingTransition(let id, let target): return "/admin/bookings/\(id.rawValue)/state/\(target.rawValue)"
        case .adminBookingNotes(let id): return "/admin/bookings/\(id.rawValue)/notes"
        case .adminPackingList(let id): return "/admin/bookings/\(id.rawValue)/packing-list"
        case .adminCalendar(let query): return "/admin/calendar" + query.queryString

        case .adminUsers, .adminUserCreate: return "/admin/users"
        case .adminUserNew: return "/admin/users/new"
        case .adminUserEdit(let id): return "/admin/users/\(id.rawValue)/edit"
        case .adminUserUpdate(let id): return "/admin/users/\(id.rawValue)"
        case .adminUserDeactivate(let id): return "/admin/users/\(id.rawValue)/deactivate"
        case .adminUserReactivate(let id): return "/admin/users/\(id.rawValue)/reactivate"
        case .adminSettings, .adminSettingsUpdate: return "/admin/settings"
        case .adminLogoUpload: return "/admin/settings/logo"
        case .adminLogoRemove: return "/admin/settings/logo/remove"
        case .adminActivity(let query): return "/admin/activity" + query.queryString
        }
    }
}
