/// Everything the sanitiser lets through, in one place (Loofah keeps its lists in `HTML5::SafeList`).
///
/// Reading order: `Element` is what survives, `droppedWithContent` is what disappears together with
/// everything inside it, and anything else is unwrapped (its tags vanish, its allowed descendants
/// and its text stay). Changing what users may write means changing this file and the corpus tests.
enum AllowList {
    /// The elements that survive, each with the attributes it may keep.
    enum Element: String, Sendable {
        case p, br, strong, b, em, i, u, s, a
        case ul, ol, li
        case h2, h3, h4
        case blockquote, hr
        case table, thead, tbody, tr, th, td
        case img

        /// Written without a closing tag and never given children.
        var isVoid: Bool {
            switch self {
            case .br, .hr, .img: true
            default: false
            }
        }

        /// Inline (phrasing) content: allowed inside paragraphs, headings and other inline elements.
        var isPhrasing: Bool {
            switch self {
            case .strong, .b, .em, .i, .u, .s, .a, .br, .img: true
            default: false
            }
        }

        /// What may appear directly inside this element.
        var content: Content {
            switch self {
            case .p, .h2, .h3, .h4, .strong, .b, .em, .i, .u, .s, .a: .phrasing
            case .ul, .ol: .listItems
            case .table: .tableSections
            case .thead, .tbody: .tableRows
            case .tr: .tableCells
            case .li, .blockquote, .th, .td: .flow
            case .br, .hr, .img: .nothing
            }
        }

        /// The attributes this element may keep, in the order they are written out.
        var attributes: [(name: String, rule: AttributeRule)] {
            switch self {
            case .a: [("href", .link)]
            case .img: [("src", .imageSource), ("alt", .text), ("width", .imageDimension), ("height", .imageDimension)]
            case .th, .td: [("colspan", .tableSpan), ("rowspan", .tableSpan)]
            default: []
            }
        }
    }

    /// Content models, simplified from HTML's. They keep the output a tree that both libxml2 and
    /// browsers parse back as written (see `LibXML2Workarounds` for why that needs enforcing).
    enum Content: Sendable {
        /// Anything except list items and table parts, which need their own parents.
        case flow
        /// Only inline elements and text.
        case phrasing
        case listItems
        /// `thead`, `tbody` and `tr`.
        case tableSections
        case tableRows
        case tableCells
        /// Void elements.
        case nothing

        func allows(_ child: Element) -> Bool {
            switch self {
            case .flow:
                switch child {
                case .li, .thead, .tbody, .tr, .th, .td: false
                default: true
                }
            case .phrasing: child.isPhrasing
            case .listItems: child == .li
            case .tableSections: child == .thead || child == .tbody || child == .tr
            case .tableRows: child == .tr
            case .tableCells: child == .th || child == .td
            case .nothing: false
            }
        }
    }

    /// Always written on `a`, whatever `rel` or `target` the input had: the links point at pages we
    /// do not vouch for, and must not get a handle on our window.
    static let linkRel = "nofollow noopener noreferrer"

    /// Elements removed together with everything inside them: their content is code, styling,
    /// a form control, a nested document, foreign (SVG/MathML) markup, or metadata, never text a
    /// reader should see. Names are as libxml2 reports them: lower case, namespace prefix removed.
    static let droppedWithContent: Set<String> = [
        // Scripts, styles and text browsers treat as raw text.
        "script", "style", "noscript", "template", "xmp", "plaintext",
        "noembed", "noframes", "title", "textarea",
        // Nested documents, plugins and media.
        "iframe", "frame", "frameset", "object", "embed", "applet", "param",
        "audio", "video", "source", "track", "canvas", "area",
        "portal", "fencedframe",
        // Foreign content: the HTML parser rules change inside it (the mutation XSS classics).
        "svg", "math",
        // Form controls. A bare `form` is unwrapped; its controls are not content.
        "input", "button", "select", "option", "optgroup", "datalist", "keygen", "output",
        "isindex", "selectedcontent",
        // Document metadata.
        "head", "meta", "link", "base", "basefont", "bgsound",
    ]
}
