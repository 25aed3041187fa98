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
                "DATABASE_URL", "EG_LISTEN", "EG_SOCKET_MODE", "EG_THREADS", "EG_PUBLIC_URL", "EG_MAX_BODY_BYTES",
                "EG_SHUTDOWN_TIMEOUT", "EG_STATIC_DIR", "EG_SMTP_URL", "EG_MAIL_DIR", "EG_LOG_LEVEL",
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
