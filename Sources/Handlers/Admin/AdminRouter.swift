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

        case .adminCustomers(let query): return try CustomersHandler.list(query, admin)
        case .adminCustomerNew: return try CustomersHandler.new(admin)
        case .adminCustomerCreate: return try CustomersHandler.create(admin)
        case .adminCustomer(let id): return try CustomersHandler.show(id, admin)
        case .adminCustomerEdit(let id): return try CustomersHandler.edit(id, admin)
        case .adminCustomerUpdate(let id): return try CustomersHandler.update(id, admin)
        case .adminCustomerArchive(let id): return try CustomersHandler.archive(id, admin)

        case .adminProducts(let query): return try ProductsHandler.list(query, admin)
        case .adminProductNew: return try ProductsHandler.new(admin)
        case .adminProductCreate: return try ProductsHandler.create(admin)
        case .adminProduct(let id, let query): return try ProductsHandler.show(id, query, admin)
        case .adminProductEdit(let id): return try ProductsHandler.edit(id, admin)
        case .adminProductUpdate(let id): return try ProductsHandler.update(id, admin)
        case .adminProductStock(let id): return try ProductsHandler.setStock(id, admin)
        case .adminProductDeactivate(let id): return try ProductsHandler.deactivate(id, admin)
        case .adminAddons(let query): return try AddonsHandler.list(query, admin)
        case .adminAddonNew: return try AddonsHandler.new(admin)
        case .adminAddonCreate: return try AddonsHandler.create(admin)
        case .adminAddonEdit(let id): return try AddonsHandler.edit(id, admin)
        case .adminAddonUpdate(let id): return try AddonsHandler.update(id, admin)
        case .adminAddonDeactivate(let id): return try AddonsHandler.deactivate(id, admin)

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

        case .adminBookings(let query): return try BookingsHandler.list(query, admin)
        case .adminBooking(let id): return try BookingsHandler.show(id, admin)
        case .adminBookingApprove(let id): return try BookingsHandler.approve(id, admin)
        case .adminBookingTransition(let id, let target): return try BookingsHandler.transition(id, to: target, admin)
        case .adminBookingNotes(let id): return try BookingsHandler.notes(id, admin)
        case .adminPackingList(let id): return try BookingsHandler.packingList(id, admin)
        case .adminCalendar(let query): return try CalendarHandler.show(query, admin)

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
