import Database
import Domain
import HTTP
import Routing
import Templates

/// `/admin/calendar?view=month|week&date=YYYY-MM-DD`: the month (default) or week around a date
/// (default today in Stockholm).
enum CalendarHandler {
    static func show(_ query: CalendarQuery, _ admin: AdminContext) throws -> Response {
        let s = admin.strings
        let kind: CalendarWindow.Kind
        if let raw = query.view {
            guard let parsed = CalendarWindow.Kind(rawValue: raw) else {
                throw HTTPError(.badRequest, reason: s.calendar.badView)
            }
            kind = parsed
        } else {
            kind = .month
        }
        let today = BusinessCalendar.today()
        let anchor: CalendarDate
        if let raw = query.date {
            guard let day = try? CalendarDate(iso: raw) else {
                throw HTTPError(.badRequest, reason: s.calendar.badDate)
            }
            anchor = day
        } else {
            anchor = today
        }
        guard let window = try? CalendarWindow(kind, containing: anchor) else {
            throw HTTPError(.badRequest, reason: s.calendar.badDate)
        }
        let limit = 2000
        let bookings = try BookingStore.overlapping(try admin.connection(), period: window.period, limit: limit)
        return admin.html(
            CalendarPage.render(
                window: window, today: today, bookings: bookings, truncated: bookings.count >= limit,
                admin: try admin.page()))
    }
}
