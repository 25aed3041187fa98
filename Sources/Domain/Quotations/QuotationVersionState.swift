/// Where one sent version of a quotation is. Raw values are the database's `quotation_versions.state`.
///
/// A version is born `sent` and leaves it once: signed or declined by the customer, expired after
/// its valid-until date, superseded when staff edit the quotation (a new version replaces it), or
/// void when staff withdraw the quotation. Only a `sent` version can be signed; every other state has
/// its own page behind the signing link.
public enum QuotationVersionState: String, Sendable, Hashable, CaseIterable, Codable {
    case sent, signed, declined, expired, superseded, void

    public func canTransition(to next: QuotationVersionState) -> Bool { self == .sent && next != .sent }

    /// Moves to `next`. Throws ``StateTransitionError`` unless the version is still `sent`.
    public mutating func transition(to next: QuotationVersionState) throws(StateTransitionError) {
        guard canTransition(to: next) else { throw StateTransitionError(from: rawValue, to: next.rawValue) }
        self = next
    }

    public var isSignable: Bool { self == .sent }
}
