public import Domain

/// The dashboard feature's strings (`strings.dashboard`).
public struct DashboardStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var today: String { t("Idag", "Today") }
    var tomorrow: String { t("Imorgon", "Tomorrow") }
    var deliveries: String { t("Leveranser", "Deliveries") }
    var pickups: String { t("Hämtningar", "Pickups") }
    var noDeliveries: String { t("Inga leveranser.", "No deliveries.") }
    var noPickups: String { t("Inga hämtningar.", "No pickups.") }
    var openWeek: String { t("Veckan i kalendern", "The week in the calendar") }
    var awaitingSignature: String { t("Väntar på signering", "Awaiting signature") }
    var noneAwaitingSignature: String {
        t("Inga offerter väntar på kunden.", "No quotations are waiting for the customer.")
    }
    func sentAgo(_ days: Int) -> String {
        switch days {
        case ..<1: t("skickad idag", "sent today")
        case 1: t("skickad igår", "sent yesterday")
        default: t("skickad för \(days) dagar sedan", "sent \(days) days ago")
        }
    }
    var recentlySigned: String { t("Signerade de senaste 7 dagarna", "Signed in the last 7 days") }
    var noneSigned: String {
        t("Inga signerade offerter den senaste veckan.", "No quotations signed in the last week.")
    }
    var awaitingApproval: String { t("Väntar på godkännande", "Waiting for approval") }
    var noneAwaitingApproval: String { t("Alla bokningar är godkända.", "Every booking is approved.") }
    var revenue: String { t("Intäkter exkl. moms", "Revenue excl. VAT") }
    var revenueNote: String {
        t(
            "Bokningar efter det datum de skapades, avbokade inte medräknade.",
            "Bookings by the day they were made, cancelled ones left out.")
    }
    var thisMonth: String { t("Hittills denna månad", "This month so far") }
    var lastMonth: String { t("Hela förra månaden", "All of last month") }
    var lastMonthToDate: String { t("Förra månaden till samma dag", "Last month to the same day") }
    func change(_ percent: Int?) -> String {
        guard let percent else {
            return t("Inget att jämföra med förra månaden.", "Nothing to compare with last month.")
        }
        let signed = percent > 0 ? "+\(percent)" : percent < 0 ? "−\(-percent)" : "±0"
        return t("\(signed) % mot samma tid förra månaden", "\(signed) % against the same point last month")
    }
    var byState: String { t("Bokningar per status", "Bookings by status") }
    var showAll: String { t("Visa alla", "Show all") }
    func countText(_ count: CappedCount) -> String {
        let digits = Array(String(max(0, count.value)))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += language == .sv ? "\u{00A0}" : "," }
            grouped.append(digit)
        }
        return count.isCapped ? grouped + "+" : grouped
    }
    func showingFirst(_ shown: Int, of count: CappedCount) -> String {
        t("Visar \(shown) av \(countText(count)).", "Showing \(shown) of \(countText(count)).")
    }
}

extension Strings {
    /// The dashboard feature's strings.
    public var dashboard: DashboardStrings { DashboardStrings(language) }
}
