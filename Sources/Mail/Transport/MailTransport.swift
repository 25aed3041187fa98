/// Delivers rendered messages. Implementations block the calling thread until the message is
/// handed over (written to disk, or accepted by the SMTP server); call them from a request
/// thread or a worker thread, never from `async` code.
public protocol MailTransport: Sendable {
    /// Delivers `message` with this Message-ID (`id@domain`, no angle brackets; see
    /// `EmailMessage.makeMessageID`) and the current date. A job passes the same ID on every
    /// attempt, so a receiver can tell a retried message from a new one.
    ///
    /// - Returns: `messageID`.
    /// - Throws: `MailError.ioFailure` or `MailError.smtpFailure` when delivery fails.
    func send(_ message: EmailMessage, messageID: String) throws(MailError) -> String
}

extension MailTransport {
    /// Delivers `message` with a fresh random Message-ID.
    public func send(_ message: EmailMessage) throws(MailError) -> String {
        try send(message, messageID: message.makeMessageID())
    }
}

/// Chooses the transport from configuration.
public enum MailTransportFactory {
    /// `SMTPTransport` when `smtpURL` is set and not empty (see `SMTPConfiguration` for the
    /// forms it takes), otherwise a `MaildirTransport` writing into `maildir` (the development
    /// default is `.data/mail`).
    ///
    /// - Throws: `MailError.invalidSMTPURL` when `smtpURL` cannot be understood.
    public static func make(smtpURL: String?, maildir: String) throws(MailError) -> any MailTransport {
        if let smtpURL, !smtpURL.isEmpty {
            return try SMTPTransport(url: smtpURL)
        }
        return MaildirTransport(directory: maildir)
    }
}
