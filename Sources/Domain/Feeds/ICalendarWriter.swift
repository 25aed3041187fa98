public import struct Foundation.Date

/// Writes iCalendar text (RFC 5545) that strict parsers and Google Calendar and Outlook accept:
/// every content line ends in CRLF and is folded so no line is longer than 75 octets (a fold never
/// splits a UTF-8 sequence), TEXT values are escaped (`\\`, `\;`, `\,`, `\n`) and control
/// characters are dropped.
///
/// ```swift
/// var ics = ICalendarWriter()
/// ics.begin("VCALENDAR")
/// ics.value("VERSION", "2.0")
/// ics.text("X-WR-CALNAME", "Bokningar; Göteborg")   // X-WR-CALNAME:Bokningar\; Göteborg
/// ics.end("VCALENDAR")
/// let body = ics.bytes
/// ```
///
/// Property names come from code, never from data; values are the only input.
public struct ICalendarWriter: Sendable {
    /// The longest content line, in octets, not counting its CRLF (RFC 5545 §3.1).
    public static let maximumLineOctets = 75

    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// `BEGIN:NAME`.
    public mutating func begin(_ component: StaticString) { line("BEGIN:" + component.description) }

    /// `END:NAME`.
    public mutating func end(_ component: StaticString) { line("END:" + component.description) }

    /// A property whose value is already in its value type's form: a constant (`2.0`, `PUBLISH`,
    /// `CONFIRMED`), a URI, a duration. Control characters are dropped so a value can never end
    /// the line early.
    public mutating func value(_ name: StaticString, _ value: String, parameters: [(StaticString, String)] = []) {
        line(Self.head(name, parameters) + ":" + Self.strippingControls(value))
    }

    /// A TEXT property (SUMMARY, DESCRIPTION, LOCATION, …): the value is escaped.
    public mutating func text(_ name: StaticString, _ value: String, parameters: [(StaticString, String)] = []) {
        line(Self.head(name, parameters) + ":" + Self.escapeText(value))
    }

    /// An all-day value: `NAME;VALUE=DATE:20260619`.
    public mutating func date(_ name: StaticString, _ day: CalendarDate) {
        line(name.description + ";VALUE=DATE:" + Self.dateValue(day))
    }

    /// A UTC instant: `NAME:20260619T083000Z`.
    public mutating func instant(_ name: StaticString, _ instant: Date) {
        line(name.description + ":" + Self.utcValue(instant))
    }

    // MARK: - The rules, as pure functions

    /// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash,
    /// every line break (CRLF, LF, CR) becomes `\n`, and other control characters except TAB
    /// are dropped (TEXT does not allow them).
    public static func escapeText(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !previousWasCR { out.append(contentsOf: "\\n".unicodeScalars) }
            case "\u{2028}", "\u{2029}": out.append(contentsOf: "\\n".unicodeScalars)
            default: if !isControl(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// A parameter value: control characters and double quotes (which a parameter value cannot
    /// hold) dropped, and quoted when it contains `:`, `;` or `,` (RFC 5545 §3.2).
    public static func parameterValue(_ value: String) -> String {
        let clean = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\"" && !isControl($0) }))
        return clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(clean)\"" : clean
    }

    /// The content line with its CRLF, folded: when the next character would take the line past
    /// 75 octets, a CRLF and one space start a continuation line (the space counts towards its 75).
    /// Folds fall between Unicode scalars, never inside a UTF-8 sequence.
    public static func fold(_ line: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count + line.utf8.count / 70 * 3 + 2)
        var octetsOnLine = 0
        for scalar in line.unicodeScalars {
            let encoded = Array(String(scalar).utf8)
            if octetsOnLine + encoded.count > maximumLineOctets {
                out.append(contentsOf: [0x0D, 0x0A, 0x20])
                octetsOnLine = 1
            }
            out.append(contentsOf: encoded)
            octetsOnLine += encoded.count
        }
        out.append(contentsOf: [0x0D, 0x0A])
        return out
    }

    /// `20260619` (DATE, RFC 5545 §3.3.4).
    public static func dateValue(_ day: CalendarDate) -> String {
        let iso = day.iso
        return String(iso.filter { $0 != "-" })
    }

    /// `20260619T083000Z` (DATE-TIME in UTC, RFC 5545 §3.3.5), to the whole second.
    public static func utcValue(_ instant: Date) -> String {
        let seconds = Int64((instant.timeIntervalSince1970).rounded(.down))
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let day = (try? CalendarDate(daysSinceEpoch: Int(days))) ?? (try? CalendarDate(year: 1970, month: 1, day: 1))
        let hours = secondOfDay / 3600
        let minutes = secondOfDay % 3600 / 60
        let rest = secondOfDay % 60
        return (day.map(dateValue) ?? "19700101") + "T" + pad(hours) + pad(minutes) + pad(rest) + "Z"
    }

    // MARK: - Helpers

    private mutating func line(_ text: String) { bytes.append(contentsOf: Self.fold(text)) }

    private static func head(_ name: StaticString, _ parameters: [(StaticString, String)]) -> String {
        var head = name.description
        for (parameter, value) in parameters { head += ";" + parameter.description + "=" + parameterValue(value) }
        return head
    }

    private static func strippingControls(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.filter { !isControl($0) }))
    }

    /// C0 controls except TAB, DEL, and C1 controls.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09) || v == 0x7F || (0x80...0x9F).contains(v)
    }

    private static func floorDivision(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b
        let r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    private static func pad(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
