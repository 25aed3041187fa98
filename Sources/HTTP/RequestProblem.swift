/// Why a request could not be turned into a `Request` the handlers can trust. The host still
/// hands such a request to the responder, which renders the matching 400 or 413 page in the
/// user's language; handlers never see a request with a problem as if it were valid.
public enum RequestProblem: Error, Sendable, Equatable {
    case badRequest(BadRequestReason)
    /// The body is larger than the configured maximum; nothing beyond the limit was read.
    case payloadTooLarge(limit: Int)
}

/// The closed set of reasons for a 400, so each can be explained in Swedish and English.
public enum BadRequestReason: Error, Sendable, Equatable {
    case invalidPercentEncoding(RequestPart)
    case invalidUTF8(RequestPart)
    case pathTraversal
    case malformedMultipart(MultipartFault)
    case tooManyFields(limit: Int)
    case invalidContentLength
    /// The body stopped short of `CONTENT_LENGTH` (the sender stalled past the read deadline or hung up).
    case incompleteBody
    /// A text field holds a control character (NUL, ESC, …; tab and line breaks are text).
    case controlCharacter(field: String)
}

/// Which part of the request was malformed.
public enum RequestPart: String, Sendable, Equatable {
    case path, query, form
}

/// What exactly was wrong with a `multipart/form-data` body.
public enum MultipartFault: String, Sendable, Equatable {
    case missingBoundary
    case missingOpeningBoundary
    case missingClosingBoundary
    case malformedPartHeaders
    case missingContentDisposition
    case partHeadersTooLarge
}
