import FCGIHost
import Templates

/// `/admin`: the day's work at a glance.
enum DashboardHandler {
    static func show(_ admin: AdminContext) throws -> Response {
        admin.html(DashboardPage.render(admin: try admin.page()))
    }
}
