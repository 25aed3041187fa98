/// The customer as a booking page shows the contact.
public struct BookingContact: Sendable, Equatable {
    public let id: CustomerID
    public let isCompany: Bool
    /// The contact person.
    public let name: String
    public let companyName: String?
    public let email: String?
    public let phone: String?

    public init(id: CustomerID, isCompany: Bool, name: String, companyName: String?, email: String?, phone: String?) {
        self.id = id
        self.isCompany = isCompany
        self.name = name
        self.companyName = companyName
        self.email = email
        self.phone = phone
    }

    /// The company for a company customer, else the person's name.
    public var displayName: String { isCompany ? (companyName ?? name) : name }
}
