import Domain
public import Foundation

/// Dates and times as people read them here: the day in Europe/Stockholm, ISO order (unambiguous
/// in Swedish and English alike), times with the zone named.
public enum DisplayFormat {
    /// `2026-12-24`, the day in Stockholm.
    public static func date(_ date: Date) -> String {
        BusinessCalendar.day(of: date).iso
    }

    /// `2026-12-24 14:05 (Europe/Stockholm)`.
    public static func dateTime(_ date: Date) -> String {
        let time = BusinessCalendar.timeOfDay(date)
        return "\(self.date(date)) \(pad(time.hour, 2)):\(pad(time.minute, 2)) (\(BusinessCalendar.timeZoneIdentifier))"
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        n >= 0 && n < 10 && width == 2
            ? "0" + String(n) : String(repeating: "0", count: max(0, width - String(n).count)) + String(n)
    }
}
