/// Writes one header field, folded at token boundaries so lines stay within 78 characters.
///
/// A field is a name plus tokens joined by single spaces; a fold (CRLF + space) may replace any
/// of those spaces. Callers make tokens short (encoded-words are at most 60 characters), so
/// only a single token longer than a line (a very long address or ASCII word in an extra
/// header) can exceed the limit, and never the 998-character hard limit of RFC 5322.
struct HeaderField {
    static let lineLimit = 78

    let name: String
    let tokens: [String]

    init(_ name: String, tokens: [String]) {
        self.name = name
        self.tokens = tokens.filter { !$0.isEmpty }
    }

    init(_ name: String, _ value: String) {
        self.init(name, tokens: [value])
    }

    func render(into output: inout [UInt8]) {
        var line = name + ":"
        for (index, token) in tokens.enumerated() {
            if line.utf8.count + 1 + token.utf8.count > Self.lineLimit && (index > 0 || line.utf8.count > 1) {
                output += Array(line.utf8) + [0x0D, 0x0A]
                line = ""
            }
            line += " " + token
        }
        output += Array(line.utf8) + [0x0D, 0x0A]
    }
}
