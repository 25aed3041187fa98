/// Numbers as customers write them: digits ("80", "1 200"), Swedish and English words ("tre",
/// "ett hundra femtio", "hundrafemtio", "twenty-five", "a dozen"), and vague amounts ("ett par" 2,
/// "några" 2, "a few" 3, "ett hundratal" 100), which are marked so their confidence is lower.
enum InquiryNumbers {
    struct Reading: Sendable, Equatable {
        var value: Int
        /// The last token the number used.
        var last: Int
        var inWords: Bool
        var vague: Bool
    }

    static let words: [String: Int] = [
        "noll": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
        "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16,
        "sjutton": 17, "arton": 18, "aderton": 18, "nitton": 19, "tjugo": 20, "trettio": 30, "fyrtio": 40,
        "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90, "hundra": 100, "tusen": 1000,
        "dussin": 12,
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
        "dozen": 12,
    ]

    /// The words a compound number is built of, longest first ("tvåhundrafemtio").
    private static let compoundParts = words.keys.filter { $0.count > 2 }.sorted { $0.count > $1.count }

    /// Words that may start a number only when another number word follows ("a hundred").
    private static let articles: Set<String> = ["a", "an"]

    /// The value of one word, compounds included ("tvåhundrafemtio" 250, "hundratal" 100 vague).
    static func value(ofWord word: String) -> (value: Int, vague: Bool)? {
        if let value = words[word] { return (value, false) }
        var rest = Substring(word)
        var vague = false
        if rest.hasSuffix("tal"), rest.count > 5 {
            rest = rest.dropLast(3)
            vague = true
        }
        var parts: [Int] = []
        while !rest.isEmpty {
            guard let key = compoundParts.first(where: { rest.hasPrefix($0) }) else { return nil }
            parts.append(words[key]!)
            rest = rest.dropFirst(key.count)
        }
        guard !parts.isEmpty else { return nil }
        return (combine(parts), vague)
    }

    /// Reads the number that starts at token `index`, or nil.
    static func read(_ tokens: InquiryTokens, at index: Int) -> Reading? {
        guard let token = tokens.at(index) else { return nil }
        if let digits = token.number {
            // "1 200" and "1.200" as one number when three digits follow directly.
            if digits < 1000, let next = tokens.at(index + 1), next.isNumber, next.text.count == 3, next.spaceBefore,
                !token.spaceBefore || tokens.at(index - 1).map({ !$0.isNumber }) ?? true,
                let more = next.number, !(tokens.at(index + 2)?.isNumber ?? false)
            {
                // A postcode ("411 36") has two digits after the space, so it is not read here.
                return Reading(value: digits * 1000 + more, last: index + 1, inWords: false, vague: false)
            }
            return Reading(value: digits, last: index, inWords: false, vague: false)
        }
        guard token.isWord else { return nil }
        let word = token.lower
        switch word {
        case "några", "nagra", "several":
            return Reading(value: 2, last: index, inWords: true, vague: true)
        case "par", "couple":
            return Reading(value: 2, last: ofFollows(tokens, index), inWords: true, vague: false)
        case "few":
            return Reading(value: 3, last: ofFollows(tokens, index), inWords: true, vague: true)
        default: break
        }
        if ["ett", "en", "a", "an"].contains(word), let next = tokens.at(index + 1), next.isWord {
            // "ett sextiotal": the article is no number of its own.
            if let (amount, vague) = value(ofWord: next.lower), vague {
                return Reading(value: amount, last: index + 1, inWords: true, vague: true)
            }
            if ["par", "couple", "pair"].contains(next.lower) {
                return Reading(value: 2, last: ofFollows(tokens, index + 1), inWords: true, vague: false)
            }
            if next.lower == "few" {
                return Reading(value: 3, last: ofFollows(tokens, index + 1), inWords: true, vague: true)
            }
        }
        var parts: [Int] = []
        var vague = false
        var last = index
        var cursor = index
        if articles.contains(word) {
            guard let next = tokens.at(index + 1), let (amount, _) = Self.value(ofWord: next.lower), amount >= 12 else {
                return nil
            }
            parts.append(1)
            cursor = index + 1
        }
        while let current = tokens.at(cursor), current.isWord, let (amount, isVague) = Self.value(ofWord: current.lower)
        {
            parts.append(amount)
            vague = vague || isVague
            last = cursor
            // "one hundred and fifty", "twenty-five", "ett hundra femtio"
            if let joiner = tokens.at(cursor + 1), joiner.lower == "and" || joiner.lower == "och" || joiner.text == "-",
                let after = tokens.at(cursor + 2), after.isWord, Self.value(ofWord: after.lower) != nil,
                amount >= 20
            {
                cursor += 2
            } else {
                cursor += 1
            }
            if vague { break }
        }
        guard !parts.isEmpty else { return nil }
        if vague, tokens.at(last + 1)?.lower == "of" { last += 1 }
        return Reading(value: combine(parts), last: last, inWords: true, vague: vague)
    }

    /// "of" after "a couple", "a few", "dozens" belongs to the number.
    private static func ofFollows(_ tokens: InquiryTokens, _ index: Int) -> Int {
        tokens.at(index + 1)?.lower == "of" ? index + 1 : index
    }

    /// The largest number words are read up to: "hundra hundra hundra …" from a stranger must not
    /// overflow (a count above this is no rental anyway).
    static let ceiling = 10_000_000

    private static func combine(_ parts: [Int]) -> Int {
        var total = 0
        var current = 0
        for part in parts {
            switch part {
            case 100: current = max(current, 1) * 100
            case 1000:
                total += max(current, 1) * 1000
                current = 0
            case 12 where current > 0 && current < 12: current *= 12
            default: current += part
            }
            current = min(current, ceiling)
            total = min(total, ceiling)
        }
        return min(total + current, ceiling)
    }
}
