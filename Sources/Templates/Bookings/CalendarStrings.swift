public import Domain

/// The calendar feature's strings (`strings.calendar`).
public struct CalendarStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    // MARK: Calendar pages

    var title: String { t("Kalender", "Calendar") }
    var monthView: String { t("Månad", "Month") }
    var weekView: String { t("Vecka", "Week") }
    var today: String { t("Idag", "Today") }
    var previousMonth: String { t("Föregående månad", "Previous month") }
    var nextMonth: String { t("Nästa månad", "Next month") }
    var previousWeek: String { t("Föregående vecka", "Previous week") }
    var nextWeek: String { t("Nästa vecka", "Next week") }
    var goTo: String { t("Gå till datum", "Go to date") }
    var show: String { t("Visa", "Show") }
    var delivery: String { t("Leverans", "Delivery") }
    var pickup: String { t("Hämtning", "Pickup") }
    var deliveryAndPickup: String { t("Leverans och hämtning", "Delivery and pickup") }
    var onHire: String { t("Ute hos kund", "On hire") }
    var legend: String { t("Förklaring", "Key") }
    var nothing: String { t("Inget planerat.", "Nothing planned.") }
    var truncated: String {
        t(
            "Fler bokningar än vad som ryms; välj veckovyn eller filtrera bokningslistan.",
            "More bookings than fit; use the week view or filter the bookings list.")
    }
    var subscribeText: String {
        t(
            "Vill du se bokningarna i Google Kalender, Outlook eller på telefonen?",
            "Want the bookings in Google Calendar, Outlook or on your phone?")
    }
    var subscribeLink: String {
        t("Skapa en kalenderlänk under Mitt konto.", "Create a calendar link under your account.")
    }
    func more(_ n: Int) -> String { t("+ \(n) till", "+ \(n) more") }
    func weekNumber(_ week: Int) -> String { t("v. \(week)", "Week \(week)") }
    func monthHeading(_ day: CalendarDate) -> String {
        let name = common.bookings.monthName(day.month)
        return t("\(name.prefix(1).uppercased() + name.dropFirst()) \(day.year)", "\(name) \(day.year)")
    }
    func weekHeading(_ window: CalendarWindow) -> String {
        let week = window.anchor.isoWeek
        return t("Vecka \(week.week), \(week.year)", "Week \(week.week), \(week.year)")
    }
    public var badView: String { t("Vyn måste vara month eller week.", "The view must be month or week.") }
    public var badDate: String {
        t(
            "Datumet måste vara ett riktigt datum som ÅÅÅÅ-MM-DD, till exempel 2026-06-19.",
            "The date must be a real date as YYYY-MM-DD, for example 2026-06-19.")
    }

    // MARK: iCalendar feed

    public func feedCalendarName(_ company: String) -> String { t("\(company) – bokningar", "\(company) – bookings") }
    public func feedSummary(_ booking: CalendarBooking) -> String {
        var parts = [booking.number, booking.customerName]
        if let title = booking.title, !title.isEmpty { parts.append(title) }
        let text = parts.joined(separator: " · ")
        return booking.state == .cancelled ? t("AVBOKAD: ", "CANCELLED: ") + text : text
    }
    public func feedDescription(_ feed: FeedBooking, link: String) -> String {
        let booking = feed.booking
        var lines = [
            "\(common.bookings.statusHeading): \(common.bookings.stateName(booking.state))",
            "\(common.bookings.deliveryLabel): \(common.bookings.dayWithWeekday(booking.period.start))",
            "\(common.bookings.pickupLabel): \(common.bookings.dayWithWeekday(booking.period.end))",
            "\(common.bookings.contactPerson): \(feed.contactName)" + (feed.contactPhone.map { ", \($0)" } ?? ""),
        ]
        if !feed.items.isEmpty {
            lines.append("")
            lines.append("\(common.bookings.packingItemsHeading):")
            lines.append(contentsOf: feed.items.map { "\($0.quantity) × \($0.name)" })
        }
        lines.append("")
        lines.append(link)
        return lines.joined(separator: "\n")
    }
}

extension Strings {
    /// The calendar feature's strings.
    public var calendar: CalendarStrings { CalendarStrings(language) }
}
