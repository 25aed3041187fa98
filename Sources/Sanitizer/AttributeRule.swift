/// How one allowed attribute's value is checked. A value that fails its rule is dropped, and with
/// it the attribute; the element itself stays (except an `img` left without a `src`).
enum AttributeRule: Sendable {
    /// `a href`: see `URLPolicy.isAllowedLink(_:)`.
    case link
    /// `img src`: see `URLPolicy.isAllowedImageSource(_:)`.
    case imageSource
    /// Free text such as `alt`; only escaped.
    case text
    /// `img width` / `height`: 1...`HTMLSanitizer.maximumImageDimension` pixels, digits only.
    case imageDimension
    /// `th`/`td` `colspan` / `rowspan`: 1...`HTMLSanitizer.maximumTableSpan`, digits only.
    case tableSpan

    /// The value to write, or nil to drop the attribute. Numbers come back in canonical form
    /// (`" 007"` → `"7"`), so the output does not depend on how the input spelled them.
    func accept(_ value: String) -> String? {
        switch self {
        case .link: URLPolicy.isAllowedLink(value) ? value : nil
        case .imageSource: URLPolicy.isAllowedImageSource(value) ? value : nil
        case .text: value
        case .imageDimension: Self.boundedInteger(value, upTo: HTMLSanitizer.maximumImageDimension).map(String.init)
        case .tableSpan: Self.boundedInteger(value, upTo: HTMLSanitizer.maximumTableSpan).map(String.init)
        }
    }

    /// A positive integer written only with ASCII digits (surrounding ASCII whitespace allowed),
    /// at most `limit`. Rejects signs, units (`10px`), percentages, decimals and exponents.
    static func boundedInteger(_ text: String, upTo limit: Int) -> Int? {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D }
        let bytes = text.utf8.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        // Nine digits cannot overflow `Int`; longer strings are out of range anyway.
        guard !bytes.isEmpty, bytes.count <= 9, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let value = bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return (1...limit).contains(value) ? value : nil
    }
}
