import Sanitizer
import Testing

/// What a user writing an event description notices.
@Suite("Sanitiser behaviour")
struct SanitizerBehaviourTests {
    private func clean(_ html: String) throws -> String { try HTMLSanitizer.sanitize(html).markup }

    @Test func emptyInputGivesEmptyOutput() throws {
        #expect(try HTMLSanitizer.sanitize("") == .empty)
        #expect(try clean("<!-- bara en kommentar -->") == "")
        #expect(try clean("<script>alert(1)</script>") == "")
    }

    @Test func plainTextIsEscapedNotParagraphed() throws {
        #expect(try clean("Hej & välkommen <3") == "Hej &amp; välkommen &lt;3")
    }

    @Test func html5OnlyEntityNamesStayLiteral() throws {
        // libxml2 2.9 knows the HTML 4 names only; the reader sees what was typed, never markup.
        #expect(try clean("<p>&check; &colon; &amp</p>") == "<p>&amp;check; &amp;colon; &amp;amp</p>")
    }

    @Test func linksAlwaysGetRelAndLoseTarget() throws {
        #expect(
            try clean("<a href=\"https://x.example/\" target=_blank rel=opener>x</a>")
                == "<a href=\"https://x.example/\" rel=\"nofollow noopener noreferrer\">x</a>"
        )
    }

    @Test func dangerousLinkKeepsTextButLosesHref() throws {
        #expect(
            try clean("<a href=\"javascript:alert(1)\">klicka</a>")
                == "<a rel=\"nofollow noopener noreferrer\">klicka</a>"
        )
    }

    @Test func imageWithoutUsableSourceIsDropped() throws {
        #expect(try clean("<p>a<img src=\"javascript:alert(1)\" alt=bild>b</p>") == "<p>ab</p>")
        #expect(try clean("<img alt=bild>") == "")
    }

    @Test func unknownElementsAreUnwrappedAndDangerousOnesDroppedWithContent() throws {
        #expect(try clean("<section><div><span>kvar</span></div></section>") == "kvar")
        #expect(
            try clean("<p>a<style>p{color:red}</style>b<textarea>c</textarea>d<select><option>e</select>f</p>")
                == "<p>abdf</p>"
        )
    }

    @Test func blocksInsideInlineElementsAreUnwrapped() throws {
        // libxml2 nests <b><div><p>; writing <b><p> would re-parse as <b></b><p> (see LibXML2Workarounds).
        #expect(try clean("<b><div><p>x</p></div></b>") == "<b>x</b>")
        #expect(try clean("<p><span><ul><li>x</li></ul></span></p>") == "<p>x</p>")
    }

    @Test func listAndTablePartsNeedTheirParents() throws {
        #expect(try clean("<li>lös</li>") == "lös")
        #expect(try clean("<td>cell</td>") == "cell")
        #expect(try clean("<ul><div><li>x</li></div></ul>") == "<ul><li>x</li></ul>")
        #expect(try clean("<ol><ul><li>x</li></ul></ol>") == "<ol></ol><ul><li>x</li></ul>")
    }

    @Test func linksDoNotNest() throws {
        #expect(
            try clean("<a href=/a><b><a href=/b>x</a></b></a>")
                == "<a href=\"/a\" rel=\"nofollow noopener noreferrer\"><b>x</b></a>"
        )
    }

    @Test func numericAttributesAreCanonical() throws {
        #expect(
            try clean("<table><tr><td colspan=' 02' rowspan=0>x</td></tr></table>")
                == "<table><tr><td colspan=\"2\">x</td></tr></table>"
        )
        #expect(
            try clean("<img src=/logo width=4096 height=4097>") == "<img src=\"/logo\" width=\"4096\">"
        )
    }

    @Test func quotesInAttributesAreEscaped() throws {
        #expect(
            try clean("<img src=/logo alt='\"><script>'>") == "<img src=\"/logo\" alt=\"&quot;&gt;&lt;script&gt;\">"
        )
        #expect(
            try clean("<a href=\"/x?q='1'\">q</a>")
                == "<a href=\"/x?q=&#39;1&#39;\" rel=\"nofollow noopener noreferrer\">q</a>"
        )
    }

    @Test func headContentIsDropped() throws {
        let html = "<title>Titel</title><meta name=x><link rel=x href=/y><p>brödtext</p>"
        #expect(try clean(html) == "<p>brödtext</p>")
    }
}
