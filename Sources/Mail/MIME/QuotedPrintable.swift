/// Quoted-printable (RFC 2045 §6.7) for the text parts.
///
/// Line endings become CRLF; encoded lines are at most 76 characters, broken with soft line
/// breaks. `=` only ever appears before two hex digits or a line break, so a boundary holding
/// `=_` can never occur in the output. A `.` starting a line is encoded too, so no transport
/// ever has to dot-stuff it.
enum QuotedPrintable {
    static func encode(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        let lines = splitLines(Array(text.utf8))
        for (number, line) in lines.enumerated() {
            encodeLine(line, into: &output)
            if number < lines.count - 1 { output += [0x0D, 0x0A] }
        }
        return output
    }

    private static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D || bytes[index] == 0x0A {
                lines.append(bytes[start..<index])
                if bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>, into output: inout [UInt8]) {
        var length = 0
        for index in line.indices {
            let byte = line[index]
            let isLast = index == line.index(before: line.endIndex)
            func encoded(atLineStart: Bool) -> [UInt8] {
                switch byte {
                case 0x20, 0x09: return isLast ? escape(byte) : [byte]
                case UInt8(ascii: "."): return atLineStart ? escape(byte) : [byte]
                case UInt8(ascii: "="): return escape(byte)
                case 0x21...0x7E: return [byte]
                default: return escape(byte)
                }
            }
            var piece = encoded(atLineStart: length == 0)
            // Leave room for the soft break `=` unless this is the line's last character.
            if length + piece.count > (isLast ? 76 : 75) {
                output += [UInt8(ascii: "="), 0x0D, 0x0A]
                length = 0
                piece = encoded(atLineStart: true)
            }
            output += piece
            length += piece.count
        }
    }

    private static func escape(_ byte: UInt8) -> [UInt8] {
        [UInt8(ascii: "=")] + Array(Hex.byte(byte).utf8)
    }

    /// Decodes leniently: `=XX` in either case, soft line breaks (`=` before CRLF or LF, even
    /// with spaces between), and an `=` that starts neither is kept as it is. Whitespace that
    /// ends an encoded line is dropped, as RFC 2045 asks; line breaks are kept as they came.
    static func decode(_ encoded: some Collection<UInt8>) -> [UInt8] {
        let input = Array(encoded)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        /// Where the trailing whitespace of the current output line starts, if it ends in some.
        var whitespaceStart: Int?
        while index < input.count {
            let byte = input[index]
            switch byte {
            case UInt8(ascii: "="):
                if index + 2 < input.count, let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
                {
                    output.append(high << 4 | low)
                    whitespaceStart = nil
                    index += 3
                    continue
                }
                var next = index + 1
                while next < input.count, input[next] == 0x20 || input[next] == 0x09 { next += 1 }
                if next == input.count {
                    whitespaceStart = nil
                    index = next
                    continue
                }
                if input[next] == 0x0A || (input[next] == 0x0D && next + 1 < input.count && input[next + 1] == 0x0A) {
                    index = next + (input[next] == 0x0D ? 2 : 1)
                    whitespaceStart = nil  // whitespace before a soft line break is text
                    continue
                }
                output.append(byte)
                whitespaceStart = nil
            case 0x20, 0x09:
                if whitespaceStart == nil { whitespaceStart = output.count }
                output.append(byte)
            case 0x0D, 0x0A:
                if let start = whitespaceStart { output.removeSubrange(start...) }
                whitespaceStart = nil
                output.append(byte)
            default:
                whitespaceStart = nil
                output.append(byte)
            }
            index += 1
        }
        if let start = whitespaceStart { output.removeSubrange(start...) }
        return output
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
