import FCGIHost
import Testing

@testable import App

@Suite("Configuration")
struct ConfigurationTests {
    @Test func defaultsAreTheDocumentedOnes() throws {
        let configuration = try AppConfiguration.load(environment: [:]).get()
        #expect(configuration.databaseURL == "postgresql:///eventgaraget")
        #expect(configuration.listen == .unix(path: ".data/run/eventgaraget.sock"))
        #expect(configuration.socketMode == 0o660)
        #expect(configuration.threads >= 2 && configuration.threads % 2 == 0)
        #expect(configuration.maxBodyBytes == 8 << 20)
        #expect(configuration.shutdownTimeoutSeconds == 10)
        #expect(configuration.publicBaseURL == "https://localhost:8443")
        // Every variable the loader reads is documented (README and --help use this list).
        #expect(
            AppConfiguration.variables.map(\.name) == [
                "DATABASE_URL", "EG_MIGRATE_DATABASE_URL", "EG_LISTEN", "EG_FASTCGI_ALLOW", "EG_FASTCGI_TIMEOUT",
                "EG_SOCKET_MODE", "EG_THREADS",
                "EG_PUBLIC_URL", "EG_MAX_BODY_BYTES",
                "EG_SHUTDOWN_TIMEOUT", "EG_STATIC_DIR", "EG_SMTP_URL", "EG_MAIL_DIR", "EG_SEAL_P12",
                "EG_SEAL_P12_PASSWORD", "EG_TSA_URL",
                "EG_TSA_TRUST", "EG_SEAL_TRUST", "EG_UBL_VALIDATOR", "EG_WEBHOOK_ALLOW_PRIVATE",
                "EG_WEBHOOK_DISABLE_AFTER",
                "EG_AUTOMATION_RETENTION_DAYS", "EG_LIVE_PUBLISH", "EG_INBOX_KEEP_BYTES", "EG_IMAP_URL",
                "EG_IMAP_INTERVAL", "EG_LLM_URL", "EG_LLM_MODEL", "EG_LLM_KEY", "EG_LLM_TIMEOUT", "EG_LOG_LEVEL",
            ])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let result = AppConfiguration.load(environment: [
            "EG_THREADS": "0", "EG_SOCKET_MODE": "999", "EG_MAX_BODY_BYTES": "lots", "EG_SHUTDOWN_TIMEOUT": "-1",
            "EG_LOG_LEVEL": "loud", "EG_PUBLIC_URL": "https://x.se/",
        ])
        guard case .failure(let error) = result else {
            Issue.record("invalid configuration accepted")
            return
        }
        #expect(error.problems.count == 6)
        for name in [
            "EG_THREADS", "EG_SOCKET_MODE", "EG_MAX_BODY_BYTES", "EG_SHUTDOWN_TIMEOUT", "EG_LOG_LEVEL", "EG_PUBLIC_URL",
        ] {
            #expect(error.description.contains(name))
        }
    }

    /// FastCGI has no authentication, so a TCP port others can reach needs the web servers named
    /// (finding H1); loopback admits only loopback.
    @Test func aReachableFastCGIPortNeedsAnAllowList() throws {
        guard case .failure(let open) = AppConfiguration.load(environment: ["EG_LISTEN": "0.0.0.0:9000"]) else {
            Issue.record("a port open to every host was accepted")
            return
        }
        #expect(open.description.contains("EG_FASTCGI_ALLOW"))
        guard
            case .failure(let bad) = AppConfiguration.load(environment: [
                "EG_LISTEN": ":9000", "EG_FASTCGI_ALLOW": "nginx",
            ])
        else {
            Issue.record("a host name was accepted as an address")
            return
        }
        #expect(bad.description.contains("EG_FASTCGI_ALLOW 'nginx'"))

        let listed = try AppConfiguration.load(environment: [
            "EG_LISTEN": "10.0.0.11:9000", "EG_FASTCGI_ALLOW": "10.0.0.5, 10.0.1.0/24",
        ]).get()
        #expect(listed.allowedPeers?.description == "10.0.0.5,10.0.1.0/24")
        #expect(listed.describedLines().contains("EG_FASTCGI_ALLOW=10.0.0.5,10.0.1.0/24"))
        let local = try AppConfiguration.load(environment: ["EG_LISTEN": "127.0.0.1:9000"]).get()
        #expect(local.allowedPeers == .loopback)
        let socket = try AppConfiguration.load(environment: [:]).get()
        #expect(socket.allowedPeers == nil)
        #expect(socket.fastCGITimeoutSeconds == 10)
    }

    @Test(arguments: [
        ("postgresql://eg:s3cret@db/eg", "postgresql://eg:*****@db/eg"),
        ("postgresql://eg@db/eg", "postgresql://eg@db/eg"),
        ("host=/run dbname=eg password=s3cret user=eg", "host=/run dbname=eg password=***** user=eg"),
        ("postgresql:///eg?host=/run&password=s3cret", "postgresql:///eg?host=/run&password=*****"),
    ])
    func passwordsAreMasked(url: String, shown: String) {
        #expect(AppConfiguration.maskingPassword(url) == shown)
    }

    @Test func envFileLinesAreParsed() throws {
        let values = try EnvironmentFile.parse(
            "# comment\n\nexport EG_THREADS=3\nEG_PUBLIC_URL=\"https://a.se\"\nQUOTED='x y'\n", path: "test.env")
        #expect(values == ["EG_THREADS": "3", "EG_PUBLIC_URL": "https://a.se", "QUOTED": "x y"])
        #expect(throws: (any Error).self) { try EnvironmentFile.parse("no equals sign\n", path: "bad.env") }
    }
}
