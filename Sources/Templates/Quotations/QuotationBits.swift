import Domain
import Foundation

/// Small pieces the quotation pages share: state badges, periods and times.
enum QuotationBits {
    static func badge(_ state: QuotationState, _ s: Strings) -> Node {
        let tone: BadgeTone =
            switch state {
            case .signed: .ok
            case .sent: .warn
            case .declined, .expired: .bad
            case .draft, .void: .neutral
            }
        return StateBadge.badge(s.quotations.quotationState(state), tone, state: state.rawValue)
    }

    static func badge(_ state: QuotationVersionState, _ s: Strings) -> Node {
        let tone: BadgeTone =
            switch state {
            case .signed: .ok
            case .sent: .warn
            case .declined, .expired: .bad
            case .superseded, .void: .neutral
            }
        return StateBadge.badge(s.quotations.versionState(state), tone, state: state.rawValue)
    }

    /// `2026-06-19 – 2026-06-21 (3 dagar)`.
    static func period(_ period: RentalPeriod, _ s: Strings) -> String {
        "\(period.start.iso) – \(period.end.iso) (\(s.signing.days(period.days)))"
    }

    /// `2026-06-19 12:04:05 UTC`: evidence is given in UTC, to the second.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ n: Int?, _ width: Int = 2) -> String {
            let text = String(n ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(p.year, 4))-\(pad(p.month))-\(pad(p.day)) \(pad(p.hour)):\(pad(p.minute)):\(pad(p.second)) UTC"
    }
}
