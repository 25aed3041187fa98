/// Whether a word of an email is a catalogue word: the same word, an inflection (stol, stolar,
/// stolarna; värmare, värmarna; table, tables; party, parties), the word ending a compound
/// ("bröllopstält" is a "tält"), written without å/ä/ö ("talt"), or with a small typo
/// (Damerau–Levenshtein distance 1 for words of 5 letters or more, 2 from 9 letters).
enum InquiryWordMatcher {
    /// How sure a word match is, best first.
    enum Kind: Int, Sendable, Comparable {
        case typo = 0
        case compound = 1
        case folded = 2
        case inflected = 3
        case exact = 4

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        var confidence: Double {
            switch self {
            case .exact: 1
            case .inflected: 0.95
            case .folded: 0.85
            case .compound: 0.8
            case .typo: 0.7
            }
        }
    }

    /// Endings Swedish and English add to nouns (and adjectives, "runda").
    static let endings = [
        "", "s", "es", "n", "en", "et", "t", "ar", "arna", "arne", "or", "orna", "er", "erna", "na", "a", "e", "r",
        "ne", "ies", "ens", "ets", "ernas", "arnas",
    ]

    /// Common words never read as a typo of a catalogue word.
    private static let notTypos: Set<String> = [
        "varmare", "större", "stolen", "bordet", "tables", "scener", "hälsningar", "samtal", "vänliga", "festen",
        "tälta", "stort", "extra", "till", "tills", "later", "table", "stage", "light", "heat", "sound", "lights",
        "where", "there", "other", "these", "those", "their", "about", "stora", "stola", "bordsplacering",
        "gärna", "garna", "kanske", "behöver", "undrar", "skulle", "ställe", "stället", "helst", "heater",
        "heter", "liten", "litet", "lilla", "under", "eller", "efter", "några", "kommer", "hälsar", "tänker",
        "scenen", "staden", "stolt", "bordsdukarna", "tills", "tider", "timmar", "dagar", "sedan", "since", "table",
    ]

    static func match(_ word: String, _ catalogueWord: String) -> Kind? {
        if word == catalogueWord { return .exact }
        // "pa" is matched as written: "par" and "på" are other words.
        guard catalogueWord.count > 2, let first = word.first, let catalogueFirst = catalogueWord.first else {
            return nil
        }
        let sameStart =
            first == catalogueFirst || String(first).foldedForMatching == String(catalogueFirst).foldedForMatching
        // Only a compound may start differently, and it is longer.
        if !sameStart, word.count < catalogueWord.count + 3 { return nil }
        if isInflection(word, of: catalogueWord) { return .inflected }
        let foldedWord = word.foldedForMatching
        let foldedCatalogue = catalogueWord.foldedForMatching
        // "talt" for "tält"; short words fold into other words ("på" is not "pa").
        if foldedWord.count >= 4, foldedWord == foldedCatalogue || isInflection(foldedWord, of: foldedCatalogue) {
            return foldedWord == word && foldedCatalogue == catalogueWord ? nil : .folded
        }
        if catalogueWord.count >= 3, word.count >= catalogueWord.count + 3 {
            for ending in endings where word.hasSuffix(catalogueWord + ending) {
                let prefixLength = word.count - catalogueWord.count - ending.count
                if prefixLength >= 3 { return .compound }
            }
        }
        // A typo keeps the first letter: "tänker" is no "bänkar".
        if word.count >= 5, foldedWord.first == foldedCatalogue.first, abs(word.count - catalogueWord.count) <= 6,
            !notTypos.contains(word)
        {
            let allowed = catalogueWord.count >= 9 ? 2 : 1
            if catalogueWord.count >= 5, abs(word.count - catalogueWord.count) <= allowed,
                distance(foldedWord, foldedCatalogue, limit: allowed) <= allowed
            {
                return .typo
            }
            // A typo in an inflected form: "stolr", "högtalrna", "långbrod".
            // A short word ("stol", "bänk") keeps its letters: the typo is in the ending ("stolr").
            let keepsBase = catalogueWord.count >= 5 || foldedWord.hasPrefix(foldedCatalogue)
            let forms = keepsBase ? inflectedForms(foldedCatalogue) : []
            for form in forms where form.count >= 5 {
                let limit = form.count >= 9 ? 2 : 1
                if abs(foldedWord.count - form.count) <= limit, distance(foldedWord, form, limit: limit) <= limit {
                    return .typo
                }
            }
        }
        return nil
    }

    /// `base` with each plural and definite ending.
    static func inflectedForms(_ base: String) -> [String] {
        var forms = ["ar", "arna", "or", "orna", "er", "erna", "en", "et", "na", "s", "es"].map { base + $0 }
        if let last = base.last, "aeiouy".contains(last), base.count >= 4 {
            forms += ["ar", "arna", "or", "orna", "er", "na"].map { base.dropLast() + $0 }
        }
        return forms
    }

    /// `word` is `base` with an ending, or `base` without its last vowel and an ending
    /// (värmare → värmarna, ljusslinga → ljusslingor, party → parties).
    static func isInflection(_ word: String, of base: String) -> Bool {
        guard word.count > base.count - 2 else { return false }
        if word.hasPrefix(base), endings.contains(String(word.dropFirst(base.count))) { return true }
        if let last = base.last, "aeiouy".contains(last), base.count >= 4 {
            let stem = base.dropLast()
            if word.hasPrefix(stem),
                ["ar", "arna", "or", "orna", "er", "erna", "na", "ies", "en", "an"].contains(
                    String(word.dropFirst(stem.count)))
            {
                return true
            }
        }
        // Adjectives: "runt" / "runda" / "rund", "stort" / "stora" / "stor", "litet" / "lilla" / "liten".
        if base.hasSuffix("t"), base.count >= 4 {
            let stem = base.dropLast()
            if word.hasPrefix(stem), ["", "a", "e"].contains(String(word.dropFirst(stem.count))) { return true }
        }
        return false
    }

    /// Damerau–Levenshtein (optimal string alignment) distance, stopping early beyond `limit`.
    static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
