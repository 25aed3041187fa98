/// The company as a tree: departments (each inside at most one other), the positions of each
/// department (jobs such as "Lagerchef", not access roles), and the staff members with the position
/// they hold and their manager. Small (tens of rows), so rules and pages take all of it at once.
public struct CompanyStructure: Sendable, Equatable {
    public struct Department: Sendable, Equatable {
        public let id: DepartmentID
        public let name: String
        public let parentID: DepartmentID?
        /// One of the department's own positions, or none.
        public let headPositionID: PositionID?

        public init(id: DepartmentID, name: String, parentID: DepartmentID?, headPositionID: PositionID?) {
            self.id = id
            self.name = name
            self.parentID = parentID
            self.headPositionID = headPositionID
        }
    }

    public struct Position: Sendable, Equatable {
        public let id: PositionID
        public let name: String
        public let departmentID: DepartmentID

        public init(id: PositionID, name: String, departmentID: DepartmentID) {
            self.id = id
            self.name = name
            self.departmentID = departmentID
        }
    }

    /// A staff account and where it sits (both nil: not placed yet).
    public struct Person: Sendable, Equatable {
        public let member: StaffMember
        public let active: Bool
        public let positionID: PositionID?
        public let managerID: UserID?

        public init(member: StaffMember, active: Bool, positionID: PositionID?, managerID: UserID?) {
            self.member = member
            self.active = active
            self.positionID = positionID
            self.managerID = managerID
        }
    }

    /// In the order pages show them (by name).
    public let departments: [Department]
    public let positions: [Position]
    /// Every staff account, active or not.
    public let people: [Person]

    public init(departments: [Department], positions: [Position], people: [Person]) {
        self.departments = departments
        self.positions = positions
        self.people = people
    }

    public func department(_ id: DepartmentID) -> Department? { departments.first { $0.id == id } }
    public func position(_ id: PositionID) -> Position? { positions.first { $0.id == id } }
    public func person(_ id: UserID) -> Person? { people.first { $0.member.id == id } }

    /// The departments directly inside `parent` (nil: the top level).
    public func children(of parent: DepartmentID?) -> [Department] { departments.filter { $0.parentID == parent } }
    public func positions(in department: DepartmentID) -> [Position] {
        positions.filter { $0.departmentID == department }
    }
    public func holders(of position: PositionID) -> [Person] { people.filter { $0.positionID == position } }

    /// `department` and every department inside it, at any depth.
    public func subtree(of department: DepartmentID) -> Set<DepartmentID> {
        var found: Set<DepartmentID> = [department]
        var frontier = [department]
        while let next = frontier.popLast() {
            for child in children(of: next) where found.insert(child.id).inserted { frontier.append(child.id) }
        }
        return found
    }

    /// The departments from the top level down to `department` (its path, itself last).
    public func path(to department: DepartmentID) -> [Department] {
        var path: [Department] = []
        var seen: Set<DepartmentID> = []
        var next: DepartmentID? = department
        while let id = next, seen.insert(id).inserted, let found = self.department(id) {
            path.insert(found, at: 0)
            next = found.parentID
        }
        return path
    }

    /// The managers above `user`, nearest first, as placed (deactivated accounts included; the
    /// walk stops where a chain would come back).
    public func managerChain(of user: UserID) -> [Person] {
        var chain: [Person] = []
        var seen: Set<UserID> = [user]
        var next = person(user)?.managerID
        while let id = next, seen.insert(id).inserted, let manager = person(id) {
            chain.append(manager)
            next = manager.managerID
        }
        return chain
    }
}
