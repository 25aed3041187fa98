/// Decoder for `application/x-www-form-urlencoded` bodies and query strings.
enum URLEncodedForm {
    /// Name/value pairs in order. `part` says what to blame in the 400 page.
    static func decode(
        _ input: Substring, part: RequestPart, maxFields: Int
    ) throws(BadRequestReason) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for field in input.split(separator: "&", omittingEmptySubsequences: true) {
            guard pairs.count < maxFields else { throw .tooManyFields(limit: maxFields) }
            let name: Substring
            let value: Substring
            if let eq = field.firstIndex(of: "=") {
                name = field[..<eq]
                value = field[field.index(after: eq)...]
            } else {
                name = field
                value = ""
            }
            do {
                pairs.append(
                    (
                        try PercentDecoding.decode(name.utf8, plusIsSpace: true),
                        try PercentDecoding.decode(value.utf8, plusIsSpace: true)
                    ))
            } catch .invalidEscape {
                throw .invalidPercentEncoding(part)
            } catch {
                throw .invalidUTF8(part)
            }
        }
        return pairs
    }
}
