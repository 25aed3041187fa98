/// One product or add-on as the extractor sees it: its name, the words customers use for it (edited
/// per product) and how many people one unit serves (a chair 1, a long table 8, a tent 32), which
/// sizes needs like "tält för 100 personer" and "stolar till alla".
public struct InquiryCatalogueItem: Sendable, Equatable {
    public enum Reference: Sendable, Equatable, Hashable {
        case product(id: Int64, sku: String)
        case addon(id: Int64)
    }

    public var reference: Reference
    public var name: String
    public var synonyms: [String]
    /// Persons one unit serves; nil when it does not apply (heaters, lights, delivery).
    public var capacity: Int?
    /// Inactive items are never proposed.
    public var active: Bool

    public init(reference: Reference, name: String, synonyms: [String] = [], capacity: Int? = nil, active: Bool = true)
    {
        self.reference = reference
        self.name = name
        self.synonyms = synonyms
        self.capacity = capacity
        self.active = active
    }

    var isAddon: Bool {
        if case .addon = reference { return true }
        return false
    }
}
