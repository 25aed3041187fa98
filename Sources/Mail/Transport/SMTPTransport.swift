import Foundation

/// Delivers over SMTP with libcurl, configured from `SMTP_URL` (see `SMTPConfiguration`).
///
/// Each `send` opens its own connection with its own curl easy handle, so one transport is
/// shared freely between threads. `send` blocks for up to the configured timeout.
public struct SMTPTransport: MailTransport {
    public let configuration: SMTPConfiguration

    /// - Throws: `MailError.invalidSMTPURL` when `url` cannot be understood.
    public init(url: String) throws(MailError) {
        configuration = try SMTPConfiguration(url: url)
    }

    public init(configuration: SMTPConfiguration) {
        self.configuration = configuration
    }

    public func send(_ message: EmailMessage, messageID: String) throws(MailError) -> String {
        let data = message.rendered(date: Date(), messageID: messageID)
        try CurlSMTPSession.deliver(
            data, from: message.from.address, recipients: message.to.map(\.address), configuration: configuration)
        return messageID
    }
}
