/// Who the quotation is for, as frozen into a snapshot (the customer row may change later; the
/// signed agreement must not). Empty strings for what is not known.
public struct CustomerDetails: Sendable, Hashable, Codable {
    /// Raw values are the database's `customers.kind`.
    public enum Kind: String, Sendable, Hashable, Codable {
        case person, company
    }

    public var kind: Kind
    /// The person, or the company's contact.
    public var name: String
    public var companyName: String
    public var organisationNumber: String
    public var vatNumber: String
    public var email: String
    public var phone: String
    public var billingAddress: PostalAddress

    public init(
        kind: Kind, name: String, companyName: String = "", organisationNumber: String = "", vatNumber: String = "",
        email: String = "", phone: String = "", billingAddress: PostalAddress = PostalAddress()
    ) {
        self.kind = kind
        self.name = name
        self.companyName = companyName
        self.organisationNumber = organisationNumber
        self.vatNumber = vatNumber
        self.email = email
        self.phone = phone
        self.billingAddress = billingAddress
    }

    /// The name to address the agreement to: the company for companies, else the person.
    public var displayName: String { kind == .company && !companyName.isEmpty ? companyName : name }
}
