/// Where a quotation is in its life. Raw values are the database's `quotations.state`.
///
/// ```
/// draft ──send──▶ sent ──▶ signed            (final)
///   │              ├─────▶ declined ──edit──▶ draft
///   │              ├─────▶ expired  ──edit──▶ draft
///   │              ├─edit─▶ draft   (a new version; the sent one's link is voided)
///   ▼              ▼
///  void ◀──────────┘                          (final)
/// ```
/// Editing a sent, declined or expired quotation makes a new version and goes back to `draft`,
/// ready to send again. `signed` and `void` are final.
public enum QuotationState: String, Sendable, Hashable, CaseIterable, Codable {
    case draft, sent, signed, declined, expired, void

    /// Whether `self → next` is allowed.
    public func canTransition(to next: QuotationState) -> Bool {
        switch (self, next) {
        case (.draft, .sent), (.draft, .void): true
        case (.sent, .signed), (.sent, .declined), (.sent, .expired), (.sent, .void), (.sent, .draft): true
        case (.declined, .draft), (.declined, .void): true
        case (.expired, .draft), (.expired, .void): true
        default: false
        }
    }

    /// Moves to `next`. Throws ``StateTransitionError`` when ``canTransition(to:)`` says no.
    public mutating func transition(to next: QuotationState) throws(StateTransitionError) {
        guard canTransition(to: next) else { throw StateTransitionError(from: rawValue, to: next.rawValue) }
        self = next
    }

    /// Staff may change the content: in place for a draft, as a new version otherwise.
    public var isEditable: Bool { self == .draft || self == .sent || self == .declined || self == .expired }

    /// Editing in this state freezes the current version and starts a new one (going back to `draft`).
    public var editingMakesNewVersion: Bool { self == .sent || self == .declined || self == .expired }

    /// A customer can sign or decline only now.
    public var isSignable: Bool { self == .sent }

    /// No transition leaves this state.
    public var isFinal: Bool { self == .signed || self == .void }
}
