import Foundation  // JSONDecoder, to read a stored snapshot back; writing uses CanonicalJSON.

extension QuotationSnapshot {
    /// The canonical JSON bytes (see ``CanonicalJSON``): what is stored and hashed.
    public var canonicalJSONBytes: [UInt8] {
        do {
            return try CanonicalJSON.encode(self)
        } catch {
            // Unreachable: a snapshot holds only strings, integers and booleans.
            preconditionFailure("A quotation snapshot could not be encoded: \(error)")
        }
    }

    /// The canonical JSON as text (UTF-8), for the `quotation_versions.snapshot` column.
    public var canonicalJSON: String { String(decoding: canonicalJSONBytes, as: UTF8.self) }

    /// SHA-256 of ``canonicalJSONBytes``; equals PostgreSQL's `sha256(convert_to(snapshot, 'UTF8'))`.
    public var sha256: SHA256.Digest { SHA256.digest(canonicalJSONBytes) }

    /// Reads a stored snapshot back and checks it. Throws ``SnapshotError``:
    /// `.malformed` when the JSON does not decode into a valid snapshot, `.unsupportedFormat` for a
    /// newer format, `.totalsDoNotMatchLines` when the stored totals are not what the lines give,
    /// `.notCanonical` when re-encoding does not give back the same bytes (so its hash would differ).
    public init(canonicalJSON text: String) throws(SnapshotError) {
        let decoded: QuotationSnapshot
        do {
            decoded = try JSONDecoder().decode(QuotationSnapshot.self, from: Data(text.utf8))
        } catch {
            throw .malformed(String(describing: error))
        }
        guard decoded.format <= Self.currentFormat else { throw .unsupportedFormat(decoded.format) }
        let recomputed = try? QuotationTotals.compute(
            lines: decoded.totals.lines.map(\.line), period: decoded.period, discount: decoded.discount,
            shipping: decoded.totals.shipping, vatRate: decoded.totals.vatRate)
        guard recomputed == decoded.totals else { throw .totalsDoNotMatchLines }
        guard decoded.canonicalJSONBytes.elementsEqual(text.utf8) else { throw .notCanonical }
        self = decoded
    }
}

/// A stored snapshot could not be read back (see ``QuotationSnapshot/init(canonicalJSON:)``).
public enum SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case unsupportedFormat(Int)
    case totalsDoNotMatchLines
    case notCanonical

    public var description: String {
        switch self {
        case .malformed(let detail): "The stored quotation could not be read: \(detail)"
        case .unsupportedFormat(let format): "The stored quotation has an unknown format (\(format))."
        case .totalsDoNotMatchLines: "The stored quotation's totals do not match its lines."
        case .notCanonical: "The stored quotation is not in canonical form."
        }
    }
}
