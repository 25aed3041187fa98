public import Domain

extension Route {
    /// One value of every case, for tests that walk the whole route table (CSRF on every POST,
    /// the roles matrix). `exampleIndex` has an exhaustive switch, so a new case does not compile
    /// until it has an index, and the routing tests fail until it has an example here.
    public static let examples: [Route] = [
        .home, .health, .signingHelp, .switchLanguage(.en, returnTo: .root), .signing(token: "t"),
        .signingSubmit(token: "t"), .signingDone(token: "t"), .signingDecline(token: "t"), .signingOffer(token: "t"),
        .signingDocument(token: "t"), .calendarFeed(token: "t"), .asset("app.css"), .errorPage(status: 429),
        .adminLogin(next: nil), .adminLoginSubmit, .adminLogout, .adminDashboard, .adminAccount,
        .adminPasswordChange, .adminSessionRevoke(SessionID(rawValue: 1)), .adminCalendarFeedCreate,
        .adminCalendarFeedRevoke(CalendarFeedID(rawValue: 1)), .adminCustomers(ListQuery()), .adminCustomerNew,
        .adminCustomerCreate, .adminCustomer(CustomerID(rawValue: 1)), .adminCustomerEdit(CustomerID(rawValue: 1)),
        .adminCustomerUpdate(CustomerID(rawValue: 1)), .adminCustomerArchive(CustomerID(rawValue: 1)),
        .adminProducts(ListQuery()), .adminProductNew, .adminProductCreate, .adminProduct(ProductID(rawValue: 1), ListQuery()),
        .adminProductEdit(ProductID(rawValue: 1)), .adminProductUpdate(ProductID(rawValue: 1)),
        .adminProductStock(ProductID(rawValue: 1)), .adminProductDeactivate(ProductID(rawValue: 1)),
        .adminAddons(ListQuery()), .adminAddonNew, .adminAddonCreate, .adminAddonEdit(AddonID(rawValue: 1)),
        .adminAddonUpdate(AddonID(rawValue: 1)), .adminAddonDeactivate(AddonID(rawValue: 1)),
        .adminQuotations(ListQuery()), .adminQuotationNew(ListQuery()), .adminQuotationCreate,
        .adminQuotation(QuotationID(rawValue: 1)), .adminQuotationUpdate(QuotationID(rawValue: 1)),
        .adminQuotationSend(QuotationID(rawValue: 1)), .adminQuotationResend(QuotationID(rawValue: 1)),
        .adminQuotationVoid(QuotationID(rawValue: 1)), .adminQuotationDuplicate(QuotationID(rawValue: 1)),
        .adminQuotationVersion(QuotationID(rawValue: 1), version: 1), .adminBookings(ListQuery()),
        .adminBooking(BookingID(rawValue: 1)), .adminBookingApprove(BookingID(rawValue: 1)),
        .adminBookingTransition(BookingID(rawValue: 1), to: .packed),
        .adminBookingTransition(BookingID(rawValue: 1), to: .delivered),
        .adminBookingTransition(BookingID(rawValue: 1), to: .returned),
        .adminBookingTransition(BookingID(rawValue: 1), to: .closed),
        .adminBookingTransition(BookingID(rawValue: 1), to: .cancelled),
        .adminBookingNotes(BookingID(rawValue: 1)), .adminPackingList(BookingID(rawValue: 1)),
        .adminCalendar(ListQuery()), .adminUsers, .adminUserNew, .adminUserCreate, .adminUserEdit(UserID(rawValue: 1)),
        .adminUserUpdate(UserID(rawValue: 1)), .adminUserDeactivate(UserID(rawValue: 1)),
        .adminUserReactivate(UserID(rawValue: 1)), .adminSettings, .adminSettingsUpdate, .adminLogoUpload,
        .adminLogoRemove, .companyLogo, .adminActivity(ListQuery()),
    ]

    /// The case's position in the declaration; used only to prove `examples` covers every case.
    public var exampleIndex: Int {
        switch self {
        case .home: 0
        case .health: 1
        case .signingHelp: 2
        case .switchLanguage: 3
        case .signing: 4
        case .signingSubmit: 5
        case .signingDone: 6
        case .signingDecline: 7
        case .signingOffer: 8
        case .signingDocument: 9
        case .calendarFeed: 10
        case .asset: 11
        case .errorPage: 12
        case .adminLogin: 13
        case .adminLoginSubmit: 14
        case .adminLogout: 15
        case .adminDashboard: 16
        case .adminAccount: 17
        case .adminPasswordChange: 18
        case .adminSessionRevoke: 19
        case .adminCalendarFeedCreate: 20
        case .adminCalendarFeedRevoke: 21
        case .adminCustomers: 22
        case .adminCustomerNew: 23
        case .adminCustomerCreate: 24
        case .adminCustomer: 25
        case .adminCustomerEdit: 26
        case .adminCustomerUpdate: 27
        case .adminCustomerArchive: 28
        case .adminProducts: 29
        case .adminProductNew: 30
        case .adminProductCreate: 31
        case .adminProduct: 32
        case .adminProductEdit: 33
        case .adminProductUpdate: 34
        case .adminProductStock: 35
        case .adminProductDeactivate: 36
        case .adminAddons: 37
        case .adminAddonNew: 38
        case .adminAddonCreate: 39
        case .adminAddonEdit: 40
        case .adminAddonUpdate: 41
        case .adminAddonDeactivate: 42
        case .adminQuotations: 43
        case .adminQuotationNew: 44
        case .adminQuotationCreate: 45
        case .adminQuotation: 46
        case .adminQuotationUpdate: 47
        case .adminQuotationSend: 48
        case .adminQuotationResend: 49
        case .adminQuotationVoid: 50
        case .adminQuotationDuplicate: 51
        case .adminQuotationVersion: 52
        case .adminBookings: 53
        case .adminBooking: 54
        case .adminBookingApprove: 55
        case .adminBookingTransition: 56
        case .adminBookingNotes: 57
        case .adminPackingList: 58
        case .adminCalendar: 59
        case .adminUsers: 60
        case .adminUserNew: 61
        case .adminUserCreate: 62
        case .adminUserEdit: 63
        case .adminUserUpdate: 64
        case .adminUserDeactivate: 65
        case .adminUserReactivate: 66
        case .adminSettings: 67
        case .adminSettingsUpdate: 68
        case .adminLogoUpload: 69
        case .adminLogoRemove: 70
        case .companyLogo: 71
        case .adminActivity: 72
        }
    }

    /// How many cases `exampleIndex` numbers.
    public static let caseCount = 73
}
