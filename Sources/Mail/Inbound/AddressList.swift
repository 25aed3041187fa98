/// Reads address headers (`From`, `To`, `Cc`, `Reply-To`) and message-id lists leniently.
enum AddressList {
    /// The mailboxes in `text` (the raw value, encoded-words not yet decoded): display names
    /// from phrases, quoted strings or, for `addr (Name)`, the comment; groups are flattened.
    static func mailboxes(_ text: String, unknownCharsets: inout Set<String>) -> [InboundMailbox] {
        let scalars = Array(text.unicodeScalars)
        var result: [InboundMailbox] = []
        var phrase = ""
        var angle: String?
        var comment = ""
        var inAngle = false

        func finish() {
            var name = phrase
            var address: String
            if let angle {
                address = angle
            } else {
                address = phrase
                name = comment
            }
            address.unicodeScalars.removeAll { $0 == " " || $0 == "\t" || $0 == "\"" }
            if address.hasPrefix("@"), let colon = address.firstIndex(of: ":") {
                address = String(address[address.index(after: colon)...])  // obsolete source route
            }
            if address.lowercased().hasPrefix("mailto:") { address = String(address.dropFirst(7)) }
            if let at = address.lastIndex(of: "@") {
                address = address[..<at] + address[at...].lowercased()
            }
            if !address.isEmpty {
                result.append(InboundMailbox(address: address, displayName: displayName(name, &unknownCharsets)))
            }
            phrase = ""
            angle = nil
            comment = ""
            inAngle = false
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\"":
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                    if inAngle {
                        angle?.unicodeScalars.append(scalars[index])
                    } else {
                        phrase.unicodeScalars.append(scalars[index])
                    }
                    index += 1
                }
            case "(":
                var depth = 0
                var text = ""
                while index < scalars.count {
                    if scalars[index] == "(" { depth += 1 }
                    if scalars[index] == ")" { depth -= 1 }
                    if depth > 0 && !(depth == 1 && scalars[index] == "(") {
                        text.unicodeScalars.append(scalars[index])
                    }
                    index += 1
                    if depth == 0 { break }
                }
                if !inAngle { comment += text }
                continue
            case "<":
                inAngle = true
                angle = ""
            case ">":
                inAngle = false
            case "," where !inAngle, ";" where !inAngle:
                finish()
            case ":" where !inAngle && angle == nil:
                phrase = ""  // a group's name
            default:
                if inAngle { angle?.unicodeScalars.append(scalar) } else { phrase.unicodeScalars.append(scalar) }
            }
            index += 1
        }
        finish()
        return result
    }

    private static func displayName(_ raw: String, _ unknownCharsets: inout Set<String>) -> String? {
        var name = HeaderEncoding.decodeEncodedWords(raw, unknownCharsets: &unknownCharsets)
        name = name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
            .joined(separator: " ")
        if name.count >= 2, name.hasPrefix("'"), name.hasSuffix("'") { name = String(name.dropFirst().dropLast()) }
        return name.isEmpty ? nil : name
    }

    /// Message-IDs without angle brackets: each `<…>`, or, when there are none, each word with an `@`.
    static func messageIDs(_ text: String) -> [String] {
        var ids: [String] = []
        var current: String?
        for character in text {
            switch character {
            case "<": current = ""
            case ">":
                if let id = current, !id.isEmpty { ids.append(id) }
                current = nil
            case " ", "\t", "\r", "\n": continue
            default: current?.append(character)
            }
        }
        if ids.isEmpty {
            ids = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init).filter {
                $0.contains("@")
            }
        }
        return ids
    }
}
