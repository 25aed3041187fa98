import Domain
import Testing

@testable import Routing

@Suite("Routes")
struct RouteTests {
    @Test func everyRoutePrintsAPathThatParsesBackToIt() {
        let routes: [Route] = [
            .site(.home), .site(.health), .site(.signingHelp), .admin(.account(.login(next: nil))),
            .site(.switchLanguage(.en, returnTo: LocalPath(validating: "/help/signing?x=å")!)),
            .site(.switchLanguage(.sv, returnTo: .root)),
        ]
        for route in routes {
            let path = route.path
            let (rawPath, query) = split(path)
            let segments = rawPath.split(separator: "/").map { String($0).removingPercentEncodingForTest() }
            #expect(Route.match(method: "GET", segments: segments, query: { query[$0] }) == .route(route), "\(path)")
        }
    }

    @Test func unknownPathsAndMethodsAreTold() {
        #expect(Route.match(method: "GET", segments: ["nope"]) == .notFound)
        #expect(Route.match(method: "GET", segments: ["language", "de"]) == .notFound)
        #expect(Route.match(method: "POST", segments: []) == .methodNotAllowed(allowed: ["GET", "HEAD"]))
        #expect(Route.match(method: "HEAD", segments: ["healthz"]) == .route(.site(.health)))
        // nginx answers the errors it raises itself from static files: the responder has no such page.
        #expect(Route.match(method: "GET", segments: ["_error", "429"]) == .notFound)
        #expect(Route.match(method: "GET", segments: ["calendar", "x"]) == .notFound)
        #expect(Route.match(method: "GET", segments: ["calendar", ".ics"]) == .notFound)
        #expect(
            Route.match(method: "GET", segments: ["calendar", "abc.ics"]) == .route(.feeds(.calendar(token: "abc"))))
        #expect(Route.match(method: "GET", segments: ["sign", "t", "decline"]) == .methodNotAllowed(allowed: ["POST"]))
    }

    @Test func languageSwitchNeverRedirectsOffSite() {
        for evil in ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/a\nb"] {
            let match = Route.match(
                method: "GET", segments: ["language", "en"], query: { $0 == "return" ? evil : nil })
            #expect(match == .route(.site(.switchLanguage(.en, returnTo: .root))), "\(evil)")
        }
    }

    private func split(_ path: String) -> (String, [String: String]) {
        guard let q = path.firstIndex(of: "?") else { return (path, [:]) }
        var query: [String: String] = [:]
        for pair in path[path.index(after: q)...].split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncodingForTest() }
            query[kv[0]] = kv.count > 1 ? kv[1] : ""
        }
        return (String(path[..<q]), query)
    }
}

extension String {
    /// Minimal %XX decoding for the round-trip test (the real decoder lives in HTTP).
    fileprivate func removingPercentEncodingForTest() -> String {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let h = iterator.next(), let l = iterator.next(),
                let value = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
