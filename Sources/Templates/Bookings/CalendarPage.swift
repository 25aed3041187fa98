public import Domain
import Routing

/// `/admin/calendar?view=month|week&date=YYYY-MM-DD`: deliveries, pickups and what is out on hire,
/// day by day, each linked to its booking. The month is a grid of whole weeks (a list on a phone);
/// the week shows every booking in full. Plain links and a GET form: no JavaScript needed.
public enum CalendarPage {
    /// Entries shown per day in the month grid; the rest behind a link to that day's week.
    static let monthDayLimit = 6

    /// - Parameter truncated: the query stopped at its limit (more bookings than a page can show).
    public static func render(
        window: CalendarWindow, today: CalendarDate, bookings: [CalendarBooking], truncated: Bool, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings
        let agenda = CalendarAgenda.entries(for: window.days, bookings: bookings)
        let heading = window.kind == .month ? s.calendar.monthHeading(window.anchor) : s.calendar.weekHeading(window)
        return AdminLayout.page(title: "\(s.calendar.title) · \(heading)", admin) {
            div(.class("page-head")) {
                h1 {
                    heading
                    if window.kind == .week { small(.class("sub")) { "\(window.first.iso) – \(window.last.iso)" } }
                }
            }
            navigation(window, today: today, s)
            legend(s)
            p(.class("hint no-print")) {
                s.calendar.subscribeText + " "
                a(.href(SafeURL(.admin(.account(.show))))) { s.calendar.subscribeLink }
            }
            if truncated { p(.class("flash warning"), .attr("role", "status")) { s.calendar.truncated } }
            switch window.kind {
            case .month: month(window, today: today, agenda: agenda, s)
            case .week: week(window, today: today, agenda: agenda, s)
            }
        }.rendered()
    }

    static func route(_ kind: CalendarWindow.Kind, _ date: CalendarDate) -> Route {
        .admin(.bookings(.calendar(CalendarQuery(view: kind.rawValue, date: date.iso))))
    }

    static func navigation(_ window: CalendarWindow, today: CalendarDate, _ s: Strings) -> Node {
        let isMonth = window.kind == .month
        return div(.class("calendar-nav")) {
            nav(.class("actions"), .attr("aria-label", s.calendar.title)) {
                a(.class("button secondary"), .attr("rel", "prev"), .href(SafeURL(route(window.kind, window.previous))))
                {
                    "← " + (isMonth ? s.calendar.previousMonth : s.calendar.previousWeek)
                }
                a(.class("button secondary"), .href(SafeURL(route(window.kind, today)))) { s.calendar.today }
                a(.class("button secondary"), .attr("rel", "next"), .href(SafeURL(route(window.kind, window.next)))) {
                    (isMonth ? s.calendar.nextMonth : s.calendar.nextWeek) + " →"
                }
                span(.class("view-switch")) {
                    for kind in CalendarWindow.Kind.allCases {
                        let label = kind == .month ? s.calendar.monthView : s.calendar.weekView
                        if kind == window.kind {
                            strong(.attr("aria-current", "page")) { label }
                        } else {
                            a(.href(SafeURL(route(kind, window.anchor)))) { label }
                        }
                    }
                }
            }
            element(
                "form",
                [
                    .class("calendar-goto"), .attr("method", "get"),
                    .action(SafeURL(.admin(.bookings(.calendar(CalendarQuery()))))),
                ]
            ) {
                Fields.hidden("view", window.kind.rawValue)
                label(.attr("for", "calendar-date")) { s.calendar.goTo }
                input(
                    .attr("type", "date"), .id("calendar-date"), .attr("name", "date"),
                    .attr("value", window.anchor.iso), .flag("required"))
                button(.class("button secondary"), .attr("type", "submit")) { s.calendar.show }
            }
        }
    }

    static func legend(_ s: Strings) -> Node {
        ul(.class("calendar-legend"), .attr("aria-label", s.calendar.legend)) {
            li(.class("entry kind-delivery")) { s.calendar.delivery }
            li(.class("entry kind-pickup")) { s.calendar.pickup }
            li(.class("entry kind-same-day")) { s.calendar.deliveryAndPickup }
            li(.class("entry kind-on-hire")) { s.calendar.onHire }
        }
    }

    static func kindClass(_ kind: CalendarEntryKind) -> String {
        switch kind {
        case .delivery: "kind-delivery"
        case .pickup: "kind-pickup"
        case .deliveryAndPickup: "kind-same-day"
        case .onHire: "kind-on-hire"
        }
    }

    static func kindLabel(_ kind: CalendarEntryKind, _ s: Strings) -> String {
        switch kind {
        case .delivery: s.calendar.delivery
        case .pickup: s.calendar.pickup
        case .deliveryAndPickup: s.calendar.deliveryAndPickup
        case .onHire: s.calendar.onHire
        }
    }

    static func dayAttributes(
        _ day: CalendarDate, window: CalendarWindow, today: CalendarDate, base: String
    ) -> [Attribute] {
        var classes = base
        if !window.isInFocus(day) { classes += " other-month" }
        if day == today { classes += " today" }
        var attributes: [Attribute] = [.class(classes), .data("data-date", day.iso)]
        if day == today { attributes.append(.attr("aria-current", "date")) }
        return attributes
    }

    static func month(
        _ window: CalendarWindow, today: CalendarDate, agenda: [CalendarDate: [CalendarEntry]], _ s: Strings
    ) -> Node {
        div(.class("calendar-month")) {
            div(.class("weekdays"), .attr("aria-hidden", "true")) {
                for weekday in 1...7 { span { s.bookings.weekdayShort(weekday) } }
            }
            ol(.class("month-grid")) {
                for day in window.days {
                    let entries = agenda[day] ?? []
                    element(
                        "li",
                        dayAttributes(day, window: window, today: today, base: entries.isEmpty ? "day empty" : "day")
                    ) {
                        div(.class("day-head")) {
                            a(
                                .class("day-number"), .href(SafeURL(route(.week, day))),
                                .attr("aria-label", s.bookings.dayWithWeekday(day))
                            ) {
                                span(.class("weekday")) { s.bookings.weekdayShort(day.isoWeekday) + " " }
                                String(day.day)
                            }
                            if day.isoWeekday == 1 {
                                span(.class("week-number")) { s.calendar.weekNumber(day.isoWeek.week) }
                            }
                        }
                        if !entries.isEmpty {
                            ul(.class("entries")) {
                                for entry in entries.prefix(monthDayLimit) {
                                    li(.class("entry \(kindClass(entry.kind))")) {
                                        a(
                                            .href(SafeURL(.admin(.bookings(.show(entry.booking.id))))),
                                            .attr("title", tooltip(entry.booking))
                                        ) {
                                            span(.class("sr-only")) { kindLabel(entry.kind, s) + ": " }
                                            strong { breakable(entry.booking.number) }
                                            span(.class("who")) { " " + entry.booking.customerName }
                                        }
                                    }
                                }
                            }
                            if entries.count > monthDayLimit {
                                a(.class("more"), .href(SafeURL(route(.week, day)))) {
                                    s.calendar.more(entries.count - monthDayLimit)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `EG-2026-0001 · Customer · Event` (the month cell may cut the name short).
    static func tooltip(_ booking: CalendarBooking) -> String {
        ([booking.number, booking.customerName] + (booking.title.map { [$0] } ?? [])).joined(separator: " · ")
    }

    /// `EG-2026-` and `0001` with a line-break opportunity between, for narrow month cells.
    static func breakable(_ number: String) -> Node {
        guard let dash = number.lastIndex(of: "-") else { return .text(number) }
        return .fragment([
            .text(String(number[...dash])), void("wbr", []), .text(String(number[number.index(after: dash)...])),
        ])
    }

    static func week(
        _ window: CalendarWindow, today: CalendarDate, agenda: [CalendarDate: [CalendarEntry]], _ s: Strings
    ) -> Node {
        ol(.class("week-grid")) {
            for day in window.days {
                let entries = agenda[day] ?? []
                element("li", dayAttributes(day, window: window, today: today, base: "day")) {
                    h2(.class("day-head")) { s.bookings.dayWithWeekday(day) }
                    if entries.isEmpty {
                        p(.class("muted")) { s.calendar.nothing }
                    } else {
                        ul(.class("entries")) {
                            for entry in entries {
                                li(.class("entry \(kindClass(entry.kind))")) {
                                    span(.class("kind")) { kindLabel(entry.kind, s) }
                                    " "
                                    a(.href(SafeURL(.admin(.bookings(.show(entry.booking.id)))))) {
                                        strong { entry.booking.number }
                                    }
                                    " "
                                    BookingComponents.stateBadge(entry.booking.state, s)
                                    span(.class("who")) { entry.booking.customerName }
                                    if let title = entry.booking.title { span(.class("what")) { title } }
                                    let place = [
                                        entry.booking.deliveryAddress.line1, entry.booking.deliveryAddress.city,
                                    ]
                                    .filter { !$0.isEmpty }.joined(separator: ", ")
                                    if !place.isEmpty { span(.class("where")) { place } }
                                    span(.class("when")) { s.bookings.periodText(entry.booking.period) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
