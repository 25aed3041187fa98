/// A path on this site (`/help/signing?x=1`), checked so that it can be used as a redirect
/// target without becoming an open redirect: it starts with one `/`, never `//` or `/\`, and
/// holds no control characters.
public struct LocalPath: Hashable, Sendable {
    public let value: String

    public static let root = LocalPath(unchecked: "/")

    public init?(validating candidate: String) {
        guard candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.hasPrefix("/\\"),
            candidate.utf8.count <= 2048,
            !candidate.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return nil }
        value = candidate
    }

    private init(unchecked: String) { value = unchecked }
}
