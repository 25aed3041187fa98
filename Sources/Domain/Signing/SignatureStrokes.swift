import Foundation

/// A drawn signature as the signing page sends it: strokes of points with coordinates from 0
/// to 1 over the drawing area. Validated before anything is stored: bounded in size and points,
/// every coordinate in range, and a real drawing rather than a dot or a stray tap.
public struct SignatureStrokes: Sendable, Equatable {
    public struct Point: Sendable, Equatable, Codable {
        public let x: Double
        public let y: Double
    }

    public enum Invalid: Error, Sendable, Equatable {
        case tooLarge, malformed, tooManyPoints, outOfRange, tooSmall
    }

    public static let maximumBytes = 64 * 1024
    public static let maximumStrokes = 100
    public static let maximumPoints = 4000
    /// The drawing must span at least this share of the area's width or height.
    public static let minimumExtent = 0.08
    public static let minimumPoints = 8

    public let strokes: [[Point]]

    /// Parses and checks the JSON text from the form.
    public init(json: String) throws(Invalid) {
        guard json.utf8.count <= Self.maximumBytes else { throw .tooLarge }
        let decoded: [[Point]]
        do {
            decoded = try JSONDecoder().decode([[Point]].self, from: Data(json.utf8))
        } catch {
            throw .malformed
        }
        let points = decoded.reduce(0) { $0 + $1.count }
        guard !decoded.isEmpty, decoded.count <= Self.maximumStrokes, points <= Self.maximumPoints,
            decoded.allSatisfy({ !$0.isEmpty })
        else { throw decoded.isEmpty ? .tooSmall : .tooManyPoints }
        var minX = 1.0
        var maxX = 0.0
        var minY = 1.0
        var maxY = 0.0
        for point in decoded.joined() {
            guard point.x.isFinite, point.y.isFinite, (0...1).contains(point.x), (0...1).contains(point.y) else {
                throw .outOfRange
            }
            minX = min(minX, point.x)
            maxX = max(maxX, point.x)
            minY = min(minY, point.y)
            maxY = max(maxY, point.y)
        }
        guard points >= Self.minimumPoints, max(maxX - minX, maxY - minY) >= Self.minimumExtent else { throw .tooSmall }
        strokes = decoded
    }

    /// The strokes as compact JSON, for storage.
    public var json: String {
        "["
            + strokes.map { stroke in
                "[" + stroke.map { "{\"x\":\($0.x),\"y\":\($0.y)}" }.joined(separator: ",") + "]"
            }.joined(separator: ",") + "]"
    }
}
