public import Domain

/// Who may use a route. Staff routes need a live session and one of the listed roles; every
/// state-changing staff route also needs the session's CSRF token and a same-origin `Origin`.
public enum Access: Sendable, Equatable {
    /// No sign-in: public pages, the signing portal (its token is the credential), the feed.
    case anyone
    /// A signed-in staff member with one of these roles.
    case staff(Set<StaffRole>)

    public func allows(_ role: StaffRole) -> Bool {
        switch self {
        case .anyone: true
        case .staff(let roles): roles.contains(role)
        }
    }
}

extension Access {
    static let everyone = Access.staff(Set(StaffRole.allCases))
    static let adminOnly = Access.staff([.admin])
    /// Sales, prices, approvals, reports.
    static let management = Access.staff([.admin, .manager])
    /// Customers and messages.
    static let customerCare = Access.staff([.admin, .manager, .support])
    /// Reading quotations.
    static let quotationReaders = Access.staff([.admin, .manager, .support])
    /// Logistics and stock levels.
    static let logistics = Access.staff([.admin, .manager, .warehouse])
}

extension Route {
    /// The roles matrix, one line per route (the README's table says the same in words).
    public var access: Access {
        switch self {
        case .home, .health, .signingHelp, .switchLanguage, .signing, .signingSubmit, .signingDone, .signingDecline,
            .signingOffer, .signingDocument, .calendarFeed, .asset, .errorPage, .companyLogo, .adminLogin,
            .adminLoginSubmit:
            return .anyone
        case .adminLogout, .adminDashboard, .adminAccount, .adminPasswordChange, .adminSessionRevoke,
            .adminCalendarFeedCreate, .adminCalendarFeedRevoke:
            return .everyone
        case .adminCustomers, .adminCustomerNew, .adminCustomerCreate, .adminCustomer, .adminCustomerEdit,
            .adminCustomerUpdate, .adminCustomerArchive:
            return .customerCare
        case .adminProducts, .adminProduct, .adminAddons:
            return .everyone
        case .adminProductNew, .adminProductCreate, .adminProductEdit, .adminProductUpdate, .adminProductDeactivate,
            .adminAddonNew, .adminAddonCreate, .adminAddonEdit, .adminAddonUpdate, .adminAddonDeactivate:
            return .management
        case .adminProductStock:
            return .logistics
        case .adminQuotations, .adminQuotation, .adminQuotationVersion:
            return .quotationReaders
        case .adminQuotationNew, .adminQuotationCreate, .adminQuotationUpdate, .adminQuotationSend,
            .adminQuotationResend, .adminQuotationVoid, .adminQuotationDuplicate:
            return .management
        case .adminBookings, .adminBooking, .adminBookingNotes, .adminCalendar:
            return .everyone
        case .adminBookingApprove:
            return .management
        case .adminBookingTransition(_, let target):
            switch target {
            case .packed, .delivered, .returned: return .logistics
            case .confirmed, .closed, .cancelled: return .management
            }
        case .adminPackingList:
            return .logistics
        case .adminUsers, .adminUserNew, .adminUserCreate, .adminUserEdit, .adminUserUpdate, .adminUserDeactivate,
            .adminUserReactivate, .adminSettings, .adminSettingsUpdate, .adminLogoUpload, .adminLogoRemove:
            return .adminOnly
        case .adminActivity:
            return .management
        }
    }

    /// The HTTP method the route answers to: `POST` for every change of state, `GET` otherwise.
    public var method: String {
        switch self {
        case .signingSubmit, .signingDecline, .adminLoginSubmit, .adminLogout, .adminPasswordChange,
            .adminSessionRevoke, .adminCalendarFeedCreate, .adminCalendarFeedRevoke, .adminCustomerCreate,
            .adminCustomerUpdate, .adminCustomerArchive, .adminProductCreate, .adminProductUpdate, .adminProductStock,
            .adminProductDeactivate, .adminAddonCreate, .adminAddonUpdate, .adminAddonDeactivate,
            .adminQuotationCreate, .adminQuotationUpdate, .adminQuotationSend, .adminQuotationResend,
            .adminQuotationVoid, .adminQuotationDuplicate, .adminBookingApprove, .adminBookingTransition,
            .adminBookingNotes, .adminUserCreate, .adminUserUpdate, .adminUserDeactivate, .adminUserReactivate,
            .adminSettingsUpdate, .adminLogoUpload, .adminLogoRemove:
            return "POST"
        case .home, .health, .signingHelp, .switchLanguage, .signing, .signingDone, .signingOffer, .signingDocument,
            .calendarFeed, .asset, .errorPage, .companyLogo, .adminLogin, .adminDashboard, .adminAccount,
            .adminCustomers, .adminCustomerNew, .adminCustomer, .adminCustomerEdit, .adminProducts, .adminProductNew,
            .adminProduct, .adminProductEdit, .adminAddons, .adminAddonNew, .adminAddonEdit, .adminQuotations,
            .adminQuotationNew, .adminQuotation, .adminQuotationVersion, .adminBookings, .adminBooking,
            .adminPackingList, .adminCalendar, .adminUsers, .adminUserNew, .adminUserEdit, .adminSettings,
            .adminActivity:
            return "GET"
        }
    }

    /// A staff route that changes state: it needs the CSRF token and a same-origin request.
    public var isStaffChange: Bool {
        if case .staff = access { return method == "POST" }
        return false
    }
}
