import Foundation

/// Where the equipment goes: a street and number ("Storgatan 12", "Kungsportsavenyen 5B",
/// "Björkvägen 3 lgh 1102"), a postcode ("123 45" or "12345", given as `NNN NN`) and a town, on
/// one line or over the next two; "leverans till …", "adress: …" and "delivery to …" also take a
/// street without a street word ("Tåstorp 4") or a town alone. Only the body is read: an address
/// in the signature is the customer's own, not the venue.
///
/// Confidence: street, postcode and town 0.9; street and town 0.8; street alone 0.65; town alone 0.5.
enum InquiryAddressRules {
    struct Decision: Sendable, Equatable {
        var address: InquiryExtraction.Address
        var confidence: Double
        var source: String
    }

    static let streetEndings = [
        "gatan", "vägen", "väg", "gata", "gränd", "gränden", "stigen", "allé", "allén", "avenyen", "torget", "torg",
        "backe", "backen", "leden", "platsen", "plan", "kajen", "liden", "slingan", "stråket", "gången", "promenaden",
        "esplanaden", "parken", "road", "street", "lane", "avenue", "kroken", "höjden", "ringen", "piren", "udden",
    ]
    private static let streetPrefixes: Set<String> = [
        "stora", "lilla", "norra", "södra", "östra", "västra", "gamla", "nya", "övre", "nedre",
    ]
    private static let addressMarkers = [
        "leveransadress", "adress", "address", "leverans till", "levereras till", "leverera till", "delivery to",
        "deliver to", "delivered to", "delivery address", "venue", "plats", "lokal", "festen är på", "festen hålls på",
        "köra till", "ut till",
    ]

    static func decide(_ body: String) -> Decision? {
        // An invoice address is the customer's, not the venue's.
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }.filter { line in
            let lower = line.lowercased()
            return !["faktura", "invoice", "billing", "postadress", "box "].contains { lower.contains($0) }
        }
        for (index, line) in lines.enumerated() {
            guard let (street, rest) = street(in: line) else { continue }
            var postcode: String?
            var city: String?
            var sourceLines = [line]
            if let (code, town) = postcodeAndTown(rest) {
                (postcode, city) = (code, town)
            } else if let town = townAfterStreet(rest) {
                city = town
            } else {
                for next in lines[(index + 1)..<min(lines.count, index + 3)] {
                    let trimmed = next.trimmingCharacters(in: .whitespaces)
                    if let (code, town) = postcodeAndTown(trimmed), trimmed.hasPrefix(code.prefix(3)) {
                        (postcode, city) = (code, town)
                        sourceLines.append(next)
                        break
                    }
                }
            }
            let confidence = postcode != nil && city != nil ? 0.9 : city != nil ? 0.8 : 0.65
            return Decision(
                address: .init(line1: street, postalCode: postcode, city: city), confidence: confidence,
                source: sourceLines.map { $0.collapsingWhitespace }.joined(separator: ", "))
        }
        // A postcode and town alone, or "leverans till Särö".
        for line in lines {
            if let (code, town) = postcodeAndTown(line), hasMarker(line) {
                return Decision(
                    address: .init(line1: place(before: code, in: line), postalCode: code, city: town), confidence: 0.6,
                    source: line.collapsingWhitespace)
            }
        }
        for line in lines {
            let lower = line.lowercased()
            for marker in ["leverans till ", "levereras till ", "delivery to ", "deliver to ", "delivered to "] {
                guard let range = lower.range(of: marker) else { continue }
                let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
                let rest = String(line.dropFirst(offset))
                if let town = capitalisedWords(rest, limit: 2), !isCalendarWord(town) {
                    return Decision(
                        address: .init(line1: nil, postalCode: nil, city: town), confidence: 0.5,
                        source: line.collapsingWhitespace)
                }
            }
        }
        return nil
    }

    /// The street and number in `line`, and the text after it.
    static func street(in line: String) -> (String, Substring)? {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2 else { return nil }
        let marked = hasMarker(line)
        for index in 0..<(words.count - 1) {
            let word = words[index].trimmingCharacters(in: CharacterSet(charactersIn: ",.:;()"))
            let lower = word.lowercased()
            guard let first = word.first, first.isLetter, word.count >= 3 else { continue }
            let hasEnding = streetEndings.contains { lower.hasSuffix($0) } && !["plats", "plan"].contains(lower)
            guard hasEnding || (marked && first.isUppercase && index > 0 && isMarkerEnd(words, before: index)) else {
                continue
            }
            // The number: "12", "5B", "5 B", "12-14".
            let numberWord = words[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: ",.;)"))
            guard let digit = numberWord.first, digit.isNumber, numberWord.count <= 6,
                numberWord.allSatisfy({ $0.isNumber || $0.isLetter || $0 == "-" }),
                numberWord.prefix(while: \.isNumber).count <= 4
            else { continue }
            let letters = numberWord.drop(while: \.isNumber)
            guard letters.count <= 1 || letters.hasPrefix("-") else { continue }
            var parts = [word, numberWord]
            var next = index + 2
            if next < words.count, words[next].count == 1, words[next].first?.isUppercase == true,
                words[next - 1].last != ","
            {
                parts.append(String(words[next]))
                next += 1
            }
            if next + 1 < words.count, ["lgh", "lägenhet", "lgh.", "apt", "apt."].contains(words[next].lowercased()) {
                let flat = words[next + 1].trimmingCharacters(in: CharacterSet(charactersIn: ",.;"))
                if flat.allSatisfy(\.isNumber) {
                    parts += [String(words[next]), flat]
                    next += 2
                }
            }
            if index > 0 {
                let previous = words[index - 1]
                if streetPrefixes.contains(previous.lowercased()), previous.first?.isUppercase == true {
                    parts.insert(String(previous), at: 0)
                }
            }
            // The first letter as written, but a street always starts with a capital.
            var street = parts.joined(separator: " ")
            street = street.prefix(1).uppercased() + street.dropFirst()
            let rest = words[next...].joined(separator: " ")
            return (street, Substring(rest))
        }
        return nil
    }

    private static func isMarkerEnd(_ words: [Substring], before index: Int) -> Bool {
        let before = words[max(0, index - 3)..<index].joined(separator: " ").lowercased()
        return before.hasSuffix(":")
            || ["till", "to", "på", "at", "adress", "address"].contains {
                before.hasSuffix($0)
            }
    }

    private static func hasMarker(_ line: String) -> Bool {
        let lower = line.lowercased()
        return addressMarkers.contains { lower.contains($0) }
    }

    /// "411 36 Göteborg", "41136 Göteborg", ", 429 44 Särö".
    static func postcodeAndTown<S: StringProtocol>(_ text: S) -> (String, String)? {
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber, characters[index] != "0",
                index == 0 || !(characters[index - 1].isNumber || characters[index - 1] == "-")
            else {
                index += 1
                continue
            }
            var digits = ""
            var end = index
            while end < characters.count, digits.count < 5 {
                if characters[end].isASCII, characters[end].isNumber {
                    digits.append(characters[end])
                } else if !(digits.count == 3 && characters[end] == " ") {
                    break
                }
                end += 1
            }
            if digits.count == 5, end < characters.count, characters[end] == " " || characters[end] == "\u{00A0}",
                let town = capitalisedWords(String(characters[end...]), limit: 3), !isCalendarWord(town)
            {
                return ("\(digits.prefix(3)) \(digits.suffix(2))", town)
            }
            index = max(end, index + 1)
        }
        return nil
    }

    /// "Leverans till Särö Västerskog, 429 44 Särö": the place named before the postcode.
    private static func place(before code: String, in line: String) -> String? {
        let digits = code.replacingOccurrences(of: " ", with: "")
        let compact = line.replacingOccurrences(of: code, with: digits)
        guard let range = compact.range(of: digits) else { return nil }
        var before = String(compact[..<range.lowerBound]).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        let lower = before.lowercased()
        for marker in addressMarkers {
            if let found = lower.range(of: marker, options: .backwards) {
                let offset = lower.distance(from: lower.startIndex, to: found.upperBound)
                before = String(before.dropFirst(offset)).trimmingCharacters(in: CharacterSet(charactersIn: " :,"))
                break
            }
        }
        guard let first = before.first, first.isUppercase, before.count <= 40, !before.contains(where: \.isNumber)
        else {
            return nil
        }
        return before
    }

    /// "Storgatan 12, Kungälv", "Storgatan 12 i Kungälv".
    private static func townAfterStreet(_ rest: Substring) -> String? {
        var text = rest.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix(",") {
            text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
        } else if text.hasPrefix("i ") || text.hasPrefix("in ") {
            text = String(text.drop { $0 != " " }).trimmingCharacters(in: .whitespaces)
        } else {
            return nil
        }
        guard let town = capitalisedWords(text, limit: 2), !isCalendarWord(town) else { return nil }
        return town
    }

    /// Up to `limit` capitalised words at the start of `text` (the town's name).
    private static func capitalisedWords(_ text: String, limit: Int) -> String? {
        var taken: [String] = []
        for word in text.split(separator: " ").prefix(limit) {
            let clean = word.trimmingCharacters(in: CharacterSet(charactersIn: ",.!?;:()"))
            guard let first = clean.first, first.isUppercase, clean.allSatisfy({ $0.isLetter || $0 == "-" }) else {
                break
            }
            taken.append(clean)
            if word.last.map({ ",.!?;:()".contains($0) }) ?? false { break }
        }
        return taken.isEmpty ? nil : taken.joined(separator: " ")
    }

    private static func isCalendarWord(_ text: String) -> Bool {
        let first = text.split(separator: " ").first.map { $0.lowercased() } ?? ""
        return InquiryDateGrammar.months[first] != nil || InquiryDateGrammar.weekdays[first] != nil
            || ["den", "the", "vecka", "week", "kl", "midsommarafton"].contains(first)
    }
}
