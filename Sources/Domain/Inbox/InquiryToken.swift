import Foundation

/// A word, a number or a symbol of an email's text, with where it stands, for the extractor's
/// grammars. Letters and digits split into separate tokens ("15:e" is `15`, `:`, `e`; "4x8" is `4`,
/// `x`, `8`); a line break is a token of its own, because lines end clauses and addresses.
struct InquiryToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case word
        case number
        case symbol
        case lineBreak
    }

    var kind: Kind
    /// As written.
    var text: String
    /// Lowercased, for matching.
    var lower: String
    /// Offsets into the text's characters: `start..<end`.
    var start: Int
    var end: Int
    /// Whether whitespace stands before the token (on the same line).
    var spaceBefore: Bool

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    var isBreak: Bool { kind == .lineBreak }
    var number: Int? { kind == .number && text.count <= 9 ? Int(text) : nil }
    var isCapitalised: Bool { kind == .word && (text.first?.isUppercase ?? false) }

    func isSymbol(_ characters: String) -> Bool { kind == .symbol && characters.contains(text) }
}

/// A text split into ``InquiryToken``s, with its characters kept for source snippets.
struct InquiryTokens: Sendable {
    let characters: [Character]
    let tokens: [InquiryToken]

    init(_ text: String) {
        let characters = Array(text)
        var tokens: [InquiryToken] = []
        var index = 0
        var space = false
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                tokens.append(
                    .init(kind: .lineBreak, text: "\n", lower: "\n", start: index, end: index + 1, spaceBefore: space))
                space = false
                index += 1
                continue
            }
            if character.isWhitespace || character == "\u{00A0}" {
                space = true
                index += 1
                continue
            }
            let start = index
            let kind: InquiryToken.Kind
            if character.isLetter {
                while index < characters.count, characters[index].isLetter { index += 1 }
                kind = .word
            } else if character.isASCII, character.isNumber {
                while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
                kind = .number
            } else {
                index += 1
                kind = .symbol
            }
            let text = String(characters[start..<index])
            tokens.append(
                .init(kind: kind, text: text, lower: text.lowercased(), start: start, end: index, spaceBefore: space))
            space = false
        }
        self.characters = characters
        self.tokens = tokens
    }

    var count: Int { tokens.count }
    subscript(index: Int) -> InquiryToken { tokens[index] }

    /// The token at `index`, or nil outside the text.
    func at(_ index: Int) -> InquiryToken? { tokens.indices.contains(index) ? tokens[index] : nil }

    /// The text from token `from` through token `through`, whitespace collapsed.
    func snippet(_ from: Int, _ through: Int) -> String {
        guard from <= through, tokens.indices.contains(from), tokens.indices.contains(through) else { return "" }
        let raw = String(characters[tokens[from].start..<tokens[through].end])
        return raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The whole line around token `index`, trimmed, for sources.
    func line(around index: Int) -> String {
        guard tokens.indices.contains(index) else { return "" }
        var first = index
        while first > 0, !tokens[first - 1].isBreak { first -= 1 }
        var last = index
        while last + 1 < tokens.count, !tokens[last + 1].isBreak { last += 1 }
        return snippet(first, last)
    }
}

extension String {
    /// Lowercased with å, ä, ö, é, ü … folded to their base letters, for typo-tolerant matching
    /// (a table for the letters Swedish and English mail uses; Foundation's folding is slow here).
    var foldedForMatching: String {
        let lower = lowercased()
        guard lower.contains(where: { !$0.isASCII }) else { return lower }
        return String(
            lower.map { character -> Character in
                switch character {
                case "å", "ä", "à", "á", "â", "ã": "a"
                case "ö", "ø", "ò", "ó", "ô", "õ": "o"
                case "é", "è", "ê", "ë": "e"
                case "ü", "ù", "ú", "û": "u"
                case "í", "ì", "î", "ï": "i"
                case "ç": "c"
                case "ñ": "n"
                default: character
                }
            })
    }

    /// Runs of whitespace as one space, trimmed.
    var collapsingWhitespace: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
