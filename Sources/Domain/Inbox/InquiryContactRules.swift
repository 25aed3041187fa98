import Foundation

/// Who wrote an inquiry: name, email, phone, company and organisation number, read from the
/// signature, the closing line, the body and the sender.
///
/// - Name: the forwarded header's name, else the closing line ("Mvh Anna Svensson", "/Anna"), else
///   the first line of the signature that looks like a name, else the From display name (which
///   also completes a first name alone: "/Anna" from "Anna Svensson <…>").
/// - Email: the forwarded header's address, else the From address, else one written in the text.
/// - Phone: Swedish numbers (`070-123 45 67`, `0701234567`, `+46 70 123 45 67`, `031-12 34 56`,
///   `08-123 456 78`) kept as written with single spaces; one labelled (tel, mobil, phone) or in
///   the signature first.
/// - Company: a signature line with a company form (AB, HB, Ltd, förening, kommun, …), or "från X
///   AB", "på X AB", "on behalf of X", or a From display name that is a company.
/// - Organisation number: `NNNNNN-NNNN` whose check digit is right (``SwedishRegistration``).
enum InquiryContactRules {
    struct Found: Sendable {
        var value: String
        var confidence: Double
        var source: String
    }

    static let companyForms: Set<String> = [
        "ab", "hb", "kb", "aktiebolag", "handelsbolag", "ltd", "limited", "inc", "llc", "plc", "gmbh", "oy", "as",
        "asa", "aps", "bv", "brf", "if", "ik", "bk", "ff", "sk", "ifk",
    ]
    static let companyWordEndings: [String] = [
        "förening", "föreningen", "kommun", "församling", "sällskap", "sällskapet", "klubb", "klubben",
        "stiftelsen", "stiftelse", "bolag", "bolaget", "kåren", "nation", "skola", "skolan", "gymnasium",
        "gymnasiet", "association", "society", "club", "council", "university", "school", "foundation",
    ]
    private static let titleWords: Set<String> = [
        "vd", "ceo", "projektledare", "eventansvarig", "koordinator", "ordförande", "sekreterare", "kassör",
        "manager", "coordinator", "assistant", "marknadschef", "ekonomi", "kontor", "office", "tel", "mobil",
        "telefon", "phone", "mob", "e-post", "email", "mail", "www", "skickat", "sent", "från", "from",
    ]
    private static let nameParticles: Set<String> = ["von", "van", "af", "de", "la", "der", "af"]

    // MARK: - Names

    /// Two to four capitalised words of letters (or one, for "/Anna"), no digits, no company form.
    static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...4).contains(words.count), text.count <= 40 else { return false }
        for word in words {
            let lower = word.lowercased()
            if nameParticles.contains(lower) { continue }
            guard let first = word.first, first.isUppercase,
                word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "." }),
                !companyForms.contains(lower), !titleWords.contains(lower),
                !InquiryDateGrammar.weekdays.keys.contains(lower), !InquiryDateGrammar.months.keys.contains(lower)
            else { return false }
        }
        return !companyWordEndings.contains { text.lowercased().hasSuffix($0) }
    }

    /// `Anna Svensson <anna@example.se>`, `"Svensson, Anna" <…>`, `anna@example.se`.
    static func splitMailbox(_ value: String) -> (name: String?, address: String?) {
        if let open = value.lastIndex(of: "<"), let close = value.lastIndex(of: ">"), open < close {
            let address = String(value[value.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
            let name = value[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            return (name.isEmpty ? nil : name, isEmail(address) ? address : nil)
        }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if isEmail(trimmed) { return (nil, trimmed) }
        if let found = emails(in: trimmed).first { return (nil, found) }
        return (trimmed.isEmpty ? nil : trimmed, nil)
    }

    /// "Svensson, Anna" as "Anna Svensson"; nil for addresses and company names.
    static func personName(fromDisplayName display: String?) -> String? {
        guard var name = display?.trimmingCharacters(in: CharacterSet(charactersIn: " \"'")), !name.isEmpty,
            !name.contains("@")
        else { return nil }
        let parts = name.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, !parts[0].contains(" ") { name = "\(parts[1]) \(parts[0])" }
        return looksLikeName(name) ? name : nil
    }

    static func name(parts: InquiryMessageParts, input: InquiryInput) -> Found? {
        let display = personName(fromDisplayName: input.fromName)
        if let forwarded = personName(fromDisplayName: parts.forwardedName) {
            return Found(value: forwarded, confidence: 0.85, source: parts.forwardedName ?? forwarded)
        }
        var candidate: (String, Double)?
        if let closing = parts.closingName {
            candidate = (closing, 0.85)
        } else if let line = parts.signature.split(separator: "\n").lazy.map({
            String($0.split(separator: ",").first ?? "").trimmingCharacters(in: CharacterSet(charactersIn: " /"))
        }).first(where: { !$0.isEmpty && !InquiryMessageParts.isClosing($0) && looksLikeName($0) }) {
            candidate = (line, 0.85)
        }
        if let labelled = labelledField(["namn", "name", "kontaktperson", "contact"], in: parts.body),
            looksLikeName(labelled)
        {
            return Found(value: labelled, confidence: 0.9, source: labelled)
        }
        if let (name, confidence) = candidate {
            if !name.contains(" ") {
                // A first name alone (or initials, "KJ"): the sender's full name when it fits.
                if let display, Self.fits(name, display) {
                    return Found(value: display, confidence: 0.85, source: name)
                }
                return Found(value: name, confidence: 0.55, source: name)
            }
            return Found(value: name, confidence: display == name ? 0.95 : confidence, source: name)
        }
        if let introduced = introducedName(parts.body) {
            return Found(value: introduced, confidence: 0.75, source: introduced)
        }
        if let display, !(input.fromAddress.map(isNoReply) ?? false) {
            return Found(value: display, confidence: 0.75, source: input.fromName ?? display)
        }
        return nil
    }

    /// "Dan" fits "Daniel Brooks", "KJ" fits "Karl-Johan Svärd".
    private static func fits(_ short: String, _ display: String) -> Bool {
        let lower = short.lowercased()
        let first = display.split(separator: " ").first.map { $0.lowercased() } ?? ""
        if first.hasPrefix(lower) { return true }
        let initials = String(display.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap(\.first))
            .lowercased()
        return short.count <= 3 && short == short.uppercased() && initials.hasPrefix(lower)
    }

    /// A form field's value in the body: "Namn: Anna Svensson", "E-post: anna@example.se".
    static func labelledField(_ labels: [String], in body: String) -> String? {
        for line in body.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let label = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard labels.contains(label) else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// "Jag heter Anna Svensson", "My name is Anna Svensson".
    private static func introducedName(_ text: String) -> String? {
        for marker in ["jag heter ", "my name is ", "mitt namn är ", "this is "] {
            guard let range = text.range(of: marker, options: .caseInsensitive) else { continue }
            let words = text[range.upperBound...].split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(3)
            var taken: [Substring] = []
            for word in words {
                let clean = word.trimmingCharacters(in: CharacterSet(charactersIn: ",.!"))
                guard looksLikeName(clean) else { break }
                taken.append(Substring(clean))
                if word.last == "," || word.last == "." { break }
            }
            if !taken.isEmpty { return taken.joined(separator: " ") }
        }
        return nil
    }

    // MARK: - Email

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, text.count <= 254 else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), (labels.last?.count ?? 0) >= 2 else {
            return false
        }
        let local = parts[0].allSatisfy { $0.isLetter || $0.isNumber || "._%+-'".contains($0) }
        let host = domain.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        return local && host && !text.contains(" ")
    }

    /// A form or system sender, never the customer.
    static func isNoReply(_ address: String) -> Bool {
        let local = address.lowercased().split(separator: "@").first ?? ""
        return [
            "noreply", "no-reply", "donotreply", "do-not-reply", "wordpress", "formular", "mailer-daemon", "postmaster",
        ]
        .contains { local.contains($0) }
    }

    static func emails(in text: String) -> [String] {
        let characters = Array(text)
        var found: [String] = []
        for (index, character) in characters.enumerated() where character == "@" {
            var start = index
            while start > 0,
                characters[start - 1].isLetter || characters[start - 1].isNumber
                    || "._%+-".contains(characters[start - 1])
            {
                start -= 1
            }
            var end = index + 1
            while end < characters.count,
                characters[end].isLetter || characters[end].isNumber
                    || ".-".contains(characters[end])
            {
                end += 1
            }
            var candidate = String(characters[start..<end])
            while let last = candidate.last, last == "." || last == "-" { candidate.removeLast() }
            if isEmail(candidate) { found.append(candidate) }
        }
        return found
    }

    static func email(parts: InquiryMessageParts, input: InquiryInput) -> Found? {
        if let forwarded = parts.forwardedAddress { return Found(value: forwarded, confidence: 0.9, source: forwarded) }
        if let labelled = labelledField(["e-post", "epost", "email", "e-mail", "mejl", "mail"], in: parts.body),
            isEmail(labelled)
        {
            return Found(value: labelled, confidence: 0.9, source: labelled)
        }
        if let from = input.fromAddress?.trimmingCharacters(in: .whitespaces), isEmail(from), !isNoReply(from) {
            return Found(value: from, confidence: 0.95, source: from)
        }
        if let written = emails(in: parts.body + "\n" + parts.signature).first {
            return Found(value: written, confidence: 0.8, source: written)
        }
        return nil
    }

    // MARK: - Phone

    /// Swedish phone numbers in `text`, each as written with single spaces.
    static func phones(in text: String) -> [(value: String, labelled: Bool)] {
        let characters = Array(text)
        var found: [(String, Bool)] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let boundary =
                index == 0
                || !(characters[index - 1].isLetter || characters[index - 1].isNumber
                    || characters[index - 1] == "-" || characters[index - 1] == "/")
            guard boundary, character == "+" || character == "0" || character == "(" else {
                index += 1
                continue
            }
            var end = index
            var digits = 0
            var international = false
            var foreign = false
            if character == "+" {
                guard index + 2 < characters.count, characters[index + 1].isNumber, characters[index + 1] != "0" else {
                    index += 1
                    continue
                }
                international = true
                foreign = !(characters[index + 1] == "4" && characters[index + 2] == "6")
            }
            var lastDigitEnd = index
            var groupStart = index
            var digitsAtGroupStart = 0
            while end < characters.count {
                let current = characters[end]
                if current.isASCII, current.isNumber {
                    if groupStart < end, !(characters[end - 1].isASCII && characters[end - 1].isNumber) {
                        groupStart = end
                        digitsAtGroupStart = digits
                    }
                    digits += 1
                    lastDigitEnd = end + 1
                } else if current == " " || current == "-" || current == "(" || current == ")" || current == "+" {
                    if current == "+" && end != index { break }
                } else {
                    break
                }
                end += 1
                let limit = foreign ? 14 : international ? 12 : 10
                if digits > limit {
                    digits = digitsAtGroupStart
                    lastDigitEnd = groupStart
                    break
                }
            }
            // A following digit run that would not fit ends the number before it.
            let written = String(characters[index..<lastDigitEnd])
            let compact = written.filter { $0.isASCII && $0.isNumber }
            let national = international ? "0" + compact.dropFirst(2).drop { $0 == "0" } : compact
            let swedish =
                national.count >= 8 && national.count <= 10 && national.hasPrefix("0") && !national.hasPrefix("00")
                && !(national.hasPrefix("07") && national.count != 10)
            let valid = foreign ? (9...14).contains(compact.count) : swedish
            if valid, !written.contains("--") {
                let before = String(characters[max(0, index - 16)..<index]).lowercased()
                let labelled = ["tel", "mobil", "mob", "phone", "ring", "nå mig", "nummer", "cell"].contains {
                    before.contains($0)
                }
                found.append((written.collapsingWhitespace, labelled))
                index = lastDigitEnd
            } else {
                index += 1
            }
        }
        return found
    }

    static func phone(parts: InquiryMessageParts) -> Found? {
        let signature = phones(in: parts.signature)
        let body = phones(in: parts.body)
        if let labelled = (signature + body).first(where: \.labelled) {
            return Found(value: labelled.value, confidence: 0.9, source: labelled.value)
        }
        if let first = signature.first ?? body.first {
            return Found(value: first.value, confidence: 0.85, source: first.value)
        }
        return nil
    }

    // MARK: - Organisation number

    static func organisationNumber(in text: String) -> Found? {
        let characters = Array(text)
        var index = 0
        while index + 10 <= characters.count {
            guard characters[index].isASCII, characters[index].isNumber, characters[index] != "0",
                index == 0
                    || !(characters[index - 1].isNumber || characters[index - 1] == "-" || characters[index - 1] == "+")
            else {
                index += 1
                continue
            }
            var end = index
            var digits = ""
            while end < characters.count, digits.count < 10 {
                let current = characters[end]
                if current.isASCII, current.isNumber {
                    digits.append(current)
                } else if !(digits.count == 6 && (current == "-" || current == " ")) {
                    break
                }
                end += 1
            }
            let followedByDigit = end < characters.count && characters[end].isNumber
            if digits.count == 10, !followedByDigit,
                SwedishRegistration.isValidOrganisationNumber(digits)
            {
                let value = "\(digits.prefix(6))-\(digits.suffix(4))"
                let before = String(characters[max(0, index - 24)..<index]).lowercased()
                let labelled = ["org", "organisation", "company", "reg", "nr"].contains { before.contains($0) }
                return Found(value: value, confidence: labelled ? 0.95 : 0.85, source: String(characters[index..<end]))
            }
            index += 1
        }
        return nil
    }

    // MARK: - Company

    /// The company part of a line: its segment (split at `|`, `,`, `·`, ` – `) with a company form.
    static func company(inLine line: String) -> String? {
        let segments = line.components(separatedBy: CharacterSet(charactersIn: "|,·•")).flatMap {
            $0.components(separatedBy: " – ")
        }
        for segment in segments {
            var text = segment.trimmingCharacters(in: .whitespaces)
            if let colon = text.firstIndex(of: ":"), text[..<colon].split(separator: " ").count <= 2 {
                let label = text[..<colon].lowercased()
                if ["företag", "company", "organisation", "förening", "firma"].contains(label) {
                    text = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    if !text.isEmpty, text.first?.isUppercase == true { return text }
                }
            }
            let words = text.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".()")) }
            guard (1...7).contains(words.count), text.count <= 60,
                text.first?.isUppercase == true || text.first?.isNumber == true,
                !text.contains("@"), !text.lowercased().hasPrefix("org")
            else { continue }
            let hasForm = words.contains { word in
                companyForms.contains(word.lowercased())
                    && (word.uppercased() == word || (word.count > 2 && word.first?.isUppercase == true))
            }
            let hasEnding = words.contains { word in companyWordEndings.contains { word.lowercased().hasSuffix($0) } }
            if hasForm || hasEnding { return text }
        }
        return nil
    }

    static func company(parts: InquiryMessageParts, input: InquiryInput) -> Found? {
        let labels = ["företag", "company", "organisation", "förening", "firma", "företagsnamn"]
        if let labelled = labelledField(labels, in: parts.body) {
            return Found(value: labelled, confidence: 0.9, source: labelled)
        }
        for line in parts.signature.split(separator: "\n") {
            if let found = company(inLine: String(line)) {
                return Found(value: found, confidence: 0.9, source: String(line))
            }
        }
        if let found = companyInBody(parts.body) { return found }
        for display in [parts.forwardedName, input.fromName].compactMap({ $0 }) {
            if let found = company(inLine: display) { return Found(value: found, confidence: 0.75, source: display) }
        }
        return nil
    }

    /// "från X AB", "på X AB", "on behalf of X", "jag representerar X".
    private static func companyInBody(_ body: String) -> Found? {
        let markers: [(String, Bool)] = [
            ("on behalf of ", false), ("på uppdrag av ", false), ("representerar ", false), ("representing ", false),
            ("från ", true), ("på ", true), ("at ", true), ("from ", true), ("för ", true), ("for ", true),
        ]
        for rawLine in body.split(separator: "\n") {
            let line = String(rawLine)
            for (marker, needsForm) in markers {
                var searchStart = line.startIndex
                while let range = line.range(of: marker, options: .caseInsensitive, range: searchStart..<line.endIndex)
                {
                    searchStart = range.upperBound
                    if range.lowerBound > line.startIndex, line[line.index(before: range.lowerBound)].isLetter {
                        continue
                    }
                    var taken: [String] = []
                    for word in line[range.upperBound...].split(separator: " ").prefix(7) {
                        let clean = word.trimmingCharacters(in: CharacterSet(charactersIn: ",.!?:;()"))
                        guard let first = clean.first,
                            first.isUppercase || first.isNumber || clean == "&" || clean == "och"
                        else { break }
                        taken.append(clean)
                        if word.last.map({ ",.!?:;)".contains($0) }) ?? false { break }
                    }
                    while let last = taken.last, last == "&" || last == "och" { taken.removeLast() }
                    guard !taken.isEmpty else { continue }
                    let candidate = taken.joined(separator: " ")
                    if !needsForm, taken.count <= 6 {
                        return Found(
                            value: company(inLine: candidate) ?? candidate, confidence: 0.7,
                            source: line.collapsingWhitespace)
                    }
                    if let found = company(inLine: candidate) {
                        return Found(value: found, confidence: 0.8, source: line.collapsingWhitespace)
                    }
                }
            }
        }
        return nil
    }
}
