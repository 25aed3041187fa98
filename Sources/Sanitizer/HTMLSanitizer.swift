/// Turns HTML written by users (event descriptions, rental terms) into `SanitizedHTML`.
///
/// The only way user markup reaches a page. It parses with libxml2 and copies the allowed parts
/// (`AllowList`) into fresh markup written by `HTMLWriter`: known elements and text only, checked
/// URLs (`URLPolicy`), every value escaped by `HTMLEscape`. Script, style, forms, foreign content
/// and the like disappear with their content; other unknown elements (`div`, `span`, `font`) are
/// unwrapped so their text stays. Sanitising the output again returns it unchanged.
///
/// Thread-safe and synchronous: call it from any thread. It only computes (at most about 0.2 s,
/// for 1 MiB of hostile input in a release build), so calling it from async code is fine; store the
/// result rather than sanitising on every page view. The output can be up to 6× longer than the
/// input (every `"` becomes `&quot;`), so it may exceed `maximumInputBytes` itself.
public enum HTMLSanitizer {
    /// Longest accepted input, in bytes of UTF-8 (1 MiB). An event description is a few KiB.
    public static let maximumInputBytes = 1 << 20

    /// How deeply kept elements may nest. Deeper elements are unwrapped (their text stays).
    /// libxml2 itself stops reading at 256 levels of open elements: whatever follows that point
    /// in the input is lost, which only happens to hostile input.
    public static let maximumNestingDepth = 64

    /// Largest `img` `width` / `height` kept, in pixels.
    public static let maximumImageDimension = 4096

    /// Largest `colspan` / `rowspan` kept.
    public static let maximumTableSpan = 100

    /// Sanitises `html`, a body fragment (a whole document works too; only its body content is
    /// kept).
    ///
    /// - Throws: `SanitizerError.inputTooLarge` past `maximumInputBytes`;
    ///   `SanitizerError.parserFailed` if libxml2 returns no document (out of memory).
    public static func sanitize(_ html: String) throws(SanitizerError) -> SanitizedHTML {
        let byteCount = html.utf8.count
        guard byteCount <= maximumInputBytes else {
            throw .inputTooLarge(byteCount: byteCount, limit: maximumInputBytes)
        }
        if byteCount == 0 { return .empty }
        return SanitizedHTML(sanitizedMarkup: try Scrubber.scrub(html))
    }
}
