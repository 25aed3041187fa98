/// A PDF could not be produced: cairo reported a failure.
///
/// `description` is safe to show; the status and operation are for the log. Rendering does not
/// reject odd input (empty tables, huge words, long terms), so in practice this means cairo ran out
/// of memory or could not load a font.
public struct DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// cairo's `cairo_status_t` value.
    public let cairoStatus: UInt32
    /// cairo's text for that status (`cairo_status_to_string`).
    public let message: String
    /// What was being done, e.g. "create PDF surface", "draw page 3".
    public let operation: String

    package init(cairoStatus: UInt32, message: String, operation: String) {
        self.cairoStatus = cairoStatus
        self.message = message
        self.operation = operation
    }

    public var description: String { "PDF rendering failed (\(operation)): \(message) [cairo status \(cairoStatus)]" }
}
