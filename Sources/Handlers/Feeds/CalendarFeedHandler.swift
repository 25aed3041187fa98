import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates

/// `/calendar/{token}.ics`: a staff member's iCalendar subscription. No session: the secret token
/// is the credential (only its SHA-256 is stored; revoking ends it at once). Unknown, revoked, or
/// belonging to a deactivated member → the 404 page, the same for all three.
enum CalendarFeedHandler {
    /// Bookings from this many days back …
    static let daysBack = 60
    /// … to this many ahead.
    static let daysAhead = 365

    static func handle(_ route: FeedRoute, context: Context) throws -> Response {
        switch route {
        case .calendar(let token): try feed(token: token, context: context)
        }
    }

    static func feed(token: String, context: Context) throws -> Response {
        // Tokens are 43 characters of URL-safe base64; anything else cannot be one.
        guard token.utf8.count == 43, token.utf8.allSatisfy(isBase64URL) else { throw HTTPError(.notFound) }
        let db = try context.database.connection()
        guard let owner = try CalendarFeedStore.owner(db, tokenHash: SHA256.hash(Array(token.utf8))) else {
            throw HTTPError(.notFound)
        }
        let now = Date()
        let today = BusinessCalendar.day(of: now)
        let window = try RentalPeriod(start: try today.adding(days: -daysBack), end: try today.adding(days: daysAhead))
        let bookings = try BookingStore.feed(db, window: window)
        let (host, baseURL) = site(context)
        let body = BookingFeed.render(
            bookings, companyName: try CompanyStore.profile(db).name, host: host, baseURL: baseURL, now: now,
            strings: Strings(owner.locale))
        return Response(
            status: .ok,
            headers: [
                ("Content-Type", "text/calendar; charset=utf-8"),
                ("Content-Disposition", "inline; filename=\"eventgaraget.ics\""),
                // The feed is personal data behind a secret URL: never in a shared cache, never stored.
                ("Cache-Control", "private, no-store"),
                ("X-Robots-Tag", "noindex"),
            ],
            body: body)
    }

    /// The site's host (for UIDs) and base URL (for links): `EG_PUBLIC_URL` when configured, so
    /// UIDs stay the same whichever address a subscriber used; otherwise the request's host.
    static func site(_ context: Context) -> (host: String, baseURL: String) {
        if !context.services.publicBaseURL.isEmpty, let url = URL(string: context.services.publicBaseURL),
            let host = url.host
        {
            let name = url.port.map { "\(host):\($0)" } ?? host
            return (name.lowercased(), context.services.publicBaseURL)
        }
        let host = siteHost(context.request)
        return (host, "https://\(host)")
    }

    /// The host the subscriber used (nginx passes it), reduced to host-name characters.
    static func siteHost(_ request: Request) -> String {
        let raw = request.headers["host"] ?? ""
        let allowed = raw.unicodeScalars.allSatisfy {
            $0.isASCII && (isAlphanumeric($0) || ".-:[]".unicodeScalars.contains($0))
        }
        return !raw.isEmpty && raw.count <= 253 && allowed ? raw.lowercased() : "localhost"
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_")
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
