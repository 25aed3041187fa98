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

        case .adminQuotations(let query): return try QuotationListHandler.show(query, admin)
        case .adminQuotationNew(let query): return try QuotationNewHandler.show(query, admin)
        case .adminQuotationCreate: return try QuotationNewHandler.create(admin)
        case .adminQuotation(let id): return try QuotationEditorHandler.show(id, admin)
        case .adminQuotationUpdate(let id): return try QuotationEditorHandler.update(id, admin)
        case .adminQuotationSend(let id): return try QuotationActionHandler.send(id, admin)
        case .adminQuotationResend(let id): return try QuotationActionHandler.resend(id, admin)
        case .adminQuotationVoid(let id): return try QuotationActionHandler.void(id, admin)
        case .adminQuotationDuplicate(let id): return try QuotationActionHandler.duplicate(id, admin)
        case .adminQuotationVersion(let id, let version): return try QuotationVersionHandler.show(id, version: version, admin)

        case .adminBookings, .adminBooking, .adminBookingApprove, .adminBookingTransition, .adminBookingNotes,
            .adminPackingList, .adminCalendar:
            throw HTTPError(.notFound)

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
