/// Decodes HTML character references for `URLPolicy`, which must see a URL the way a browser
/// might after decoding it. Not used for text: libxml2 decodes text and attribute values itself.
///
/// Numeric references follow HTML: decimal or hex, any number of leading zeros, `;` optional;
/// 0, surrogates and values past U+10FFFF become U+FFFD. Named references end in `;` (except the
/// legacy `&amp`, `&lt`, `&gt`, `&quot`, `&nbsp`, `&shy`, which HTML also decodes without it) and
/// are limited to the ones that can change where a scheme ends or hide in it: every HTML5 name for
/// ASCII punctuation and whitespace (`&colon;`, `&Tab;`, `&NewLine;`, `&sol;`, `&lpar;`, ...)
/// and for invisible characters (`&ZeroWidthSpace;`, `&shy;`, ...). An unknown name stays as it
/// is, which only makes a URL look *less* like an allowed one (`&` cannot be part of a scheme).
enum CharacterReferences {
    /// Decodes until nothing changes, at most `maximumRounds` times, so `&amp;#106;` counts as `j`.
    static func decodeRepeatedly(_ text: String, maximumRounds: Int = 4) -> String {
        var current = text
        for _ in 0..<maximumRounds {
            let next = decode(current)
            if next == current { break }
            current = next
        }
        return current
    }

    /// One round of decoding.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let input = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < input.count {
            if input[index] == "&", let (decoded, length) = reference(in: input, at: index) {
                output.append(contentsOf: decoded.unicodeScalars)
                index += length
            } else {
                output.append(input[index])
                index += 1
            }
        }
        return String(output)
    }

    /// The reference starting at `start` (which holds `&`) and how many scalars it spans.
    private static func reference(in input: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var index = start + 1
        guard index < input.count else { return nil }
        if input[index] == "#" {
            index += 1
            let radix: UInt32
            if index < input.count, input[index] == "x" || input[index] == "X" {
                radix = 16
                index += 1
            } else {
                radix = 10
            }
            var value: UInt32 = 0
            var digits = 0
            while index < input.count, let digit = digitValue(input[index], radix: radix) {
                // Saturate instead of overflowing; anything past U+10FFFF becomes U+FFFD anyway.
                value = min(value * radix + digit, 0x11_0000)
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if index < input.count, input[index] == ";" { index += 1 }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (String(scalar ?? "\u{FFFD}"), index - start)
        }
        var name = ""
        while index < input.count, index - start <= longestName, isASCIIAlphanumeric(input[index]) {
            name.unicodeScalars.append(input[index])
            index += 1
        }
        if index < input.count, input[index] == ";", let decoded = named[name] {
            return (decoded, index + 1 - start)
        }
        // HTML also decodes a few legacy names without `;`, even as a prefix (`&ampcolon;` is
        // `&colon;` in text). Doing so everywhere makes the check stricter, never looser.
        for length in stride(from: min(name.count, 4), through: 2, by: -1) {
            let prefix = String(name.prefix(length))
            if let decoded = legacyWithoutSemicolon[prefix] { return (decoded, 1 + length) }
        }
        return nil
    }

    private static func digitValue(_ scalar: Unicode.Scalar, radix: UInt32) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: scalar.value - 0x30
        case 0x41...0x46 where radix == 16: scalar.value - 0x41 + 10
        case 0x61...0x66 where radix == 16: scalar.value - 0x61 + 10
        default: nil
        }
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    private static let longestName = named.keys.map(\.count).max() ?? 0

    /// The legacy names HTML accepts without `;` that matter here.
    static let legacyWithoutSemicolon: [String: String] = [
        "amp": "&", "AMP": "&", "lt": "<", "LT": "<", "gt": ">", "GT": ">", "quot": "\"", "QUOT": "\"",
        "nbsp": "\u{A0}", "shy": "\u{AD}",
    ]

    /// HTML5 named references (without the `;`) for ASCII punctuation, whitespace and invisible
    /// characters. Names are case-sensitive, as in HTML.
    static let named: [String: String] = [
        "Tab": "\t", "NewLine": "\n",
        "excl": "!", "quot": "\"", "QUOT": "\"", "num": "#", "dollar": "$", "percnt": "%",
        "amp": "&", "AMP": "&", "apos": "'", "lpar": "(", "rpar": ")", "ast": "*", "midast": "*",
        "plus": "+", "comma": ",", "period": ".", "sol": "/", "colon": ":", "semi": ";",
        "lt": "<", "LT": "<", "equals": "=", "gt": ">", "GT": ">", "quest": "?", "commat": "@",
        "lsqb": "[", "lbrack": "[", "bsol": "\\", "rsqb": "]", "rbrack": "]", "Hat": "^",
        "lowbar": "_", "UnderBar": "_", "grave": "`", "DiacriticalGrave": "`",
        "lcub": "{", "lbrace": "{", "verbar": "|", "vert": "|", "VerticalLine": "|",
        "rcub": "}", "rbrace": "}", "fjlig": "fj",
        "nbsp": "\u{A0}", "NonBreakingSpace": "\u{A0}", "shy": "\u{AD}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "emsp13": "\u{2004}", "emsp14": "\u{2005}",
        "numsp": "\u{2007}", "puncsp": "\u{2008}", "thinsp": "\u{2009}", "ThinSpace": "\u{2009}",
        "hairsp": "\u{200A}", "VeryThinSpace": "\u{200A}", "MediumSpace": "\u{205F}",
        "ThickSpace": "\u{205F}\u{200A}",
        "ZeroWidthSpace": "\u{200B}", "NegativeVeryThinSpace": "\u{200B}", "NegativeThinSpace": "\u{200B}",
        "NegativeMediumSpace": "\u{200B}", "NegativeThickSpace": "\u{200B}",
        "zwnj": "\u{200C}", "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}",
        "NoBreak": "\u{2060}", "ApplyFunction": "\u{2061}", "af": "\u{2061}",
        "InvisibleTimes": "\u{2062}", "it": "\u{2062}", "InvisibleComma": "\u{2063}", "ic": "\u{2063}",
    ]
}
