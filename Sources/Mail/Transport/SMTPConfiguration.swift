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
    public enum Security: String, Sendable {
        /// STARTTLS after connecting; delivery fails if the server does not offer it.
        case startTLS
        /// TLS from the start (`smtps`).
        case implicitTLS
        /// Clear text (`?tls=none`).
        case none
    }

    public let host: String
    public let port: Int
    public let security: Security
    public let username: String?
    public let password: String?
    public let caFile: String?
    public let timeoutSeconds: Int

    /// - Throws: `MailError.invalidSMTPURL`; the message never repeats the URL (it may hold a password).
    public init(url: String) throws(MailError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            throw .invalidSMTPURL(problem: "not a URL")
        }
        guard let host = components.host, !host.isEmpty else { throw .invalidSMTPURL(problem: "no host") }
        guard components.path.isEmpty || components.path == "/" else {
            throw .invalidSMTPURL(problem: "unexpected path")
        }
        var security: Security
        switch scheme {
        case "smtp": security = .startTLS
        case "smtps": security = .implicitTLS
        default: throw .invalidSMTPURL(problem: "scheme must be smtp or smtps")
        }
        var caFile: String?
        var timeout = 30
        for item in components.queryItems ?? [] {
            switch (item.name, item.value ?? "") {
            case ("tls", "none") where scheme == "smtp": security = .none
            case ("tls", "starttls") where scheme == "smtp": security = .startTLS
            case ("tls", _): throw .invalidSMTPURL(problem: "tls must be none or starttls, and only with smtp://")
            case ("cafile", let path) where !path.isEmpty: caFile = path
            case ("timeout", let value):
                guard let seconds = Int(value), (1...600).contains(seconds) else {
                    throw .invalidSMTPURL(problem: "timeout must be 1 to 600 seconds")
                }
                timeout = seconds
            default: throw .invalidSMTPURL(problem: "unknown option \(MailError.printable(item.name))")
            }
        }
        let username = components.user.flatMap { $0.isEmpty ? nil : $0 }
        let password = components.password
        if password != nil && username == nil { throw .invalidSMTPURL(problem: "password without user name") }
        if security == .none && username != nil && !Self.isLoopback(host) {
            throw .invalidSMTPURL(problem: "credentials with tls=none are only allowed for a loopback host")
        }
        self.host = host
        self.port = components.port ?? (security == .implicitTLS ? 465 : 587)
        self.security = security
        self.username = username
        self.password = password
        self.caFile = caFile
        self.timeoutSeconds = timeout
    }

    /// The URL libcurl connects to: scheme, host and port only (credentials go separately).
    var curlURL: String {
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "\(security == .implicitTLS ? "smtps" : "smtp")://\(bracketed):\(port)"
    }

    /// Without the password.
    public var description: String {
        let user = username.map { "\($0)@" } ?? ""
        return "\(security == .implicitTLS ? "smtps" : "smtp")://\(user)\(host):\(port) (\(security.rawValue))"
    }

    private static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }
}
