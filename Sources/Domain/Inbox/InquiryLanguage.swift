/// Swedish or English, by which language's common words the text uses more (å, ä and ö count for
/// Swedish). Swedish when undecided: most customers write Swedish.
enum InquiryLanguage {
    private static let swedish: Set<String> = [
        "och", "att", "det", "är", "för", "på", "med", "vi", "jag", "en", "ett", "till", "har", "hej", "tack", "vill",
        "skulle", "behöver", "gäster", "om", "den", "som", "kan", "av", "hyra", "mvh", "hälsningar", "blir", "ni",
        "er", "oss", "inte", "också", "undrar", "gärna", "pris", "offert",
    ]
    private static let english: Set<String> = [
        "the", "and", "to", "of", "we", "i", "for", "a", "is", "are", "would", "like", "hi", "hello", "please",
        "need", "guests", "thanks", "regards", "our", "with", "on", "you", "your", "could", "rent", "quote", "be",
        "will", "it", "this", "that", "in", "dear", "people",
    ]

    static func detect(_ tokens: InquiryTokens) -> Language {
        var sv = 0
        var en = 0
        for token in tokens.tokens where token.isWord {
            if swedish.contains(token.lower) { sv += 1 }
            if english.contains(token.lower) { en += 1 }
            if token.lower.contains(where: { "åäö".contains($0) }) { sv += 1 }
        }
        return en > sv ? .en : .sv
    }
}
