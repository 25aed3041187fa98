/// A discount on one line or on the whole quotation: a percentage in basis points (1250 = 12.5 %)
/// or a fixed amount, never both.
public struct Discount: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case none, percent, amount
    }

    public let kind: Kind
    /// Basis points for `.percent`, öre for `.amount`, 0 for `.none`.
    public let value: Int64

    private init(kind: Kind, value: Int64) {
        self.kind = kind
        self.value = value
    }

    public static let none = Discount(kind: .none, value: 0)

    /// Throws ``QuotationError/invalidDiscount`` unless `0...10_000` basis points (0 % to 100 %).
    public static func percent(basisPoints: Int) throws(QuotationError) -> Discount {
        guard (0...10_000).contains(basisPoints) else { throw .invalidDiscount }
        return basisPoints == 0 ? .none : Discount(kind: .percent, value: Int64(basisPoints))
    }

    /// Throws ``QuotationError/invalidDiscount`` for a negative amount.
    public static func amount(_ amount: Money) throws(QuotationError) -> Discount {
        guard !amount.isNegative else { throw .invalidDiscount }
        return amount.isZero ? .none : Discount(kind: .amount, value: amount.ore)
    }

    /// The percentage in basis points, or `nil`.
    public var basisPoints: Int? { kind == .percent ? Int(value) : nil }
    /// The fixed amount, or `nil`.
    public var fixedAmount: Money? { kind == .amount ? Money(ore: value) : nil }

    /// The discount on `base`: a percentage rounded half-up to whole öre, or the fixed amount.
    /// Throws ``QuotationError/discountExceedsAmount`` when a fixed amount is larger than `base`,
    /// ``QuotationError/overflow`` when the amounts are too large.
    public func amount(on base: Money) throws(QuotationError) -> Money {
        switch kind {
        case .none:
            return .zero
        case .percent:
            do { return try base.portion(basisPoints: Int(value)) } catch { throw .overflow }
        case .amount:
            let amount = Money(ore: value)
            guard amount <= base else { throw .discountExceedsAmount(discount: amount, amount: base) }
            return amount
        }
    }
}

extension Discount: Codable {
    enum CodingKeys: String, CodingKey { case kind, value }

    /// Encoded as `{"kind":"percent","value":1250}`; decoding validates like the factories.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(Kind.self, forKey: .kind)
        let value = try container.decode(Int64.self, forKey: .value)
        do {
            switch kind {
            case .none: self = .none
            case .percent: self = try .percent(basisPoints: Int(clamping: value))
            case .amount: self = try .amount(Money(ore: value))
            }
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
        guard self.kind == kind else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "zero discount"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(value, forKey: .value)
    }
}
