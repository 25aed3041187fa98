/// Percent-encoding for the pieces of URLs that routes print.
public enum PercentEncoding {
    /// Keeps RFC 3986 unreserved characters; encodes everything else as UTF-8 `%XX`.
    public static func encodePathSegment(_ text: String) -> String { encode(text, keep: "-._~") }

    /// Like a path segment, but `/` may stay (it is common in `return=` values and harmless there).
    public static func encodeQueryValue(_ text: String) -> String { encode(text, keep: "-._~/") }

    /// An e-mail address in a `mailto:` URL: like a query value, with `@` kept.
    public static func encodeMailAddress(_ text: String) -> String { encode(text, keep: "-._~/@") }

    private static func encode(_ text: String, keep: StaticString) -> String {
        func kept(_ byte: UInt8) -> Bool {
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) {
                return true
            }
            return keep.withUTF8Buffer { $0.contains(byte) }
        }
        // Most values (ids, tokens, plain paths) need no encoding at all: then the text is the answer.
        guard !text.utf8.allSatisfy(kept) else { return text }
        let hex: StaticString = "0123456789ABCDEF"
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if kept(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                hex.withUTF8Buffer { digits in
                    out.append(digits[Int(byte >> 4)])
                    out.append(digits[Int(byte & 0xF)])
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
