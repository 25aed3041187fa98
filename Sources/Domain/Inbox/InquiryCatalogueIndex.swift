/// The catalogue's words as the line matcher reads them: each active item's name (without sizes,
/// units and parentheses) and synonyms as phrases of words, a multi-word phrase also as one
/// compound ("beer table set", "pa system" → "pasystem"), and the item's size when its name has
/// one ("Partytält 4×8 m" is 4×8).
struct InquiryCatalogueIndex: Sendable {
    struct Phrase: Sendable {
        var item: Int
        var words: [String]
        var specificity: Int { words.reduce(0) { $0 + $1.count } }
    }

    /// A floor or tent size in metres, smaller side first.
    struct Size: Sendable, Hashable {
        var short: Int
        var long: Int

        init(_ a: Int, _ b: Int) {
            short = min(a, b)
            long = max(a, b)
        }

        var area: Int { short * long }
    }

    let items: [InquiryCatalogueItem]
    let phrases: [Phrase]
    let sizes: [Size?]
    /// Items priced per square metre ("Kassettgolv per m²"): a written size is their quantity.
    let perSquareMetre: [Bool]

    private static let units: Set<String> = ["m", "cm", "mm", "kw", "w", "per", "st", "meter", "kg", "l", "ø", "x"]

    init(_ catalogue: [InquiryCatalogueItem]) {
        let items = catalogue.filter(\.active)
        var phrases: [Phrase] = []
        var sizes: [Size?] = []
        var perSquareMetre: [Bool] = []
        for (index, item) in items.enumerated() {
            let nameTokens = InquiryTokens(Self.withoutParentheses(item.name))
            sizes.append(Self.sizes(in: nameTokens).first?.size)
            let lowerName = item.name.lowercased()
            perSquareMetre.append(
                lowerName.contains("per m²") || lowerName.contains("per m2") || lowerName.contains("per kvm"))
            for text in [Self.withoutParentheses(item.name)] + item.synonyms {
                let words = Self.words(InquiryTokens(text))
                guard !words.isEmpty else { continue }
                phrases.append(Phrase(item: index, words: words))
                if words.count > 1 { phrases.append(Phrase(item: index, words: [words.joined()])) }
            }
        }
        self.items = items
        self.phrases = phrases
        self.sizes = sizes
        self.perSquareMetre = perSquareMetre
    }

    private static func words(_ tokens: InquiryTokens) -> [String] {
        let sizeTokens = Set(sizes(in: tokens).flatMap { $0.tokens })
        return tokens.tokens.indices.compactMap { index in
            let token = tokens[index]
            guard token.isWord, !sizeTokens.contains(index), !units.contains(token.lower) else { return nil }
            return token.lower
        }
    }

    private static func withoutParentheses(_ text: String) -> String {
        var depth = 0
        return String(
            text.filter { character in
                if character == "(" { depth += 1 }
                defer { if character == ")" { depth = max(0, depth - 1) } }
                return depth == 0 && character != ")"
            })
    }

    /// `4x8`, `4×8`, `4 x 8 m`, `4*8`: each size and its tokens.
    static func sizes(in tokens: InquiryTokens) -> [(size: Size, tokens: ClosedRange<Int>)] {
        var found: [(Size, ClosedRange<Int>)] = []
        var index = 0
        while index + 2 < tokens.count {
            if let a = tokens[index].number, (1...99).contains(a), tokens[index].text.count <= 2 {
                var cursor = index + 1
                if tokens.at(cursor)?.lower == "m" { cursor += 1 }
                if let times = tokens.at(cursor), times.lower == "x" || times.isSymbol("×*"),
                    let b = tokens.at(cursor + 1)?.number, (1...99).contains(b)
                {
                    var last = cursor + 1
                    if let unit = tokens.at(last + 1), ["m", "meter", "metre", "meters"].contains(unit.lower) {
                        last += 1
                    }
                    found.append((Size(a, b), index...last))
                    index = last + 1
                    continue
                }
            }
            index += 1
        }
        return found
    }
}
