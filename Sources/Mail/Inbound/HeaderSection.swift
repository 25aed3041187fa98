/// The header fields at the start of a message or MIME part, read from raw bytes.
///
/// Tolerant of what mailers send: bare LF line endings, an mbox `From ` line, a missing blank
/// line before the body (the first line that is no field starts the body), no body at all,
/// 8-bit bytes. Fields are unfolded (line breaks dropped, the whitespace after them kept).
struct HeaderSection {
    struct Field {
        let name: String
        /// `name` in lower case, for lookups.
        let key: String
        /// The unfolded value bytes, surrounding whitespace removed.
        let raw: ArraySlice<UInt8>

        /// The value as text: UTF-8 when valid, otherwise Windows-1252; no encoded-words decoded.
        var text: String { Charset.guess.decode(raw) }
    }

    /// Longest value kept per field; the rest is dropped with a problem noted.
    static let maximumValueBytes = 64 << 10
    /// Most fields read; later ones are dropped with a problem noted.
    static let maximumFields = 1000

    private(set) var fields: [Field] = []
    /// Where the body starts.
    private(set) var bodyStart: Int
    private(set) var problems: [String] = []

    /// - Parameter needsEnd: whether a missing blank line is a problem. A MIME part's blank line
    ///   may be its last line, which belongs to the boundary after it, so a part may end with its
    ///   fields: its body is empty.
    init(_ bytes: [UInt8], in range: Range<Int>, label: String, needsEnd: Bool = true) {
        bodyStart = range.upperBound
        var index = range.lowerBound
        var current: (name: String, value: [UInt8])?
        var truncatedOnce = false
        var sawEnd = false

        func flush() {
            guard let field = current else { return }
            current = nil
            guard fields.count < Self.maximumFields else { return }
            if fields.count == Self.maximumFields - 1 {
                problems.append("\(label) has more than \(Self.maximumFields) header fields; the rest are ignored")
            }
            var value = field.value[...]
            while let first = value.first, Self.isSpace(first) { value.removeFirst() }
            while let last = value.last, Self.isSpace(last) { value.removeLast() }
            fields.append(Field(name: field.name, key: field.name.lowercased(), raw: value))
        }
        func append(_ line: ArraySlice<UInt8>) {
            guard current != nil else { return }
            let room = Self.maximumValueBytes - current!.value.count
            if line.count > room {
                current!.value += line.prefix(max(0, room))
                if !truncatedOnce {
                    problems.append("\(label): header \(current!.name) over 64 KB; truncated")
                    truncatedOnce = true
                }
            } else {
                current!.value += line
            }
        }

        while index < range.upperBound {
            let lineStart = index
            var lineEnd = lineStart
            while lineEnd < range.upperBound, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(lineEnd + 1, range.upperBound)
            if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd == lineStart {
                sawEnd = true
                bodyStart = next
                break
            }
            let first = bytes[lineStart]
            if first == 0x20 || first == 0x09 {
                append(bytes[lineStart..<lineEnd])
                index = next
                continue
            }
            if lineStart == range.lowerBound, Self.startsWithMboxLine(bytes, lineStart, lineEnd) {
                index = next
                continue
            }
            var nameEnd = lineStart
            while nameEnd < lineEnd, bytes[nameEnd] > 0x20, bytes[nameEnd] < 0x7F, bytes[nameEnd] != UInt8(ascii: ":") {
                nameEnd += 1
            }
            var colon = nameEnd
            while colon < lineEnd, Self.isSpace(bytes[colon]) { colon += 1 }
            guard nameEnd > lineStart, colon < lineEnd, bytes[colon] == UInt8(ascii: ":") else {
                // Not a field: the body starts here. A part whose first line is body has no headers.
                if lineStart != range.lowerBound {
                    problems.append("\(label): header section ends without a blank line")
                }
                sawEnd = true
                bodyStart = lineStart
                break
            }
            flush()
            current = (String(decoding: bytes[lineStart..<nameEnd], as: UTF8.self), [])
            append(bytes[(colon + 1)..<lineEnd])
            index = next
        }
        flush()
        if needsEnd && !sawEnd && range.lowerBound < range.upperBound {
            problems.append("\(label): header section has no end (no body)")
        }
    }

    func first(_ key: String) -> Field? { fields.first { $0.key == key } }

    func all(_ key: String) -> [Field] { fields.filter { $0.key == key } }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

    private static func startsWithMboxLine(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        let prefix = Array("From ".utf8)
        return end - start >= prefix.count && Array(bytes[start..<(start + prefix.count)]) == prefix
    }
}
