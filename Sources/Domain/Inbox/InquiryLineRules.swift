import Foundation

/// The products and add-ons an inquiry asks for, with quantities.
///
/// - A mention is the longest catalogue phrase at a place in the text (best word match first, then
///   the longest words): "festtält" names the two Festtält, "tält" every tent whose synonyms say
///   "tält", "barstolar" the bar stool rather than the chair.
/// - A size next to it ("tält 6x12", "4 x 8 m partytält") picks the item of that size; for items
///   sold per m² or in 1×1 m tiles it is the quantity ("dansgolv 5x5 m" is 25).
/// - The quantity stands before it ("80 vita stolar", "tre tält", "ett par värmare", "a couple of
///   heaters", "ett dussin bord") or after it ("stolar: 80", "stolar x 80", "bord 10 st").
/// - A need sizes it: "tält för 100 personer" is the smallest matching item that serves 100;
///   "stolar till alla", "chairs for everyone", "bord för alla" are ceil(guests / capacity) of it.
///   With neither, several matching items are chosen by the guests (the smallest tent for them)
///   and furniture without a number is as much as the guests need, at a low confidence.
/// - "inga stolar", "vi har egna bord", "no chairs", "stolar behövs inte" propose nothing.
/// - An add-on "per X" ("Montering tält per tält") counts the lines that are X.
/// - An item mentioned twice gives one line: the first mention with a written quantity.
struct InquiryLineRules {
    let index: InquiryCatalogueIndex
    let tokens: InquiryTokens
    let guests: Int?
    let city: String?
    let excluded: Set<Int>

    private struct Mention {
        var first: Int
        var last: Int
        var best: [Int]
        var broad: [Int]
        var kind: InquiryWordMatcher.Kind
        var plural: Bool
    }

    private static let negations: Set<String> = [
        "inte", "ej", "inga", "ingen", "inget", "utan", "egna", "eget", "egen", "own", "not", "no", "dont", "don",
        "without", "redan", "already", "själva", "behövs", "slipper",
    ]
    private static let possessives: Set<String> = ["vårt", "vår", "våra", "our", "mitt", "min", "mina", "my"]
    /// Words that end in a catalogue word but are no equipment ("julbord" is a Christmas dinner).
    private static let notProducts: Set<String> = [
        "julbord", "smörgåsbord", "påskbord", "bordsplacering", "stolthet", "scenario", "scenariot", "gräsmatta",
        "gräsmattan", "hemmaplan", "pappersduk",
    ]
    private static let clauseWords: Set<String> = [
        "och", "and", "samt", "plus", "med", "with", "eller", "or", "även", "also", "att", "som", "men", "but", "på",
    ]
    private static let skippable: Set<String> = ["st", "stycken", "styck", "pcs", "pieces", "x", "extra", "of", "av"]
    private static let everyone: Set<String> = ["alla", "everyone", "everybody", "all", "samtliga"]
    private static let needMarkers: Set<String> = ["för", "till", "for", "åt", "rymmer", "seats", "seating", "fits"]

    func lines() -> [InquiryExtraction.Line] {
        let mentions = findMentions()
        var lines: [(item: Int, line: InquiryExtraction.Line, explicit: Bool)] = []
        for (position, mention) in mentions.enumerated() {
            guard !isNegated(mention) else { continue }
            let nextStart = position + 1 < mentions.count ? mentions[position + 1].first : tokens.count
            guard let (item, line, explicit) = resolve(mention, nextStart: nextStart) else { continue }
            if let existing = lines.firstIndex(where: { $0.item == item }) {
                if explicit, !lines[existing].explicit { lines[existing] = (item, line, explicit) }
                continue
            }
            lines.append((item, line, explicit))
        }
        return countPerAddons(coverTents(lines.map { ($0.item, $0.line, $0.explicit) }))
    }

    // MARK: - Mentions

    private func findMentions() -> [Mention] {
        var found: [Mention] = []
        var position = 0
        while position < tokens.count {
            guard tokens[position].isWord, !excluded.contains(position), let mention = mention(at: position) else {
                position += 1
                continue
            }
            found.append(mention)
            position = mention.last + 1
        }
        return found
    }

    private func mention(at position: Int) -> Mention? {
        var best: [Int: (span: Int, kind: InquiryWordMatcher.Kind, specificity: Int, last: Int)] = [:]
        for phrase in index.phrases {
            guard let (last, kind) = match(phrase.words, at: position) else { continue }
            let key = (span: last - position + 1, kind: kind, specificity: phrase.specificity, last: last)
            if let current = best[phrase.item],
                (current.span, current.kind, current.specificity) >= (key.span, key.kind, key.specificity)
            {
                continue
            }
            best[phrase.item] = key
        }
        guard let top = best.values.max(by: { ($0.span, $0.kind, $0.specificity) < ($1.span, $1.kind, $1.specificity) })
        else { return nil }
        // A typo or compound of a short word alone is too weak to propose anything.
        let winners = best.filter {
            ($0.value.span, $0.value.kind, $0.value.specificity) == (top.span, top.kind, top.specificity)
        }
        .keys.sorted()
        let lastWord = tokens[top.last].lower
        let plural = ["ar", "or", "er", "na", "s", "en"].contains { lastWord.hasSuffix($0) }
        return Mention(
            first: position, last: top.last, best: winners, broad: best.keys.sorted(), kind: top.kind, plural: plural)
    }

    /// The phrase's words at `position` (each word one token, or the last two tokens of the text
    /// joined, "party tält", "PA-system"): the last token and the weakest word match.
    private func match(_ words: [String], at position: Int) -> (Int, InquiryWordMatcher.Kind)? {
        var cursor = position
        var weakest = InquiryWordMatcher.Kind.exact
        for (offset, word) in words.enumerated() {
            // "set-up", "LED-spot": a hyphen between the words.
            if offset > 0, let hyphen = tokens.at(cursor), hyphen.isSymbol("-"), !hyphen.spaceBefore { cursor += 1 }
            guard let token = tokens.at(cursor), token.isWord, !excluded.contains(cursor) else { return nil }
            if let kind = InquiryWordMatcher.match(token.lower, word) {
                weakest = min(weakest, kind)
                cursor += 1
                continue
            }
            // Split in the text: "party tält", "PA-system", "dans-golv".
            var joinedEnd = cursor + 1
            if tokens.at(joinedEnd)?.isSymbol("-") ?? false, !(tokens.at(joinedEnd)?.spaceBefore ?? true) {
                joinedEnd += 1
            }
            guard offset == words.count - 1, let second = tokens.at(joinedEnd), second.isWord,
                let kind = InquiryWordMatcher.match(token.lower + second.lower, word), kind >= .inflected
            else { return nil }
            weakest = min(weakest, kind)
            cursor = joinedEnd + 1
        }
        return (cursor - 1, weakest)
    }

    private func isNegated(_ mention: Mention) -> Bool {
        if Self.notProducts.contains(tokens[mention.first].lower) { return true }
        var cursor = mention.first - 1
        var seen = 0
        while cursor >= 0, seen < 3 {
            let token = tokens[cursor]
            if token.isBreak || token.isSymbol(".,;!?:") { break }
            if token.isWord {
                if Self.negations.contains(token.lower) { return true }
                // "vårt tält blåste sönder": the customer's own.
                if seen == 0, Self.possessives.contains(token.lower) { return true }
                seen += 1
            }
            cursor -= 1
        }
        cursor = mention.last + 1
        seen = 0
        while cursor < tokens.count, seen < 4 {
            let token = tokens[cursor]
            if token.isBreak || token.isSymbol(".,;!?") { break }
            if token.isWord {
                if ["inte", "ej", "själva", "already", "not"].contains(token.lower) { return true }
                seen += 1
            }
            cursor += 1
        }
        return false
    }

    // MARK: - Quantity, size, need

    private struct Quantity {
        var value: Int
        var certainty: Double
        var first: Int
        var last: Int
    }

    private func quantityBefore(_ mention: Mention, sizeTokens: ClosedRange<Int>?) -> Quantity? {
        var cursor = mention.first - 1
        var skipped = 0
        while cursor >= 0, skipped <= 3 {
            let token = tokens[cursor]
            if let sizeTokens, sizeTokens.contains(cursor) {
                cursor -= 1
                continue
            }
            if token.isBreak || token.isSymbol(",.;:!?()+&/") { return nil }
            if token.isNumber {
                guard let value = token.number, token.text.count <= 5 else { return nil }
                if let previous = tokens.at(cursor - 1), previous.isSymbol("-/.:"), !token.spaceBefore { return nil }
                if let previous = tokens.at(cursor - 1), ["kl", "klockan"].contains(previous.lower) { return nil }
                return Quantity(value: value, certainty: 1, first: cursor, last: cursor)
            }
            guard token.isWord else {
                if token.isSymbol("-–") { return nil }
                cursor -= 1
                continue
            }
            // A number in words ending here ("ett par", "a couple of", "två dussin").
            for start in max(0, cursor - 3)...cursor {
                guard let reading = InquiryNumbers.read(tokens, at: start), reading.last == cursor else { continue }
                return Quantity(
                    value: reading.value, certainty: reading.vague ? 0.5 : 0.9, first: start, last: cursor)
            }
            if ["a", "an", "one"].contains(token.lower) {
                return Quantity(value: 1, certainty: 0.9, first: cursor, last: cursor)
            }
            if Self.skippable.contains(token.lower) {
                cursor -= 1
                continue
            }
            if Self.clauseWords.contains(token.lower) || InquiryGuestRules.guestNouns.contains(token.lower)
                || InquiryDateGrammar.months[token.lower] != nil || Self.needMarkers.contains(token.lower)
            {
                return nil
            }
            if !Self.skippable.contains(token.lower) { skipped += 1 }
            cursor -= 1
        }
        return nil
    }

    private func quantityAfter(_ last: Int, nextStart: Int) -> Quantity? {
        var cursor = last + 1
        while let token = tokens.at(cursor),
            token.isSymbol(":-–(") || ["x", "á", "à", "ca", "cirka", "antal"].contains(token.lower)
        {
            cursor += 1
        }
        guard cursor < nextStart, let token = tokens.at(cursor), let reading = InquiryNumbers.read(tokens, at: cursor),
            token.isNumber || (reading.inWords && !["en", "ett", "a", "an"].contains(token.lower))
        else { return nil }
        var end = reading.last
        if let unit = tokens.at(end + 1), ["st", "stycken", "pcs", "x", "styck", "pieces"].contains(unit.lower) {
            end += 1
        }
        if let after = tokens.at(end + 1) {
            if InquiryGuestRules.guestNouns.contains(after.lower) && !["st", "stycken"].contains(after.lower) {
                return nil
            }
            if InquiryDateGrammar.months[after.lower] != nil || after.isSymbol("/.:%")
                || ["m", "meter", "kvm", "kr", "sek", "cm", "juni", "x", "×"].contains(after.lower)
            {
                return nil
            }
        }
        // "tält 10 stolar": the number belongs to the next mention.
        if nextStart == end + 1, nextStart < tokens.count { return nil }
        return Quantity(value: reading.value, certainty: reading.inWords ? 0.9 : 1, first: cursor, last: end)
    }

    /// A size written next to the mention, within two tokens either side.
    private func size(near mention: Mention) -> (InquiryCatalogueIndex.Size, ClosedRange<Int>)? {
        let sizes = InquiryCatalogueIndex.sizes(in: tokens)
        return sizes.first { found in
            let before = found.tokens.upperBound < mention.first && mention.first - found.tokens.upperBound <= 2
            let after = found.tokens.lowerBound > mention.last && found.tokens.lowerBound - mention.last <= 3
            guard before || after else { return false }
            let between =
                before ? (found.tokens.upperBound + 1)..<mention.first : (mention.last + 1)..<found.tokens.lowerBound
            return between.allSatisfy { !tokens[$0].isBreak && !tokens[$0].isSymbol(",.;") }
        }
    }

    /// "för 100 personer", "till alla", "for everyone": the persons to serve and the last token.
    private func need(after last: Int) -> (Int, Int)? {
        var cursor = last + 1
        var seen = 0
        while let token = tokens.at(cursor), seen < 5, !token.isBreak, !token.isSymbol(".;!?") {
            defer { cursor += 1 }
            guard token.isWord else { continue }
            seen += 1
            guard Self.needMarkers.contains(token.lower) else { continue }
            var next = cursor + 1
            if ["ca", "cirka", "about", "around", "runt", "ungefär"].contains(tokens.at(next)?.lower ?? "") {
                next += 1
            }
            if let word = tokens.at(next), Self.everyone.contains(word.lower), let guests {
                var end = next
                if let noun = tokens.at(next + 1),
                    InquiryGuestRules.guestNouns.contains(noun.lower) || noun.lower == "the"
                {
                    end += noun.lower == "the" ? 2 : 1
                }
                return (guests, end)
            }
            if let reading = InquiryNumbers.read(tokens, at: next), let noun = tokens.at(reading.last + 1),
                InquiryGuestRules.guestNouns.contains(noun.lower) || ["sittande", "seated"].contains(noun.lower)
            {
                return (reading.value, reading.last + 1)
            }
        }
        return nil
    }

    // MARK: - One line

    private func resolve(_ mention: Mention, nextStart: Int) -> (Int, InquiryExtraction.Line, Bool)? {
        let items = index.items
        // A size belongs to products: "tält 6x12 med montering" does not size the mounting.
        let written = mention.best.allSatisfy { index.items[$0].isAddon } ? nil : size(near: mention)
        var candidates = mention.best
        var choiceCertainty = 1.0
        let quantity =
            quantityBefore(mention, sizeTokens: written?.1)
            ?? quantityAfter(max(mention.last, written.map { $0.1.upperBound } ?? mention.last), nextStart: nextStart)
        var area: Int?
        if let (size, _) = written {
            let sized = mention.broad.filter { index.sizes[$0] == size }
            if !sized.isEmpty {
                candidates = sized
            } else if let tiled = candidates.first(where: { isTiled($0, by: size) }) {
                // "dansgolv 5x5 m" is 25 tiles of 1×1, "scen 6x4" twelve 2×1 podiums.
                candidates = [tiled]
                area = Int((Double(size.area) / Double(index.sizes[tiled]?.area ?? 1)).rounded(.up))
            }
        }
        let needed = need(after: max(mention.last, written.map { $0.1.upperBound } ?? mention.last))
        var inferredQuantity: Int?
        var quantityCertainty = quantity?.certainty ?? 0.6
        if let (persons, _) = needed {
            let served = candidates.filter { (items[$0].capacity ?? 0) > 0 }
            let capacities = Set(served.compactMap { items[$0].capacity })
            if capacities.count > 1 || (capacities.count == 1 && served.count > 1) {
                let per = max(1, persons / max(1, quantity?.value ?? 1))
                if let fit = pick(fitting: per, in: served) ?? pick(fitting: per, in: mention.broad) {
                    candidates = [fit]
                    choiceCertainty = 0.85
                } else if let largest = served.max(by: { (items[$0].capacity ?? 0) < (items[$1].capacity ?? 0) }) {
                    candidates = [largest]
                    inferredQuantity = Int((Double(persons) / Double(items[largest].capacity ?? 1)).rounded(.up))
                }
            } else if let only = served.first, served.count == 1, (items[only].capacity ?? 0) < persons {
                if let fit = pick(fitting: persons, in: mention.broad), items[fit].capacity != 1 {
                    candidates = [fit]
                    choiceCertainty = 0.85
                } else {
                    candidates = [only]
                    inferredQuantity = Int((Double(persons) / Double(items[only].capacity ?? 1)).rounded(.up))
                    quantityCertainty = 0.85
                }
            }
        }
        if candidates.count > 1 {
            let served = candidates.filter { (items[$0].capacity ?? 0) > 1 }
            if let guests, !served.isEmpty,
                let fit = pick(fitting: max(1, guests / max(1, quantity?.value ?? 1)), in: served)
            {
                candidates = [fit]
                choiceCertainty = 0.7
            } else if let city,
                let local = candidates.first(where: { items[$0].name.lowercased().contains(city.lowercased()) })
            {
                candidates = [local]
                choiceCertainty = 0.8
            } else {
                choiceCertainty = 0.5
            }
        }
        guard let item = candidates.first else { return nil }
        let catalogueItem = items[item]
        if let area, let written = quantity, written.value == 1 {
            // "1 dance floor 5x5": one floor of 25 tiles.
            inferredQuantity = area
            quantityCertainty = written.certainty
        } else if quantity == nil {
            if let area {
                inferredQuantity = area
                quantityCertainty = 0.9
            } else if inferredQuantity == nil, needed == nil, written == nil, let guests, !catalogueItem.isAddon,
                let capacity = catalogueItem.capacity, capacity < guests, capacity <= 10,
                mention.plural || capacity > 1
            {
                inferredQuantity = Int((Double(guests) / Double(capacity)).rounded(.up))
                quantityCertainty = 0.6
            }
        }
        let value = (quantity?.value == 1 && area != nil ? nil : quantity?.value) ?? inferredQuantity ?? 1
        guard (1...10_000).contains(value) else { return nil }
        let sourceFirst = min(mention.first, quantity?.first ?? mention.first, written?.1.lowerBound ?? mention.first)
        let sourceLast = max(
            mention.last, quantity?.last ?? mention.last, written?.1.upperBound ?? mention.last, needed?.1 ?? 0)
        let confidence = mention.kind.confidence * quantityCertainty * choiceCertainty
        let line = InquiryExtraction.Line(
            item: catalogueItem, quantity: value, confidence: (confidence * 100).rounded() / 100,
            source: tokens.snippet(sourceFirst, sourceLast))
        return (item, line, quantity != nil)
    }

    /// Sold per m², or a tile smaller than the size written (and not a tent, which serves people).
    private func isTiled(_ item: Int, by size: InquiryCatalogueIndex.Size) -> Bool {
        if index.perSquareMetre[item] { return true }
        guard let tile = index.sizes[item], index.items[item].capacity == nil else { return false }
        return tile.area < size.area
    }

    /// The item that serves at least `persons` with the smallest capacity.
    private func pick(fitting persons: Int, in pool: [Int]) -> Int? {
        pool.filter { (index.items[$0].capacity ?? 0) >= persons }
            .min { (index.items[$0].capacity ?? 0) < (index.items[$1].capacity ?? 0) }
    }

    private typealias Entry = (item: Int, line: InquiryExtraction.Line, explicit: Bool)

    /// "tält 6x12 med golv": an item sold per m² without a quantity covers the sized tents' area.
    private func coverTents(_ lines: [Entry]) -> [Entry] {
        let tentArea = lines.reduce(0) { total, entry in
            guard let size = index.sizes[entry.item], index.items[entry.item].capacity != nil else { return total }
            return total + size.area * entry.line.quantity
        }
        return lines.map { entry in
            var line = entry.line
            if index.perSquareMetre[entry.item], !entry.explicit, line.quantity == 1, tentArea > 0 {
                line.quantity = tentArea
            }
            return (entry.item, line, entry.explicit)
        }
    }

    /// "Montering tält per tält": as many as the lines that are tents.
    private func countPerAddons(_ lines: [Entry]) -> [InquiryExtraction.Line] {
        lines.map { entry in
            var line = entry.line
            let name = index.items[entry.item].name.lowercased()
            guard line.addonId != nil, !entry.explicit,
                let range = name.range(of: " per "), let word = name[range.upperBound...].split(separator: " ").first
            else { return line }
            let counted = lines.filter { other in
                other.line.addonId == nil
                    && InquiryTokens(
                        index.items[other.item].name + " " + index.items[other.item].synonyms.joined(separator: " ")
                    )
                    .tokens.contains {
                        $0.isWord && InquiryWordMatcher.match($0.lower, String(word)).map { $0 >= .compound } ?? false
                    }
            }.reduce(0) { $0 + $1.line.quantity }
            if counted > 0 { line.quantity = counted }
            return line
        }
    }
}
