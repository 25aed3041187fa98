public import Domain

extension Strings {
    // MARK: Calendar pages

    var calendarTitle: String { t("Kalender", "Calendar") }
    var calendarMonthView: String { t("Månad", "Month") }
    var calendarWeekView: String { t("Vecka", "Week") }
    var calendarToday: String { t("Idag", "Today") }
    var calendarPreviousMonth: String { t("Föregående månad", "Previous month") }
    var calendarNextMonth: String { t("Nästa månad", "Next month") }
    var calendarPreviousWeek: String { t("Föregående vecka", "Previous week") }
    var calendarNextWeek: String { t("Nästa vecka", "Next week") }
    var calendarGoTo: String { t("Gå till datum", "Go to date") }
    var calendarShow: String { t("Visa", "Show") }
    var calendarDelivery: String { t("Leverans", "Delivery") }
    var calendarPickup: String { t("Hämtning", "Pickup") }
    var calendarDeliveryAndPickup: String { t("Leverans och hämtning", "Delivery and pickup") }
    var calendarOnHire: String { t("Ute hos kund", "On hire") }
    var calendarLegend: String { t("Förklaring", "Key") }
    var calendarNothing: String { t("Inget planerat.", "Nothing planned.") }
    var calendarTruncated: String {
        t("Fler bokningar än vad som ryms; välj veckovyn eller filtrera bokningslistan.",
          "More bookings than fit; use the week view or filter the bookings list.")
    }
    var calendarSubscribeText: String {
        t("Vill du se bokningarna i Google Kalender, Outlook eller på telefonen?",
          "Want the bookings in Google Calendar, Outlook or on your phone?")
    }
    var calendarSubscribeLink: String { t("Skapa en kalenderlänk under Mitt konto.", "Create a calendar link under your account.") }
    func calendarMore(_ n: Int) -> String { t("+ \(n) till", "+ \(n) more") }
    func calendarWeekNumber(_ week: Int) -> String { t("v. \(week)", "Week \(week)") }
    func calendarMonthHeading(_ day: CalendarDate) -> String {
        let name = bookingMonthName(day.month)
        return t("\(name.prefix(1).uppercased() + name.dropFirst()) \(day.year)", "\(name) \(day.year)")
    }
    func calendarWeekHeading(_ window: CalendarWindow) -> String {
        let week = window.anchor.isoWeek
        return t("Vecka \(week.week), \(week.year)", "Week \(week.week), \(week.year)")
    }
    public var calendarBadView: String { t("Vyn måste vara month eller week.", "The view must be month or week.") }
    public var calendarBadDate: String {
        t("Datumet måste vara ett riktigt datum som ÅÅÅÅ-MM-DD, till exempel 2026-06-19.",
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
            "\(bookingStatusHeading): \(bookingStateName(booking.state))",
            "\(bookingDeliveryLabel): \(bookingDayWithWeekday(booking.period.start))",
            "\(bookingPickupLabel): \(bookingDayWithWeekday(booking.period.end))",
            "\(bookingContactPerson): \(feed.contactName)" + (feed.contactPhone.map { ", \($0)" } ?? ""),
        ]
        if !feed.items.isEmpty {
            lines.append("")
            lines.append("\(packingItemsHeading):")
            lines.append(contentsOf: feed.items.map { "\($0.quantity) × \($0.name)" })
        }
        lines.append("")
        lines.append(link)
        return lines.joined(separator: "\n")
    }
}
