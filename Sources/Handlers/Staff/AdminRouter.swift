import HTTP
import Routing
import Templates

/// The staff side: `StaffGate` first (session, then CSRF token and origin for changes, then the
/// roles the route declares), then each feature's own handler, which switches over its own route.
enum AdminRouter {
    static func handle(_ route: AdminRoute, context: Context) throws -> Response {
        let s = context.strings
        let admission: StaffGate.Admission
        switch try StaffGate.check(route, context: context) {
        case .open:
            admission = .visitor(context)
        case .allowed(let session):
            admission = .staff(AdminContext(base: context, session: session))
        case .signIn:
            let back = LocalPath(
                validating: context.request.rawTarget.hasPrefix("/admin") ? context.request.rawTarget : "/admin")
            return .redirect(to: Route.admin(.account(.login(next: back))).path)
        case .setUpTwoStep:
            return .redirect(to: Route.admin(.account(.twoStep)).path)
        case .forbidden(let reason):
            let text =
                switch reason {
                case .notSignedIn: s.staff.staffNotSignedIn
                case .crossSite: s.staff.staffCrossSite
                case .csrf: s.staff.loginFormExpired
                case .role: s.staff.staffForbidden
                case .twoStepRequired: s.staff.twoStepRequiredFirst
                }
            throw HTTPError(.forbidden, reason: text)
        }

        switch route {
        case .account(let route): return try AccountHandler.handle(route, admission)
        case .dashboard(let route): return try DashboardHandler.handle(route, admission.member())
        case .customers(let route): return try CustomersHandler.handle(route, admission.member())
        case .products(let route): return try ProductsHandler.handle(route, admission.member())
        case .addons(let route): return try AddonsHandler.handle(route, admission.member())
        case .quotations(let route): return try QuotationsHandler.handle(route, admission.member())
        case .bookings(let route): return try BookingsHandler.handle(route, admission.member())
        case .users(let route): return try UsersHandler.handle(route, admission.member())
        case .settings(let route): return try SettingsHandler.handle(route, admission.member())
        case .activity(let route): return try ActivityHandler.handle(route, admission.member())
        case .automation(let route): return try AutomationHandler.handle(route, admission.member())
        case .invoices(let route): return try InvoicesHandler.handle(route, admission.member())
        case .reports(let route): return try ReportsHandler.handle(route, admission.member())
        case .payments(let route): return try PaymentsHandler.handle(route, admission.member())
        case .bookkeeping(let route): return try BookkeepingHandler.handle(route, admission.member())
        case .inbox(let route): return try InboxHandler.handle(route, admission.member())
        case .structure(let route): return try StructureHandler.handle(route, admission.member())
        case .flows(let route): return try FlowsHandler.handle(route, admission.member())
        case .forms(let route): return try FormsHandler.handle(route, admission.member())
        case .tasks(let route): return try TasksHandler.handle(route, admission.member())
        case .fields(let route): return try CustomFieldsHandler.handle(route, admission.member())
        }
    }
}
