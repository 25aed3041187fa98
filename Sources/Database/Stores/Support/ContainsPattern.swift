/// A `LIKE`/`ILIKE` pattern that matches `text` anywhere: `%text%`, with the input's own `%`, `_`
/// and `\` escaped (PostgreSQL's default escape character is `\`), so a search for `50%` finds
/// "50%" and not everything starting with 50. Bound as a parameter like any other value.
enum ContainsPattern {
    static func make(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }

    /// The search box's text: trimmed, inner runs of whitespace as one space, at most 100 characters.
    static func searchText(_ raw: String) -> String {
        String(raw.split(whereSeparator: \.isWhitespace).joined(separator: " ").prefix(100))
    }
}
