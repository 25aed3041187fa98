/// A VAT rate in basis points: 2500 = 25 %. Swedish rates are 25 %, 12 % and 6 %; event rentals
/// use 25 %, the default.
public struct VATRate: Sendable, Hashable, Comparable, Codable {
    public let basisPoints: Int

    /// Throws ``VATRateError/outOfRange`` unless `0...10_000` (0 % to 100 %), the range the database allows.
    public init(basisPoints: Int) throws(VATRateError) {
        guard (0...10_000).contains(basisPoints) else { throw .outOfRange(basisPoints) }
        self.basisPoints = basisPoints
    }

    private init(unchecked basisPoints: Int) { self.basisPoints = basisPoints }

    public static let standard = VATRate(unchecked: 2500)
    public static let reduced12 = VATRate(unchecked: 1200)
    public static let reduced6 = VATRate(unchecked: 600)
    public static let zero = VATRate(unchecked: 0)
    /// 25 %.
    public static let `default` = standard

    /// The VAT on a net amount, rounded half-up to whole öre. Throws ``MoneyError/overflow``.
    public func vat(on net: Money) throws(MoneyError) -> Money { try net.portion(basisPoints: basisPoints) }

    /// `25 %` (Swedish, with a no-break space) or `25%` (English); fractions as `12,5 %` / `12.5%`.
    public func formatted(_ language: Language) -> String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        var number = "\(whole)"
        if fraction != 0 {
            let digits = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
            number += (language == .sv ? "," : ".") + digits
        }
        return language == .sv ? "\(number)\u{00A0}%" : "\(number)%"
    }

    public static func < (lhs: VATRate, rhs: VATRate) -> Bool { lhs.basisPoints < rhs.basisPoints }

    /// Encoded as the bare integer of basis points.
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Int.self)
        do { try self.init(basisPoints: value) } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(basisPoints)
    }
}

public enum VATRateError: Error, Sendable, Equatable, CustomStringConvertible {
    case outOfRange(Int)

    public var description: String {
        switch self {
        case .outOfRange(let bp): "A VAT rate must be between 0 and 100 % (got \(bp) basis points)."
        }
    }
}
