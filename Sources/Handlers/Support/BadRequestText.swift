import HTTP
import Templates

/// Explains a malformed request in the user's language.
enum BadRequestText {
    static func describe(_ reason: BadRequestReason, strings s: Strings) -> String {
        switch reason {
        case .invalidPercentEncoding(.path): s.reasonInvalidPathEncoding
        case .invalidPercentEncoding(.query): s.reasonInvalidQueryEncoding
        case .invalidPercentEncoding(.form): s.reasonInvalidFormEncoding
        case .invalidUTF8: s.reasonInvalidUTF8
        case .pathTraversal: s.reasonPathTraversal
        case .malformedMultipart: s.reasonMalformedMultipart
        case .tooManyFields(let limit): s.reasonTooManyFields(limit)
        case .invalidContentLength: s.reasonInvalidContentLength
        case .incompleteBody: s.reasonIncompleteBody
        case .controlCharacter(let field): s.reasonControlCharacter(field: field)
        }
    }
}
