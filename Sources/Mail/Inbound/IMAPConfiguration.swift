import Foundation

/// Which mailbox to poll and how, read from `EG_IMAP_URL`.
///
/// | `EG_IMAP_URL`                                   | connection                                  |
/// |-------------------------------------------------|---------------------------------------------|
/// | `imaps://user:pass@mail.example.com/INBOX`      | TLS from the first byte (default port 993)  |
/// | `imap://user:pass@mail.example.com/INBOX`       | plain connect, then STARTTLS, required (default port 143) |
/// | `imap://user:pass@localhost:143/?tls=none`      | no TLS at all: only for a loopback host     |
///
/// User name and password are percent-decoded (`%40` for `@`). The path names the folder
/// (percent-decoded; `/` separates levels; INBOX when empty). Query options:
/// `move=Processed` (after processing, move each message there; without it messages are only
/// flagged `\Seen`), `cafile=/path/ca.pem` (trust these CAs instead of the system store),
/// `timeout=30` (seconds per IMAP command; connecting is capped at 10 s or less),
/// `max_messages=50` (UIDs one poll returns), `max_bytes=26214400` (the largest message fetched),
/// `tls=none|starttls` (imap only).
///
/// Folder names are printable ASCII without `"`, `\`, `%`, `*`: non-ASCII names need IMAP's
/// modified UTF-7, which this client does not write.
public struct IMAPConfiguration: Sendable, Equatable, CustomStringConvertible {
    public typealias Security = MailConnectionSecurity

    public let host: String
    public let port: Int
    public let security: Security
    public let username: String?
    public let password: String?
    /// The folder polled, `INBOX` by default.
    public let folder: String
    /// Where processed messages go; nil leaves them in `folder`, flagged `\Seen`.
    public let moveTo: String?
    public let caFile: String?
    public let timeoutSeconds: Int
    /// At most this many UIDs per `unseen()`, oldest first.
    public let maxMessages: Int
    /// A larger message is refused by `fetch(uid:)` before it is downloaded.
    public let maxMessageBytes: Int

    /// - Throws: `MailError.invalidIMAPURL`; the message never repeats the URL (it may hold a password).
    public init(url: String) throws(MailError) {
        let parsed = try MailServerURL(url, schemes: ("imap", "imaps")) { .invalidIMAPURL(problem: $0) }
        var path = parsed.components.path
        while path.hasPrefix("/") { path.removeFirst() }
        while path.hasSuffix("/") { path.removeLast() }
        let folder = path.isEmpty ? "INBOX" : path
        try Self.check(folder: folder, "the folder")

        var moveTo: String?
        var maxMessages = 50
        var maxBytes = 25 << 20
        func number(_ value: String, _ range: ClosedRange<Int>, _ problem: String) throws(MailError) -> Int {
            guard let number = Int(value), range.contains(number) else { throw .invalidIMAPURL(problem: problem) }
            return number
        }
        for item in parsed.otherOptions {
            switch (item.name, item.value ?? "") {
            case ("move", let target):
                if !target.isEmpty {
                    try Self.check(folder: target, "move")
                    guard target.caseInsensitiveCompare(folder) != .orderedSame else {
                        throw .invalidIMAPURL(problem: "move names the polled folder itself")
                    }
                    moveTo = target
                }
            case ("max_messages", let value):
                maxMessages = try number(value, 1...10_000, "max_messages must be 1 to 10000")
            case ("max_bytes", let value):
                maxBytes = try number(value, 1024...(256 << 20), "max_bytes must be 1024 to 268435456")
            default: throw .invalidIMAPURL(problem: "unknown option \(MailError.printable(item.name))")
            }
        }
        self.host = parsed.host
        self.port = parsed.components.port ?? (parsed.security == .implicitTLS ? 993 : 143)
        self.security = parsed.security
        self.username = parsed.username
        self.password = parsed.password
        self.folder = folder
        self.moveTo = moveTo
        self.caFile = parsed.caFile
        self.timeoutSeconds = parsed.timeoutSeconds
        self.maxMessages = maxMessages
        self.maxMessageBytes = maxBytes
    }

    /// The server's URL for libcurl (credentials go separately): with `folder`, the folder
    /// curl selects before a command; without, the bare server.
    func curlURL(folder: String?) -> String {
        let base =
            MailServerURL.curlBase(scheme: security == .implicitTLS ? "imaps" : "imap", host: host, port: port)
            + "/"
        guard let folder else { return base }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return base + (folder.addingPercentEncoding(withAllowedCharacters: allowed) ?? folder)
    }

    /// Without the password.
    public var description: String {
        let user = username.map { "\($0)@" } ?? ""
        let scheme = security == .implicitTLS ? "imaps" : "imap"
        let after = moveTo.map { "move to \($0)" } ?? "flag \\Seen"
        return "\(scheme)://\(user)\(host):\(port)/\(folder) (\(security.rawValue), \(after))"
    }

    private static func check(folder: String, _ name: String) throws(MailError) {
        let refused: Set<Unicode.Scalar> = ["\"", "\\", "%", "*"]
        for scalar in folder.unicodeScalars where !(0x20...0x7E).contains(scalar.value) || refused.contains(scalar) {
            throw .invalidIMAPURL(problem: "\(name) must be printable ASCII without \" \\ % *")
        }
    }
}
