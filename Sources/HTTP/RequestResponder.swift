/// What a worker thread asks to turn requests into responses.
///
/// One responder is made per thread, on that thread, and used only there: it may own
/// non-`Sendable` resources such as a database connection. `respond` must not throw or trap;
/// it turns every error into a response (a 500 page at worst).
public protocol RequestResponder: AnyObject {
    func respond(to request: Request) -> Response
    /// The request's path as it may be written to the log (no tokens in it).
    func loggablePath(for request: Request) -> String
    /// Extra fields for the request's log line, as name and value (read after `respond`).
    func logFields(for request: Request) -> [(name: String, value: String)]
    /// Called on the thread when it stops, before the thread exits (close connections here).
    func close()
}

extension RequestResponder {
    public func close() {}
    public func loggablePath(for request: Request) -> String { request.path }
    public func logFields(for request: Request) -> [(name: String, value: String)] { [] }
}
