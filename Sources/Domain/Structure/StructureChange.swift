/// One change an admin makes to the company structure.
public enum StructureChange: Sendable, Equatable {
    case addDepartment(name: String, parent: DepartmentID?)
    /// Rename, move (a new parent; nil: the top level) and choose the head position, in one form.
    case editDepartment(DepartmentID, name: String, parent: DepartmentID?, head: PositionID?)
    /// Deletes an empty department; with `moveTo`, its sub-departments and positions move there first.
    case deleteDepartment(DepartmentID, moveTo: DepartmentID?)
    case addPosition(name: String, department: DepartmentID)
    case renamePosition(PositionID, name: String)
    case deletePosition(PositionID)
    /// Where a staff member sits: their position and their manager (nil: none).
    case place(UserID, position: PositionID?, manager: UserID?)
}
