public import Domain
public import Foundation
import Routing

/// The iCalendar feed of bookings (`/calendar/{token}.ics`) that Google Calendar, Outlook and
/// Apple Calendar subscribe to.
///
/// One all-day event per booking spanning its rental period: it starts on the delivery day and
/// ends on the pickup day (DTEND is the day after, as RFC 5545 all-day events are exclusive), so
/// a planner sees at a glance what is out with customers on any day, and the first and last day
/// of the bar are the two trips. Separate delivery and pickup events would double every booking,
/// hide what is on hire in between, and split one booking's changes over two events. Events are
/// TRANSPARENT (they do not make anyone look busy), carry the booking's version as SEQUENCE and
/// a UID stable across fetches (`booking-{id}@{host}`), so an edit or a cancellation updates the
/// subscriber's event instead of adding one; cancelled bookings stay in the feed as CANCELLED.
public enum BookingFeed {
    /// - Parameters:
    ///   - host: the site's host name, for UIDs.
    ///   - baseURL: `https://host`, for the links to booking pages.
    ///   - now: DTSTAMP (when this copy of the calendar was made).
    public static func render(
        _ bookings: [FeedBooking], companyName: String, host: String, baseURL: String, now: Date, strings s: Strings
    ) -> [UInt8] {
        var ics = ICalendarWriter()
        ics.begin("VCALENDAR")
        ics.value("VERSION", "2.0")
        ics.text("PRODID", "-//EventGaraget//Bookings \(s.language.rawValue.uppercased())//EN")
        ics.value("CALSCALE", "GREGORIAN")
        ics.value("METHOD", "PUBLISH")
        ics.text("X-WR-CALNAME", s.calendar.feedCalendarName(companyName))
        ics.text("X-WR-TIMEZONE", BusinessCalendar.timeZoneIdentifier)
        // How often clients should fetch again (RFC 7986; the X- form for Outlook and Google).
        ics.value("REFRESH-INTERVAL", "PT1H", parameters: [("VALUE", "DURATION")])
        ics.value("X-PUBLISHED-TTL", "PT1H")
        for feed in bookings {
            let booking = feed.booking
            let link = baseURL + Route.admin(.bookings(.show(booking.id))).path
            ics.begin("VEVENT")
            ics.text("UID", "booking-\(booking.id.rawValue)@\(host)")
            ics.instant("DTSTAMP", now)
            ics.instant("CREATED", feed.createdAt)
            ics.instant("LAST-MODIFIED", feed.updatedAt)
            ics.value("SEQUENCE", String(max(0, feed.version - 1)))
            ics.date("DTSTART", booking.period.start)
            ics.date("DTEND", (try? booking.period.end.adding(days: 1)) ?? booking.period.end)
            ics.text("SUMMARY", s.calendar.feedSummary(booking))
            let address = booking.deliveryAddress.printedLines.joined(separator: ", ")
            if !address.isEmpty { ics.text("LOCATION", address) }
            ics.text("DESCRIPTION", s.calendar.feedDescription(feed, link: link))
            ics.value("URL", link)
            ics.value("STATUS", booking.state == .cancelled ? "CANCELLED" : "CONFIRMED")
            ics.value("TRANSP", "TRANSPARENT")
            ics.end("VEVENT")
        }
        ics.end("VCALENDAR")
        return ics.bytes
    }
}
