/// Markup that has been through `HTMLSanitizer`. It is the only way raw markup reaches a page:
/// templates escape every `String` and insert a `SanitizedHTML` as it is.
///
/// The initialiser is internal to this module on purpose: nothing but the sanitiser can make one.
public struct SanitizedHTML: Sendable, Hashable, CustomStringConvertible {
    /// The sanitised markup, safe to insert into an HTML body.
    public let markup: String

    init(sanitizedMarkup: String) {
        self.markup = sanitizedMarkup
    }

    /// Nothing at all; always safe.
    public static let empty = SanitizedHTML(sanitizedMarkup: "")

    public var description: String { markup }
}
