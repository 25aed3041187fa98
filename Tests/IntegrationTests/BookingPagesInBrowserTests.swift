import Foundation
import TestSupport
import Testing

/// The booking pages in a real browser (headless chromium): they fit a tablet and a phone
/// without sideways scrolling, the month is a grid on a tablet, and the packing list prints
/// without the menus.
@Suite("Booking pages in a browser", .serialized)
struct BookingPagesInBrowserTests {
    @Test func thePagesFitATabletAndAPhoneAndThePackingListPrintsClean() throws {
        let stack = try ProductStack()
        defer { stack.shutdown() }
        #expect(try stack.eventgaraget(["seed-demo"]).status == 0)
        let row = try stack.postgres.psql(
            "SELECT id || ' ' || period_start FROM bookings WHERE title = 'Sommarfest Hisingens Bygg'",
            database: databaseName(fromURL: stack.databaseURL)
        )
        .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        let (id, start) = (row[0], row[1])
        var arguments = [
            repositoryRoot + "/Tests/IntegrationTests/Browser/booking_pages.py", stack.client.baseURL,
            "admin@eventgaraget.se",
            "eventgaraget-demo", "/admin/bookings/\(id)", start,
        ]
        if let shots = ProcessInfo.processInfo.environment["EG_SCREENSHOTS"] { arguments.append(shots) }
        let browser = try run("/usr/bin/python3", arguments)
        #expect(browser.status == 0, "\(browser.output)\n\(browser.errorOutput)")
        for name in ["dashboard", "bookings", "booking", "packing-list", "calendar-month", "calendar-week"] {
            #expect(
                browser.output.contains("\(name) fits 768 px") && browser.output.contains("\(name) fits 360 px"),
                "\(name)")
        }
        #expect(browser.output.contains("tablet month grid has 7 columns"))
        #expect(browser.output.contains("without the menus"))
    }
}
