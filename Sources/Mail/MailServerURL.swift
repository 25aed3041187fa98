import Foundation

/// How a connection to a mail server is protected.
public enum MailConnectionSecurity: String, Sendable {
    /// STARTTLS after connecting; every command fails if the server does not offer it.
    case startTLS
    /// TLS from the first byte (`smtps`, `imaps`).
    case implicitTLS
    /// Clear text (`?tls=none`): only for a server on this host or a trusted private network.
    case none
}

/// What `SMTP_URL` and `EG_IMAP_URL` share: the scheme (plain, where STARTTLS is required, or
/// implicit TLS), the host, percent-decoded credentials, and the options `tls=none|starttls`
/// (plain scheme only), `cafile=/path/ca.pem` and `timeout=` (1 to 600 seconds). Credentials
/// in clear text are only accepted for a loopback host, so a password never crosses a network
/// unprotected. Errors come from `invalid`, so each names its own variable; none repeats the URL.
struct MailServerURL {
    let components: URLComponents
    let host: String
    let security: MailConnectionSecurity
    let username: String?
    let password: String?
    let caFile: String?
    let timeoutSeconds: Int
    /// The query options other than these, in order, for the caller to read.
    let otherOptions: [URLQueryItem]

    init(
        _ url: String, schemes: (startTLS: String, implicitTLS: String), invalid: (String) -> MailError
    ) throws(MailError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            throw invalid("not a URL")
        }
        guard let host = components.host, !host.isEmpty else { throw invalid("no host") }
        var security: MailConnectionSecurity
        switch scheme {
        case schemes.startTLS: security = .startTLS
        case schemes.implicitTLS: security = .implicitTLS
        default: throw invalid("scheme must be \(schemes.startTLS) or \(schemes.implicitTLS)")
        }
        var caFile: String?
        var timeout = 30
        var otherOptions: [URLQueryItem] = []
        for item in components.queryItems ?? [] {
            switch (item.name, item.value ?? "") {
            case ("tls", "none") where scheme == schemes.startTLS: security = .none
            case ("tls", "starttls") where scheme == schemes.startTLS: security = .startTLS
            case ("tls", _): throw invalid("tls must be none or starttls, and only with \(schemes.startTLS)://")
            case ("cafile", let path) where !path.isEmpty: caFile = path
            case ("timeout", let value):
                guard let seconds = Int(value), (1...600).contains(seconds) else {
                    throw invalid("timeout must be 1 to 600 seconds")
                }
                timeout = seconds
            default: otherOptions.append(item)
            }
        }
        let username = components.user.flatMap { $0.isEmpty ? nil : $0 }
        let password = components.password
        if password != nil && username == nil { throw invalid("password without user name") }
        if security == .none && username != nil && !Self.isLoopback(host) {
            throw invalid("credentials with tls=none are only allowed for a loopback host")
        }
        self.components = components
        self.host = host
        self.security = security
        self.username = username
        self.password = password
        self.caFile = caFile
        self.timeoutSeconds = timeout
        self.otherOptions = otherOptions
    }

    /// `scheme://host:port` with an IPv6 host in brackets, for libcurl.
    static func curlBase(scheme: String, host: String, port: Int) -> String {
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "\(scheme)://\(bracketed):\(port)"
    }

    private static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }
}
