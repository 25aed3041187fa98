/// A signed-in staff member as the pages see them.
public struct StaffMember: Sendable, Equatable {
    public let id: UserID
    public let email: String
    public let name: String
    public let role: StaffRole
    public let locale: Language

    public init(id: UserID, email: String, name: String, role: StaffRole, locale: Language) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.locale = locale
    }
}
