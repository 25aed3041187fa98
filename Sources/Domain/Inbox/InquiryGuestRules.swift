/// How many guests an inquiry is for: "ca 80 gäster", "runt hundra personer", "vi blir 120",
/// "about 60 people", "for 45 guests", "80-100 gäster" (the upper bound), "ett hundratal
/// gäster", "80 vuxna och 20 barn" (the sum).
///
/// Confidence: digits 0.9; a range 0.8; words 0.75; a vague amount ("ett hundratal") 0.6; a
/// number only implied by a need ("tält för 100 personer") 0.6.
enum InquiryGuestRules {
    struct Decision: Sendable, Equatable {
        var guests: Int
        var confidence: Double
        var source: String
    }

    static let guestNouns: Set<String> = [
        "gäster", "gäst", "gästerna", "personer", "person", "pers", "deltagare", "besökare", "gäst", "guests",
        "guest", "people", "persons", "attendees", "participants", "pax", "personen", "människor", "st",
        "stycken", "sittande", "vuxna", "adults", "barn", "children", "kids",
    ]
    private static let childNouns: Set<String> = ["barn", "children", "kids"]
    private static let capacityMarkers: Set<String> = ["för", "till", "for", "rymmer", "seats", "fits", "åt", "plats"]
    private static let approximations: Set<String> = [
        "ca", "cirka", "circa", "runt", "ungefär", "omkring", "kring", "about", "around", "approximately", "approx",
        "roughly", "max", "maximalt", "högst", "drygt", "knappt", "nästan", "kanske", "över", "over", "upp", "up",
        "to", "upwards", "of", "c", "~", "ungefar", "c:a", "typ", "uppskattningsvis", "some", "maybe",
    ]
    private static let countVerbs: [[String]] = [
        ["vi", "blir"], ["blir", "vi"], ["vi", "är"], ["vi", "kommer", "att", "vara"], ["vi", "kommer", "vara"],
        ["det", "blir"], ["räknar", "med"], ["we", "are"], ["we", "will", "be"], ["we", "ll", "be"],
        ["we", "re"], ["there", "will", "be"], ["expecting"], ["expect"], ["väntar"], ["bjuder"],
    ]

    static func decide(_ tokens: InquiryTokens) -> Decision? {
        var strong: [Decision] = []
        var weak: [Decision] = []
        var adults: Decision?
        var children: Decision?
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            defer { index += 1 }
            guard token.isWord, guestNouns.contains(token.lower) else { continue }
            guard let (reading, first) = number(endingBefore: index, tokens) else { continue }
            if ["st", "stycken"].contains(token.lower), !afterCountVerb(first, tokens) { continue }
            var confidence = reading.vague ? 0.6 : reading.inWords ? 0.75 : 0.9
            var value = reading.value
            if let (upper, upperConfidence) = rangeUpper(reading, tokens) {
                value = upper
                confidence = upperConfidence
            }
            guard (1...100_000).contains(value) else { continue }
            let decision = Decision(guests: value, confidence: confidence, source: tokens.snippet(first, index))
            if childNouns.contains(token.lower) {
                children = children ?? decision
                continue
            }
            if ["vuxna", "adults"].contains(token.lower) { adults = adults ?? decision }
            let before = tokens.at(first - 1)?.lower ?? ""
            if capacityMarkers.contains(before), isAfterProduct(first - 1, tokens) {
                weak.append(Decision(guests: value, confidence: min(confidence, 0.6), source: decision.source))
            } else {
                strong.append(decision)
            }
        }
        if let adults, let children, strong.first == adults {
            return Decision(
                guests: adults.guests + children.guests, confidence: min(adults.confidence, children.confidence),
                source: adults.source + " … " + children.source)
        }
        if let first = strong.first { return first }
        if let labelled = labelled(tokens) { return labelled }
        if let counted = countedByVerb(tokens) { return counted }
        return weak.first
    }

    /// A number (possibly with "ca" before it) that ends right before `index`: the reading and its
    /// first token.
    private static func number(endingBefore index: Int, _ tokens: InquiryTokens) -> (InquiryNumbers.Reading, Int)? {
        // The earliest start whose reading ends right before the noun.
        for first in max(0, index - 8)..<index {
            if let reading = InquiryNumbers.read(tokens, at: first),
                reading.last == index - 1 || rangeEnds(reading, index, tokens)
            {
                guard !(tokens[first].lower == "en" || tokens[first].lower == "ett") || reading.value > 1 else {
                    continue
                }
                var begin = first
                while begin > 0, approximations.contains(tokens[begin - 1].lower) || tokens[begin - 1].isSymbol("~") {
                    begin -= 1
                }
                return (reading, first == begin ? first : begin)
            }
        }
        return nil
    }

    /// "80-100 gäster": the reading of 80 ends before "-100".
    private static func rangeEnds(_ reading: InquiryNumbers.Reading, _ index: Int, _ tokens: InquiryTokens) -> Bool {
        guard let connector = tokens.at(reading.last + 1),
            connector.isSymbol("-–—/") || ["till", "to", "à", "a", "eller", "or"].contains(connector.lower)
        else { return false }
        guard let upper = InquiryNumbers.read(tokens, at: reading.last + 2) else { return false }
        return upper.last == index - 1
    }

    private static func rangeUpper(_ reading: InquiryNumbers.Reading, _ tokens: InquiryTokens) -> (Int, Double)? {
        guard let connector = tokens.at(reading.last + 1),
            connector.isSymbol("-–—/") || ["till", "to", "à", "a", "eller", "or"].contains(connector.lower),
            let upper = InquiryNumbers.read(tokens, at: reading.last + 2), upper.value > reading.value
        else { return nil }
        return (upper.value, upper.inWords ? 0.7 : 0.8)
    }

    private static func afterCountVerb(_ first: Int, _ tokens: InquiryTokens) -> Bool {
        countVerbs.contains { verb in
            let start = first - verb.count
            guard start >= 0 else { return false }
            return verb.enumerated().allSatisfy { tokens[start + $0.offset].lower == $0.element }
        }
    }

    /// "vi blir 120", "we'll be about 60".
    private static func countedByVerb(_ tokens: InquiryTokens) -> Decision? {
        for index in 0..<tokens.count {
            for verb in countVerbs where index + verb.count < tokens.count {
                guard verb.enumerated().allSatisfy({ tokens[index + $0.offset].lower == $0.element }) else { continue }
                var cursor = index + verb.count
                while let token = tokens.at(cursor), approximations.contains(token.lower) { cursor += 1 }
                guard let reading = InquiryNumbers.read(tokens, at: cursor), reading.value >= 2,
                    reading.value <= 100_000,
                    !["en", "ett", "a", "an"].contains(tokens[cursor].lower)
                else { continue }
                // "vi blir 120 st", but not "vi är 3 som söker" or a date.
                if let next = tokens.at(reading.last + 1), InquiryDateGrammar.months[next.lower] != nil { continue }
                var value = reading.value
                var confidence = reading.vague ? 0.6 : reading.inWords ? 0.7 : 0.85
                if let (upper, upperConfidence) = rangeUpper(reading, tokens) {
                    value = upper
                    confidence = min(confidence, upperConfidence)
                }
                return Decision(guests: value, confidence: confidence, source: tokens.snippet(index, reading.last))
            }
        }
        return nil
    }

    /// A form field: "Antal gäster: 200", "Guests: 45".
    private static func labelled(_ tokens: InquiryTokens) -> Decision? {
        for index in 0..<tokens.count where tokens[index].isSymbol(":") {
            guard let noun = tokens.at(index - 1), guestNouns.contains(noun.lower),
                !["st", "stycken"].contains(noun.lower),
                let reading = InquiryNumbers.read(tokens, at: index + 1), (1...100_000).contains(reading.value)
            else { continue }
            var first = index - 1
            if let label = tokens.at(index - 2), ["antal", "number", "of"].contains(label.lower) { first -= 1 }
            return Decision(
                guests: reading.value, confidence: reading.inWords ? 0.75 : 0.9,
                source: tokens.snippet(first, reading.last))
        }
        return nil
    }

    /// Whether a product word stands within three words before `index` ("tält för 100 personer").
    private static func isAfterProduct(_ index: Int, _ tokens: InquiryTokens) -> Bool {
        var cursor = index - 1
        var seen = 0
        while cursor >= 0, seen < 4 {
            let token = tokens[cursor]
            if token.isBreak || token.isSymbol(".!?") { return false }
            if token.isWord {
                seen += 1
                let lower = token.lower
                if [
                    "tält", "tältet", "tent", "marquee", "stolar", "bord", "chairs", "tables", "sittplatser", "seating",
                ]
                .contains(where: { lower.hasSuffix($0) }) {
                    return true
                }
            }
            cursor -= 1
        }
        return false
    }
}
