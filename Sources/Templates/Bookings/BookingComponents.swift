import Domain
import Foundation
import Routing

/// Pieces the booking pages, the calendar and the dashboard share.
enum BookingComponents {
    /// The state as a coloured badge: in progress amber, out with the customer or back green,
    /// cancelled red, confirmed and closed neutral.
    static func stateBadge(_ state: BookingState, _ s: Strings) -> Node {
        let tone: BadgeTone =
            switch state {
            case .confirmed, .closed: .neutral
            case .packed: .warn
            case .delivered, .returned: .ok
            case .cancelled: .bad
            }
        return StateBadge.badge(s.bookings.stateName(state), tone, kind: "state-\(state.rawValue)")
    }

    /// "Approved" (with the day) or "Waiting" for a confirmed booking nobody approved yet.
    static func approvalBadge(approvedAt: Date?, state: BookingState, _ s: Strings) -> Node {
        if let approvedAt {
            return StateBadge.badge(s.bookings.approvedYes, .ok, title: DisplayFormat.dateTime(approvedAt))
        }
        if state == .cancelled { return .text("–") }
        return StateBadge.badge(s.bookings.approvalWaiting, .warn)
    }

    /// The booking number as a link to its page.
    static func numberLink(_ id: BookingID, _ number: String) -> Node {
        a(.href(SafeURL(.admin(.bookings(.show(id)))))) { number }
    }

    /// `2026-06-19 – 2026-06-21`, breaking only between the two dates.
    static func period(_ period: RentalPeriod) -> Node {
        if period.start == period.end { return span(.class("nowrap")) { period.start.iso } }
        return .fragment([
            span(.class("nowrap")) { period.start.iso + " –" }, .text(" "), span(.class("nowrap")) { period.end.iso },
        ])
    }

    /// Address lines, one per line.
    static func address(_ address: PostalAddress, empty: String) -> Node {
        let lines = address.printedLines
        if lines.isEmpty { return p(.class("muted")) { empty } }
        return p {
            for (index, line) in lines.enumerated() {
                if index > 0 { void("br", []) }
                line
            }
        }
    }

    /// A compact list of bookings (the dashboard's blocks): number, customer, event, period, state.
    static func summaryList(_ rows: [BookingSummary], _ s: Strings) -> Node {
        ul(.class("booking-list")) {
            for row in rows {
                li {
                    numberLink(row.id, row.number)
                    " "
                    stateBadge(row.state, s)
                    span(.class("who")) { " \(row.customerName)" + (row.title.map { " · \($0)" } ?? "") }
                    span(.class("when")) { " · \(s.bookings.periodText(row.period))" }
                }
            }
        }
    }

    /// A compact list of calendar bookings (the dashboard's day blocks).
    static func dayList(_ rows: [CalendarBooking], _ s: Strings) -> Node {
        ul(.class("booking-list")) {
            for row in rows {
                li {
                    numberLink(row.id, row.number)
                    " "
                    stateBadge(row.state, s)
                    span(.class("who")) { " \(row.customerName)" + (row.title.map { " · \($0)" } ?? "") }
                    if !row.deliveryAddress.city.isEmpty {
                        span(.class("when")) { " · \(row.deliveryAddress.city)" }
                    }
                }
            }
        }
    }
}
