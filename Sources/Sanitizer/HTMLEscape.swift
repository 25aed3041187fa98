/// The one HTML escaper of the program. Templates use it for every interpolated value and the
/// sanitiser for everything it writes back out, so no libxml2 serialiser ever decides what is markup.
///
/// It escapes `& < > " '` in text and attribute values alike, which is safe in both positions
/// (attribute values are always written double-quoted).
public enum HTMLEscape {
    /// Appends `text` to `buffer` as UTF-8 with the five significant characters escaped.
    /// Runs of bytes that need no escaping (nearly all of any page) are copied in one go.
    public static func append(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { append(bytes: $0, to: &buffer) }
    }

    /// As `append(_:to:)` for a substring or other string-like value.
    public static func append(_ text: some StringProtocol, to buffer: inout [UInt8]) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ append(bytes: $0, to: &buffer) }) {
            return done
        }
        append(String(text), to: &buffer)
    }

    /// Appends UTF-8 `bytes`, escaped.
    public static func append(bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            // Every significant character is below 0x3F ('?'); most text is letters above it.
            if byte > 0x3E || !needsEscape(byte) {
                index += 1
                continue
            }
            if runStart < index { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            appendEntity(byte, to: &buffer)
            index += 1
            runStart = index
        }
        if runStart < count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    private static func appendEntity(_ byte: UInt8, to buffer: inout [UInt8]) {
        let entity: StaticString
        switch byte {
        case UInt8(ascii: "&"): entity = "&amp;"
        case UInt8(ascii: "<"): entity = "&lt;"
        case UInt8(ascii: ">"): entity = "&gt;"
        case UInt8(ascii: "\""): entity = "&quot;"
        default: entity = "&#39;"
        }
        entity.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    /// `text` escaped, as a `String`.
    public static func escape(_ text: some StringProtocol) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(text.utf8.count)
        append(text, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
