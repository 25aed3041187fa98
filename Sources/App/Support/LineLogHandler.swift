import Foundation
public import Logging

/// One line per event on standard error: `2026-11-24T17:00:00.123Z info request_id=… message`.
/// Metadata is sorted so lines are stable; values are whatever the caller put there, which is
/// why no caller puts a token, password, cookie or form field there.
public struct LineLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        var line = Self.line(
            timestamp: Self.timestamp(), level: event.level.rawValue, metadata: merged, message: "\(event.message)")
        line += "\n"
        // One write(2) per line, so lines from different threads do not interleave.
        line.withUTF8 { bytes in
            _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count)
        }
    }

    /// One line, without its newline. Every field has its control characters escaped (`\n`,
    /// `\r`, `\t`, `\u{1b}`…), so nothing a request carried — a percent-encoded CR/LF in a path,
    /// say — can start a forged line or hide one.
    static func line(timestamp: String, level: String, metadata: Logger.Metadata, message: String) -> String {
        var line = timestamp + " " + level + " "
        for key in metadata.keys.sorted() {
            line += escaped(key) + "=" + escaped("\(metadata[key]!)") + " "
        }
        return line + escaped(message)
    }

    /// `text` with C0 controls, DEL and the Unicode line separators written as escapes.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where needsEscape(scalar): out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028
            || scalar.value == 0x2029
    }

    /// `2026-11-24T17:00:00.123Z`, formatted by hand: `String(format:)` showed up in profiles.
    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return pad(parts.tm_year + 1900, 4) + "-" + pad(parts.tm_mon + 1, 2) + "-" + pad(parts.tm_mday, 2) + "T"
            + pad(parts.tm_hour, 2) + ":" + pad(parts.tm_min, 2) + ":" + pad(parts.tm_sec, 2) + "."
            + pad(Int32(now.tv_nsec / 1_000_000), 3) + "Z"
    }
}
