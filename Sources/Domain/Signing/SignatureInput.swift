/// How the customer signed. The handler validates the strokes (shape, size) before; the stores
/// only store them.
public enum SignatureInput: Sendable, Equatable {
    /// The name as typed (works without JavaScript).
    case typed(name: String)
    /// Drawn on the canvas: the strokes as JSON text, `[[{x, y, t, pressure}, …], …]`.
    case drawn(strokesJSON: String)

    /// The method as stored (`signatures.method`).
    public var method: String {
        switch self {
        case .typed: "typed"
        case .drawn: "drawn"
        }
    }
}
