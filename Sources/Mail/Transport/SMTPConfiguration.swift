import Foundation

/// Where and how to deliver over SMTP, read from `SMTP_URL`.
///
/// | `SMTP_URL`                                 | connection                                     |
/// |--------------------------------------------|------------------------------------------------|
/// | `smtp://user:pass@host:587`                | plain connect, then STARTTLS, required (default port 587) |
/// | `smtps://user:pass@host:465`               | TLS from the first byte (default port 465)     |
/// | `smtp://localhost:25?tls=none`             | no TLS at all: only for a relay on this host or a trusted private network |
///
/// User name and password are percent-decoded (`%40` for `@` in a user name). Credentials with
/// `tls=none` are only accepted for a loopback host, so a password never crosses a network in
/// clear text. Query options: `tls=none|starttls` (smtp only), `cafile=/path/ca.pem` (trust
/// these CAs instead of the system store, e.g. a relay's self-signed certificate),
/// `timeout=30` (seconds for the whole delivery; connecting is capped at 10 s or less).
public struct SMTPConfiguration: Sendable, Equatable, CustomStringConvertible {
    public typealias Security = MailConnectionSecurity

    public let host: String
    public let port: Int
    public let security: Security
    public let username: String?
    public let password: String?
    public let caFile: String?
    public let timeoutSeconds: Int

    /// - Throws: `MailError.invalidSMTPURL`; the message never repeats the URL (it may hold a password).
    public init(url: String) throws(MailError) {
        let parsed = try MailServerURL(url, schemes: ("smtp", "smtps")) { .invalidSMTPURL(problem: $0) }
        guard parsed.components.path.isEmpty || parsed.components.path == "/" else {
            throw .invalidSMTPURL(problem: "unexpected path")
        }
        if let item = parsed.otherOptions.first {
            throw .invalidSMTPURL(problem: "unknown option \(MailError.printable(item.name))")
        }
        self.host = parsed.host
        self.port = parsed.components.port ?? (parsed.security == .implicitTLS ? 465 : 587)
        self.security = parsed.security
        self.username = parsed.username
        self.password = parsed.password
        self.caFile = parsed.caFile
        self.timeoutSeconds = parsed.timeoutSeconds
    }

    /// The URL libcurl connects to: scheme, host and port only (credentials go separately).
    var curlURL: String {
        MailServerURL.curlBase(scheme: security == .implicitTLS ? "smtps" : "smtp", host: host, port: port)
    }

    /// Without the password.
    public var description: String {
        let user = username.map { "\($0)@" } ?? ""
        return "\(security == .implicitTLS ? "smtps" : "smtp")://\(user)\(host):\(port) (\(security.rawValue))"
    }
}
