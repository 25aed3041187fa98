/// An email's text in three parts: what the sender wrote now, the history below it, and the
/// sign-off with their name and contact lines.
public struct ReplyParts: Sendable, Equatable {
    /// The sender's own text, without the sign-off. For a forward with nothing written above it,
    /// the forwarded message (its header lines included), since that is what the sender means.
    public let newText: String
    /// Earlier messages: `>` lines, "On … wrote:" and everything after an Outlook header block.
    public let quoted: String
    /// The sign-off: from the closing phrase ("Med vänliga hälsningar", "Best regards") or the
    /// `-- ` line to the end of the new text, with the name, phone and company lines after it.
    public let signature: String

    public init(newText: String, quoted: String, signature: String) {
        self.newText = newText
        self.quoted = quoted
        self.signature = signature
    }
}
