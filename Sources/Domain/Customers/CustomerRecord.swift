public import Foundation

/// A stored customer: the profile plus what the database keeps about the row.
public struct CustomerRecord: Sendable, Equatable {
    public let id: CustomerID
    public let profile: CustomerProfile
    /// For optimistic locking: an edit names the version it started from.
    public let version: Int
    /// Archived customers are hidden from lists and pickers but keep their history.
    public let archivedAt: Date?
    public let createdAt: Date
    public let updatedAt: Date
    /// The custom fields' values (`key` → value), archived fields' too.
    public var custom: [String: JSONValue] = [:]

    public init(
        id: CustomerID, profile: CustomerProfile, version: Int, archivedAt: Date?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.profile = profile
        self.version = version
        self.archivedAt = archivedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A customer as the customers list shows it.
public struct CustomerSummary: Sendable, Equatable {
    public let id: CustomerID
    public let kind: CustomerDetails.Kind
    public let name: String
    public let companyName: String
    public let email: String
    public let phone: String
    public let city: String
    public let archived: Bool
    /// The custom fields' values (the list's custom columns).
    public var custom: [String: JSONValue] = [:]

    public init(
        id: CustomerID, kind: CustomerDetails.Kind, name: String, companyName: String, email: String, phone: String,
        city: String, archived: Bool
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.companyName = companyName
        self.email = email
        self.phone = phone
        self.city = city
        self.archived = archived
    }

    /// The company for companies, else the person (what the list sorts by).
    public var displayName: String { kind == .company && !companyName.isEmpty ? companyName : name }
}
