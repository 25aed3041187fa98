import Foundation

/// Reading what an IMAP server sent (RFC 3501 §7): responses split at CRLF with their literals
/// (`{n}` and `n` bytes) kept apart, so no byte of a message is ever read as a response.
enum IMAPReply {
    /// One response: its text with each literal cut out, and the literals with the item they
    /// belong to (`BODY[]`).
    struct Response {
        var text = ""
        var literals: [(item: String, bytes: [UInt8])] = []
    }

    /// The complete responses in `data`, in order, and whether `data` ended where a response
    /// ended (false when a literal or a line was cut short).
    static func responses(_ data: [UInt8]) -> (responses: [Response], complete: Bool) {
        var responses: [Response] = []
        var current = Response()
        var index = 0
        while index < data.count {
            guard let newline = data[index...].firstIndex(of: UInt8(ascii: "\n")) else {
                return (responses, false)
            }
            var lineEnd = newline
            if lineEnd > index && data[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let line = String(decoding: data[index..<lineEnd], as: UTF8.self)
            index = newline + 1
            if let (size, prefix) = literalSize(line) {
                guard size <= data.count - index else { return (responses, false) }
                current.text += prefix + "{}"
                let item = prefix.split(whereSeparator: { $0 == " " || $0 == "(" }).last.map(String.init) ?? ""
                current.literals.append((item, Array(data[index..<index + size])))
                index += size
            } else {
                current.text += line
                responses.append(current)
                current = Response()
            }
        }
        return (responses, current.text.isEmpty && current.literals.isEmpty)
    }

    /// The command's final reply (`OK …`, `NO [TRYCREATE] …`) without its tag, or the server's
    /// `BYE` when it hung up; never a line from inside a literal. After a failed command curl
    /// logs out in the same perform, so the last `NO` or `BAD` wins over any later line.
    static func finalLine(_ data: [UInt8]) -> String? {
        var last: String?
        for response in responses(data).responses.reversed() {
            let text = response.text
            if text.hasPrefix("* BYE") {
                last = last ?? String(text.dropFirst(2).prefix(200))
                continue
            }
            if text.hasPrefix("*") || text.hasPrefix("+") { continue }
            let parts = text.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                continue
            }
            let status = parts[1].prefix(while: { $0 != " " }).uppercased()
            if status == "NO" || status == "BAD" { return String(parts[1].prefix(200)) }
            if status == "OK" { last = last ?? String(parts[1].prefix(200)) }
        }
        return last
    }

    /// The UIDs of `* SEARCH` replies, ascending.
    static func searchUIDs(_ data: [UInt8]) -> [UInt32]? {
        var found = false
        var uids: [UInt32] = []
        for response in responses(data).responses {
            let words = response.text.split(separator: " ")
            guard words.count >= 2, words[0] == "*", words[1].uppercased() == "SEARCH" else { continue }
            found = true
            for word in words.dropFirst(2) {
                guard let uid = UInt32(word) else { return nil }
                uids.append(uid)
            }
        }
        return found ? uids.sorted() : nil
    }

    /// The number after `name` in a `* STATUS` reply (`UIDVALIDITY`).
    static func status(_ name: String, in data: [UInt8]) -> UInt32? {
        for response in responses(data).responses where response.text.hasPrefix("* STATUS ") {
            let words = atoms(response.text)
            if let at = words.lastIndex(where: { $0.uppercased() == name }), at + 1 < words.count,
                let value = UInt32(words[at + 1])
            {
                return value
            }
        }
        return nil
    }

    /// The capability names (upper case) of a `* CAPABILITY` reply.
    static func capabilities(_ data: [UInt8]) -> Set<String>? {
        for response in responses(data).responses where response.text.uppercased().hasPrefix("* CAPABILITY ") {
            return Set(response.text.split(separator: " ").dropFirst(2).map { $0.uppercased() })
        }
        return nil
    }

    /// The size a `UID FETCH n (RFC822.SIZE)` returned for `uid`.
    static func size(_ data: [UInt8], uid: UInt32) -> Int? {
        for response in responses(data).responses where isFetch(response, uid: uid) {
            let words = atoms(response.text)
            if let at = words.firstIndex(where: { $0.uppercased() == "RFC822.SIZE" }), at + 1 < words.count,
                let size = Int(words[at + 1])
            {
                return size
            }
        }
        return nil
    }

    /// The `BODY[]<offset>` piece a `UID FETCH n (BODY.PEEK[]<offset.length>)` returned for
    /// `uid` (empty past the end), or nil when the transcript is not whole: no such reply, a
    /// literal cut short, or no final `OK` after it.
    static func fetchedBody(_ data: [UInt8], uid: UInt32, offset: Int) -> [UInt8]? {
        let (responses, complete) = responses(data)
        guard complete, let last = responses.last, !last.text.hasPrefix("*"),
            finalLine(data).map({ $0.hasPrefix("OK") }) == true
        else { return nil }
        let item = "BODY[]<\(offset)>"
        for response in responses where isFetch(response, uid: uid) && response.text.hasSuffix(")") {
            if let literal = response.literals.first(where: { $0.item.uppercased() == item }) {
                return literal.bytes
            }
            // Past the end a server may answer with an empty quoted string instead of a literal.
            if response.text.uppercased().contains(item + " \"\"") || response.text.uppercased().contains(item + " NIL")
            {
                return []
            }
        }
        return nil
    }

    private static func isFetch(_ response: Response, uid: UInt32) -> Bool {
        let words = atoms(response.text)
        guard words.count >= 3, words[0] == "*", words[2].uppercased() == "FETCH" else { return false }
        guard let at = words.firstIndex(where: { $0.uppercased() == "UID" }), at + 1 < words.count else { return false }
        return words[at + 1] == String(uid)
    }

    /// Words with parentheses treated as spaces: enough for numbers after their item names.
    private static func atoms(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" }).map(String.init)
    }

    /// `{93}` or `{93+}` at the end of a line: the literal's size and the text before it.
    private static func literalSize(_ line: String) -> (Int, String)? {
        guard line.hasSuffix("}"), let open = line.lastIndex(of: "{") else { return nil }
        var digits = line[line.index(after: open)..<line.index(before: line.endIndex)]
        if digits.hasSuffix("+") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy(\.isASCII), let size = Int(digits) else {
            return nil
        }
        return (size, String(line[..<open]))
    }
}
