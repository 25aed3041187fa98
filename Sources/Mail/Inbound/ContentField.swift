import Foundation

/// A `Content-Type` or `Content-Disposition` value: `text/plain; charset="utf-8"`.
///
/// Parameters follow RFC 2045 (tokens and quoted strings) and RFC 2231 (`filename*=UTF-8''…`,
/// `filename*0*=…; filename*1*=…` continuations, with their charset); a quoted value holding
/// RFC 2047 encoded-words, as Outlook writes file names, is decoded too.
struct ContentField {
    /// `type/subtype` or the disposition, in lower case without whitespace.
    let value: String
    /// Parameter names in lower case.
    let parameters: [String: String]

    static let maximumParameters = 100

    init(_ text: String, unknownCharsets: inout Set<String>) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var value = ""
        while index < scalars.count, scalars[index] != ";" {
            if scalars[index] == "(" {
                Self.skipComment(scalars, &index)
                continue
            }
            if scalars[index] != " " && scalars[index] != "\t" { value.unicodeScalars.append(scalars[index]) }
            index += 1
        }
        self.value = value.lowercased()

        var plain: [String: String] = [:]
        var segments: [String: [(number: Int, encoded: Bool, value: String)]] = [:]
        var count = 0
        while index < scalars.count, count < Self.maximumParameters {
            while index < scalars.count, scalars[index] == ";" || scalars[index] == " " || scalars[index] == "\t" {
                index += 1
            }
            var name = ""
            while index < scalars.count, scalars[index] != "=", scalars[index] != ";" {
                if scalars[index] != " " && scalars[index] != "\t" { name.unicodeScalars.append(scalars[index]) }
                index += 1
            }
            guard index < scalars.count, scalars[index] == "=" else { continue }
            index += 1
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
            var parameterValue = ""
            if index < scalars.count, scalars[index] == "\"" {
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                    parameterValue.unicodeScalars.append(scalars[index])
                    index += 1
                }
                index += 1
                while index < scalars.count, scalars[index] != ";" { index += 1 }
            } else {
                while index < scalars.count, scalars[index] != ";" {
                    parameterValue.unicodeScalars.append(scalars[index])
                    index += 1
                }
                parameterValue = parameterValue.trimmingCharacters(in: [" ", "\t"])
            }
            count += 1
            name = name.lowercased()
            if let star = name.firstIndex(of: "*") {
                let base = String(name[..<star])
                let rest = name[name.index(after: star)...]
                let encoded = rest.isEmpty || rest.hasSuffix("*")
                let number = rest.isEmpty ? 0 : Int(rest.hasSuffix("*") ? rest.dropLast() : rest) ?? -1
                if (0...999).contains(number) { segments[base, default: []].append((number, encoded, parameterValue)) }
            } else if plain[name] == nil {
                plain[name] = parameterValue
            }
        }
        var parameters: [String: String] = [:]
        for (name, value) in plain {
            parameters[name] = HeaderEncoding.decodeEncodedWords(value, unknownCharsets: &unknownCharsets)
        }
        for (name, parts) in segments {
            parameters[name] = Self.joined(parts, unknownCharsets: &unknownCharsets)
        }
        self.parameters = parameters
    }

    /// RFC 2231 segments in order: percent-decoded where marked, in the charset the first names.
    private static func joined(
        _ parts: [(number: Int, encoded: Bool, value: String)], unknownCharsets: inout Set<String>
    ) -> String {
        var bytes: [UInt8] = []
        var label = ""
        for (position, part) in parts.sorted(by: { $0.number < $1.number }).enumerated() {
            var value = Substring(part.value)
            if part.encoded {
                if position == 0 {
                    let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                    if pieces.count == 3 {
                        label = String(pieces[0])
                        value = pieces[2]
                    }
                }
                bytes += percentDecoded(value)
            } else {
                bytes += Array(value.utf8)
            }
        }
        guard !label.isEmpty else { return Charset.guess.decode(bytes) }
        guard let charset = Charset(label: label) else {
            unknownCharsets.insert(label.lowercased())
            return Charset.windows1252.decode(bytes)
        }
        return charset.decode(bytes)
    }

    private static func percentDecoded(_ text: Substring) -> [UInt8] {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
                let high = QuotedPrintable.hexValue(input[index + 1]),
                let low = QuotedPrintable.hexValue(input[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(input[index])
                index += 1
            }
        }
        return output
    }

    private static func skipComment(_ scalars: [Unicode.Scalar], _ index: inout Int) {
        var depth = 0
        while index < scalars.count {
            if scalars[index] == "(" { depth += 1 }
            if scalars[index] == ")" { depth -= 1 }
            index += 1
            if depth == 0 { return }
        }
    }
}
