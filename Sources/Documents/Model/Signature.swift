/// How the customer signed: a drawing from the signature pad, or their name typed.
public enum Signature: Sendable, Equatable {
    case drawn(SignatureDrawing)
    /// Shown in an italic font, scaled down to fit the signature box.
    case typed(name: String)
}

/// Strokes from the signature pad, drawn as vector paths (round caps and joins), scaled into the
/// signature box keeping the aspect ratio.
///
/// Coordinates are in a `width` × `height` space with the origin top left: 1 × 1 for normalised
/// points, or the canvas's CSS size. Points outside the space are clamped; non-finite ones dropped.
public struct SignatureDrawing: Sendable, Equatable {
    public var strokes: [[SignaturePoint]]
    public var width: Double
    public var height: Double

    public init(strokes: [[SignaturePoint]], width: Double = 1, height: Double = 1) {
        self.strokes = strokes
        self.width = width
        self.height = height
    }
}

public struct SignaturePoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
