/// Splits the plain text of a received email into the sender's new text, the quoted history and
/// the sign-off, so an inquiry is read from what the customer wrote now.
///
/// Heuristic, tuned for Swedish and English mail clients (Outlook, Gmail, Apple Mail, phones):
/// - History: `>` lines (with the "On … wrote:" / "Den … skrev …:" line above them, when `>`
///   lines follow it), and everything from an Outlook header block ("From: … Sent: …",
///   "Från: … Skickat: …"), "-----Original Message-----" or a forward marker down.
/// - Text between and after `>` blocks (an answer written below or inside the quote) is new text.
/// - A forward with no text of its own above it keeps the forwarded message as new text: that
///   is what the sender wants read.
/// - Sign-off: a `-- ` line, or a closing phrase ("Med vänliga hälsningar", "Mvh Eva", "Best
///   regards", "Thanks,", "/Lisa") followed only by a short block of name, phone and company
///   lines, or a "Skickat från min iPhone" line at the end.
public enum ReplySplitter {
    public static func split(_ text: String) -> ReplyParts {
        var normalised = text.replacingAll("\r\n", with: "\n")
        normalised = normalised.replacingAll("\r", with: "\n")
        let lines = normalised.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var own: [String] = []
        var quoted: [String] = []
        var ownBeforeForward: [String] = []
        var index = 0
        while index < lines.count {
            if let length = attributionLength(lines, index) {
                var end = index + length
                while end < lines.count, isQuoted(lines[end]) || isBlank(lines[end]) { end += 1 }
                quoted += lines[index..<end]
                index = end
                continue
            }
            if isQuoted(lines[index]) {
                var end = index
                while end < lines.count, isQuoted(lines[end]) || isBlank(lines[end]) { end += 1 }
                quoted += lines[index..<end]
                index = end
                continue
            }
            if let blockEnd = historyBlockEnd(lines, index) {
                let ownEnd = signatureStart(own) ?? own.count
                guard own[..<ownEnd].allSatisfy(isBlank), ownBeforeForward.isEmpty else {
                    quoted += lines[index...]
                    break
                }
                // A forward: the forwarded message is the text of interest.
                ownBeforeForward = own.isEmpty ? [""] : own
                own = Array(lines[index..<blockEnd])
                index = blockEnd
                continue
            }
            own.append(lines[index])
            index += 1
        }
        var signature: [String] = []
        if let start = signatureStart(own) {
            signature = own[start...].filter { !isDelimiter($0) }
            own.removeSubrange(start...)
        } else if let start = signatureStart(ownBeforeForward) {
            signature = ownBeforeForward[start...].filter { !isDelimiter($0) }
        }
        return ReplyParts(newText: joined(own), quoted: joined(quoted), signature: joined(signature))
    }

    // MARK: - Quoted history

    private static func isQuoted(_ line: String) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.first == ">"
    }

    /// How many lines the attribution at `index` takes ("On … wrote:" may wrap once), when `>`
    /// lines follow it (after blank lines); nil otherwise.
    private static func attributionLength(_ lines: [String], _ index: Int) -> Int? {
        let first = trimmed(lines[index])
        var length: Int?
        if isAttribution(first) {
            length = 1
        } else if index + 1 < lines.count, ["on ", "den ", "am "].contains(where: first.lowercased().hasPrefix),
            isAttribution(first + " " + trimmed(lines[index + 1]))
        {
            length = 2
        }
        guard let length else { return nil }
        var next = index + length
        while next < lines.count, isBlank(lines[next]) { next += 1 }
        return next < lines.count && isQuoted(lines[next]) ? length : nil
    }

    private static func isAttribution(_ line: String) -> Bool {
        guard line.hasSuffix(":"), line.count <= 300 else { return false }
        let lower = line.lowercased()
        let dated = lower.contains(where: \.isNumber) || lower.contains("@")
        if lower.hasSuffix("wrote:") { return lower.hasPrefix("on ") || dated }
        return dated && (lower.contains(" skrev") || lower.contains(" schrieb") || lower.contains(" a écrit"))
    }

    /// Where the history block (its marker and header lines) starting at `index` ends, when a
    /// forward marker, "Original Message" line or Outlook header block starts there.
    private static func historyBlockEnd(_ lines: [String], _ index: Int) -> Int? {
        let line = trimmed(lines[index])
        let lower = line.lowercased()
        let bare = lower.trimmingCharacters(in: "-_ *")
        var headerStart: Int
        if markers.contains(bare) || colonMarkers.contains(lower) {
            headerStart = index + 1
        } else if line.count >= 10, line.allSatisfy({ $0 == "_" }), index + 1 < lines.count,
            outlookBlock(lines, index + 1) || (index + 2 < lines.count && outlookBlock(lines, index + 2))
        {
            headerStart = index + 1
        } else if outlookBlock(lines, index) {
            headerStart = index
        } else {
            return nil
        }
        while headerStart < lines.count, isBlank(lines[headerStart]) { headerStart += 1 }
        var end = headerStart
        while end < lines.count, end - headerStart < 12, headerName(lines[end]) != nil || lines[end].hasPrefix(" ") {
            end += 1
        }
        return end
    }

    /// Lines that start history, with dashes, underscores and stars around them removed.
    private static let markers: Set<String> = [
        "forwarded message", "forwarded message follows", "vidarebefordrat meddelande", "vidarebefordrat mejl",
        "original message", "ursprungligt meddelande", "originalmeddelande", "ursprungligt mejl",
        "weitergeleitete nachricht", "ursprüngliche nachricht", "message transféré", "message d'origine",
    ]

    /// Apple Mail's forward markers.
    private static let colonMarkers: Set<String> = [
        "begin forwarded message:", "början på vidarebefordrat brev:", "vidarebefordrat brev:",
        "vidarebefordrat meddelande:", "anfang der weitergeleiteten nachricht:",
    ]

    /// An Outlook header block: a From line and, within the next four lines, a Sent or Date line.
    private static func outlookBlock(_ lines: [String], _ index: Int) -> Bool {
        guard let name = headerName(lines[index]), ["from", "från", "von", "de", "fra"].contains(name) else {
            return false
        }
        for next in (index + 1)..<min(lines.count, index + 5) {
            if let name = headerName(lines[next]),
                ["sent", "skickat", "date", "datum", "gesendet", "envoyé", "sendt", "skickades"].contains(name)
            {
                return true
            }
        }
        return false
    }

    /// `from` for `From: …` or `*From:* …`: a short name of letters before a colon.
    private static func headerName(_ line: String) -> String? {
        let stripped = line.drop { $0 == "*" || $0 == " " }
        guard let colon = stripped.firstIndex(of: ":") else { return nil }
        let name = stripped[..<colon].filter { $0 != "*" }
        guard !name.isEmpty, name.count <= 30, name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }) else {
            return nil
        }
        return name.lowercased().trimmingCharacters(in: " ")
    }

    // MARK: - Sign-off

    private static let closings: Set<String> = [
        "med vänliga hälsningar", "med vänlig hälsning", "vänliga hälsningar", "vänlig hälsning",
        "bästa hälsningar", "varma hälsningar", "hälsningar", "hälsning", "mvh", "m.v.h", "vh", "allt gott",
        "ha det bra", "tack på förhand", "tack", "tackar", "stort tack", "tack och hälsningar", "best regards",
        "kind regards", "warm regards", "with kind regards", "kindest regards", "regards", "best", "best wishes",
        "thanks", "thank you", "thanks in advance", "many thanks", "cheers", "sincerely", "yours sincerely",
        "mit freundlichen grüßen", "viele grüße", "med venlig hilsen", "med vennlig hilsen",
    ]

    private static let mobileSignatures = [
        "skickat från ", "sent from ", "get outlook for", "hämta outlook för", "skickades från",
    ]

    /// Where the sign-off in `lines` starts: the earliest of a `-- ` line, a closing phrase
    /// followed by a short block, or a mobile signature among the last lines.
    private static func signatureStart(_ lines: [String]) -> Int? {
        for index in lines.indices {
            let line = trimmed(lines[index])
            if isDelimiter(lines[index]) { return index }
            if isClosing(line), shortBlock(lines, after: index) { return index }
            let lower = line.lowercased()
            if line.count <= 60, mobileSignatures.contains(where: lower.hasPrefix),
                lines[(index + 1)...].filter({ !isBlank($0) }).count <= 2
            {
                return index
            }
        }
        return nil
    }

    private static func isDelimiter(_ line: String) -> Bool { line == "-- " || line == "--" }

    private static func isClosing(_ line: String) -> Bool {
        var lower = line.lowercased()
        while let last = lower.last, ",.!:;- ".contains(last) { lower.removeLast() }
        if closings.contains(lower) { return true }
        let words = lower.split(separator: " ")
        // "/Lisa" and "/Lisa, 070-123 45 67", as Swedes sign.
        if lower.hasPrefix("/"), lower.dropFirst().first?.isLetter == true, words.count <= 6 { return true }
        // "Mvh Eva Åberg", "Hälsningar, Per".
        for phrase in closings where lower.hasPrefix(phrase + " ") || lower.hasPrefix(phrase + ",") {
            let rest = lower.dropFirst(phrase.count).split(separator: " ")
            if rest.count <= 4, !rest.joined().contains(where: \.isNumber) { return true }
        }
        return false
    }

    /// True when the lines after `index` (up to a `-- ` line) are few and short, like a name,
    /// a title, a company and a phone number, and not a paragraph or a question.
    private static func shortBlock(_ lines: [String], after index: Int) -> Bool {
        var count = 0
        for line in lines[(index + 1)...] {
            if isDelimiter(line) { return true }
            let text = trimmed(line)
            if text.isEmpty { continue }
            count += 1
            if count > 10 || text.count > 80 || text.split(separator: " ").count >= 10 || text.hasSuffix("?") {
                return false
            }
        }
        return true
    }

    // MARK: - Lines

    private static func isBlank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }

    private static func trimmed(_ line: String) -> String { line.trimmingCharacters(in: " \t") }

    /// The lines joined, without blank lines at either end or spaces at the ends of lines.
    private static func joined(_ lines: [String]) -> String {
        var kept = lines.map { line -> String in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" { line.removeLast() }
            return String(line)
        }
        while kept.first?.isEmpty == true { kept.removeFirst() }
        while kept.last?.isEmpty == true { kept.removeLast() }
        return kept.joined(separator: "\n")
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
