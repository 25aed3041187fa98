extension HeaderEncoding {
    /// Text with its RFC 2047 encoded-words (`=?charset?B|Q?…?=`) decoded.
    ///
    /// Whitespace between two adjacent encoded-words is dropped, as RFC 2047 asks, and their
    /// bytes are joined before decoding when they share a charset, so a UTF-8 character split
    /// across two words still reads right. Malformed words stay as they are. A charset that is
    /// not known here reads as Windows-1252 and is added to `unknownCharsets`.
    static func decodeEncodedWords(_ text: String, unknownCharsets: inout Set<String>) -> String {
        guard text.utf8.count >= 8, text.contains("=?") else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        /// The decoded bytes of adjacent encoded-words not yet written, and their charset label.
        var pending: (label: String, bytes: [UInt8])?
        /// Whitespace seen after the pending words: written only when plain text follows.
        var gap: [UInt8] = []

        func flush() {
            guard let word = pending else { return }
            let charset: Charset
            if let known = Charset(label: word.label) {
                charset = known
            } else {
                unknownCharsets.insert(word.label.lowercased())
                charset = .windows1252
            }
            output += Array(charset.decode(word.bytes).utf8)
            pending = nil
        }

        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "="), let word = encodedWord(in: bytes, at: index) {
                if let current = pending, current.label.lowercased() == word.label.lowercased() {
                    pending?.bytes += word.bytes
                } else {
                    flush()
                    pending = (word.label, word.bytes)
                }
                gap = []
                index = word.end
                continue
            }
            if pending != nil, byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
                gap.append(byte)
            } else {
                flush()
                output += gap
                gap = []
                output.append(byte)
            }
            index += 1
        }
        flush()
        output += gap
        return String(decoding: output, as: UTF8.self)
    }

    /// The encoded-word starting at `start` (at its `=?`), decoded to bytes, or nil when there is
    /// none. Words hold no whitespace, so a failed attempt reads at most up to the next space or
    /// third `?`: the scan stays linear in the text.
    private static func encodedWord(
        in bytes: [UInt8], at start: Int
    ) -> (label: String, bytes: [UInt8], end: Int)? {
        guard start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "?") else { return nil }
        var index = start + 2
        let labelStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "?"), index - labelStart < 64 {
            if bytes[index] <= 0x20 { return nil }
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "?"), index > labelStart else { return nil }
        let label = String(decoding: bytes[labelStart..<index], as: UTF8.self)
        guard index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "?") else { return nil }
        let encoding = bytes[index + 1] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        let textStart = index + 3
        index = textStart
        while index < bytes.count, bytes[index] != UInt8(ascii: "?") {
            if bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
                return nil
            }
            index += 1
        }
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "=") else { return nil }
        let text = bytes[textStart..<index]
        let decoded: [UInt8]
        if encoding == UInt8(ascii: "b") {
            decoded = Base64.decode(text).bytes
        } else {
            decoded = QuotedPrintable.decodeWord(text)
        }
        return (label, decoded, index + 2)
    }
}

extension QuotedPrintable {
    /// The `Q` encoding of an encoded-word: `_` is a space, `=XX` a byte, anything else itself.
    static func decodeWord(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "_") {
                output.append(0x20)
            } else if byte == UInt8(ascii: "="), index + 2 < text.endIndex,
                let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2])
            {
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }
}
