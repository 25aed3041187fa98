public import Domain
import Routing

/// `/admin`: the day's work at a glance. Each block links to the list or calendar it summarises;
/// blocks the member's role may not open are not computed (nil) and not shown.
public enum DashboardPage {
    public struct Figures: Sendable {
        public var today: CalendarDate
        public var tomorrow: CalendarDate
        public var deliveriesToday: [CalendarBooking]
        public var pickupsToday: [CalendarBooking]
        public var deliveriesTomorrow: [CalendarBooking]
        public var pickupsTomorrow: [CalendarBooking]
        public var awaitingApproval: [BookingSummary]
        public var awaitingApprovalCount: CappedCount
        public var countsByState: [(BookingState, CappedCount)]
        /// Quotations waiting for the customer (nil: the role does not read quotations).
        public var awaitingSignature: (rows: [AwaitingSignature], count: CappedCount)?
        public var recentlySigned: [RecentlySigned]?
        /// Nil: the role does not see reports.
        public var revenue: RevenueComparison?
        /// Nil: the role does not see reports (the warehouse).
        public var reportTiles: ReportTiles?

        public init(
            today: CalendarDate, tomorrow: CalendarDate, deliveriesToday: [CalendarBooking],
            pickupsToday: [CalendarBooking],
            deliveriesTomorrow: [CalendarBooking], pickupsTomorrow: [CalendarBooking],
            awaitingApproval: [BookingSummary],
            awaitingApprovalCount: CappedCount, countsByState: [(BookingState, CappedCount)],
            awaitingSignature: (rows: [AwaitingSignature], count: CappedCount)?, recentlySigned: [RecentlySigned]?,
            revenue: RevenueComparison?, reportTiles: ReportTiles? = nil
        ) {
            self.today = today
            self.tomorrow = tomorrow
            self.deliveriesToday = deliveriesToday
            self.pickupsToday = pickupsToday
            self.deliveriesTomorrow = deliveriesTomorrow
            self.pickupsTomorrow = pickupsTomorrow
            self.awaitingApproval = awaitingApproval
            self.awaitingApprovalCount = awaitingApprovalCount
            self.countsByState = countsByState
            self.awaitingSignature = awaitingSignature
            self.recentlySigned = recentlySigned
            self.revenue = revenue
            self.reportTiles = reportTiles
        }
    }

    public static func render(_ figures: Figures, admin: AdminPage) -> [UInt8] {
        let s = admin.strings
        let language = s.language
        return AdminLayout.page(title: s.navDashboard, admin, live: true) {
            div(.class("page-head")) {
                h1 { s.navDashboard }
                p { s.bookings.dayWithWeekday(figures.today) }
            }

            div(.class("dashboard-grid")) {
                day(
                    s.dashboard.today, figures.today, deliveries: figures.deliveriesToday,
                    pickups: figures.pickupsToday, id: "today", s)
                day(
                    s.dashboard.tomorrow, figures.tomorrow, deliveries: figures.deliveriesTomorrow,
                    pickups: figures.pickupsTomorrow, id: "tomorrow", s)
            }

            section(.class("dashboard-states"), .id("by-state"), .attr("aria-labelledby", "by-state-heading")) {
                h2(.id("by-state-heading")) { s.dashboard.byState }
                div(.class("stats")) {
                    for (state, count) in figures.countsByState {
                        a(
                            .class("stat state-\(state.rawValue)"),
                            .href(SafeURL(.admin(.bookings(.list(BookingListQuery(state: state.rawValue))))))
                        ) {
                            div(.class("value")) { s.dashboard.countText(count) }
                            div { s.bookings.stateName(state) }
                        }
                    }
                }
            }

            div(.class("dashboard-grid")) {

                section(.class("card"), .id("awaiting-approval")) {
                    h2 { s.dashboard.awaitingApproval + " (\(s.dashboard.countText(figures.awaitingApprovalCount)))" }
                    if figures.awaitingApproval.isEmpty {
                        p { s.dashboard.noneAwaitingApproval }
                    } else {
                        BookingComponents.summaryList(figures.awaitingApproval, s)
                        if figures.awaitingApprovalCount.value > figures.awaitingApproval.count
                            || figures.awaitingApprovalCount.isCapped
                        {
                            p(.class("hint")) {
                                s.dashboard.showingFirst(
                                    figures.awaitingApproval.count, of: figures.awaitingApprovalCount)
                            }
                        }
                    }
                    p {
                        a(
                            .href(
                                SafeURL(
                                    .admin(.bookings(.list(BookingListQuery(state: BookingState.confirmed.rawValue))))))
                        ) { s.dashboard.showAll }
                    }
                }

                if let awaiting = figures.awaitingSignature {
                    section(.class("card"), .id("awaiting-signature")) {
                        h2 { s.dashboard.awaitingSignature + " (\(s.dashboard.countText(awaiting.count)))" }
                        if awaiting.rows.isEmpty {
                            p { s.dashboard.noneAwaitingSignature }
                        } else {
                            ul(.class("booking-list")) {
                                for quotation in awaiting.rows {
                                    li {
                                        a(.href(SafeURL(.admin(.quotations(.show(quotation.id)))))) { quotation.number }
                                        span(.class("who")) {
                                            " \(quotation.customerName)" + (quotation.title.map { " · \($0)" } ?? "")
                                        }
                                        " · "
                                        span(.class(quotation.ageDays >= 7 ? "badge warn age" : "badge age")) {
                                            s.dashboard.sentAgo(quotation.ageDays)
                                        }
                                        span(.class("when")) { " · \(quotation.total.formatted(language))" }
                                    }
                                }
                            }
                        }
                        p {
                            a(.href(SafeURL(.admin(.quotations(.list(QuotationListQuery(state: .sent))))))) {
                                s.dashboard.showAll
                            }
                        }
                    }
                }

                if let signed = figures.recentlySigned {
                    section(.class("card"), .id("recently-signed")) {
                        h2 { s.dashboard.recentlySigned }
                        if signed.isEmpty {
                            p { s.dashboard.noneSigned }
                        } else {
                            ul(.class("booking-list")) {
                                for item in signed {
                                    li {
                                        BookingComponents.numberLink(item.booking.id, item.booking.number)
                                        " "
                                        BookingComponents.stateBadge(item.booking.state, s)
                                        span(.class("who")) {
                                            " \(item.booking.customerName)"
                                                + (item.booking.title.map { " · \($0)" } ?? "")
                                        }
                                        span(.class("when")) {
                                            " · \(DisplayFormat.date(item.signedAt)) · \(item.booking.total.formatted(language))"
                                        }
                                    }
                                }
                            }
                        }
                        p {
                            a(.href(SafeURL(.admin(.quotations(.list(QuotationListQuery(state: .signed))))))) {
                                s.dashboard.showAll
                            }
                        }
                    }
                }

                if let revenue = figures.revenue {
                    section(.class("card"), .id("revenue")) {
                        h2 { s.dashboard.revenue }
                        dl(.class("totals revenue")) {
                            dt { s.dashboard.thisMonth }
                            dd(.class("grand")) { revenue.thisMonth.formatted(language) }
                            dt { s.dashboard.lastMonthToDate }
                            dd { revenue.lastMonthToDate.formatted(language) }
                            dt { s.dashboard.lastMonth }
                            dd { revenue.lastMonth.formatted(language) }
                        }
                        p(.class("change")) { s.dashboard.change(revenue.changePercent) }
                        p(.class("hint")) { s.dashboard.revenueNote }
                        p { a(.href(SafeURL(.admin(.bookings(.list(BookingListQuery())))))) { s.dashboard.showAll } }
                    }
                }
                if let tiles = figures.reportTiles { tiles.render(admin) }
            }
        }.rendered()
    }

    static func day(
        _ heading: String, _ date: CalendarDate, deliveries: [CalendarBooking], pickups: [CalendarBooking], id: String,
        _ s: Strings
    ) -> Node {
        section(.class("card"), .id(id)) {
            h2 {
                heading
                small(.class("sub")) { s.bookings.dayWithWeekday(date) }
            }
            h3 { s.dashboard.deliveries + " (\(deliveries.count))" }
            if deliveries.isEmpty {
                p(.class("muted")) { s.dashboard.noDeliveries }
            } else {
                BookingComponents.dayList(deliveries, s)
            }
            h3 { s.dashboard.pickups + " (\(pickups.count))" }
            if pickups.isEmpty {
                p(.class("muted")) { s.dashboard.noPickups }
            } else {
                BookingComponents.dayList(pickups, s)
            }
            p {
                a(.href(SafeURL(.admin(.bookings(.calendar(CalendarQuery(view: "week", date: date.iso))))))) {
                    s.dashboard.openWeek
                }
            }
        }
    }
}
