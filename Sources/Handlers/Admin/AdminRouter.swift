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

        case .adminBookings, .adminBooking, .adminBookingApprove, .adminBookingTransition, .adminBookingNotes,
            .adminPackingList, .adminCalendar:
            throw HTTPError(.notFound)

        case .adminUsers: return try UsersHandler.list(admin)
        case .adminUserNew: return try UsersHandler.new(admin)
        case .adminUserCreate: return try UsersHandler.create(admin)
        case .adminUserEdit(let id): return try UsersHandler.edit(id, admin)
        case .adminUserUpdate(let id): return try UsersHandler.update(id, admin)
        case .adminUserDeactivate(let id): return try UsersHandler.deactivate(id, admin)
        case .adminUserReactivate(let id): return try UsersHandler.reactivate(id, admin)
        case .adminSettings: return try SettingsHandler.show(admin)
        case .adminSettingsUpdate: return try SettingsHandler.update(admin)
        case .adminLogoUpload: return try SettingsHandler.uploadLogo(admin)
        case .adminLogoRemove: return try SettingsHandler.removeLogo(admin)
        case .adminActivity(let query): return try ActivityHandler.show(query, admin)

        // Public routes never reach the staff router (`access` is `.anyone`).
        case .home, .health, .signingHelp, .switchLanguage, .signing, .signingSubmit, .signingDone, .signingDecline,
            .signingOffer, .signingDocument, .calendarFeed, .asset, .errorPage, .companyLogo, .adminLogin, .adminLoginSubmit:
            throw HTTPError(.notFound)
        }
    }
}
