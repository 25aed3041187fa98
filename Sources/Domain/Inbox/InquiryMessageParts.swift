import Foundation

/// An email's new text cut into what the extractor reads: the body (what the customer asks for),
/// the signature (who they are) and, for a forwarded inquiry, the original sender.
///
/// The MIME parser already separates quoted history and the signature; this does it again for
/// text it left in, because one quoted offer must never become quotation lines:
/// - quoted history starts at a `>` line, "Den … skrev:", "On … wrote:", "-----Original
///   Message-----" or a "Från:/From:" line followed by "Skickat:/Sent:/Date:";
/// - a forwarded inquiry ("---------- Forwarded message ---------", "Vidarebefordrat meddelande",
///   "Begin forwarded message:", or an Outlook header block under a Fw:/VB: subject) is read from
///   its own header (the customer) and body; the forwarder's note above it is left out;
/// - the signature starts at "-- ", at a closing phrase ("Mvh", "Med vänliga hälsningar", "Best
///   regards", "Thanks,") or at a "/Anna" line, in the last lines of the text.
struct InquiryMessageParts: Sendable {
    var body: String
    var signature: String
    /// The name on the closing line ("Mvh Anna Svensson", "/Anna"), when there is one.
    var closingName: String?
    var forwardedName: String?
    var forwardedAddress: String?

    static let closings: [String] = [
        "mvh", "m.v.h", "med vänlig hälsning", "med vänliga hälsningar", "vänliga hälsningar", "vänlig hälsning",
        "hälsningar", "hälsning", "hälsn", "vh", "bästa hälsningar", "varma hälsningar", "tack på förhand",
        "tack på förhand och vänliga hälsningar", "tack", "tack!", "tack så mycket", "ha det bra", "allt gott",
        "kram", "best regards", "kind regards", "regards", "best", "best wishes", "many thanks", "thanks",
        "thank you", "thanks in advance", "cheers", "sincerely", "yours sincerely", "warm regards", "all the best",
        "hälsar", "ses", "//", "merci", "tack och hej", "vänligen",
    ]

    init(_ input: InquiryInput) {
        var lines = input.text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        let subject = input.subject.lowercased()
        let forwardSubject = ["fw:", "fwd:", "vb:", "vs:", "tr:"].contains { subject.hasPrefix($0) }
        if let (headerName, headerAddress, bodyStart) = Self.forwardedHeader(lines, subjectSaysForward: forwardSubject)
        {
            forwardedName = headerName
            forwardedAddress = headerAddress
            lines = Array(lines[bodyStart...])
        }
        lines = Self.withoutQuotedHistory(lines)
        var signatureLines: [String] = []
        if let cut = Self.signatureStart(lines) {
            let closing = lines[cut].trimmingCharacters(in: .whitespaces)
            closingName = Self.nameOnClosingLine(closing)
            signatureLines = Array(lines[(cut + 1)...])
            if !Self.isClosing(closing), !closing.hasPrefix("--") { signatureLines.insert(closing, at: 0) }
            lines = Array(lines[..<cut])
        }
        body = lines.joined(separator: "\n")
        let extra = input.signature.trimmingCharacters(in: .whitespacesAndNewlines)
        signature = (signatureLines + (extra.isEmpty ? [] : [extra])).joined(separator: "\n")
    }

    // MARK: - Forwards

    private static func forwardedHeader(
        _ lines: [String], subjectSaysForward: Bool
    ) -> (name: String?, address: String?, bodyStart: Int)? {
        for (index, line) in lines.enumerated() {
            let lower = line.lowercased().trimmingCharacters(in: .whitespaces)
            let marker =
                lower.contains("forwarded message") || lower.contains("vidarebefordrat meddelande")
                || lower.contains("begin forwarded message") || lower.contains("vidarebefordrat brev")
                || lower.contains("videresendt melding")
                || (subjectSaysForward
                    && (lower.hasPrefix("-----original message") || lower.hasPrefix("-----ursprungligt meddelande")
                        || lower.hasPrefix("________________")))
            let outlookBlock = subjectSaysForward && (lower.hasPrefix("från:") || lower.hasPrefix("from:")) && index > 0
            guard marker || outlookBlock else { continue }
            var cursor = marker ? index + 1 : index
            var name: String?
            var address: String?
            var sawHeader = false
            while cursor < lines.count {
                let header = lines[cursor].trimmingCharacters(in: .whitespaces)
                if header.isEmpty {
                    if sawHeader { break }
                    cursor += 1
                    continue
                }
                guard let colon = header.firstIndex(of: ":"), header.distance(from: header.startIndex, to: colon) < 14
                else {
                    break
                }
                sawHeader = true
                let key = header[..<colon].lowercased()
                let value = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if ["from", "från", "fra", "von"].contains(key) {
                    (name, address) = InquiryContactRules.splitMailbox(value)
                }
                cursor += 1
            }
            guard sawHeader else { continue }
            return (name, address, min(cursor, lines.count))
        }
        return nil
    }

    // MARK: - Quoted history

    private static func withoutQuotedHistory(_ lines: [String]) -> [String] {
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let lower = trimmed.lowercased()
            if trimmed.hasPrefix(">") { return Array(lines[..<index]) }
            if lower.hasPrefix("-----original message") || lower.hasPrefix("-----ursprungligt meddelande")
                || lower.hasPrefix("-----originalmeddelande")
            {
                return Array(lines[..<index])
            }
            let next = index + 1 < lines.count ? lines[index + 1].lowercased() : ""
            if (lower.hasPrefix("den ") || lower.hasPrefix("on ") || lower.hasPrefix("am "))
                && (lower.hasSuffix("skrev:") || lower.hasSuffix("wrote:") || next.hasSuffix("skrev:")
                    || next.hasSuffix("wrote:") || lower.contains(" skrev ") && lower.hasSuffix(":"))
            {
                return Array(lines[..<index])
            }
            if lower.hasPrefix("från:") || lower.hasPrefix("from:") {
                let following = lines[(index + 1)..<min(lines.count, index + 5)].map { $0.lowercased() }
                if following.contains(where: {
                    $0.hasPrefix("skickat:") || $0.hasPrefix("sent:") || $0.hasPrefix("datum:") || $0.hasPrefix("date:")
                }) {
                    return Array(lines[..<index])
                }
            }
        }
        return lines
    }

    // MARK: - Signature

    private static func signatureStart(_ lines: [String]) -> Int? {
        let last = lines.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? -1
        guard last >= 0 else { return nil }
        if let dashes = lines.firstIndex(where: { $0 == "-- " || $0 == "--" }) { return dashes }
        // A closing phrase within the last eight non-empty lines.
        var seen = 0
        var index = last
        var found: Int?
        while index >= 0, seen < 9 {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty {
                seen += 1
                if found == nil, isClosing(trimmed) || nameOnClosingLine(trimmed) != nil { found = index }
            }
            index -= 1
        }
        return found ?? trailingBlockStart(lines, last: last)
    }

    /// Without a closing phrase: the short lines at the end that start with a name ("Helena Ek",
    /// "Ekgården HB", "0514-123 45"), or a company line.
    private static func trailingBlockStart(_ lines: [String], last: Int) -> Int? {
        var index = last
        var start: Int?
        while index >= 0, last - index < 6 {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { break }
            guard trimmed.count <= 45, !trimmed.hasSuffix("."), !trimmed.hasSuffix("?"), !trimmed.hasSuffix("!"),
                !trimmed.hasSuffix(":")
            else { break }
            let head = String(trimmed.split(separator: ",").first ?? "")
            if InquiryContactRules.looksLikeName(head) || InquiryContactRules.company(inLine: trimmed) != nil {
                start = index
            }
            index -= 1
        }
        guard let start else { return nil }
        // The block's first line stays in the signature: it is no closing phrase.
        return start
    }

    static func isClosing(_ line: String) -> Bool {
        var lower = line.lowercased()
        while let end = lower.last, ",.!:;-".contains(end) || end == " " { lower.removeLast() }
        return closings.contains(lower)
    }

    /// "Mvh Anna Svensson", "Mvh /Anna", "Hälsningar, Anna", "/Anna", "// Anna Svensson".
    static func nameOnClosingLine(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("/") {
            let name = trimmed.drop { $0 == "/" }.trimmingCharacters(in: .whitespaces)
            return InquiryContactRules.looksLikeName(name) ? name : nil
        }
        let lower = trimmed.lowercased()
        for closing in closings.sorted(by: { $0.count > $1.count })
        where closing.count > 2
            && (lower.hasPrefix(closing + " ") || lower.hasPrefix(closing + ",") || lower.hasPrefix(closing + "!"))
        {
            var rest = trimmed.dropFirst(closing.count).trimmingCharacters(in: .whitespaces)
            while let first = rest.first, ",!/:-".contains(first) {
                rest = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            let head = String(rest.split(separator: ",").first ?? "").trimmingCharacters(in: .whitespaces)
            if InquiryContactRules.looksLikeName(head) { return head }
        }
        return nil
    }
}
