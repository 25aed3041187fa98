public import FCGIHost
import Foundation
import Sealing

/// The effective configuration, from environment variables (and an optional env file).
/// Every variable, its default and its meaning is listed in `variables` and in the README.
public struct AppConfiguration: Sendable {
    public var databaseURL: String
    /// The schema owner's connection, for `migrate` only; `DATABASE_URL` when not set.
    public var migrateDatabaseURL: String
    public var listen: ListenAddress
    public var socketMode: UInt16
    /// Who may connect when `listen` is TCP; nil for a unix socket.
    public var allowedPeers: PeerAllowList?
    public var fastCGITimeoutSeconds: Int
    public var threads: Int
    public var publicBaseURL: String
    public var maxBodyBytes: Int
    public var shutdownTimeoutSeconds: Double
    public var staticDirectory: String
    public var logLevel: String
    public var smtpURL: String?
    public var mailDirectory: String
    /// The company's seal on signed agreements: PKCS#12 path and password, the RFC 3161 time-stamp
    /// authority and the PEM roots its replies must chain to. No seal when `sealP12` is empty.
    public var sealP12: String
    public var sealP12Password: String
    public var timestampURL: String
    public var timestampTrust: String
    /// PEM roots the seal must chain to for `verify` and the signing page's check (with the TSA's).
    public var sealTrust: String = ""
    /// Webhooks may reach loopback and private addresses (`EG_WEBHOOK_ALLOW_PRIVATE=1`).
    public var webhookAllowPrivate = false
    /// Failed deliveries in a row after which an endpoint is disabled.
    public var webhookDisableAfter = 50
    /// Days trigger runs, webhook delivery attempts and finished jobs are kept.
    public var automationRetentionDays = 90
    /// The unix socket of nginx's live-pages publisher; empty: the worker does not publish.
    public var livePublish = ""
    /// A UBL validator command run on every document before it is issued; empty: none.
    public var ublValidator = ""
    /// The largest received message (and attachment) the inbox keeps as bytes.
    public var inboxKeepBytes = 10 << 20
    /// The mailbox the worker polls (`imaps://user:password@host/INBOX?move=Processed`); empty: none.
    public var imapURL = ""
    /// Seconds between two polls.
    public var imapIntervalSeconds = 60
    /// An OpenAI-compatible chat-completions endpoint that also reads inquiries; empty: rules only.
    public var llmURL = ""
    public var llmModel = ""
    public var llmKey = ""
    public var llmTimeoutSeconds = 20

    /// The DER roots a seal is checked against: `EG_SEAL_TRUST`'s and `EG_TSA_TRUST`'s certificates.
    public var sealTrustCertificates: [[UInt8]] {
        [sealTrust, timestampTrust].filter { !$0.isEmpty }.flatMap { path in
            (try? Data(contentsOf: URL(fileURLWithPath: path))).map { SealVerifier.trust(pem: [UInt8]($0)) } ?? []
        }
    }

    /// One documented variable.
    public struct Variable: Sendable {
        public let name: String
        public let defaultValue: String
        public let help: String
        public let secret: Bool
    }

    public static let variables: [Variable] = [
        Variable(
            name: "DATABASE_URL", defaultValue: "postgresql:///eventgaraget",
            help:
                "libpq connection string or URI of the PostgreSQL database, as a member of eventgaraget_app (serve, worker)",
            secret: true),
        Variable(
            name: "EG_MIGRATE_DATABASE_URL", defaultValue: "",
            help: "the schema owner's connection, used by migrate only; empty: DATABASE_URL", secret: true),
        Variable(
            name: "EG_LISTEN", defaultValue: "unix:.data/run/eventgaraget.sock",
            help: "where the FastCGI responder listens: unix:/path/to.sock or host:port", secret: false),
        Variable(
            name: "EG_FASTCGI_ALLOW", defaultValue: "",
            help:
                "with a TCP EG_LISTEN: the web servers' addresses or networks that may connect (10.0.0.5,10.0.0.0/24); required unless EG_LISTEN is loopback",
            secret: false),
        Variable(
            name: "EG_FASTCGI_TIMEOUT", defaultValue: "10",
            help: "seconds one read from nginx may wait, and the most a request body may take to arrive",
            secret: false),
        Variable(
            name: "EG_SOCKET_MODE", defaultValue: "0660",
            help: "permissions (octal) of the unix socket, so nginx's user can connect", secret: false),
        Variable(
            name: "EG_THREADS", defaultValue: "2 × cores",
            help: "responder threads; each has one FastCGI request and one PostgreSQL connection", secret: false),
        Variable(
            name: "EG_PUBLIC_URL", defaultValue: "https://localhost:8443",
            help: "the address customers and staff use; links in emails start with it", secret: false),
        Variable(
            name: "EG_MAX_BODY_BYTES", defaultValue: "8388608",
            help: "largest request body; keep nginx's client_max_body_size the same", secret: false),
        Variable(
            name: "EG_SHUTDOWN_TIMEOUT", defaultValue: "10",
            help: "seconds in-flight requests may take to finish after SIGTERM", secret: false),
        Variable(
            name: "EG_STATIC_DIR", defaultValue: "static",
            help: "the static/ folder nginx serves; read at start to fingerprint asset URLs", secret: false),
        Variable(
            name: "EG_SMTP_URL", defaultValue: "",
            help:
                "smtp://user:pass@host:587 (STARTTLS), smtps://host:465, or smtp://host:25?tls=none; empty: write to EG_MAIL_DIR",
            secret: true),
        Variable(
            name: "EG_MAIL_DIR", defaultValue: ".data/mail",
            help: "Maildir that outgoing mail is written to when EG_SMTP_URL is empty (development)", secret: false),
        Variable(
            name: "EG_SEAL_P12", defaultValue: "",
            help: "PKCS#12 file with the company's sealing key and certificate chain; empty: agreements are not sealed",
            secret: false),
        Variable(name: "EG_SEAL_P12_PASSWORD", defaultValue: "", help: "the PKCS#12 file's password", secret: true),
        Variable(
            name: "EG_TSA_URL", defaultValue: "",
            help: "RFC 3161 time-stamp authority (http or https URL); required with EG_SEAL_P12", secret: false),
        Variable(
            name: "EG_TSA_TRUST", defaultValue: "",
            help: "PEM file with the roots the time-stamp authority's replies must chain to", secret: false),
        Variable(
            name: "EG_SEAL_TRUST", defaultValue: "",
            help:
                "PEM file with the roots the company's seal chains to: `verify` and the signing page's check trust them (and EG_TSA_TRUST's)",
            secret: false),
        Variable(
            name: "EG_UBL_VALIDATOR", defaultValue: "",
            help:
                "a Peppol/EN 16931 validator command (such as the invoicing kit's validate-ubl) run on every invoice and credit note before it is issued; a failure blocks issuing with its words",
            secret: false),
        Variable(
            name: "EG_WEBHOOK_ALLOW_PRIVATE", defaultValue: "0",
            help: "1: outgoing webhooks may reach loopback, private and link-local addresses (refused by default)",
            secret: false),
        Variable(
            name: "EG_WEBHOOK_DISABLE_AFTER", defaultValue: "50",
            help:
                "failed webhook deliveries in a row after which the endpoint is disabled (audited, and a webhook_endpoint.disabled event)",
            secret: false),
        Variable(
            name: "EG_AUTOMATION_RETENTION_DAYS", defaultValue: "90",
            help: "days the trigger run log, the webhook delivery log and finished jobs are kept (pruned daily)",
            secret: false),
        Variable(
            name: "EG_LIVE_PUBLISH", defaultValue: "",
            help:
                "unix socket of nginx's nchan publisher for the live pages (the worker posts there); empty: pages do not update live",
            secret: false),
        Variable(
            name: "EG_INBOX_KEEP_BYTES", defaultValue: "10485760",
            help:
                "the largest received email (and attachment) the inbox keeps as it came; a bigger one is kept as its size and SHA-256",
            secret: false),
        Variable(
            name: "EG_IMAP_URL", defaultValue: "",
            help:
                "a mailbox the worker polls for customer email: imaps://user:password@host[:port]/FOLDER (imap:// needs STARTTLS), options ?move=Processed (else messages are only marked seen), &cafile=/path/roots.pem, &timeout=30, &max_messages=50; empty: none",
            secret: true),
        Variable(
            name: "EG_IMAP_INTERVAL", defaultValue: "60", help: "seconds between two polls of EG_IMAP_URL",
            secret: false),
        Variable(
            name: "EG_LLM_URL", defaultValue: "",
            help:
                "an OpenAI-compatible chat-completions URL that also reads inquiries (its answer is checked and merged with the rules); empty: the rules alone",
            secret: false),
        Variable(name: "EG_LLM_MODEL", defaultValue: "", help: "the model EG_LLM_URL is asked for", secret: false),
        Variable(name: "EG_LLM_KEY", defaultValue: "", help: "the bearer key for EG_LLM_URL", secret: true),
        Variable(
            name: "EG_LLM_TIMEOUT", defaultValue: "20",
            help: "seconds the language model may take before the rules answer alone", secret: false),
        Variable(
            name: "EG_LOG_LEVEL", defaultValue: "info",
            help: "trace, debug, info, notice, warning, error or critical", secret: false),
    ]

    /// Reads the configuration; collects every problem instead of stopping at the first.
    public static func load(environment: [String: String]) -> Result<AppConfiguration, ConfigurationError> {
        var problems: [String] = []
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        /// The value, or the documented default from `variables`.
        func setting(_ name: String) -> String {
            value(name) ?? documentedDefault(name)
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount

        let databaseURL = setting("DATABASE_URL")
        if !(databaseURL.hasPrefix("postgresql://") || databaseURL.hasPrefix("postgres://")
            || databaseURL.contains("="))
        {
            problems.append("DATABASE_URL must be a postgresql:// URI or a libpq key=value string")
        }
        let migrateURL = value("EG_MIGRATE_DATABASE_URL") ?? databaseURL
        if !(migrateURL.hasPrefix("postgresql://") || migrateURL.hasPrefix("postgres://") || migrateURL.contains("=")) {
            problems.append("EG_MIGRATE_DATABASE_URL must be a postgresql:// URI or a libpq key=value string")
        }

        let listenText = setting("EG_LISTEN")
        let listen = ListenAddress(parsing: listenText)
        if listen == nil { problems.append("EG_LISTEN '\(listenText)' is neither unix:/path nor host:port") }
        var allowedPeers: PeerAllowList?
        if case .tcp(let host, _) = listen {
            // FastCGI has no authentication: whoever reaches the port is "nginx" (finding H1).
            if let text = value("EG_FASTCGI_ALLOW") {
                allowedPeers = PeerAllowList(parsing: text)
                if allowedPeers == nil {
                    problems.append("EG_FASTCGI_ALLOW '\(text)' must list IP addresses or networks like 10.0.0.0/24")
                }
            } else if PeerAllowList.isLoopback(host: host) {
                allowedPeers = .loopback
            } else {
                problems.append(
                    "EG_LISTEN '\(listenText)' can be reached from other hosts; set EG_FASTCGI_ALLOW to the web servers' addresses"
                )
            }
        }
        let fastCGITimeout = integer(
            "EG_FASTCGI_TIMEOUT", default: Int(documentedDefault("EG_FASTCGI_TIMEOUT"))!, range: 1...300,
            environment: environment, problems: &problems)

        let modeText = setting("EG_SOCKET_MODE")
        let socketMode = UInt16(modeText, radix: 8).flatMap { $0 <= 0o777 ? $0 : nil }
        if socketMode == nil { problems.append("EG_SOCKET_MODE '\(modeText)' is not an octal mode like 0660") }

        let threads = integer(
            "EG_THREADS", default: cores * 2, range: 1...512, environment: environment, problems: &problems)

        let publicURL = setting("EG_PUBLIC_URL")
        if !(publicURL.hasPrefix("https://") || publicURL.hasPrefix("http://")) || publicURL.hasSuffix("/") {
            problems.append("EG_PUBLIC_URL must start with https:// (or http://) and not end with /")
        }

        let maxBody = integer(
            "EG_MAX_BODY_BYTES", default: Int(documentedDefault("EG_MAX_BODY_BYTES"))!, range: 1024...(1 << 30),
            environment: environment, problems: &problems)

        let timeoutText = setting("EG_SHUTDOWN_TIMEOUT")
        let timeout = Double(timeoutText).flatMap { $0 >= 0 && $0 <= 3600 ? $0 : nil }
        if timeout == nil { problems.append("EG_SHUTDOWN_TIMEOUT '\(timeoutText)' must be seconds between 0 and 3600") }

        let allowPrivate = setting("EG_WEBHOOK_ALLOW_PRIVATE")
        if allowPrivate != "0" && allowPrivate != "1" { problems.append("EG_WEBHOOK_ALLOW_PRIVATE must be 0 or 1") }
        let disableAfter = integer(
            "EG_WEBHOOK_DISABLE_AFTER", default: 50, range: 1...10_000, environment: environment, problems: &problems)

        let retention = integer(
            "EG_AUTOMATION_RETENTION_DAYS", default: 90, range: 1...3650, environment: environment, problems: &problems)
        let keepBytes = integer(
            "EG_INBOX_KEEP_BYTES", default: 10 << 20, range: 1024...(256 << 20), environment: environment,
            problems: &problems)
        let imapInterval = integer(
            "EG_IMAP_INTERVAL", default: 60, range: 5...86_400, environment: environment, problems: &problems)
        let llmTimeout = integer(
            "EG_LLM_TIMEOUT", default: 20, range: 1...300, environment: environment, problems: &problems)
        let imapURL = value("EG_IMAP_URL") ?? ""
        if !imapURL.isEmpty, !(imapURL.hasPrefix("imaps://") || imapURL.hasPrefix("imap://")) {
            problems.append("EG_IMAP_URL must start with imaps:// or imap://")
        }
        let llmURL = value("EG_LLM_URL") ?? ""
        let llmModel = value("EG_LLM_MODEL") ?? ""
        if !llmURL.isEmpty {
            if !(llmURL.hasPrefix("https://") || llmURL.hasPrefix("http://")) {
                problems.append("EG_LLM_URL must be an http(s) URL")
            }
            if llmModel.isEmpty { problems.append("EG_LLM_MODEL is required when EG_LLM_URL is set") }
        }

        let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
        let logLevel = setting("EG_LOG_LEVEL")
        if let smtp = value("EG_SMTP_URL"), !(smtp.hasPrefix("smtp://") || smtp.hasPrefix("smtps://")) {
            problems.append("EG_SMTP_URL must start with smtp:// or smtps://")
        }
        let sealP12 = value("EG_SEAL_P12") ?? ""
        let timestampURL = value("EG_TSA_URL") ?? ""
        let timestampTrust = value("EG_TSA_TRUST") ?? ""
        let sealTrust = value("EG_SEAL_TRUST") ?? ""
        if !sealTrust.isEmpty, !FileManager.default.isReadableFile(atPath: sealTrust) {
            problems.append("EG_SEAL_TRUST '\(sealTrust)' cannot be read")
        }
        if !sealP12.isEmpty {
            if !FileManager.default.isReadableFile(atPath: sealP12) {
                problems.append("EG_SEAL_P12 '\(sealP12)' cannot be read")
            }
            if !(timestampURL.hasPrefix("https://") || timestampURL.hasPrefix("http://")) {
                problems.append("EG_TSA_URL must be the time-stamp authority's http(s) URL when EG_SEAL_P12 is set")
            }
            if !FileManager.default.isReadableFile(atPath: timestampTrust) {
                problems.append("EG_TSA_TRUST must be a readable PEM file when EG_SEAL_P12 is set")
            }
        }
        let ublValidator = value("EG_UBL_VALIDATOR") ?? ""
        if !ublValidator.isEmpty, !FileManager.default.isExecutableFile(atPath: ublValidator) {
            problems.append("EG_UBL_VALIDATOR '\(ublValidator)' is not an executable file")
        }
        if !levels.contains(logLevel) {
            problems.append("EG_LOG_LEVEL '\(logLevel)' must be one of \(levels.joined(separator: ", "))")
        }

        guard problems.isEmpty, let listen, let socketMode, let timeout else {
            return .failure(ConfigurationError(problems: problems))
        }
        return .success(
            AppConfiguration(
                databaseURL: databaseURL, migrateDatabaseURL: migrateURL, listen: listen, socketMode: socketMode,
                allowedPeers: allowedPeers,
                fastCGITimeoutSeconds: fastCGITimeout, threads: threads,
                publicBaseURL: publicURL, maxBodyBytes: maxBody, shutdownTimeoutSeconds: timeout,
                staticDirectory: setting("EG_STATIC_DIR"), logLevel: logLevel, smtpURL: value("EG_SMTP_URL"),
                mailDirectory: setting("EG_MAIL_DIR"), sealP12: sealP12,
                sealP12Password: value("EG_SEAL_P12_PASSWORD") ?? "", timestampURL: timestampURL,
                timestampTrust: timestampTrust, sealTrust: sealTrust, webhookAllowPrivate: allowPrivate == "1",
                webhookDisableAfter: disableAfter, automationRetentionDays: retention,
                livePublish: value("EG_LIVE_PUBLISH") ?? "", ublValidator: ublValidator, inboxKeepBytes: keepBytes,
                imapURL: imapURL, imapIntervalSeconds: imapInterval, llmURL: llmURL, llmModel: llmModel,
                llmKey: value("EG_LLM_KEY") ?? "",
                llmTimeoutSeconds: llmTimeout))
    }

    /// The default written in `variables`: one place for the code, `check-config` and the README.
    static func documentedDefault(_ name: String) -> String {
        variables.first { $0.name == name }!.defaultValue
    }

    private static func integer(
        _ name: String, default fallback: Int, range: ClosedRange<Int>, environment: [String: String],
        problems: inout [String]
    ) -> Int {
        guard let text = environment[name], !text.isEmpty else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            problems.append("\(name) '\(text)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return fallback
        }
        return number
    }

    /// `name=value` lines for `check-config`, with passwords in URLs masked.
    public func describedLines() -> [String] {
        [
            "DATABASE_URL=\(Self.maskingPassword(databaseURL))",
            "EG_MIGRATE_DATABASE_URL=\(migrateDatabaseURL == databaseURL ? "" : Self.maskingPassword(migrateDatabaseURL))",
            "EG_LISTEN=\(listen)",
            "EG_FASTCGI_ALLOW=\(allowedPeers?.description ?? "")",
            "EG_FASTCGI_TIMEOUT=\(fastCGITimeoutSeconds)",
            "EG_SOCKET_MODE=0\(String(socketMode, radix: 8))",
            "EG_THREADS=\(threads)",
            "EG_PUBLIC_URL=\(publicBaseURL)",
            "EG_MAX_BODY_BYTES=\(maxBodyBytes)",
            "EG_SHUTDOWN_TIMEOUT=\(shutdownTimeoutSeconds.formatted())",
            "EG_STATIC_DIR=\(staticDirectory)",
            "EG_SMTP_URL=\(smtpURL.map(Self.maskingPassword) ?? "")",
            "EG_MAIL_DIR=\(mailDirectory)",
            "EG_SEAL_P12=\(sealP12)",
            "EG_SEAL_P12_PASSWORD=\(sealP12Password.isEmpty ? "" : "*****")",
            "EG_TSA_URL=\(timestampURL)",
            "EG_TSA_TRUST=\(timestampTrust)",
            "EG_SEAL_TRUST=\(sealTrust)",
            "EG_WEBHOOK_ALLOW_PRIVATE=\(webhookAllowPrivate ? "1" : "0")",
            "EG_WEBHOOK_DISABLE_AFTER=\(webhookDisableAfter)",
            "EG_AUTOMATION_RETENTION_DAYS=\(automationRetentionDays)",
            "EG_LIVE_PUBLISH=\(livePublish)",
            "EG_INBOX_KEEP_BYTES=\(inboxKeepBytes)",
            "EG_IMAP_URL=\(Self.maskingPassword(imapURL))",
            "EG_IMAP_INTERVAL=\(imapIntervalSeconds)",
            "EG_LLM_URL=\(llmURL)",
            "EG_LLM_MODEL=\(llmModel)",
            "EG_LLM_KEY=\(llmKey.isEmpty ? "" : "*****")",
            "EG_LLM_TIMEOUT=\(llmTimeoutSeconds)",
            "EG_LOG_LEVEL=\(logLevel)",
        ]
    }

    /// Masks the password of a URI (`postgresql://user:secret@host` → `user:*****@host`) or a
    /// key=value string (`password=secret` → `password=*****`).
    static func maskingPassword(_ url: String) -> String {
        var masked = url
        if let scheme = masked.range(of: "://"), let at = masked[scheme.upperBound...].firstIndex(of: "@") {
            let userInfo = masked[scheme.upperBound..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                masked.replaceSubrange(masked.index(after: colon)..<at, with: "*****")
            }
        }
        if let range = masked.range(of: "password=") {
            let end = masked[range.upperBound...].firstIndex { $0 == " " || $0 == "&" } ?? masked.endIndex
            masked.replaceSubrange(range.upperBound..<end, with: "*****")
        }
        return masked
    }
}

/// Everything wrong with the configuration, one line each.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let problems: [String]
    public var description: String { problems.map { "configuration: \($0)" }.joined(separator: "\n") }
}

extension Double {
    fileprivate func formatted() -> String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}
