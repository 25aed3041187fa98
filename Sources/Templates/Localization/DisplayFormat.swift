public import Foundation

/// Dates and times as people read them here: the day in Europe/Stockholm, ISO order (unambiguous
/// in Swedish and English alike), times with the zone named.
public enum DisplayFormat {
    static let stockholm: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? .gmt
        return calendar
    }()

    /// `2026-12-24`, the day in Stockholm.
    public static func date(_ date: Date) -> String {
        let parts = stockholm.dateComponents([.year, .month, .day], from: date)
        return "\(pad(parts.year ?? 0, 4))-\(pad(parts.month ?? 0, 2))-\(pad(parts.day ?? 0, 2))"
    }

    /// `2026-12-24 14:05 (Europe/Stockholm)`.
    public static func dateTime(_ date: Date) -> String {
        let parts = stockholm.dateComponents([.hour, .minute], from: date)
        return "\(self.date(date)) \(pad(parts.hour ?? 0, 2)):\(pad(parts.minute ?? 0, 2)) (Europe/Stockholm)"
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        String(repeating: "0", count: max(0, width - String(n).count)) + String(n)
    }
}
