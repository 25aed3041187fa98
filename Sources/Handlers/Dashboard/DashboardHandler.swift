import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates

/// `/admin`: the day's work at a glance. Only the blocks the member's role may open are
/// computed; every query is bounded (see `DashboardStore`).
enum DashboardHandler {
    static func handle(_ route: DashboardRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .show: try show(admin)
        case .live: live(admin)
        }
    }

    /// The live pages' subscription: nginx's nchan takes the connection over (`/_live/staff`,
    /// internal), so this thread is free at once. Only a signed-in member gets here (StaffGate).
    static func live(_ admin: AdminContext) -> Response {
        Response(
            status: .ok,
            headers: [
                ("X-Accel-Redirect", "/_live/staff"), ("X-Accel-Buffering", "no"), ("Cache-Control", "no-store"),
            ],
            body: [])
    }

    static func show(_ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        let page = try admin.page()
        let now = Date()
        let today = BusinessCalendar.day(of: now)
        let tomorrow = (try? today.adding(days: 1)) ?? today

        var awaitingSignature: (rows: [AwaitingSignature], count: CappedCount)?
        var recentlySigned: [RecentlySigned]?
        // Quotation blocks for those who read quotations.
        if page.may(.admin(.quotations(.list(QuotationListQuery())))) {
            awaitingSignature = (
                try DashboardStore.awaitingSignature(db, today: today), try DashboardStore.awaitingSignatureCount(db)
            )
            recentlySigned = try DashboardStore.recentlySigned(
                db, since: BusinessCalendar.startOfDay((try? today.adding(days: -6)) ?? today))
        }
        // Revenue is a report: for the roles that see reports (the same as the activity log).
        var revenue: RevenueComparison?
        if page.may(.admin(.activity(.list(ActivityQuery())))) {
            let bounds = BusinessCalendar.monthBounds(now)
            revenue = try DashboardStore.revenue(
                db, lastMonthStart: bounds.lastMonthStart, thisMonthStart: bounds.thisMonthStart,
                sameTimeLastMonth: bounds.sameTimeLastMonth)
        }
        // Receivables and conversion: for the roles that see reports (not the warehouse).
        var reportTiles: ReportTiles?
        if page.may(.admin(.reports(.index))) {
            reportTiles = ReportTiles(
                receivables: try ReportStore.openReceivables(db, asOf: today),
                conversion: try ReportStore.conversion(
                    db, period: ReportPeriod(from: (try? today.adding(days: -89)) ?? today, to: today)
                ).overall)
        }
        let figures = DashboardPage.Figures(
            today: today, tomorrow: tomorrow,
            deliveriesToday: try BookingStore.deliveries(db, on: today),
            pickupsToday: try BookingStore.pickups(db, on: today),
            deliveriesTomorrow: try BookingStore.deliveries(db, on: tomorrow),
            pickupsTomorrow: try BookingStore.pickups(db, on: tomorrow),
            awaitingApproval: try DashboardStore.awaitingApproval(db),
            awaitingApprovalCount: try DashboardStore.awaitingApprovalCount(db),
            countsByState: try DashboardStore.countsByState(db),
            awaitingSignature: awaitingSignature, recentlySigned: recentlySigned, revenue: revenue,
            reportTiles: reportTiles)
        return admin.html(DashboardPage.render(figures, admin: page))
    }
}
