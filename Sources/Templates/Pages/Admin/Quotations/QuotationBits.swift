import Domain
import Foundation

/// Small pieces the quotation pages share: state badges, periods and times.
enum QuotationBits {
    static func badge(_ state: QuotationState, _ s: Strings) -> Node {
        let tone: String =
            switch state {
            case .signed: "badge ok"
            case .sent: "badge warn"
            case .declined, .expired: "badge bad"
            case .draft, .void: "badge"
            }
        return span(.class(tone), .data("data-state", state.rawValue)) { s.quotationState(state) }
    }

    static func badge(_ state: QuotationVersionState, _ s: Strings) -> Node {
        let tone: String =
            switch state {
            case .signed: "badge ok"
            case .sent: "badge warn"
            case .declined, .expired: "badge bad"
            case .superseded, .void: "badge"
            }
        return span(.class(tone), .data("data-state", state.rawValue)) { s.versionState(state) }
    }

    /// `2026-06-19 – 2026-06-21 (3 dagar)`.
    static func period(_ period: RentalPeriod, _ s: Strings) -> String {
        "\(period.start.iso) – \(period.end.iso) (\(s.signingDays(period.days)))"
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
