/// Who is to do a task: one staff member, everyone of an access role, everyone placed in a
/// department (or a department inside it) or holding a position (see the company structure), or
/// the customer, through the portal.
public enum TaskAssignee: Sendable, Hashable {
    case user(UserID)
    case role(StaffRole)
    case department(DepartmentID)
    case position(PositionID)
    case customer(CustomerID)

    /// The stored `tasks.assignee_kind`.
    public var kind: String {
        switch self {
        case .user: "user"
        case .role: "role"
        case .department: "department"
        case .position: "position"
        case .customer: "customer"
        }
    }

    /// As a form's select value and back: `user:12`, `role:warehouse`, `department:3`,
    /// `position:4`, `customer:9`.
    public var token: String {
        switch self {
        case .user(let id): "user:\(id.rawValue)"
        case .role(let role): "role:\(role.rawValue)"
        case .department(let id): "department:\(id.rawValue)"
        case .position(let id): "position:\(id.rawValue)"
        case .customer(let id): "customer:\(id.rawValue)"
        }
    }

    public init?(token: String) {
        let parts = token.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        if parts[0] == "role" {
            guard let role = StaffRole(rawValue: parts[1]) else { return nil }
            self = .role(role)
            return
        }
        guard let id = Int64(parts[1]), id > 0 else { return nil }
        switch parts[0] {
        case "user": self = .user(UserID(rawValue: id))
        case "department": self = .department(DepartmentID(rawValue: id))
        case "position": self = .position(PositionID(rawValue: id))
        case "customer": self = .customer(CustomerID(rawValue: id))
        default: return nil
        }
    }
}

/// A task is open until it is completed (its answers stored) or cancelled; both are final.
public enum TaskState: String, Sendable, Hashable, CaseIterable {
    case open
    case done
    case cancelled
}
