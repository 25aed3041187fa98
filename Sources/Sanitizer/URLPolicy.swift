/// Which URLs may appear in `href` and `src`. Links: http, https, mailto and relative URLs;
/// everything else (`javascript:`, `vbscript:`, `data:`, `file:`, unknown schemes) is refused.
/// Images: only what the site itself holds, the company's uploaded logo (`/logo`) and images
/// inline as `data:image/png|jpeg|gif|webp;base64,…`. An image from another host is a tracking
/// pixel in every page and email that shows the text, and a relative path means something else
/// on every page it appears on (finding F6), so neither is kept.
///
/// The check is deliberately more suspicious than a browser. Before looking for the scheme it
/// 1. decodes HTML character references, repeatedly (`&#106;`, `&#x6A;`, `&#0000106`, `&colon;`,
///    `&Tab;`, and `&amp;#106;` too), although a browser decodes an attribute only once, and
/// 2. removes every whitespace, control, format and default-ignorable character anywhere in the
///    string (`java\tscript:`, `\u{1}javascript:`, `java\u{200B}script:`), although a browser
///    only removes tab and newlines inside and C0/space at the ends.
/// So a string a browser would read as relative may be refused here, never the other way round:
/// anything a browser could run as a scheme shows up here as that scheme. The URL itself is not
/// changed; callers write the original, escaped.
///
/// Pure and thread-safe. Templates use it for URLs that come from users.
public enum URLPolicy {
    /// Schemes allowed in `a href`, lower case.
    public static let linkSchemes: Set<String> = ["http", "https", "mailto"]
    /// Media types allowed in a `data:` image, lower case. Not SVG: it is a document with scripts.
    public static let imageDataTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]
    /// Our own uploads that text may show: the company logo.
    public static let ownImagePaths: Set<String> = ["/logo"]

    /// Whether `url` may be a link target: http, https, mailto or relative (`/x`, `x`, `#x`, `?x`,
    /// `//host/x`). An empty URL is refused.
    public static func isAllowedLink(_ url: String) -> Bool {
        isAllowed(url, schemes: linkSchemes)
    }

    /// Whether `url` may be an image source: one of `ownImagePaths` (with a query, as the logo's
    /// `?v=` has), or a base64 `data:` URL of one of `imageDataTypes`. An empty URL is refused.
    public static func isAllowedImageSource(_ url: String) -> Bool {
        let seen = normalized(url)
        if case .relative = scheme(of: seen) {
            let path = seen.prefix { $0 != "?" && $0 != "#" }
            return ownImagePaths.contains(String(path))
        }
        guard case .scheme("data") = scheme(of: seen) else { return false }
        // data:<type>;base64,<payload>: the type compared lower-cased, the payload base64 only.
        let rest = seen.dropFirst("data:".count)
        guard let comma = rest.firstIndex(of: ",") else { return false }
        let header = rest[..<comma].lowercased()
        guard header.hasSuffix(";base64"), imageDataTypes.contains(String(header.dropLast(";base64".count))) else {
            return false
        }
        let payload = rest[rest.index(after: comma)...]
        return !payload.isEmpty
            && payload.utf8.allSatisfy {
                ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B
                    || $0 == 0x2F || $0 == 0x3D
            }
    }

    static func isAllowed(_ url: String, schemes: Set<String>) -> Bool {
        switch scheme(of: normalized(url)) {
        case .empty: false
        case .relative: true
        case .scheme(let name): schemes.contains(name)
        }
    }

    /// What the scheme check sees: `url` with references decoded and invisible characters removed.
    static func normalized(_ url: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in CharacterReferences.decodeRepeatedly(url).unicodeScalars where !isInvisible(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Characters a URL parser or a reader might skip: whitespace (ASCII and Unicode), C0/C1
    /// controls, DEL, format characters (U+200B...U+200F, U+2060, U+FEFF, bidi controls) and the
    /// other default-ignorable code points (soft hyphen, variation selectors, Hangul fillers).
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value <= 0x20 || (0x7F...0xA0).contains(scalar.value) { return true }
        let properties = scalar.properties
        if properties.isWhitespace || properties.isDefaultIgnorableCodePoint { return true }
        switch properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    enum Scheme: Equatable {
        /// Nothing left after normalisation.
        case empty
        /// No scheme: path, query, fragment or `//host` relative to the page.
        case relative
        /// The text before the first `:`, ASCII-lower-cased. Not necessarily a valid scheme
        /// (`"a b"`, `"jav&script"`); anything not on an allow-list is refused.
        case scheme(String)
    }

    /// The scheme of a normalised URL: the text before a `:` that comes before any `/`, `?` or `#`.
    static func scheme(of normalized: String) -> Scheme {
        if normalized.isEmpty { return .empty }
        var name = ""
        for scalar in normalized.unicodeScalars {
            switch scalar {
            case ":": return .scheme(name)
            case "/", "?", "#": return .relative
            // ASCII-only lower-casing, as in URL parsing: "İ" must not become "i".
            case "A"..."Z": name.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value + 0x20)))
            default: name.unicodeScalars.append(scalar)
            }
        }
        return .relative
    }
}
