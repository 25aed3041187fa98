import Foundation
import TestSupport
import Testing

/// One running product (PostgreSQL, responder, nginx) shared by the tests that only read.
private let shared = Result { try ProductStack() }

@Suite("Through nginx over HTTPS", .serialized)
struct ThroughNginxTests {
    func stack() throws -> ProductStack { try shared.get() }

    @Test func healthzAnswersOkOverHTTP2() throws {
        let result = try stack().client.get("/healthz")
        #expect(result.status == 200)
        #expect(result.text == "ok\n")
        #expect(result.httpVersion == "HTTP/2")
    }

    @Test func homePageIsRenderedInTheLayoutFromTheDatabase() throws {
        let stack = try stack()
        _ = try stack.postgres.psql(
            "UPDATE settings SET company_name = 'Tältmästarna AB', contact_email = 'hej@example.se'",
            database: databaseName(fromURL: stack.databaseURL))
        let result = try stack.client.get("/", headers: ["Accept-Language": "sv-SE,sv;q=0.9"])
        #expect(result.status == 200)
        #expect(result.header("content-type") == "text/html; charset=utf-8")
        #expect(result.header("cache-control") == "no-store")
        #expect(result.text.hasPrefix("<!doctype html><html lang=\"sv\">"))
        #expect(result.text.contains("<h1>Tältmästarna AB</h1>"))
        #expect(result.text.contains("href=\"mailto:hej@example.se\""))
        #expect(result.text.contains("href=\"/help/signing\""))
        #expect(result.text.contains("href=\"/admin/login\""))
    }

    @Test func languageFollowsTheBrowserAndTheSwitchRemembersIt() throws {
        let client = try stack().client
        let english = try client.get("/help/signing", headers: ["Accept-Language": "en-GB,en;q=0.9"])
        #expect(english.text.contains("<html lang=\"en\">"))
        #expect(english.text.contains("How to sign a quotation"))

        let switched = try client.get("/language/sv?return=/help/signing", headers: ["Accept-Language": "en"])
        #expect(switched.status == 303)
        #expect(switched.header("location") == "/help/signing")
        let cookie = try #require(switched.header("set-cookie"))
        #expect(cookie.hasPrefix("lang=sv;"))
        #expect(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))

        let swedish = try client.get("/help/signing", headers: ["Accept-Language": "en", "Cookie": "lang=sv"])
        #expect(swedish.text.contains("Så signerar du en offert"))

        let offsite = try client.get("/language/en?return=//evil.example/")
        #expect(offsite.header("location") == "/")
    }

    @Test func unknownPathGetsTheNotFoundPageInTheLayout() throws {
        let result = try stack().client.get("/finns/inte", headers: ["Accept-Language": "sv"])
        #expect(result.status == 404)
        #expect(result.text.hasPrefix("<!doctype html>"))
        #expect(result.text.contains("<h1>Sidan finns inte</h1>"))
        #expect(result.text.contains("<main id=\"main\""))
        let requestID = try #require(result.header("x-request-id"))
        #expect(requestID.count >= 16)
        #expect(result.text.contains("<code>\(requestID)</code>"))
    }

    @Test func staticFilesAreServedByNginxWithLongCaching() throws {
        let client = try stack().client
        let css = try client.get("/static/app.css", headers: ["Accept-Encoding": "gzip"])
        #expect(css.status == 200)
        #expect(css.header("content-type") == "text/css")
        #expect(css.header("cache-control") == "public, max-age=31536000, immutable")
        #expect(css.header("content-encoding") == "gzip")
        #expect(css.header("x-content-type-options") == "nosniff")
        // The page links it with the fingerprint that makes a year's caching safe.
        let home = try client.get("/")
        #expect(home.text.range(of: #"href="/static/app\.css\?v=[0-9a-f]+""#, options: .regularExpression) != nil)
        let missing = try client.get("/static/nope.css")
        #expect(missing.status == 404)
    }

    @Test func securityHeadersAreOnPagesAndErrors() throws {
        let client = try stack().client
        for path in ["/", "/healthz", "/nope", "/static/app.js"] {
            let result = try client.get(path)
            let csp = try #require(result.header("content-security-policy"), "\(path)")
            #expect(csp.contains("script-src 'self'"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(!csp.contains("unsafe-inline"))
            #expect(result.header("x-content-type-options") == "nosniff")
            #expect(result.header("referrer-policy") == "same-origin")
            #expect(result.header("x-frame-options") == "DENY")
            #expect(result.header("permissions-policy") != nil)
            #expect(result.header("strict-transport-security")?.hasPrefix("max-age=") == true)
            #expect(result.header("server") == "nginx")  // no version: server_tokens off
        }
    }

    @Test func bodyOverTheLimitIsRefusedWith413() throws {
        let client = try stack().client
        let big = Data(repeating: UInt8(ascii: "a"), count: 9 << 20)
        // HTTP/1.1 gets the friendly page; over HTTP/2 nginx 1.22 sends its own (nginx issue #1356).
        let result = try client.request(
            "POST", "/", body: big, contentType: "application/x-www-form-urlencoded", http1: true)
        #expect(result.status == 413)
        #expect(result.text.contains("<h1>För mycket data</h1>"))
        #expect(result.text.contains("8 MB"))
        let h2 = try client.request("POST", "/", body: big, contentType: "application/x-www-form-urlencoded")
        #expect(h2.status == 413)
    }

    @Test func malformedFormGetsA400PageThatSaysWhy() throws {
        let client = try stack().client
        let result = try client.request(
            "POST", "/", headers: ["Accept-Language": "en"], body: Data("name=%zz".utf8),
            contentType: "application/x-www-form-urlencoded")
        #expect(result.status == 400)
        #expect(result.text.contains("<h1>Bad request</h1>"))
        #expect(result.text.contains("The form data contains an invalid %-encoding."))

        let multipart = try client.request(
            "POST", "/", headers: ["Accept-Language": "sv"], body: Data("--b\r\nbroken".utf8),
            contentType: "multipart/form-data; boundary=b")
        #expect(multipart.status == 400)
        #expect(multipart.text.contains("Den uppladdade formulärdatan är trasig eller ofullständig."))

        let path = try client.get("/a%zz")
        #expect(path.status == 400)
        #expect(path.text.contains("<h1>Felaktig förfrågan</h1>"))
    }

    @Test func wrongMethodIs405WithAllow() throws {
        let result = try stack().client.request(
            "POST", "/healthz", body: Data("a=1".utf8), contentType: "application/x-www-form-urlencoded")
        #expect(result.status == 405)
        #expect(result.header("allow") == "GET, HEAD")
    }

    @Test func headAnswersWithoutABody() throws {
        let result = try stack().client.request("HEAD", "/")
        #expect(result.status == 200)
        #expect(result.body.isEmpty)
        #expect(Int(result.header("content-length") ?? "") ?? 0 > 500)
    }

    @Test func aBurstOfMalformedRequestsLeavesTheResponderServing() throws {
        let stack = try stack()
        let client = stack.client
        let failures = LockedBox(0)
        DispatchQueue.concurrentPerform(iterations: 120) { i in
            let attempt: HTTPResult?
            switch i % 4 {
            case 0: attempt = try? client.get("/%ff%fe%zz")
            case 1:
                attempt = try? client.request(
                    "POST", "/", body: Data("--x\r\nContent-Disposition: nope\r\n\r\n".utf8),
                    contentType: "multipart/form-data; boundary=x")
            case 2:
                attempt = try? client.request(
                    "POST", "/", body: Data([0xFF, 0xFE, 0x3D, 0x25]), contentType: "application/x-www-form-urlencoded")
            default: attempt = try? client.get("/" + String(repeating: "a/", count: 500) + "..%2f..%2f")
            }
            if let status = attempt?.status, (400..<500).contains(status) { return }
            failures.update { $0 += 1 }
        }
        #expect(failures.get() == 0)
        #expect(stack.responderProcess?.isRunning == true)
        #expect(try client.get("/healthz").status == 200)
    }

    @Test func rateLimitedEndpointsAnswer429WithTheFriendlyPage() throws {
        let client = try stack().client
        // Loading the sign-in form is never limited; a flood of sign-in attempts is.
        for _ in 0..<25 {
            #expect(try client.get("/admin/login", headers: ["Accept-Language": "en"]).status == 200)
        }
        var statuses: [Int] = []
        var limited: HTTPResult?
        for _ in 0..<30 {
            let result = try client.request(
                "POST", "/admin/login", headers: ["Accept-Language": "en"],
                body: Data("email=a%40b.se&password=x".utf8),
                contentType: "application/x-www-form-urlencoded")
            statuses.append(result.status)
            if result.status == 429 { limited = result }
        }
        #expect(statuses.contains(429), "\(statuses)")
        #expect(statuses.prefix(20).allSatisfy { $0 == 403 }, "the burst reaches the responder: \(statuses)")
        // nginx answers it alone, in both languages (it does not know the visitor's).
        let page = try #require(limited)
        #expect(page.text.contains("<h2 lang=\"en\">Too many requests</h2>"))
    }

    @Test func requestLogHasOneLinePerRequestAndNoQueryString() throws {
        let stack = try stack()
        _ = try stack.client.get("/help/signing?token=very-secret-value")
        usleep(100_000)
        let log = stack.readResponderLog()
        let line = try #require(log.split(separator: "\n").last { $0.contains("GET /help/signing") })
        #expect(line.contains("request_id="))
        #expect(line.contains(" 200 "))
        #expect(line.range(of: #"[0-9]+\.[0-9]{2}ms"#, options: .regularExpression) != nil)
        #expect(!log.contains("very-secret-value"))
    }

    @Test func signingTokensNeverReachTheRequestLog() throws {
        // The page tests (in process) check which page a token gets; this checks the running
        // server's own log line, which they cannot see.
        let stack = try stack()
        let token = "Zq" + String(repeating: "x7", count: 20) + "k"  // the shape of a real one (43 characters)
        #expect(try stack.client.get("/sign/\(token)", headers: ["Accept-Language": "en"]).status == 404)
        #expect(try stack.client.get("/sign/\(token)/offer.pdf").status == 404)
        usleep(100_000)
        let log = stack.readResponderLog()
        #expect(log.contains("GET /sign/[token] 404"))
        #expect(!log.contains(token))
    }

    @Test func generatedNginxConfigurationPassesNginxT() throws {
        let check = try stack().nginxCommand(["-t"])
        #expect(check.status == 0, "\(check.errorOutput)")
    }
}
