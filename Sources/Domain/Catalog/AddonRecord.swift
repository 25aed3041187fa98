/// A stored add-on, as its list and form show it.
public struct AddonRecord: Sendable, Equatable {
    public let id: AddonID
    public let draft: AddonDraft
    /// The product it belongs to, `SKU · name`; nil when offered with any product.
    public let productLabel: String?
    public let active: Bool
    public let version: Int

    public init(id: AddonID, draft: AddonDraft, productLabel: String?, active: Bool, version: Int) {
        self.id = id
        self.draft = draft
        self.productLabel = productLabel
        self.active = active
        self.version = version
    }
}
