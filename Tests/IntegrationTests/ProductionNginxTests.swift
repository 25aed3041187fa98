import Foundation
import TestSupport
import Testing

/// The production site file as the README deploys it: inside a copy of Debian 12's stock
/// /etc/nginx/nginx.conf (finding M4: it must not repeat Debian's http-level directives, and
/// Debian's TLS 1.0/1.1 must not come back through a merged ssl_protocols).
@Suite("Production nginx site on Debian's nginx.conf", .serialized)
struct ProductionNginxTests {
    static let name = "rental.example.se"

    /// A folder laid out like /etc/nginx: Debian's nginx.conf (its paths moved into the folder),
    /// the shared snippets in eventgaraget/, and the site file in sites-enabled/.
    struct Site {
        let folder: String
        let https: Int
        let http: Int

        init() throws {
            var template = Array("/tmp/egprod-XXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp failed") }
            folder = String(cString: made)
            https = try freeTCPPort()
            http = try freeTCPPort()
            let manager = FileManager.default
            try manager.createDirectory(atPath: folder + "/eventgaraget", withIntermediateDirectories: true)
            try manager.createDirectory(atPath: folder + "/sites-enabled", withIntermediateDirectories: true)
            for file in try manager.contentsOfDirectory(atPath: repositoryRoot + "/nginx")
            where file.hasPrefix("eventgaraget-") {
                try manager.copyItem(
                    atPath: repositoryRoot + "/nginx/" + file, toPath: folder + "/eventgaraget/" + file)
            }
            let stock = try String(contentsOfFile: "/etc/nginx/nginx.conf", encoding: .utf8)
            // The lines this test relies on being Debian's, so a changed machine fails loudly.
            for line in ["ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;", "ssl_prefer_server_ciphers on;", "gzip on;"] {
                guard stock.contains(line) else {
                    throw TestFailure("/etc/nginx/nginx.conf is not Debian's stock file")
                }
            }
            let conf = try Self.replacing(
                stock,
                [
                    ("pid /run/nginx.pid;", "pid \(folder)/nginx.pid;"),
                    ("error_log /var/log/nginx/error.log;", "error_log \(folder)/error.log;"),
                    ("access_log /var/log/nginx/access.log;", "access_log \(folder)/access.log;"),
                    ("include /etc/nginx/conf.d/*.conf;", ""),
                    ("include /etc/nginx/sites-enabled/*;", "include \(folder)/sites-enabled/*;"),
                ])
            try conf.write(toFile: folder + "/nginx.conf", atomically: true, encoding: .utf8)

            let site = try String(contentsOfFile: repositoryRoot + "/nginx/eventgaraget.conf", encoding: .utf8)
            let moved = try Self.replacing(
                site,
                [
                    ("    listen 80 default_server;\n", "    listen 127.0.0.1:\(http) default_server;\n"),
                    ("    listen 80;\n", "    listen 127.0.0.1:\(http);\n"),
                    (
                        "    listen 443 ssl http2 default_server;\n",
                        "    listen 127.0.0.1:\(https) ssl http2 default_server;\n"
                    ),
                    ("    listen 443 ssl http2;\n", "    listen 127.0.0.1:\(https) ssl http2;\n"),
                    ("/etc/letsencrypt/live/rental.example.se/fullchain.pem", folder + "/cert.pem"),
                    ("/etc/letsencrypt/live/rental.example.se/privkey.pem", folder + "/key.pem"),
                    ("/var/log/nginx/eventgaraget.access.log", folder + "/eventgaraget.access.log"),
                    ("unix:/run/eventgaraget/eventgaraget.sock", "unix:\(folder)/nobody.sock"),
                    ("listen unix:/run/eventgaraget/live.sock;", "listen unix:\(folder)/live.sock;"),
                    ("set $eg_root /opt/eventgaraget;", "set $eg_root \(repositoryRoot);"),
                ]
            ).split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("listen [::]") }
            try moved.joined(separator: "\n").write(
                toFile: folder + "/sites-enabled/eventgaraget.conf", atomically: true, encoding: .utf8)

            let certificate = try run(
                "/usr/bin/openssl",
                [
                    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                    "-subj", "/CN=\(ProductionNginxTests.name)", "-addext",
                    "subjectAltName=DNS:\(ProductionNginxTests.name)",
                    "-keyout", folder + "/key.pem", "-out", folder + "/cert.pem",
                ])
            guard certificate.status == 0 else { throw TestFailure("openssl req: \(certificate.errorOutput)") }
        }

        static func replacing(_ text: String, _ pairs: [(String, String)]) throws -> String {
            var result = text
            for (old, new) in pairs {
                guard result.contains(old) else { throw TestFailure("expected to find \(old)") }
                result = result.replacingOccurrences(of: old, with: new)
            }
            return result
        }

        func nginx(_ arguments: [String]) throws -> CommandResult {
            try run(
                "/usr/sbin/nginx",
                Self.prefix + ["-c", folder + "/nginx.conf", "-e", folder + "/error.log"] + arguments)
        }

        /// The TLS handshake's outcome with `options` (openssl s_client), and what it printed.
        func handshake(_ options: [String]) throws -> CommandResult {
            try run(
                "/usr/bin/openssl", ["s_client", "-connect", "127.0.0.1:\(https)"] + options, input: Data("Q\n".utf8))
        }

        func curl(_ url: String, _ options: [String] = []) throws -> CommandResult {
            try run(
                "/usr/bin/curl",
                ["-s", "-k", "-i", "--max-time", "5", "--resolve", "\(ProductionNginxTests.name):\(https):127.0.0.1"]
                    + options + [url])
        }

        /// Debian's prefix, where modules-enabled/*.conf find their modules; the `include`s of
        /// our files are relative to the configuration's folder instead.
        static let prefix = ["-p", "/usr/share/nginx/"]

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    @Test func theSiteFilePassesNginxTInsideDebiansStockConfiguration() throws {
        let site = try Site()
        defer { site.remove() }
        let check = try site.nginx(["-t"])
        #expect(check.status == 0, "\(check.errorOutput)")
        #expect(!check.errorOutput.contains("[warn]"), "\(check.errorOutput)")
    }

    @Test func onlyTLS12And13OurNameAndOurRedirectAreServed() throws {
        let site = try Site()
        defer { site.remove() }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
        server.arguments =
            Site.prefix + ["-c", site.folder + "/nginx.conf", "-e", site.folder + "/error.log", "-g", "daemon off;"]
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        try waitUntil { (try? site.handshake(["-servername", Self.name, "-tls1_2"]))?.status == 0 }

        let modern = try site.handshake(["-servername", Self.name, "-tls1_3"])
        #expect(modern.status == 0)
        #expect(modern.output.contains("TLSv1.3"))
        // The client is willing (security level 0 allows the old protocols' ciphers); the server is not.
        for old in ["-tls1", "-tls1_1"] {
            let refused = try site.handshake(["-servername", Self.name, old, "-cipher", "DEFAULT@SECLEVEL=0"])
            #expect(refused.status != 0, "\(old) was accepted: \(refused.output)")
            #expect(!refused.output.contains("Cipher is ECDHE"), "\(old)")
        }
        // No name, or another name: no handshake at all.
        #expect(try site.handshake(["-noservername", "-tls1_2"]).status != 0)
        #expect(try site.handshake(["-servername", "evil.example", "-tls1_2"]).status != 0)

        // Our name: served, with the static page while no responder runs.
        let down = try site.curl("https://\(Self.name):\(site.https)/")
        #expect(down.output.hasPrefix("HTTP/2 503"), "\(down.output.prefix(200))")
        #expect(down.output.contains("<h1>Tillfälligt otillgänglig</h1>"))
        #expect(down.output.lowercased().contains("strict-transport-security: max-age=63072000"))
        #expect(!down.output.lowercased().contains("server: nginx/"))

        // Port 80: the configured name in the redirect, never the Host sent; other hosts dropped.
        let redirect = try site.curl("http://127.0.0.1:\(site.http)/sign/x?y=1", ["-H", "Host: \(Self.name)"])
        #expect(redirect.output.hasPrefix("HTTP/1.1 301"))
        #expect(redirect.output.contains("Location: https://\(Self.name)/sign/x?y=1"))
        let spoofed = try site.curl("http://127.0.0.1:\(site.http)/", ["-H", "Host: evil.example"])
        #expect(spoofed.status == 52, "nginx answered another host: \(spoofed.output.prefix(200))")  // empty reply
    }
}
