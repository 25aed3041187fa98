/// Delivers rendered messages. Implementations block the calling thread until the message is
/// handed over (written to disk, or accepted by the SMTP server); call them from a request
/// thread or a worker thread, never from `async` code.
public protocol MailTransport: Sendable {
    /// Delivers `message` with a fresh Message-ID and the current date.
    ///
    /// - Returns: the Message-ID, `random@domain` without angle brackets.
    /// - Throws: `MailError.ioFailure` or `MailError.smtpFailure` when delivery fails.
    func send(_ message: EmailMessage) throws(MailError) -> String
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
