/// One outgoing email: who, what, and the files it carries. A validated value: every header
/// value was checked on creation, so `rendered(date:messageID:)` cannot fail.
public struct EmailMessage: Sendable, Equatable {
    public let from: EmailAddress
    /// One or more recipients; also the SMTP envelope recipients.
    public let to: [EmailAddress]
    public let replyTo: EmailAddress?
    public let subject: String
    /// The text/plain alternative. Line endings are normalised to CRLF when rendered.
    public let textBody: String
    /// The text/html alternative, already escaped by its producer.
    public let htmlBody: String
    public let attachments: [Attachment]
    /// Additional headers such as `Auto-Submitted: auto-generated`, in order.
    public let extraHeaders: [Header]

    /// - Throws: `MailError.noRecipients` without recipients, `MailError.invalidHeader` for a
    ///   subject with a line break or control character.
    public init(
        from: EmailAddress, to: [EmailAddress], replyTo: EmailAddress? = nil, subject: String, textBody: String,
        htmlBody: String, attachments: [Attachment] = [], extraHeaders: [Header] = []
    ) throws(MailError) {
        guard !to.isEmpty else { throw .noRecipients }
        try HeaderText.validate(subject, field: "Subject")
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.attachments = attachments
        self.extraHeaders = extraHeaders
    }

    /// A new `random@domain-of-sender` identifier (without angle brackets) for `rendered`.
    /// A Message-ID that stays the same for `seed` (a job's identity): `seed@domain`.
    public func messageID(seed: String) -> String { "\(seed)@\(from.domain)" }

    public func makeMessageID() -> String {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<2).map { _ in String(generator.next() as UInt64, radix: 36) }.joined(separator: ".")
        return "\(random)@\(from.domain)"
    }
}
