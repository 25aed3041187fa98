/// Checks shared by every header value: the one place header injection is refused.
enum HeaderText {
    /// Throws when `value` holds CR, LF or another control character (tab is allowed), or the
    /// Unicode line separators some parsers also treat as line breaks.
    static func validate(_ value: String, field: String) throws(MailError) {
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x0D, 0x0A:
                throw .invalidHeader(field: field, problem: "contains a line break (CR or LF)")
            case 0x09:
                continue
            case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029:
                throw .invalidHeader(field: field, problem: "contains a control character")
            default:
                continue
            }
        }
    }
}
