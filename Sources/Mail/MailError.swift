/// Everything that can go wrong building or delivering an email, or polling a mailbox.
///
/// `description` is safe to log: it names the field, address or path and the C code, but never
/// holds a password, a header value that was refused, or any part of a message body.
public enum MailError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A header value (subject, display name, extra header, filename, MIME type) was refused,
    /// typically because it holds CR or LF (header injection) or another control character.
    case invalidHeader(field: String, problem: String)
    /// An address failed the syntax check (`local@domain`, ASCII, no CR/LF, no angle brackets).
    case invalidAddress(address: String, problem: String)
    /// A message needs at least one `To` recipient.
    case noRecipients
    /// `SMTP_URL` could not be understood; `problem` says which part (never the password).
    case invalidSMTPURL(problem: String)
    /// libcurl reported a failure. `code` is the `CURLcode`, `responseCode` the last SMTP reply
    /// code (0 when none arrived), `message` curl's error text with any password removed.
    case smtpFailure(code: Int, responseCode: Int, message: String)
    /// A file-system call failed while writing into a Maildir.
    case ioFailure(errno: Int32, path: String, operation: String)
    /// `EG_IMAP_URL` could not be understood; `problem` says which part (never the password).
    case invalidIMAPURL(problem: String)
    /// An IMAP command failed. `code` is the `CURLcode` (67 is a refused login, 60 an untrusted
    /// certificate, 28 a timeout), `command` the command's name, `message` curl's error text
    /// and the server's final reply line, with any password removed. Never message contents.
    case imapFailure(code: Int, command: String, message: String)
    /// The server answered in a way this client does not understand (`problem` names what was
    /// expected, never what a message holds).
    case imapUnexpectedReply(command: String, problem: String)
    /// The message is larger than the configured limit; it was not downloaded.
    case imapMessageTooLarge(uid: UInt32, bytes: Int, limit: Int)
    /// No message has this UID in the folder (expunged, or moved by another client).
    case imapMessageMissing(uid: UInt32)

    public var description: String {
        switch self {
        case .invalidHeader(let field, let problem):
            return "invalid header \(field): \(problem)"
        case .invalidAddress(let address, let problem):
            return "invalid address \(Self.printable(address)): \(problem)"
        case .noRecipients:
            return "email has no recipients"
        case .invalidSMTPURL(let problem):
            return "invalid SMTP_URL: \(problem)"
        case .smtpFailure(let code, let responseCode, let message):
            let reply = responseCode == 0 ? "" : ", SMTP reply \(responseCode)"
            return "SMTP delivery failed (curl code \(code)\(reply)): \(message)"
        case .ioFailure(let errno, let path, let operation):
            return "\(operation) \(path) failed: errno \(errno)"
        case .invalidIMAPURL(let problem):
            return "invalid EG_IMAP_URL: \(problem)"
        case .imapFailure(let code, let command, let message):
            return "IMAP \(command) failed (curl code \(code)): \(message)"
        case .imapUnexpectedReply(let command, let problem):
            return "IMAP \(command): unexpected reply: \(problem)"
        case .imapMessageTooLarge(let uid, let bytes, let limit):
            return "IMAP message UID \(uid) is \(bytes) bytes, over the limit of \(limit)"
        case .imapMessageMissing(let uid):
            return "IMAP message UID \(uid) is not in the folder"
        }
    }

    /// Control characters escaped and length capped, so a hostile value cannot forge log lines.
    static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(120) {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > 120 ? "\"\(result)…\"" : "\"\(result)\""
    }
}
