import Sanitizer
import Testing

/// No input may crash, hang or blow the stack; each case must finish well inside a request.
@Suite("Limits")
struct LimitsTests {
    /// Generous for a debug build on a shared 2-core machine; release is about 10× faster.
    static let timeLimit = Duration.seconds(10)

    private func sanitizeQuickly(_ html: String) throws -> String {
        let clock = ContinuousClock()
        var output = ""
        let elapsed = try clock.measure { output = try HTMLSanitizer.sanitize(html).markup }
        #expect(elapsed < Self.timeLimit, "took \(elapsed)")
        // Escaping can make the output up to 6× longer than the input (`'` → `&#39;`), so output
        // of a near-limit input may itself be over the input limit.
        if output.utf8.count <= HTMLSanitizer.maximumInputBytes {
            #expect(try HTMLSanitizer.sanitize(output).markup == output, "not idempotent")
        }
        return output
    }

    @Test func inputOverTheLimitIsRefused() {
        let html = String(repeating: "a", count: HTMLSanitizer.maximumInputBytes + 1)
        #expect(
            throws: SanitizerError.inputTooLarge(byteCount: html.utf8.count, limit: HTMLSanitizer.maximumInputBytes)
        ) {
            try HTMLSanitizer.sanitize(html)
        }
    }

    @Test func limitCountsUTF8BytesNotCharacters() {
        // 600 000 characters, 1 200 000 bytes.
        #expect(throws: SanitizerError.self) { try HTMLSanitizer.sanitize(String(repeating: "å", count: 600_000)) }
    }

    @Test func inputAtTheLimitIsAccepted() throws {
        let html = String(repeating: "a", count: HTMLSanitizer.maximumInputBytes)
        #expect(try sanitizeQuickly(html) == html)
    }

    @Test func tooLargeErrorSaysHowLarge() {
        let error = SanitizerError.inputTooLarge(byteCount: 2_000_000, limit: HTMLSanitizer.maximumInputBytes)
        #expect(error.description.contains("2000000"))
        #expect(!SanitizerError.parserFailed.description.isEmpty)
    }

    /// As many copies of `fragment` as fit into the input limit, at most `count`.
    private func repeated(_ fragment: String, count: Int = 100_000) -> String {
        String(repeating: fragment, count: min(count, (HTMLSanitizer.maximumInputBytes - 1) / fragment.utf8.count))
    }

    @Test("100 000 nested unknown elements", arguments: ["div", "span", "svg", "font"])
    func deepUnknownNesting(_ name: String) throws {
        let output = try sanitizeQuickly(repeated("<\(name)>") + "x")
        #expect(!output.contains("<\(name)"))
    }

    @Test("100 000 nested allowed elements", arguments: ["b", "blockquote", "li", "ul", "a href=/x", "td", "table"])
    func deepAllowedNesting(_ tag: String) throws {
        let output = try sanitizeQuickly(repeated("<\(tag)>") + "x")
        #expect(Self.nestingDepth(of: output) <= HTMLSanitizer.maximumNestingDepth)
    }

    /// The deepest element nesting in sanitiser output. Every literal `<` in it starts a tag, since
    /// text and attribute values have theirs escaped.
    static func nestingDepth(of markup: String) -> Int {
        var depth = 0
        var deepest = 0
        var bytes = markup.utf8.makeIterator()
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "<") else { continue }
            var name: [UInt8] = []
            while let next = bytes.next(), next != UInt8(ascii: " "), next != UInt8(ascii: ">") { name.append(next) }
            switch String(decoding: name, as: UTF8.self) {
            case "br", "hr", "img": break
            case let closing where closing.hasPrefix("/"): depth -= 1
            default:
                depth += 1
                deepest = max(deepest, depth)
            }
        }
        return deepest
    }

    @Test func nestingBeyondTheKeptDepthKeepsTheText() throws {
        let depth = HTMLSanitizer.maximumNestingDepth + 20
        let html =
            String(repeating: "<blockquote>", count: depth) + "djup text"
            + String(repeating: "</blockquote>", count: depth)
        let output = try sanitizeQuickly(html)
        #expect(output.contains("djup text"))
        #expect(Self.nestingDepth(of: output) == HTMLSanitizer.maximumNestingDepth)
    }

    @Test(
        "1 MiB of one hostile character or fragment",
        arguments: [
            "<", ">", "&", "&#", "<a ", "<p>", "<td>", "<li>", "<!--", "<![CDATA[", "</", "<b a=\"", "\u{0}",
            "<img src=x onerror=alert(1)>",
        ]
    )
    func megabyteOfOnePattern(_ pattern: String) throws {
        _ = try sanitizeQuickly(repeated(pattern, count: .max))
    }

    @Test(
        "Truncated markup",
        arguments: [
            "<", "</", "<a", "<a href=\"", "<img src=x", "<img src=\"x", "<!--", "<![CDATA[", "<?", "<!DOCTYPE", "&",
            "&#", "&#x", "&amp", "<p title='", "<script>", "<style>", "<svg><", "<table><tr><td",
        ]
    )
    func truncatedMarkup(_ html: String) throws {
        _ = try sanitizeQuickly(html)
        _ = try sanitizeQuickly("<p>före</p>" + html)
    }

    @Test func nulBytesAreRemoved() throws {
        #expect(try sanitizeQuickly("a\u{0}b<b\u{0}>c</b>") == "ab<b>c</b>")
        #expect(try sanitizeQuickly("<scr\u{0}ipt>alert(1)</script>") == "")
    }

    @Test func oddUnicodeSurvivesAsText() throws {
        // Combining marks, a right-to-left override, emoji with a variation selector, private use,
        // a plane-16 private-use scalar and a line separator.
        let text =
            "Z\u{0351}\u{0357}a\u{0300}l\u{0301}g\u{0302}o \u{202E}txt.exe"
            + " \u{1F3AA}\u{FE0F} \u{E000} \u{10FFFD} \u{2028}"
        #expect(try sanitizeQuickly("<p>\(text)</p>") == "<p>\(text)</p>")
    }

    @Test func controlCharactersAreRemovedFromTextAndAttributes() throws {
        #expect(try sanitizeQuickly("<p>a\u{1}b\u{7F}c\u{1B}d</p>") == "<p>abcd</p>")
        #expect(try sanitizeQuickly("<img src=/logo alt=\"x\u{1}y\">") == "<img src=\"/logo\" alt=\"xy\">")
    }

    @Test func manySiblings() throws {
        let html = repeated("<p>x</p>")
        #expect(try sanitizeQuickly(html) == html)
    }

    @Test func concurrentCallsAgree() async throws {
        let input = "<p>Tält <strong>6×12 m</strong> &amp; golv<script>alert(1)</script></p>"
        let expected = try HTMLSanitizer.sanitize(input).markup
        let outputs = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { try (0..<200).map { _ in try HTMLSanitizer.sanitize(input).markup } }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(outputs.count == 1_600)
        #expect(outputs.allSatisfy { $0 == expected })
    }
}
