/// Base64 (RFC 4648), and the MIME body form with CRLF-terminated lines of at most 76 characters.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        String(decoding: encodeBytes(bytes), as: UTF8.self)
    }

    static func encodeBytes(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index]
            let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            output.append(alphabet[Int(b0 >> 2)])
            output.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            output.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            output.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return output
    }

    /// The body of a base64 part: 76-character lines, each ending in CRLF.
    static func mimeBody(_ bytes: [UInt8]) -> [UInt8] {
        let encoded = encodeBytes(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count + encoded.count / 76 * 2 + 2)
        var start = 0
        while start < encoded.count {
            let end = min(start + 76, encoded.count)
            output += encoded[start..<end]
            output += [0x0D, 0x0A]
            start = end
        }
        return output
    }

    /// What `decode` read: the bytes, and how many characters it skipped that were neither
    /// base64, padding nor whitespace.
    struct Decoded {
        var bytes: [UInt8]
        var strayCount: Int
        /// Characters that were base64 (a measure for how much of the input was garbage).
        var alphabetCount: Int
    }

    /// Decodes leniently, as mail readers must: whitespace, line breaks, padding and stray
    /// characters are skipped; a final group of two or three characters still yields its bytes.
    static func decode(_ encoded: some Collection<UInt8>) -> Decoded {
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count / 4 * 3 + 3)
        var quantum: UInt32 = 0
        var held = 0
        var stray = 0
        var alphabetCount = 0
        for byte in encoded {
            let value = decodeTable[Int(byte)]
            if value >= 64 {
                if value == 0xFF { stray += 1 }
                continue
            }
            alphabetCount += 1
            quantum = quantum << 6 | UInt32(value)
            held += 1
            if held == 4 {
                output.append(UInt8(truncatingIfNeeded: quantum >> 16))
                output.append(UInt8(truncatingIfNeeded: quantum >> 8))
                output.append(UInt8(truncatingIfNeeded: quantum))
                quantum = 0
                held = 0
            }
        }
        if held == 2 {
            output.append(UInt8(truncatingIfNeeded: quantum >> 4))
        } else if held == 3 {
            output.append(UInt8(truncatingIfNeeded: quantum >> 10))
            output.append(UInt8(truncatingIfNeeded: quantum >> 2))
        } else if held == 1 {
            stray += 1
        }
        return Decoded(bytes: output, strayCount: stray, alphabetCount: alphabetCount)
    }

    /// 0–63 for the alphabet, 0xFE for what is skipped silently (whitespace, `=`), 0xFF otherwise.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        for byte in [0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C, UInt8(ascii: "=")] { table[Int(byte)] = 0xFE }
        return table
    }()
}
