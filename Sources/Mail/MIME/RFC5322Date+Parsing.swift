import Foundation

extension RFC5322Date {
    /// Reads a `Date:` header as mailers write it: RFC 5322 with or without the weekday and
    /// seconds, comments such as `(CET)`, obsolete zone names (`GMT`, `EST`, military letters,
    /// which count as UTC) and the common `CET`/`CEST`, two- and three-digit years, full month
    /// names, month before day, and `2026-11-24 18:18` dates. No zone means UTC.
    /// Nil when no day, month and year can be found or they do not form a date.
    static func parse(_ text: String) -> Date? {
        var cleaned = ""
        var commentDepth = 0
        for character in text.prefix(200) {
            switch character {
            case "(": commentDepth += 1
            case ")": commentDepth = max(0, commentDepth - 1)
            case ",": if commentDepth == 0 { cleaned.append(" ") }
            default: if commentDepth == 0 { cleaned.append(character) }
            }
        }
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (Int, Int, Int)?
        var offset: Int?
        for token in cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }) {
            if token.contains(":") {
                guard time == nil else { continue }
                let pieces = token.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
                guard pieces.count >= 2, pieces.count <= 3, let hour = pieces[0], let minute = pieces[1] else {
                    continue
                }
                let second = pieces.count == 3 ? pieces[2] ?? 0 : 0
                time = (hour, minute, min(second, 59))
            } else if let first = token.first, first == "+" || first == "-", token.count == 5,
                let value = Int(token.dropFirst()), offset == nil
            {
                let minutes = value / 100 * 60 + value % 100
                offset = (first == "-" ? -minutes : minutes) * 60
            } else if token.allSatisfy(\.isNumber) {
                guard let number = Int(token) else { continue }
                if day == nil, token.count <= 2 {
                    day = number
                } else if year == nil {
                    year =
                        token.count <= 2
                        ? (number < 50 ? 2000 + number : 1900 + number) : token.count == 3 ? 1900 + number : number
                }
            } else if token.count == 10, token.split(separator: "-").count == 3 {
                let pieces = token.split(separator: "-").map { Int($0) }
                if let y = pieces[0], let m = pieces[1], let d = pieces[2] {
                    (year, month, day) = (y, m, d)
                }
            } else {
                let lower = token.lowercased()
                if month == nil, lower.count >= 3, let index = months.firstIndex(of: String(lower.prefix(3))) {
                    month = index + 1
                } else if offset == nil, let hours = zones[lower] {
                    offset = hours * 3600
                } else if offset == nil, lower.count == 1, lower != "j" {
                    offset = 0
                }
            }
        }
        guard let day, let month, let year, (1...12).contains(month), (1...31).contains(day),
            (1900...9999).contains(year)
        else { return nil }
        let (hour, minute, second) = time ?? (0, 0, 0)
        guard (0...23).contains(hour), (0...59).contains(minute), second >= 0 else { return nil }
        let days = daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset ?? 0)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Obsolete RFC 822 zones and the names European mailers still write, in hours east of UTC.
    private static let zones: [String: Int] = [
        "ut": 0, "gmt": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7, "cet": 1, "cest": 2, "met": 1, "mest": 2, "bst": 1, "wet": 0, "west": 1, "eet": 2,
        "eest": 3,
    ]

    /// Howard Hinnant's `days_from_civil`.
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
