import Sanitizer

/// An attribute on an element. Names are `StaticString`s; values are escaped; URL-bearing
/// attributes take a `SafeURL`; event-handler attributes (`on…`) cannot be made at all.
public struct Attribute: Sendable {
    enum Value: Sendable {
        case text(String)
        case url(SafeURL)
        case flag
    }

    let name: StaticString
    let value: Value

    /// A plain attribute. URL attributes and event handlers are refused: use `href`, `src`, `action`.
    /// Names are literals in this module's source, so the checks run in debug builds (and tests) only.
    static func attr(_ name: StaticString, _ value: String) -> Attribute {
        assert(!name.description.lowercased().hasPrefix("on"), "event-handler attributes are not allowed: \(name)")
        assert(
            !["href", "src", "action", "formaction", "srcset", "style", "poster", "xlink:href"].contains(
                name.description.lowercased()),
            "use the checked attribute constructor for \(name)")
        return Attribute(name: name, value: .text(value))
    }

    static func flag(_ name: StaticString) -> Attribute { Attribute(name: name, value: .flag) }

    static func `class`(_ value: String) -> Attribute { Attribute(name: "class", value: .text(value)) }
    static func id(_ value: String) -> Attribute { Attribute(name: "id", value: .text(value)) }
    static func href(_ url: SafeURL) -> Attribute { Attribute(name: "href", value: .url(url)) }
    static func src(_ url: SafeURL) -> Attribute { Attribute(name: "src", value: .url(url)) }
    static func action(_ url: SafeURL) -> Attribute { Attribute(name: "action", value: .url(url)) }
    /// `data-…` attributes carry values to scripts; nothing from users goes inside a `<script>`.
    static func data(_ name: StaticString, _ value: String) -> Attribute {
        assert(name.description.hasPrefix("data-"), "data attributes start with data-")
        return Attribute(name: name, value: .text(value))
    }

    func render(into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: " "))
        append(name, to: &buffer)
        switch value {
        case .flag:
            return
        case .text(let text):
            buffer.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
            HTMLEscape.append(text, to: &buffer)
        case .url(let url):
            buffer.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
            HTMLEscape.append(url.value, to: &buffer)
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
