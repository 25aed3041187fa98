public import Foundation

/// A saved report's identity.
public struct SavedReportID: Hashable, Sendable {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// A saved report as stored: its name, definition, who it is shared with, and who made it.
public struct SavedReport: Sendable, Equatable {
    public var id: SavedReportID
    public var name: String
    public var definition: ReportDefinition
    /// The roles besides Admin that may view it and download its CSV.
    public var sharedRoles: Set<StaffRole>
    public var ownerName: String?
    public var updatedAt: Date

    public init(
        id: SavedReportID, name: String, definition: ReportDefinition, sharedRoles: Set<StaffRole>, ownerName: String?,
        updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.definition = definition
        self.sharedRoles = sharedRoles
        self.ownerName = ownerName
        self.updatedAt = updatedAt
    }

    /// Admins see every report; anyone else the reports shared with their role.
    public func isVisible(to role: StaffRole) -> Bool { role == .admin || sharedRoles.contains(role) }
}

/// What an admin writes: a new report, a changed one, or a deleted one.
public enum SavedReportChange: Sendable, Equatable {
    case create(name: String, definition: ReportDefinition, shared: Set<StaffRole>)
    case update(SavedReportID, name: String, definition: ReportDefinition, shared: Set<StaffRole>)
    case delete(SavedReportID)
}

/// The checks every save makes before anything is written.
public enum SavedReportRules {
    public static let maximumNameLength = 200

    /// The name as stored (trimmed), or the refusal.
    public static func name(_ typed: String) throws(SavedReportRefusal) -> String {
        let name = typed.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw .nameMissing }
        guard name.count <= maximumNameLength else { throw .nameTooLong(maximum: maximumNameLength) }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .nameHasControlCharacters
        }
        return name
    }

    /// The roles a report is shared with, from their names; Admin sees every report anyway.
    public static func roles(_ names: [String]) throws(SavedReportRefusal) -> Set<StaffRole> {
        var roles: Set<StaffRole> = []
        for name in names where !name.isEmpty {
            guard let role = StaffRole(rawValue: name) else { throw .unknownRole(name) }
            if role != .admin { roles.insert(role) }
        }
        return roles
    }
}
