import FCGIHost
import Routing

/// The staff side's exhaustive dispatch. `SiteResponder` sends every route whose `access` is
/// `.staff` here after `StaffGate` has passed it, so each case below already has a live session,
/// the right role and, for changes, a valid CSRF token.
enum AdminRouter {
    static func handle(_ route: Route, _ admin: AdminContext) throws -> Response {
        switch route {
        case .adminLogout: return try LoginHandler.logout(admin)
        case .adminDashboard: return try DashboardHandler.show(admin)
        case .adminAccount: return try AccountHandler.show(admin)
        case .adminPasswordChange: return try AccountHandler.changePassword(admin)
        case .adminSessionRevoke(let id): return try AccountHandler.revokeSession(id, admin)
        case .adminCalendarFeedCreate: return try AccountHandler.createFeed(admin)
        case .adminCalendarFeedRevoke(let id): return try AccountHandler.revokeFeed(id, admin)

        case .adminCustomers, .adminCustomerNew, .adminCustomerCreate, .adminCustomer, .adminCustomerEdit,
            .adminCustomerUpdate, .adminCustomerArchive:
            throw HTTPError(.notFound)

        case .adminProducts, .adminProductNew, .adminProductCreate, .adminProduct, .adminProductEdit, .adminProductUpdate,
            .adminProductStock, .adminProductDeactivate, .adminAddons, .adminAddonNew, .adminAddonCreate, .adminAddonEdit,
            .adminAddonUpdate, .adminAddonDeactivate:
            throw HTTPError(.notFound)

        case .adminQuotations, .adminQuotationNew, .adminQuotationCreate, .adminQuotation, .adminQuotationUpdate,
            .adminQuotationSend, .adminQuotationResend, .adminQuotationVoid, .adminQuotationDuplicate, .adminQuotationVersion:
            throw HTTPError(.notFound)

        case .adminBookings(let query): return try BookingsHandler.list(query, admin)
        case .adminBooking(let id): return try BookingsHandler.show(id, admin)
        case .adminBookingApprove(let id): return try BookingsHandler.approve(id, admin)
        case .adminBookingTransition(let id, let target): return try BookingsHandler.transition(id, to: target, admin)
        case .adminBookingNotes(let id): return try BookingsHandler.notes(id, admin)
        case .adminPackingList(let id): return try BookingsHandler.packingList(id, admin)
        case .adminCalendar(let query): return try CalendarHandler.show(query, admin)

        case .adminUsers, .adminUserNew, .adminUserCreate, .adminUserEdit, .adminUserUpdate, .adminUserDeactivate,
            .adminUserReactivate, .adminSettings, .adminSettingsUpdate, .adminLogoUpload, .adminLogoRemove, .adminActivity:
            throw HTTPError(.notFound)

        // Public routes never reach the staff router (`access` is `.anyone`).
        case .home, .health, .signingHelp, .switchLanguage, .signing, .signingSubmit, .signingDone, .signingDecline,
            .signingOffer, .signingDocument, .calendarFeed, .asset, .errorPage, .companyLogo, .adminLogin, .adminLoginSubmit:
            throw HTTPError(.notFound)
        }
    }
}
