import Domain

extension Strings {
    var dashboardToday: String { t("Idag", "Today") }
    var dashboardTomorrow: String { t("Imorgon", "Tomorrow") }
    var dashboardDeliveries: String { t("Leveranser", "Deliveries") }
    var dashboardPickups: String { t("Hämtningar", "Pickups") }
    var dashboardNoDeliveries: String { t("Inga leveranser.", "No deliveries.") }
    var dashboardNoPickups: String { t("Inga hämtningar.", "No pickups.") }
    var dashboardOpenWeek: String { t("Veckan i kalendern", "The week in the calendar") }
    var dashboardAwaitingSignature: String { t("Väntar på signering", "Awaiting signature") }
    var dashboardNoneAwaitingSignature: String { t("Inga offerter väntar på kunden.", "No quotations are waiting for the customer.") }
    func dashboardSentAgo(_ days: Int) -> String {
        switch days {
        case ..<1: t("skickad idag", "sent today")
        case 1: t("skickad igår", "sent yesterday")
        default: t("skickad för \(days) dagar sedan", "sent \(days) days ago")
        }
    }
    var dashboardRecentlySigned: String { t("Signerade de senaste 7 dagarna", "Signed in the last 7 days") }
    var dashboardNoneSigned: String { t("Inga signerade offerter den senaste veckan.", "No quotations signed in the last week.") }
    var dashboardAwaitingApproval: String { t("Väntar på godkännande", "Waiting for approval") }
    var dashboardNoneAwaitingApproval: String { t("Alla bokningar är godkända.", "Every booking is approved.") }
    var dashboardRevenue: String { t("Intäkter exkl. moms", "Revenue excl. VAT") }
    var dashboardRevenueNote: String {
        t("Bokningar efter det datum de skapades, avbokade inte medräknade.",
          "Bookings by the day they were made, cancelled ones left out.")
    }
    var dashboardThisMonth: String { t("Hittills denna månad", "This month so far") }
    var dashboardLastMonth: String { t("Hela förra månaden", "All of last month") }
    var dashboardLastMonthToDate: String { t("Förra månaden till samma dag", "Last month to the same day") }
    func dashboardChange(_ percent: Int?) -> String {
        guard let percent else { return t("Inget att jämföra med förra månaden.", "Nothing to compare with last month.") }
        let signed = percent > 0 ? "+\(percent)" : percent < 0 ? "−\(-percent)" : "±0"
        return t("\(signed) % mot samma tid förra månaden", "\(signed) % against the same point last month")
    }
    var dashboardByState: String { t("Bokningar per status", "Bookings by status") }
    var dashboardShowAll: String { t("Visa alla", "Show all") }
    func dashboardCount(_ count: CappedCount) -> String {
        let digits = Array(String(max(0, count.value)))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += language == .sv ? "\u{00A0}" : "," }
            grouped.append(digit)
        }
        return count.isCapped ? grouped + "+" : grouped
    }
    func dashboardShowingFirst(_ shown: Int, of count: CappedCount) -> String {
        t("Visar \(shown) av \(dashboardCount(count)).", "Showing \(shown) of \(dashboardCount(count)).")
    }
}
