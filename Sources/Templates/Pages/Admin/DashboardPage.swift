/// `/admin`: the dashboard.
public enum DashboardPage {
    public static func render(admin: AdminPage) -> [UInt8] {
        let s = admin.strings
        return AdminLayout.page(title: s.navDashboard, admin) {
            h1 { s.navDashboard }
        }.rendered()
    }
}
