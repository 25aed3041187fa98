/// The one HTML escaper of the program. Templates use it for every interpolated value and the
/// sanitiser for everything it writes back out, so no libxml2 serialiser ever decides what is markup.
///
/// It escapes `& < > " '` in text and attribute values alike, which is safe in both positions
/// (attribute values are always written double-quoted).
public enum HTMLEscape {
    /// Appends `text` to `buffer` as UTF-8 with the five significant characters escaped.
    @inlinable
    public static func append(_ text: some StringProtocol, to buffer: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): buffer.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case UInt8(ascii: "<"): buffer.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case UInt8(ascii: ">"): buffer.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case UInt8(ascii: "\""): buffer.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case UInt8(ascii: "'"): buffer.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: buffer.append(byte)
            }
        }
    }

    /// `text` escaped, as a `String`.
    public static func escape(_ text: some StringProtocol) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(text.utf8.count)
        append(text, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
