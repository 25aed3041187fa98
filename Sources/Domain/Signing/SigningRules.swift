/// The customer's two answers through a signing link, decided from the link's state and the
/// frozen version: pure, so the signing and declining transactions only read and write.
public enum SigningRules {
    /// What a submit through a link in `state` does before anything is written.
    public enum Step: Sendable, Equatable {
        /// Check stock, then sign (or decline).
        case proceed
        /// Already signed: answer with the existing signature (a double submit gets the same result).
        case alreadySigned
        /// Already declined: answer with the existing decline.
        case alreadyDeclined
        case expired
        case voided
    }

    /// The step for a signing or declining submit through a link in `state`.
    public static func step(for state: SigningLinkState) -> Step {
        switch state {
        case .valid: .proceed
        case .signed: .alreadySigned
        case .declined: .alreadyDeclined
        case .expired: .expired
        case .voided: .voided
        }
    }

    /// The product lines of `snapshot` that no longer fit in stock for its period, per product
    /// (lines of one product count together), in product-id order; empty when all fit.
    /// `availability` holds every product of the snapshot; a missing one has no stock.
    public static func shortages(
        _ snapshot: QuotationSnapshot, availability: [ProductID: Availability]
    )
        -> [UnavailableItem]
    {
        let lines = snapshot.lines.map(\.line)
        var descriptions: [ProductID: String] = [:]
        for line in lines {
            if case .product(let product) = line.item, descriptions[product] == nil {
                descriptions[product] = line.description
            }
        }
        return StockCheck(lines: lines, availability: availability).shortages
            .sorted { $0.product.rawValue < $1.product.rawValue }
            .map {
                UnavailableItem(
                    productID: $0.product.rawValue, description: descriptions[$0.product] ?? "",
                    requested: $0.requested,
                    available: $0.available)
            }
    }

    /// The products of `snapshot`'s lines, in id order (the order their rows are locked in).
    public static func products(of snapshot: QuotationSnapshot) -> [ProductID] {
        Set(
            snapshot.lines.compactMap { priced -> ProductID? in
                if case .product(let product) = priced.line.item { return product }
                return nil
            }
        ).sorted { $0.rawValue < $1.rawValue }
    }
}
