/// `/admin/…`: the staff side, one case per feature. Each feature's route type declares its own
/// paths, methods and roles; this type only nests them.
public enum AdminRoute: Hashable, Sendable {
    /// Signing in and out, and the own account (password, sessions, calendar feeds).
    case account(AccountRoute)
    case dashboard(DashboardRoute)
    case customers(CustomersRoute)
    case products(ProductsRoute)
    case addons(AddonsRoute)
    case quotations(QuotationsRoute)
    /// Bookings, the calendar and packing lists.
    case bookings(BookingsRoute)
    case users(UsersRoute)
    /// Company settings and the logo.
    case settings(SettingsRoute)
    case activity(ActivityRoute)
    /// Webhooks, events and jobs (issue 11).
    case automation(AutomationRoute)
    /// Invoices and credit notes (issue 12).
    case invoices(InvoicesRoute)
    /// Revenue, utilisation, receivables, customers and conversion (issue 12).
    case reports(ReportsRoute)
    /// Payments from Bankgirot's BgMax files and the unmatched queue (issue 12).
    case payments(PaymentsRoute)
    /// The SIE export, the account mapping, the lock and the reconciliation (issue 12).
    case bookkeeping(BookkeepingRoute)
    /// Customer email as conversations, and inquiries as draft quotations.
    case inbox(InboxRoute)
    /// Departments, positions and who sits where: the company directory.
    case structure(StructureRoute)
    /// Flows: levels of tasks with branching, run on bookings.
    case flows(FlowsRoute)
    /// The form builder.
    case forms(FormsRoute)
    /// "My tasks" and the task pages.
    case tasks(TasksRoute)
    /// The admins' own fields on customers, products, quotations and bookings.
    case fields(CustomFieldsRoute)
}

extension AdminRoute: FeatureRoute {
    public var endpoint: Endpoint<AdminRoute> {
        switch self {
        case .account(let route): route.endpoint.map(AdminRoute.account)
        case .dashboard(let route): route.endpoint.map(AdminRoute.dashboard)
        case .customers(let route): route.endpoint.map(AdminRoute.customers)
        case .products(let route): route.endpoint.map(AdminRoute.products)
        case .addons(let route): route.endpoint.map(AdminRoute.addons)
        case .quotations(let route): route.endpoint.map(AdminRoute.quotations)
        case .bookings(let route): route.endpoint.map(AdminRoute.bookings)
        case .users(let route): route.endpoint.map(AdminRoute.users)
        case .settings(let route): route.endpoint.map(AdminRoute.settings)
        case .activity(let route): route.endpoint.map(AdminRoute.activity)
        case .automation(let route): route.endpoint.map(AdminRoute.automation)
        case .invoices(let route): route.endpoint.map(AdminRoute.invoices)
        case .reports(let route): route.endpoint.map(AdminRoute.reports)
        case .payments(let route): route.endpoint.map(AdminRoute.payments)
        case .bookkeeping(let route): route.endpoint.map(AdminRoute.bookkeeping)
        case .inbox(let route): route.endpoint.map(AdminRoute.inbox)
        case .structure(let route): route.endpoint.map(AdminRoute.structure)
        case .flows(let route): route.endpoint.map(AdminRoute.flows)
        case .forms(let route): route.endpoint.map(AdminRoute.forms)
        case .tasks(let route): route.endpoint.map(AdminRoute.tasks)
        case .fields(let route): route.endpoint.map(AdminRoute.fields)
        }
    }

    public static var samples: [AdminRoute] {
        AccountRoute.samples.map(AdminRoute.account) + DashboardRoute.samples.map(AdminRoute.dashboard)
            + CustomersRoute.samples.map(AdminRoute.customers) + ProductsRoute.samples.map(AdminRoute.products)
            + AddonsRoute.samples.map(AdminRoute.addons) + QuotationsRoute.samples.map(AdminRoute.quotations)
            + BookingsRoute.samples.map(AdminRoute.bookings) + UsersRoute.samples.map(AdminRoute.users)
            + SettingsRoute.samples.map(AdminRoute.settings) + ActivityRoute.samples.map(AdminRoute.activity)
            + AutomationRoute.samples.map(AdminRoute.automation) + InvoicesRoute.samples.map(AdminRoute.invoices)
            + ReportsRoute.samples.map(AdminRoute.reports)
            + PaymentsRoute.samples.map(AdminRoute.payments) + BookkeepingRoute.samples.map(AdminRoute.bookkeeping)
            + InboxRoute.samples.map(AdminRoute.inbox) + StructureRoute.samples.map(AdminRoute.structure)
            + FlowsRoute.samples.map(AdminRoute.flows)
            + FormsRoute.samples.map(AdminRoute.forms) + TasksRoute.samples.map(AdminRoute.tasks)
            + CustomFieldsRoute.samples.map(AdminRoute.fields)
    }

    /// The feature's endpoint without lifting its parser into this type: what printing a link
    /// (`Route.path`) and checking a role need, at the cost of no closure per call.
    var declaration: EndpointDeclaration {
        switch self {
        case .account(let route): route.endpoint.declaration
        case .dashboard(let route): route.endpoint.declaration
        case .customers(let route): route.endpoint.declaration
        case .products(let route): route.endpoint.declaration
        case .addons(let route): route.endpoint.declaration
        case .quotations(let route): route.endpoint.declaration
        case .bookings(let route): route.endpoint.declaration
        case .users(let route): route.endpoint.declaration
        case .settings(let route): route.endpoint.declaration
        case .activity(let route): route.endpoint.declaration
        case .automation(let route): route.endpoint.declaration
        case .invoices(let route): route.endpoint.declaration
        case .reports(let route): route.endpoint.declaration
        case .payments(let route): route.endpoint.declaration
        case .bookkeeping(let route): route.endpoint.declaration
        case .inbox(let route): route.endpoint.declaration
        case .structure(let route): route.endpoint.declaration
        case .flows(let route): route.endpoint.declaration
        case .forms(let route): route.endpoint.declaration
        case .tasks(let route): route.endpoint.declaration
        case .fields(let route): route.endpoint.declaration
        }
    }

    /// The roles this route allows.
    public var access: Access { declaration.access }
    /// `POST` for every change of state, `GET` otherwise.
    public var method: String { declaration.verb == .post ? "POST" : "GET" }
}
