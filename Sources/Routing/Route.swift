public import Domain

/// Every page and endpoint of the product, parsed from method and path and printed back into
/// links. Handlers dispatch on it with an exhaustive `switch`, so a new route does not compile
/// until it is handled; templates link through it, never through literal URLs.
public enum Route: Hashable, Sendable {
    /// `/` — what the product is, with links for staff and for customers.
    case home
    /// `/healthz` — 200 `ok` when PostgreSQL answers, 503 otherwise.
    case health
    /// `/help/signing` — help for customers who received a signing link.
    case signingHelp
    /// `/language/{sv|en}?return=/path` — remembers the chosen language and goes back.
    case switchLanguage(Language, returnTo: LocalPath)
    /// `/sign/{token}` — the customer's agreement for a signing link.
    case signing(token: String)
    /// `POST /sign/{token}` — the customer signs.
    case signingSubmit(token: String)
    /// `/sign/{token}/done` — thanks, with the booking number.
    case signingDone(token: String)
    /// `POST /sign/{token}/decline` — the customer declines, with a reason.
    case signingDecline(token: String)
    /// `/sign/{token}/offer.pdf` — the offer as sent, unsigned, rendered on request.
    case signingOffer(token: String)
    /// `/sign/{token}/document.pdf` — the signed agreement once rendered.
    case signingDocument(token: String)
    /// `/calendar/{token}.ics` — a staff member's iCalendar feed; the secret token is the credential.
    case calendarFeed(token: String)
    /// `/static/{file}` — served by nginx; printed with a content fingerprint for long caching.
    case asset(String)
    /// `/_error/{status}` — nginx's internal redirect for errors it raises itself (413, 429),
    /// so they get the same friendly page in the user's language.
    case errorPage(status: Int)

    // MARK: Staff: signing in and the own account

    /// `/admin/login?next=/admin/…` — the staff sign-in.
    case adminLogin(next: LocalPath?)
    /// `POST /admin/login`
    case adminLoginSubmit
    /// `POST /admin/logout`
    case adminLogout
    /// `/admin` — the dashboard.
    case adminDashboard
    /// `/admin/account` — my sessions, password, calendar feeds.
    case adminAccount
    /// `POST /admin/account/password`
    case adminPasswordChange
    /// `POST /admin/account/sessions/{id}/revoke`
    case adminSessionRevoke(SessionID)
    /// `POST /admin/account/calendar-feeds`
    case adminCalendarFeedCreate
    /// `POST /admin/account/calendar-feeds/{id}/revoke`
    case adminCalendarFeedRevoke(CalendarFeedID)

    // MARK: Customers

    /// `/admin/customers?q=&after=&archived=`
    case adminCustomers(ListQuery)
    /// `/admin/customers/new`
    case adminCustomerNew
    /// `POST /admin/customers`
    case adminCustomerCreate
    /// `/admin/customers/{id}` — details and history.
    case adminCustomer(CustomerID)
    /// `/admin/customers/{id}/edit`
    case adminCustomerEdit(CustomerID)
    /// `POST /admin/customers/{id}`
    case adminCustomerUpdate(CustomerID)
    /// `POST /admin/customers/{id}/archive`
    case adminCustomerArchive(CustomerID)

    // MARK: Products and add-ons

    /// `/admin/products?q=&after=&inactive=`
    case adminProducts(ListQuery)
    /// `/admin/products/new`
    case adminProductNew
    /// `POST /admin/products`
    case adminProductCreate
    /// `/admin/products/{id}?from=&to=` — details and availability strip.
    case adminProduct(ProductID, ListQuery)
    /// `/admin/products/{id}/edit`
    case adminProductEdit(ProductID)
    /// `POST /admin/products/{id}`
    case adminProductUpdate(ProductID)
    /// `POST /admin/products/{id}/stock` — the stock level alone (warehouse).
    case adminProductStock(ProductID)
    /// `POST /admin/products/{id}/deactivate`
    case adminProductDeactivate(ProductID)
    /// `/admin/addons?q=&after=&inactive=`
    case adminAddons(ListQuery)
    /// `/admin/addons/new`
    case adminAddonNew
    /// `POST /admin/addons`
    case adminAddonCreate
    /// `/admin/addons/{id}/edit`
    case adminAddonEdit(AddonID)
    /// `POST /admin/addons/{id}`
    case adminAddonUpdate(AddonID)
    /// `POST /admin/addons/{id}/deactivate`
    case adminAddonDeactivate(AddonID)

    // MARK: Quotations

    /// `/admin/quotations?state=&q=&after=`
    case adminQuotations(ListQuery)
    /// `/admin/quotations/new?customer=`
    case adminQuotationNew(ListQuery)
    /// `POST /admin/quotations`
    case adminQuotationCreate
    /// `/admin/quotations/{id}` — the editor (drafts) or the read view.
    case adminQuotation(QuotationID)
    /// `POST /admin/quotations/{id}` — save the editor.
    case adminQuotationUpdate(QuotationID)
    /// `POST /admin/quotations/{id}/send`
    case adminQuotationSend(QuotationID)
    /// `POST /admin/quotations/{id}/resend` — a new link, the old one voided.
    case adminQuotationResend(QuotationID)
    /// `POST /admin/quotations/{id}/void`
    case adminQuotationVoid(QuotationID)
    /// `POST /admin/quotations/{id}/duplicate`
    case adminQuotationDuplicate(QuotationID)
    /// `/admin/quotations/{id}/versions/{n}` — a frozen version and, once signed, its evidence.
    case adminQuotationVersion(QuotationID, version: Int)

    // MARK: Bookings and calendar

    /// `/admin/bookings?state=&from=&to=&customer=&q=&after=`
    case adminBookings(ListQuery)
    /// `/admin/bookings/{id}`
    case adminBooking(BookingID)
    /// `POST /admin/bookings/{id}/approve`
    case adminBookingApprove(BookingID)
    /// `POST /admin/bookings/{id}/state/{packed|delivered|returned|closed|cancelled}`
    case adminBookingTransition(BookingID, to: BookingState)
    /// `POST /admin/bookings/{id}/notes`
    case adminBookingNotes(BookingID)
    /// `/admin/bookings/{id}/packing-list` — printable.
    case adminPackingList(BookingID)
    /// `/admin/calendar?view=month|week&date=YYYY-MM-DD`
    case adminCalendar(ListQuery)

    // MARK: Administration

    /// `/admin/users`
    case adminUsers
    /// `/admin/users/new`
    case adminUserNew
    /// `POST /admin/users`
    case adminUserCreate
    /// `/admin/users/{id}/edit`
    case adminUserEdit(UserID)
    /// `POST /admin/users/{id}` — name and role.
    case adminUserUpdate(UserID)
    /// `POST /admin/users/{id}/deactivate` — their sessions end at once.
    case adminUserDeactivate(UserID)
    /// `POST /admin/users/{id}/reactivate`
    case adminUserReactivate(UserID)
    /// `/admin/settings`
    case adminSettings
    /// `POST /admin/settings`
    case adminSettingsUpdate
    /// `POST /admin/settings/logo` — multipart upload, PNG or JPEG.
    case adminLogoUpload
    /// `POST /admin/settings/logo/remove`
    case adminLogoRemove
    /// `/logo` — the company logo (public: the signing page and emails show it).
    case companyLogo
    /// `/admin/activity?user=&entity=&entity_id=&from=&to=&before=`
    case adminActivity(ListQuery)
}
