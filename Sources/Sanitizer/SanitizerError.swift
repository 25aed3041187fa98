/// Why `HTMLSanitizer.sanitize(_:)` produced nothing. `description` is safe to show a user or log;
/// it never contains the input.
public enum SanitizerError: Error, Equatable, CustomStringConvertible {
    /// The input is longer than `HTMLSanitizer.maximumInputBytes` bytes of UTF-8.
    case inputTooLarge(byteCount: Int, limit: Int)
    /// libxml2 returned no document at all. It recovers from any malformed markup, so in practice
    /// this means it could not allocate memory.
    case parserFailed

    public var description: String {
        switch self {
        case .inputTooLarge(let byteCount, let limit):
            "The text is too long to publish: \(byteCount) bytes, at most \(limit)."
        case .parserFailed:
            "The text could not be read as HTML."
        }
    }
}
