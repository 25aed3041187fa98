public import Foundation

/// How a received message finds its conversation, in order: its `In-Reply-To`/`References`
/// (a message we received or sent), then a quotation or booking number in the subject, then the
/// sender's address (their latest conversation that is not closed). These are the pure parts.
public enum MailThreading {
    /// The quotation or booking numbers written in a subject ("Re: Offert Q-2026-0042"), in order.
    public static func documentNumbers(in subject: String) -> [DocumentNumber] {
        var found: [DocumentNumber] = []
        for token in subject.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
            let text = token.trimmingCharacters(in: CharacterSet(charactersIn: "-")).uppercased()
            guard let number = try? DocumentNumber(parsing: text), number.kind != .invoice, !found.contains(number)
            else {
                continue
            }
            found.append(number)
        }
        return found
    }

    /// The subject without reply and forward prefixes in Swedish, English and German
    /// ("Re:", "SV:", "VS:", "Fwd:", "VB:", "AW:", "WG:", "[Ext]"), for showing and matching.
    public static func baseSubject(_ subject: String) -> String {
        var text = Substring(subject.trimmingCharacters(in: .whitespacesAndNewlines))
        while true {
            let before = text
            if text.hasPrefix("["), let close = text.firstIndex(of: "]"),
                text.distance(from: text.startIndex, to: close) < 20
            {
                text = text[text.index(after: close)...].drop(while: \.isWhitespace)
            }
            if let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 4 {
                let prefix = text[..<colon].lowercased()
                if replyPrefixes.contains(prefix) {
                    text = text[text.index(after: colon)...].drop(while: \.isWhitespace)
                }
            }
            if text == before { break }
        }
        return String(text)
    }

    /// The subject of a reply: "Re: " before the base subject.
    public static func replySubject(_ subject: String) -> String {
        let base = baseSubject(subject)
        return base.isEmpty ? "Re:" : "Re: \(base)"
    }

    /// Whether the subject says the message answers another ("Re:", "SV:", "AW:").
    public static func looksLikeReply(_ subject: String) -> Bool {
        let trimmed = subject.trimmingCharacters(in: .whitespaces).lowercased()
        return ["re:", "sv:", "aw:", "vs:"].contains { trimmed.hasPrefix($0) }
    }

    /// The `References` of a reply to a message: its references, then its own id (RFC 5322 3.6.4),
    /// the oldest kept when there are too many for one header line.
    public static func replyReferences(to references: [String], messageID: String?) -> [String] {
        var all = references
        if let messageID, !all.contains(messageID) { all.append(messageID) }
        while all.count > 1, all.map({ $0.utf8.count + 3 }).reduce(0, +) > 850 { all.remove(at: 1) }
        return all
    }

    static let replyPrefixes: Set<String> = ["re", "sv", "vs", "aw", "fw", "fwd", "vb", "wg", "antw", "tr"]
}
