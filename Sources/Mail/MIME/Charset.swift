/// Turns bytes in a declared character set into text, for the charsets mail clients send.
///
/// Never fails: invalid UTF-8 becomes U+FFFD, an unknown charset is read as Windows-1252 (every
/// byte is a character there, so nothing is lost and Western text mostly reads right), and NUL
/// bytes are dropped, because text that goes into PostgreSQL cannot hold them.
enum Charset: Equatable {
    case utf8
    case windows1252
    case iso885915
    /// No charset given, or `us-ascii` (which 8-bit mailers send anything under): UTF-8 when the
    /// bytes are valid UTF-8, otherwise Windows-1252.
    case guess

    /// The charset a label names, or nil for one not known here. `iso-8859-1` and its aliases read
    /// as Windows-1252, as browsers read them: its C1 controls are never meant, the curly quotes
    /// and euro sign of Windows-1252 often are.
    init?(label: String) {
        var name = label.lowercased()
        name.removeAll { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" }
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }  // RFC 2231 language
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
            self = .utf8
        case "", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "ibm367", "cp367", "csascii":
            self = .guess
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819", "iso-ir-100",
            "windows-1252", "cp1252", "x-cp1252", "ms-ansi", "iso_8859-1:1987", "csisolatin1":
            self = .windows1252
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin-9", "latin9", "l9", "csisolatin9":
            self = .iso885915
        default:
            return nil
        }
    }

    func decode(_ bytes: some Collection<UInt8>) -> String {
        switch self {
        case .utf8:
            return Self.utf8(bytes)
        case .windows1252:
            return Self.singleByte(bytes, table: Self.windows1252High)
        case .iso885915:
            return Self.singleByte(bytes, table: Self.iso885915High)
        case .guess:
            return Self.isValidUTF8(bytes) ? Self.utf8(bytes) : Self.singleByte(bytes, table: Self.windows1252High)
        }
    }

    static func isValidUTF8(_ bytes: some Collection<UInt8>) -> Bool {
        if bytes.allSatisfy({ $0 < 0x80 }) { return true }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    private static func utf8(_ bytes: some Collection<UInt8>) -> String {
        if bytes.contains(0) { return String(decoding: bytes.filter { $0 != 0 }, as: UTF8.self) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A single-byte charset through the scalar table for 0x80–0xFF, written straight as UTF-8.
    private static func singleByte(_ bytes: some Collection<UInt8>, table: [UInt16]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                if byte != 0 { output.append(byte) }
                continue
            }
            let scalar = table[Int(byte) - 0x80]
            if scalar < 0x800 {
                output.append(UInt8(0xC0 | (scalar >> 6)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                output.append(UInt8(0xE0 | (scalar >> 12)))
                output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Windows-1252 for 0x80–0xFF: 0x80–0x9F are its own (the five undefined ones map to the C1
    /// control of the same number, as browsers do), 0xA0–0xFF are Latin-1.
    private static let windows1252High: [UInt16] =
        [
            0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
            0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
            0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
        ] + (0xA0...0xFF).map { UInt16($0) }

    /// ISO-8859-15: Latin-1 with eight letters and the euro sign in place of rarely used signs.
    private static let iso885915High: [UInt16] = (0x80...0xFF).map { byte -> UInt16 in
        switch byte {
        case 0xA4: return 0x20AC
        case 0xA6: return 0x0160
        case 0xA8: return 0x0161
        case 0xB4: return 0x017D
        case 0xB8: return 0x017E
        case 0xBC: return 0x0152
        case 0xBD: return 0x0153
        case 0xBE: return 0x0178
        default: return UInt16(byte)
        }
    }
}
