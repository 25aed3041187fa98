import Testing

@testable import Sanitizer

@Suite("URLPolicy")
struct URLPolicyTests {
    @Test(
        "Links that stay",
        arguments: [
            "https://eventgaraget.se/hyra", "http://example.com", "HTTPS://EXAMPLE.COM/", "mailto:info@eventgaraget.se",
            "MailTo:x@y.example", "/villkor", "villkor.html", "#karta", "?sida=2", "//cdn.example/x.pdf",
            "./a:b", "x/y:z", "https://example.com/?a=1&b=2", " https://example.com/ ", "https&colon;//example.com/",
        ]
    )
    func allowedLinks(_ url: String) {
        #expect(URLPolicy.isAllowedLink(url))
    }

    @Test(
        "Links that go",
        arguments: [
            "", "   ", "\u{200B}", "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
            "\n\tjavascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)",
            "\u{1}javascript:alert(1)", "java\u{0}script:alert(1)", "java\u{7F}script:alert(1)",
            "java\u{200B}script:alert(1)", "java\u{200C}script:alert(1)", "\u{FEFF}javascript:alert(1)",
            "\u{A0}javascript:alert(1)", "java\u{AD}script:alert(1)", "java\u{2060}script:alert(1)",
            "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "&#X6a;avascript:alert(1)",
            "&#0000106avascript:alert(1)", "&#x0000006A&#x61vascript:alert(1)", "javascript&colon;alert(1)",
            "java&Tab;script:alert(1)", "java&NewLine;script:alert(1)", "javascript&#58;alert(1)",
            "javascript&#x3A;alert(1)", "&amp;#106;avascript:alert(1)", "javascript&amp;colon;alert(1)",
            "java&ZeroWidthSpace;script:alert(1)", "javascript&ampcolon;alert(1)", "&amp#106;avascript:alert(1)",
            "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
            "DATA:image/png;base64,AAAA", "file:///etc/passwd", "ftp://example.com/", "x-unknown:thing",
            ":no-scheme", "jav&#x09;ascript:alert(1)", "javascr\u{130}pt:alert(1)", "\u{FF4A}avascript:alert(1)",
        ]
    )
    func refusedLinks(_ url: String) {
        #expect(!URLPolicy.isAllowedLink(url))
    }

    /// Finding F6: images only from our own uploads or inline, never another host (a tracking
    /// pixel) nor a relative path (another file on every page).
    @Test func imagesComeOnlyFromOurUploadsOrInline() {
        for kept in [
            "/logo", "/logo?v=3f2a", "data:image/png;base64,iVBORw0KGgo=", "DATA:Image/JPEG;BASE64,/9j/4AAQ",
            "data:image/gif;base64,R0lGODlh", "data:image/webp;base64,UklGRg==",
            "data:image/png;base64,iVBO Rw0K\nGgo=",
        ] {
            #expect(URLPolicy.isAllowedImageSource(kept), "\(kept)")
        }
        for dropped in [
            "https://eventgaraget.se/bilder/talt.jpg", "http://tracker.example/p.gif", "//cdn.example/a.png",
            "/bilder/bord.png", "bord.png", "../logo", "/logo/../admin", "/logo2", "mailto:a@b.example",
            "data:image/svg+xml;base64,PHN2Zz4=", "data:image/png,rawbytes", "data:text/html;base64,PHNjcmlwdD4=",
            "data:image/png;base64,<script>", "data:image/png;base64,", "javascript:alert(1)", "",
        ] {
            #expect(!URLPolicy.isAllowedImageSource(dropped), "\(dropped)")
        }
    }

    @Test func schemeIsTheTextBeforeTheFirstColonOutsidePathQueryAndFragment() {
        #expect(URLPolicy.scheme(of: "HtTpS://x") == .scheme("https"))
        #expect(URLPolicy.scheme(of: "a/b:c") == .relative)
        #expect(URLPolicy.scheme(of: "?a:b") == .relative)
        #expect(URLPolicy.scheme(of: "#a:b") == .relative)
        #expect(URLPolicy.scheme(of: "a b:c") == .scheme("a b"))
        #expect(URLPolicy.scheme(of: "") == .empty)
    }

    @Test func characterReferencesDecodeLikeHTML() {
        #expect(CharacterReferences.decode("&#106;&#x61;&#X76;&#0000097") == "java")
        #expect(CharacterReferences.decode("&colon;&Tab;&NewLine;&sol;&lpar;&rpar;&quot;&amp;") == ":\t\n/()\"&")
        #expect(
            CharacterReferences.decode("&#0;&#xD800;&#x110000;&#99999999999999;") == "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
        )
        // Unknown names, names without `;`, and `&#` without digits stay as they are.
        #expect(CharacterReferences.decode("&unknown; &colon &# &#x; &") == "&unknown; &colon &# &#x; &")
        // Legacy names decode without `;`, as in HTML text.
        #expect(CharacterReferences.decode("&amp &ltx &ampcolon;") == "& <x &colon;")
        #expect(CharacterReferences.decodeRepeatedly("&amp;amp;#106;") == "j")
        #expect(CharacterReferences.decodeRepeatedly("&ampcolon; &amp#106;") == ": j")
    }

    @Test func numericAttributesAreBoundedDigits() {
        #expect(AttributeRule.boundedInteger("10", upTo: 100) == 10)
        #expect(AttributeRule.boundedInteger(" 007 ", upTo: 100) == 7)
        #expect(AttributeRule.boundedInteger("100", upTo: 100) == 100)
        for refused in ["0", "101", "-1", "+1", "10px", "1e2", "1.5", "", " ", "\u{FF19}", "99999999999999999999"] {
            #expect(AttributeRule.boundedInteger(refused, upTo: 100) == nil, "\(refused.debugDescription)")
        }
    }
}
