public import Foundation

/// A received email, read from its raw RFC 5322 bytes (piped in by the MTA or fetched over IMAP).
///
/// `parse` never throws and never traps: a malformed message yields what can be read, and
/// `problems` says, in English, what could not. Work is linear in the input and bounded by
/// `InboundLimits`. Text is decoded to Swift strings (line endings LF, no NUL characters); the
/// HTML alternative is *not* sanitised: it is hostile markup for the caller to sanitise.
public struct InboundMessage: Sendable, Equatable {
    /// The `Message-ID` without angle brackets.
    public let messageID: String?
    /// Message-IDs in `In-Reply-To`, without angle brackets.
    public let inReplyTo: [String]
    /// Message-IDs in `References`, oldest first, without angle brackets.
    public let references: [String]
    /// The first mailbox in `From`.
    public let from: InboundMailbox?
    public let to: [InboundMailbox]
    public let cc: [InboundMailbox]
    public let replyTo: [InboundMailbox]
    /// Decoded (RFC 2047, or raw UTF-8 / Latin-1); empty when there is none.
    public let subject: String
    public let date: Date?
    /// Every header field of the message, in order.
    public let headers: [InboundHeader]
    /// The text/plain body (the plain alternative when there are several; inline text parts
    /// joined). For a message with no text of its own that forwards one as an attachment, the
    /// forwarded message's text.
    public let textBody: String?
    /// The text/html body, unsanitised; taken from a forwarded message as `textBody` is.
    public let htmlBody: String?
    /// Attachments, inline images, and attached messages (`message/rfc822`), in order.
    public let attachments: [InboundAttachment]
    /// Attached messages (forwarded as attachments), parsed; also among `attachments` as bytes.
    public let forwarded: [InboundMessage]
    public let classification: InboundClassification
    /// What could not be read as it should, in English, for logs and the staff's eyes.
    public let problems: [String]

    init(
        messageID: String?, inReplyTo: [String], references: [String], from: InboundMailbox?, to: [InboundMailbox],
        cc: [InboundMailbox], replyTo: [InboundMailbox], subject: String, date: Date?, headers: [InboundHeader],
        textBody: String?, htmlBody: String?, attachments: [InboundAttachment], forwarded: [InboundMessage],
        classification: InboundClassification, problems: [String]
    ) {
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.headers = headers
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.attachments = attachments
        self.forwarded = forwarded
        self.classification = classification
        self.problems = problems
    }

    /// Reads `raw`, the message as received (CRLF or LF line endings).
    public static func parse(_ raw: [UInt8], limits: InboundLimits = .default) -> InboundMessage {
        let context = MessageReader.Context(limits: limits)
        var bytes = raw
        if bytes.count > limits.maximumBytes {
            bytes.removeSubrange(limits.maximumBytes...)
            context.problems.append("message over the \(Self.megabytes(limits.maximumBytes)) limit; truncated")
        }
        return MessageReader.read(bytes, depth: 0, context: context)
    }

    /// The first header field called `name` (case-insensitively).
    public func header(_ name: String) -> String? {
        let key = name.lowercased()
        return headers.first { $0.name.lowercased() == key }?.value
    }

    /// Every header field called `name` (case-insensitively), in order.
    public func headers(named name: String) -> [String] {
        let key = name.lowercased()
        return headers.filter { $0.name.lowercased() == key }.map(\.value)
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
    }
}
