/// Percent-encoding for the pieces of URLs that routes print.
public enum PercentEncoding {
    /// Keeps RFC 3986 unreserved characters; encodes everything else as UTF-8 `%XX`.
    public static func encodePathSegment(_ text: String) -> String { encode(text, keep: "-._~") }

    /// Like a path segment, but `/` may stay (it is common in `return=` values and harmless there).
    public static func encodeQueryValue(_ text: String) -> String { encode(text, keep: "-._~/") }

    private static func encode(_ text: String, keep: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            let isAlnum =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            if isAlnum || keep.utf8.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0xF)]))
            }
        }
        return out
    }
}
