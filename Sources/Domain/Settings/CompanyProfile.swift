/// Who the company is, as shown on every page footer, in emails and on agreements.
/// Stored in the settings row; edited by an Admin.
public struct CompanyProfile: Sendable, Equatable {
    public var name: String
    public var organisationNumber: String
    public var vatNumber: String
    public var address: String
    public var email: String
    public var phone: String
    public var website: String
    /// A short content hash of the logo, nil when there is none. Pages put it in the logo's URL so
    /// a new logo shows at once. Not part of a frozen snapshot (its coding leaves it out).
    public var logoVersion: String?

    public init(
        name: String, organisationNumber: String = "", vatNumber: String = "", address: String = "", email: String = "",
        phone: String = "", website: String = "", logoVersion: String? = nil
    ) {
        self.name = name
        self.organisationNumber = organisationNumber
        self.vatNumber = vatNumber
        self.address = address
        self.email = email
        self.phone = phone
        self.website = website
        self.logoVersion = logoVersion
    }

    public var hasLogo: Bool { logoVersion != nil }

    /// Used when the settings row cannot be read (PostgreSQL down) so error pages still render.
    public static let fallback = CompanyProfile(name: "EventGaraget")
}
