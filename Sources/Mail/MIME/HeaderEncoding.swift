/// RFC 2047 encoded-words and the choice between them and plain text.
enum HeaderEncoding {
    /// Longest UTF-8 run in one encoded-word: 36 bytes → 48 base64 characters → 60 with `=?UTF-8?B?…?=`.
    private static let bytesPerWord = 36

    /// Tokens for unstructured text (Subject, extra headers): plain words when the text is
    /// ASCII that folds losslessly, otherwise base64 encoded-words (which may split anywhere).
    static func unstructured(_ text: String, maxPlainWord: Int = 70) -> [String] {
        if text.isEmpty { return [] }
        let plain =
            text.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E } && !text.contains("=?") && !text.contains("  ")
            && !text.hasPrefix(" ") && !text.hasSuffix(" ")
        let words = text.split(separator: " ").map(String.init)
        if plain && words.allSatisfy({ $0.utf8.count <= maxPlainWord }) { return words }
        return encodedWords(text)
    }

    /// Tokens for a display name in an address header: atoms, one quoted-string, or encoded-words.
    ///
    /// Plain ASCII words stay atoms and only runs of words that need encoding become encoded-words,
    /// so adjacent encoded-words (whose separating space RFC 2047 decoders drop, but Python's
    /// phrase parser keeps) only occur in runs longer than 45 bytes.
    static func phrase(_ name: String) -> [String] {
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        func isAtom(_ word: Substring) -> Bool {
            !word.isEmpty && word.utf8.count <= 60 && word.utf8.allSatisfy(atext.contains) && !word.contains("=?")
        }
        if words.allSatisfy(isAtom) { return words.map(String.init) }
        if name.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) && name.utf8.count <= 56 && !name.contains("=?") {
            let escaped = name.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
            return ["\"" + escaped + "\""]
        }
        if name.contains("  ") || name.contains("\t") { return encodedWords(name, bytesPerWord: 45) }
        var tokens: [String] = []
        var run: [Substring] = []
        for word in words {
            if isAtom(word) {
                if !run.isEmpty { tokens += encodedWords(run.joined(separator: " "), bytesPerWord: 45) }
                run = []
                tokens.append(String(word))
            } else {
                run.append(word)
            }
        }
        if !run.isEmpty { tokens += encodedWords(run.joined(separator: " "), bytesPerWord: 45) }
        return tokens
    }

    private static let atext = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".utf8)

    /// `=?UTF-8?B?…?=` words, each holding whole Unicode scalars and at most `bytesPerWord` bytes
    /// (36 gives 60-character words; 45, the most for one line, gives 72).
    static func encodedWords(_ text: String, bytesPerWord: Int = bytesPerWord) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > bytesPerWord {
                words.append("=?UTF-8?B?" + Base64.encode(chunk) + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Base64.encode(chunk) + "?=") }
        return words
    }

    /// Tokens for a mailbox list (`From`, `To`, `Reply-To`), commas after all but the last.
    static func mailboxes(_ addresses: [EmailAddress]) -> [String] {
        var tokens: [String] = []
        for (index, address) in addresses.enumerated() {
            var mailbox: [String]
            if let name = address.displayName {
                mailbox = phrase(name) + ["<\(address.address)>"]
            } else {
                mailbox = [address.address]
            }
            if index < addresses.count - 1 { mailbox[mailbox.count - 1] += "," }
            tokens += mailbox
        }
        return tokens
    }

    /// A `filename` parameter: quoted when short ASCII, otherwise RFC 2231 (`filename*0*=UTF-8''…`).
    static func filenameParameter(_ filename: String) -> [String] {
        let quotable =
            filename.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E && $0 != 0x22 && $0 != 0x5C }
            && !filename.contains("=?")
        if quotable && filename.utf8.count <= 60 { return ["filename=\"\(filename)\""] }
        let attrChar = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~".utf8)
        var pieces: [String] = []
        var current = ""
        for scalar in filename.unicodeScalars {
            var encoded = ""
            for byte in String(scalar).utf8 {
                encoded += attrChar.contains(byte) ? String(UnicodeScalar(byte)) : "%" + Hex.byte(byte)
            }
            if current.utf8.count + encoded.utf8.count > 45 {
                pieces.append(current)
                current = ""
            }
            current += encoded
        }
        if !current.isEmpty { pieces.append(current) }
        if pieces.count == 1 { return ["filename*=UTF-8''\(pieces[0])"] }
        return pieces.enumerated().map { index, piece in
            let value = index == 0 ? "UTF-8''" + piece : piece
            return "filename*\(index)*=\(value)" + (index < pieces.count - 1 ? ";" : "")
        }
    }
}
