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
}
