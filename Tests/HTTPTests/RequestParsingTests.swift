import Testing

@testable import HTTP

@Suite("Turning FastCGI params into a request")
struct RequestParsingTests {
    let limits = RequestLimits(maxBodyBytes: 1024, maxFields: 10, maxParts: 3)

    func parse(_ params: [String: String], body: String = "") -> Request {
        var merged = params
        if merged["CONTENT_LENGTH"] == nil { merged["CONTENT_LENGTH"] = String(body.utf8.count) }
        return Request.parse(params: merged, limits: limits) { n in Array(body.utf8.prefix(n)) }
    }

    @Test func pathIsDecodedPerSegmentAndNormalised() {
        let request = parse(["REQUEST_METHOD": "GET", "REQUEST_URI": "/sign//%C3%A5ke/./x%2Fy/?a=1"])
        #expect(request.problem == nil)
        #expect(request.segments == ["sign", "åke", "x/y"])
        #expect(request.path == "/sign/åke/x/y")
        #expect(request.query["a"] == "1")
    }

    @Test(arguments: ["/a/../etc/passwd", "/%2e%2e/x", "/a/%2E%2E"])
    func dotDotIsRefused(_ uri: String) {
        #expect(parse(["REQUEST_URI": uri]).problem == .badRequest(.pathTraversal))
    }

    @Test func badPercentEncodingAndUTF8AreNamed() {
        #expect(parse(["REQUEST_URI": "/a%zz"]).problem == .badRequest(.invalidPercentEncoding(.path)))
        #expect(parse(["REQUEST_URI": "/a%"]).problem == .badRequest(.invalidPercentEncoding(.path)))
        #expect(parse(["REQUEST_URI": "/%ff%fe"]).problem == .badRequest(.invalidUTF8(.path)))
        #expect(parse(["REQUEST_URI": "/?q=%G1"]).problem == .badRequest(.invalidPercentEncoding(.query)))
    }

    @Test func headersCookiesAndClientComeFromParams() {
        let request = parse([
            "REQUEST_URI": "/", "HTTP_USER_AGENT": "Test/1.0", "HTTP_ACCEPT_LANGUAGE": "en",
            "HTTP_COOKIE": "lang=en; theme=\"dark\"; lang=sv", "REMOTE_ADDR": "203.0.113.9",
            "REQUEST_SCHEME": "https", "REQUEST_ID": "abc123",
        ])
        #expect(request.headers["user-agent"] == "Test/1.0")
        #expect(request.headers["Accept-Language"] == "en")
        #expect(request.cookies == ["lang": "en", "theme": "dark"])
        #expect(request.clientAddress == "203.0.113.9")
        #expect(request.scheme == "https")
        #expect(request.requestID == "abc123")
    }

    @Test func urlencodedFormIsDecoded() {
        let request = parse(
            ["REQUEST_METHOD": "POST", "REQUEST_URI": "/x", "CONTENT_TYPE": "application/x-www-form-urlencoded"],
            body: "name=Anna+Svensson&city=G%C3%B6teborg&empty=&flag")
        #expect(request.problem == nil)
        #expect(request.form["name"] == "Anna Svensson")
        #expect(request.form["city"] == "Göteborg")
        #expect(request.form["empty"] == "")
        #expect(request.form["flag"] == "")
    }

    @Test func controlCharactersInAFieldAreABadRequestNamingTheField() {
        let post = ["REQUEST_METHOD": "POST", "REQUEST_URI": "/x", "CONTENT_TYPE": "application/x-www-form-urlencoded"]
        #expect(
            parse(post, body: "a=ok&signer_name=Anna%00").problem
                == .badRequest(.controlCharacter(field: "signer_name")))
        #expect(parse(post, body: "title=%1B%5B31m").problem == .badRequest(.controlCharacter(field: "title")))
        #expect(parse(post, body: "x=%7F").problem == .badRequest(.controlCharacter(field: "x")))
        // Tab and line breaks are text (a textarea sends CR LF).
        let text = parse(post, body: "notes=line+one%0D%0Aline%09two")
        #expect(text.problem == nil)
        #expect(text.form["notes"] == "line one\r\nline\ttwo")
        let query = parse(["REQUEST_METHOD": "GET", "REQUEST_URI": "/admin/customers?q=a%00b"])
        #expect(query.problem == .badRequest(.controlCharacter(field: "q")))
    }

    @Test func malformedFormIsABadRequest() {
        let post = ["REQUEST_METHOD": "POST", "REQUEST_URI": "/x", "CONTENT_TYPE": "application/x-www-form-urlencoded"]
        #expect(parse(post, body: "a=%zz").problem == .badRequest(.invalidPercentEncoding(.form)))
        #expect(parse(post, body: "a=%C3%28").problem == .badRequest(.invalidUTF8(.form)))
        let many = (0..<11).map { "f\($0)=1" }.joined(separator: "&")
        #expect(parse(post, body: many).problem == .badRequest(.tooManyFields(limit: 10)))
    }

    @Test func bodyOverTheLimitIsNotRead() {
        var read = false
        let request = Request.parse(
            params: ["REQUEST_METHOD": "POST", "REQUEST_URI": "/", "CONTENT_LENGTH": "5000"], limits: limits
        ) { _ in
            read = true
            return []
        }
        #expect(request.problem == .payloadTooLarge(limit: 1024))
        #expect(!read)
        #expect(parse(["REQUEST_URI": "/", "CONTENT_LENGTH": "-1"]).problem == .badRequest(.invalidContentLength))
        #expect(parse(["REQUEST_URI": "/", "CONTENT_LENGTH": "12x"]).problem == .badRequest(.invalidContentLength))
    }
}

@Suite("multipart/form-data")
struct MultipartTests {
    let limits = RequestLimits(maxBodyBytes: 1 << 20, maxFields: 10, maxParts: 3)

    func post(_ body: String, boundary: String? = "XyZ") -> Request {
        let type = boundary.map { "multipart/form-data; boundary=\"\($0)\"" } ?? "multipart/form-data"
        return Request.parse(
            params: [
                "REQUEST_METHOD": "POST", "REQUEST_URI": "/upload", "CONTENT_TYPE": type,
                "CONTENT_LENGTH": String(body.utf8.count),
            ],
            limits: limits
        ) { n in Array(body.utf8.prefix(n)) }
    }

    @Test func fieldsAndFilesAreDecoded() {
        let body =
            "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nÅsa Öberg\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"logo.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n\u{89}PNG\r\n--not-the-boundary\r\n--XyZ--\r\nepilogue"
        let request = post(body)
        #expect(request.problem == nil)
        #expect(request.form["name"] == "Åsa Öberg")
        let file = request.form.file("logo")
        #expect(file?.filename == "logo.png")
        #expect(file?.contentType == "image/png")
        #expect(file.map { String(decoding: $0.bytes, as: UTF8.self) } == "\u{89}PNG\r\n--not-the-boundary")
    }

    @Test func brokenBodiesAreBadRequests() {
        #expect(
            post("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end").problem
                == .badRequest(.malformedMultipart(.missingClosingBoundary)))
        #expect(post("nothing here").problem == .badRequest(.malformedMultipart(.missingOpeningBoundary)))
        #expect(
            post("--XyZ\r\nX-Other: 1\r\n\r\nv\r\n--XyZ--").problem
                == .badRequest(.malformedMultipart(.missingContentDisposition)))
        #expect(post("--XyZ--", boundary: nil).problem == .badRequest(.malformedMultipart(.missingBoundary)))
        #expect(
            post("--XyZ\r\nContent-Disposition: form-data; name=\"a\"").problem
                == .badRequest(.malformedMultipart(.malformedPartHeaders)))
    }

    @Test func partCountIsBounded() {
        let part = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
        #expect(post(String(repeating: part, count: 4) + "--XyZ--").problem == .badRequest(.tooManyFields(limit: 3)))
    }
}

@Suite("Responses")
struct ResponseTests {
    @Test func serialisedResponseHasStatusLengthAndNoInjectedHeaders() {
        var response = Response.html(Array("<p>hej</p>".utf8), status: .notFound)
        response.headers.append(("X-Evil", "a\r\nSet-Cookie: x=1"))
        let text = String(decoding: response.serialized(includeBody: true), as: UTF8.self)
        #expect(text.hasPrefix("Status: 404 Not Found\r\n"))
        #expect(text.contains("Content-Length: 10\r\n"))
        #expect(text.contains("Cache-Control: no-store\r\n"))
        #expect(!text.contains("Set-Cookie"))
        #expect(text.hasSuffix("\r\n\r\n<p>hej</p>"))
        #expect(String(decoding: response.serialized(includeBody: false), as: UTF8.self).hasSuffix("\r\n\r\n"))
    }
}
