import Domain
import Routing
import Sanitizer
import Testing

@testable import Templates

/// Renders every component with hostile values and checks they come out inert.
@Suite("Escaping by default")
struct EscapingTests {
    static let hostile = [
        "\"><script>alert(1)</script>",
        "' onmouseover='alert(1)",
        "javascript:alert(1)",
        "<img src=x onerror=alert(1)>",
        "</title><script>alert(1)</script>",
        "&lt;script&gt;",
    ]

    func render(_ node: Node) -> String { String(decoding: node.rendered(), as: UTF8.self) }

    func context(_ value: String, language: Language = .sv) -> PageContext {
        PageContext(
            language: language, currentPath: LocalPath(validating: "/" + value) ?? .root, assets: AssetCatalog(),
            company: CompanyProfile(
                name: value, organisationNumber: value, vatNumber: value, address: value, email: value, phone: value,
                website: value))
    }

    /// No raw hostile markup, and no attribute made from it.
    func expectInert(_ html: String, _ value: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!html.contains("<script>alert"), sourceLocation: sourceLocation)
        #expect(!html.contains("<img src=x"), sourceLocation: sourceLocation)
        #expect(!html.contains("' onmouseover='"), sourceLocation: sourceLocation)
        #expect(!html.contains("href=\"javascript:"), sourceLocation: sourceLocation)
        #expect(!html.contains("src=\"javascript:"), sourceLocation: sourceLocation)
    }

    @Test(arguments: hostile)
    func textAndAttributesAreEscaped(_ value: String) {
        let html = render(div(.class(value), .data("data-x", value)) { value })
        expectInert(html, value)
        #expect(html.contains(HTMLEscape.escape(value)))
    }

    @Test func allFiveCharactersAreEscapedInTextAndAttributes() {
        #expect(
            render(p(.attr("title", "&<>\"'")) { "&<>\"'" })
                == "<p title=\"&amp;&lt;&gt;&quot;&#39;\">&amp;&lt;&gt;&quot;&#39;</p>")
    }

    @Test(arguments: hostile)
    func everyPageIsInertWithHostileCompanyAndPath(_ value: String) {
        for language in Language.allCases {
            let ctx = context(value, language: language)
            let pages = [
                HomePage.render(ctx),
                SigningHelpPage.render(ctx),
                ErrorPage.render(status: 400, reason: value, requestID: value, context: ctx),
                ErrorPage.render(status: 500, requestID: value, context: ctx),
            ]
            for page in pages {
                let html = String(decoding: page, as: UTF8.self)
                expectInert(html, value)
                #expect(html.hasPrefix("<!doctype html><html lang=\"\(language.rawValue)\">"))
            }
        }
    }

    @Test func unsafeURLsAreRefused() {
        for url in [
            "javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>", "vbscript:x", "java\tscript:x",
        ] {
            #expect(SafeURL(checking: url) == nil, "\(url)")
        }
        #expect(SafeURL(checking: "https://example.se/a?b=c") != nil)
        #expect(SafeURL(checking: "mailto:info@example.se") != nil)
        // A mailto link for an address cannot smuggle another scheme or break out of the attribute.
        let html = render(a(.href(SafeURL(mailto: "x\"@y.se?subject=<b>"))) { "mail" })
        #expect(html.hasPrefix("<a href=\"mailto:x%22@y.se%3Fsubject%3D%3Cb%3E\">"))
    }

    @Test func sanitizedHTMLIsTheOnlyRawMarkup() throws {
        let clean = try HTMLSanitizer.sanitize(
            "<p onclick=\"x()\">Tält <strong>6×12</strong><script>alert(1)</script></p>")
        let html = render(div { Node.sanitized(clean) })
        #expect(html == "<div><p>Tält <strong>6×12</strong></p></div>")
    }

    @Test func layoutHasTheDocumentFrame() {
        let html = String(decoding: HomePage.render(context("Eventbolaget AB")), as: UTF8.self)
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/static/app.css\">"))
        #expect(html.contains("<script src=\"/static/app.js\" defer></script>"))
        #expect(html.contains("<header class=\"site-header\">"))
        #expect(html.contains("<main id=\"main\""))
        #expect(html.contains("<footer class=\"site-footer\">"))
        #expect(html.contains("href=\"/language/en?return=/Eventbolaget%20AB\""))
    }

    @Test func assetURLsCarryAFingerprint() {
        let catalog = AssetCatalog(files: ["app.css": Array("body{}".utf8)])
        let ctx = PageContext(language: .en, currentPath: .root, assets: catalog, company: .fallback)
        let html = String(decoding: HomePage.render(ctx), as: UTF8.self)
        #expect(html.contains("href=\"/static/app.css?v=\(catalog.fingerprint(of: "app.css")!)\""))
    }
}
