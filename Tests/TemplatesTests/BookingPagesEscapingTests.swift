import Domain
import Foundation
import Routing
import Testing

@testable import Templates

/// The booking pages, calendar, dashboard and feed with hostile text in every field a customer
/// or staff member can type: nothing comes out as markup, and nothing breaks an iCalendar line.
@Suite("Booking pages escape everything")
struct BookingPagesEscapingTests {
    static let hostile = EscapingTests.hostile + ["line\r\nX-INJECTED:1;a,b\\c"]

    static func admin(_ value: String, role: StaffRole = .admin, language: Language = .en) -> AdminPage {
        AdminPage(
            page: PageContext(
                language: language, currentPath: .root, assets: AssetCatalog(),
                company: CompanyProfile(
                    name: value, organisationNumber: value, vatNumber: value, address: value, email: value,
                    phone: value,
                    website: value)),
            user: StaffMember(
                id: UserID(rawValue: 1), email: "a@example.se", name: value, role: role, locale: language),
            csrfToken: value, flash: .bookingMoved)
    }

    static func period() throws -> RentalPeriod {
        try RentalPeriod(start: try CalendarDate(iso: "2026-06-19"), end: try CalendarDate(iso: "2026-06-21"))
    }

    static func booking(_ value: String, state: BookingState = .confirmed) throws -> BookingDetail {
        let address = PostalAddress(line1: value, line2: value, postalCode: value, city: value, country: value)
        return BookingDetail(
            id: BookingID(rawValue: 7), number: "EG-2026-0007", state: state, title: value, period: try period(),
            deliveryAddress: address,
            contact: BookingContact(
                id: CustomerID(rawValue: 3), isCompany: true, name: value, companyName: value, email: value,
                phone: value),
            quotationID: QuotationID(rawValue: 5), quotationNumber: value, quotationVersion: 2,
            lines: [
                BookingLine(
                    kind: .product(ProductID(rawValue: 1), sku: value), description: value, quantity: 2, days: 3,
                    pricing: .perDay,
                    unitPrice: Money(ore: 100), discount: Money(ore: 10), total: Money(ore: 590)),
                BookingLine(
                    kind: .custom, description: value, quantity: 1, days: 1, pricing: .flat, unitPrice: Money(ore: 1),
                    discount: .zero,
                    total: Money(ore: 1)),
            ],
            packing: [PackingItem(productID: ProductID(rawValue: 1), sku: value, description: value, quantity: 2)],
            linesSubtotal: Money(ore: 591), discount: Money(ore: 1), shipping: Money(ore: 2), vatRate: .default,
            vat: Money(ore: 148),
            total: Money(ore: 740), approvedBy: value, approvedAt: state == .packed ? Date() : nil,
            cancelledAt: state == .cancelled ? Date() : nil, cancelReason: state == .cancelled ? value : nil,
            notes: value,
            version: 3, createdAt: Date(), updatedAt: Date())
    }

    static func calendarBooking(_ value: String) throws -> CalendarBooking {
        CalendarBooking(
            id: BookingID(rawValue: 7), number: "EG-2026-0007", state: .confirmed, title: value, period: try period(),
            customerName: value, deliveryAddress: PostalAddress(line1: value, postalCode: value, city: value))
    }

    func html(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func expectInert(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!html.contains("<script>alert"), sourceLocation: sourceLocation)
        #expect(!html.contains("<img src=x"), sourceLocation: sourceLocation)
        #expect(!html.contains("' onmouseover='"), sourceLocation: sourceLocation)
        #expect(!html.contains("href=\"javascript:"), sourceLocation: sourceLocation)
        #expect(!html.contains("</title><script>"), sourceLocation: sourceLocation)
    }

    @Test(arguments: hostile)
    func bookingPagesAreInert(_ value: String) throws {
        for language in Language.allCases {
            for state in [BookingState.confirmed, .packed, .cancelled] {
                let admin = Self.admin(value, language: language)
                let booking = try Self.booking(value, state: state)
                let history = [
                    BookingHistoryEntry(
                        at: Date(), actorName: value, actorKind: "user", action: "state_changed",
                        before: ["state": value],
                        after: ["state": "cancelled", "cancel_reason": value]),
                    BookingHistoryEntry(
                        at: Date(), actorName: nil, actorKind: "customer", action: value, before: [:], after: [:]),
                ]
                expectInert(
                    html(
                        BookingPage.render(
                            booking: booking, history: history, admin: admin, notice: value,
                            cancelForm: FormState(values: ["reason": value], errors: ["reason": value]),
                            notesForm: FormState(values: ["notes": value], formError: value), unsavedNotes: value)))
                expectInert(html(PackingListPage.render(booking: booking, printedAt: Date(), admin: admin)))
            }
            let summary = BookingSummary(
                id: BookingID(rawValue: 7), number: "EG-2026-0007", state: .confirmed, title: value,
                period: try Self.period(),
                customerID: CustomerID(rawValue: 3), customerName: value, city: value, approvedAt: nil,
                total: Money(ore: 1))
            expectInert(
                html(
                    BookingListPage.render(
                        rows: [summary], query: BookingListQuery(state: value, search: value),
                        filters: FormState(values: ["q": value, "from": value], errors: ["from": value]),
                        customer: (CustomerID(rawValue: 3), value), nextCursor: BookingID(rawValue: 7),
                        admin: Self.admin(value, language: language))))
            let window = try CalendarWindow(.month, containing: try CalendarDate(iso: "2026-06-19"))
            for kind in CalendarWindow.Kind.allCases {
                expectInert(
                    html(
                        CalendarPage.render(
                            window: try CalendarWindow(kind, containing: window.anchor), today: window.anchor,
                            bookings: [try Self.calendarBooking(value)], truncated: true,
                            admin: Self.admin(value, language: language))))
            }
            let figures = DashboardPage.Figures(
                today: window.anchor, tomorrow: window.anchor, deliveriesToday: [try Self.calendarBooking(value)],
                pickupsToday: [],
                deliveriesTomorrow: [], pickupsTomorrow: [try Self.calendarBooking(value)], awaitingApproval: [summary],
                awaitingApprovalCount: CappedCount(value: 1000, isCapped: true),
                countsByState: BookingState.allCases.map { ($0, CappedCount(value: 1, isCapped: false)) },
                awaitingSignature: (
                    [
                        AwaitingSignature(
                            id: QuotationID(rawValue: 1), number: value, title: value, customerName: value,
                            sentAt: Date(), ageDays: 9, total: .zero)
                    ],
                    CappedCount(value: 1, isCapped: false)
                ),
                recentlySigned: [RecentlySigned(booking: summary, quotationNumber: value, signedAt: Date())],
                revenue: RevenueComparison(thisMonth: Money(ore: 1), lastMonth: .zero, lastMonthToDate: .zero))
            expectInert(html(DashboardPage.render(figures, admin: Self.admin(value, language: language))))
        }
    }

    @Test(arguments: hostile)
    func theFeedKeepsEveryValueInsideItsLine(_ value: String) throws {
        let feed = FeedBooking(
            booking: try Self.calendarBooking(value), contactName: value, contactPhone: value,
            items: [FeedBooking.Item(quantity: 2, name: value)], createdAt: Date(), updatedAt: Date(), version: 1)
        let bytes = BookingFeed.render(
            [feed], companyName: value, host: "example.se", baseURL: "https://example.se", now: Date(),
            strings: Strings(.sv))
        let unfolded = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        let names = unfolded.split(separator: "\r\n").map { $0.prefix { $0 != ":" && $0 != ";" } }
        #expect(!names.contains("X-INJECTED"), "a value cannot start a property of its own")
        #expect(
            Set(names).isSubset(of: [
                "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "X-WR-TIMEZONE",
                "REFRESH-INTERVAL",
                "X-PUBLISHED-TTL", "UID", "DTSTAMP", "CREATED", "LAST-MODIFIED", "SEQUENCE", "DTSTART", "DTEND",
                "SUMMARY", "LOCATION",
                "DESCRIPTION", "URL", "STATUS", "TRANSP",
            ]))
    }

    @Test func theWarehouseSeesItsStepsButNotApprovalOrClosing() throws {
        let warehouse = Self.admin("Lager", role: .warehouse)
        let confirmed = html(BookingPage.render(booking: try Self.booking("x"), history: [], admin: warehouse))
        #expect(confirmed.contains("action=\"/admin/bookings/7/state/packed\""))
        #expect(!confirmed.contains("/admin/bookings/7/approve"))
        #expect(!confirmed.contains("/state/cancelled"), "cancelling is the manager's")
        #expect(confirmed.contains("Printable packing list"))
        let support = html(
            BookingPage.render(booking: try Self.booking("x"), history: [], admin: Self.admin("S", role: .support)))
        #expect(
            !support.contains("/state/") && !support.contains("packing-list")
                && support.contains("The next step is for another role."))
        let manager = html(
            BookingPage.render(booking: try Self.booking("x"), history: [], admin: Self.admin("M", role: .manager)))
        #expect(
            manager.contains("/admin/bookings/7/approve") && manager.contains("/state/cancelled")
                && manager.contains("/state/packed"))
        // The form remembers which state the page showed, so a stale click is refused.
        #expect(manager.contains("name=\"from\" value=\"confirmed\""))
    }
}
