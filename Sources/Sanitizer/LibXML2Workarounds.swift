// Implementation-only, not just internal: Debian builds libxml2 with ICU, so CLibXML2 pulls in the
// system ICU headers, whose `UErrorCode` clashes with the copy inside Foundation (`_FoundationICU`).
// A plain (internal) import is still loaded by every client in debug builds (`-enable-testing`), and
// any client that also imports Foundation (App, the tests) then fails to compile. No public or
// inlinable declaration here mentions a libxml2 type, which is what makes this safe without
// library evolution; the compiler's warning about that is expected.
import CLibXML2

/// What the sanitiser does because the parser is libxml2 2.9 (Debian 12 ships 2.9.14), whose HTML
/// parser follows HTML 4 and its own recovery rules, not the HTML5 parsing algorithm browsers use.
/// The tree it builds is therefore *not* what a browser would build from the same input. That is
/// safe only because nothing from the input is passed through: the output is written from scratch
/// with allow-listed names and escaped text, so what matters is how browsers parse *our output*
/// (the test oracle checks exactly that with html5lib).
///
/// Quirks measured on 2.9.14 that a reader of `Scrubber` should know:
/// - **Raw text is only `script` and `style`.** Their content becomes a CDATA node. `noscript`,
///   `xmp`, `iframe`, `noembed`, `noframes`, `title`, `textarea`, `plaintext` are parsed as normal
///   markup, so `<noscript><p title="</noscript><img onerror=…>">` is a `p` with a harmless title
///   inside `noscript`. A browser reads the same input as an `img` with `onerror`. Hence these are
///   dropped *with* their content (`AllowList.droppedWithContent`) and never unwrapped.
/// - **No foreign content.** `<svg>` and `<math>` are unknown elements whose children are parsed
///   as HTML (`<svg><style>` is raw text here, markup in a browser). Both are dropped with content.
///   A namespace prefix is stripped from element names: `<svg:script>` arrives as `script`.
/// - **Unknown elements are kept as elements**, and an unclosed one (`<title>`, `<select>`,
///   `<svg>`) swallows the rest of the document; when it is dropped, so is that rest.
/// - **Implied elements.** Leading text gets a `<p>` (`hello` → `<p>hello</p>`); a leading
///   `<title>`/`<style>`/`<meta>` goes into an implied `<head>`; content after `</body>` or
///   `</html>` lands beside the body, even in a second `<html>` element. `parserInput(for:)`
///   starts every input with `<html><body>` so that the fragment is parsed in body context and
///   text stays text; `Scrubber` walks the whole document (unwrapping `html` and `body`,
///   dropping `head`) so nothing placed outside the body is missed.
/// - **Auto-closing by HTML 4 tables**, looking only at the current element: `<p>` closes an open
///   `<b>`/`<i>`/`<u>`/`<s>` (but not `<strong>`/`<em>`), `<td>` closes `<a>`/`<b>`/`<i>`/`<u>`,
///   `<ul>` closes `<ol>` and vice versa, `<li>` closes `<li>`, `<a>` closes `<a>`; nothing is
///   closed when another element is in between (`<b><div><p>` nests). Unwrapping `div` would turn
///   that into `<b><p>`, which parses differently the second time. `AllowList.Content` enforces
///   simple HTML content models on the output (no blocks inside inline elements or paragraphs,
///   only `li` in lists, table parts only in their parents, no link inside a link), which avoids
///   every such pair, so sanitising is idempotent.
/// - **Depth limit.** Without `XML_PARSE_HUGE` the parser stops at 256 open elements and ignores
///   the rest of the input; the returned tree is still complete and fine to walk.
/// - **NUL bytes** end the parse in some states (`<scr\0ipt>` loses everything after it) and turn
///   into spaces in others; `parserInput(for:)` removes them first.
/// - **Entities**: text and attribute values arrive decoded, but only HTML 4 names (and `&apos;`)
///   and only with their `;`: `&check;`, `&colon;` or `&amp` stays literal and is re-escaped, so
///   a reader sees `&check;`. Numeric references to 0, controls, surrogates and past U+10FFFF
///   are dropped from text; in an attribute, `&#0;` ends the value (`javascript&#0;:` → `javascript`).
/// - **Attributes**: names are lower-cased; duplicates keep the first; `<img/src/onerror=…>`
///   loses the attributes after `/`; a valueless attribute has no children (value `""` here).
/// - **Encoding**: forced to UTF-8 and `HTML_PARSE_IGNORE_ENC`, so `<meta charset="utf-7">`
///   cannot make libxml2 re-decode the input (`+ADw-script+AD4-` stays text).
enum LibXML2Workarounds {
    /// `xmlInitParser` is not safe to run concurrently with itself. A `static let` initialiser
    /// runs exactly once (`swift_once`), before any thread parses.
    static let parserInitialized: Void = xmlInitParser()

    /// Fixed prefix that puts the input in body context (see "Implied elements").
    static let documentPrefix = "<html><body>"

    static let parseOptions = Int32(
        bitPattern: HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue
    )

    /// The bytes handed to `htmlReadMemory`: the prefix, then `html` without NUL bytes.
    static func parserInput(for html: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(documentPrefix.utf8.count + html.utf8.count)
        bytes.append(contentsOf: documentPrefix.utf8)
        bytes.append(contentsOf: html.utf8.lazy.filter { $0 != 0 })
        return bytes
    }
}
