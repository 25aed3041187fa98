public import HTTP

/// An error a handler throws to answer with a friendly error page of that status
/// (and, for 400, the reason, already in the user's language).
public struct HTTPError: Error, Sendable {
    public var status: HTTPStatus
    public var reason: String?
    public var extraHeaders: [(name: String, value: String)]

    public init(_ status: HTTPStatus, reason: String? = nil, extraHeaders: [(name: String, value: String)] = []) {
        self.status = status
        self.reason = reason
        self.extraHeaders = extraHeaders
    }
}
