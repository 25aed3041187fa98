public import Domain

/// What other features ask the structure: who works in a department, who holds a position (a task
/// assigned to "Lagerchef"), and whom an approval goes to (the requester's manager, and above).
/// Only active accounts are answered: a deactivated member holds nothing and approves nothing, and
/// a manager chain passes over them to the next active manager.
extension StructureStore {
    /// The active members holding a position in `department` (and, with `includingSubDepartments`,
    /// in any department inside it), by name.
    public static func people(
        _ connection: Connection, in department: DepartmentID, includingSubDepartments: Bool = true
    ) throws -> [StaffMember] {
        try connection.query(
            """
            WITH RECURSIVE tree (id) AS (
                SELECT id FROM departments WHERE id = \(department.rawValue)
                UNION
                SELECT d.id FROM departments d JOIN tree ON d.parent_id = tree.id WHERE \(includingSubDepartments))
            SELECT u.id, u.email::text AS email, u.name, u.role, u.locale
              FROM staff_placements s
              JOIN positions p ON p.id = s.position_id
              JOIN users u ON u.id = s.user_id
             WHERE p.department_id IN (SELECT id FROM tree) AND u.active
             ORDER BY u.name, u.id
            """
        ).map(member)
    }

    /// The active members holding `position`, by name.
    public static func holders(_ connection: Connection, of position: PositionID) throws -> [StaffMember] {
        try connection.query(
            """
            SELECT u.id, u.email::text AS email, u.name, u.role, u.locale
              FROM staff_placements s JOIN users u ON u.id = s.user_id
             WHERE s.position_id = \(position.rawValue) AND u.active
             ORDER BY u.name, u.id
            """
        ).map(member)
    }

    /// The nearest active manager above `user` (the first of `managerChain`), or nil.
    public static func manager(_ connection: Connection, of user: UserID) throws -> StaffMember? {
        try managerChain(connection, of: user).first
    }

    /// The active managers above `user`, nearest first: an approval that the first cannot give
    /// goes to the next. Deactivated managers are passed over; the walk ends at the top.
    public static func managerChain(_ connection: Connection, of user: UserID) throws -> [StaffMember] {
        try connection.query(
            """
            WITH RECURSIVE up (user_id, depth) AS (
                SELECT s.manager_id, 1 FROM staff_placements s
                 WHERE s.user_id = \(user.rawValue) AND s.manager_id IS NOT NULL
                UNION
                SELECT s.manager_id, up.depth + 1 FROM staff_placements s JOIN up ON s.user_id = up.user_id
                 WHERE s.manager_id IS NOT NULL AND up.depth < 100)
            SELECT u.id, u.email::text AS email, u.name, u.role, u.locale
              FROM up JOIN users u ON u.id = up.user_id
             WHERE u.active AND u.id <> \(user.rawValue)
             ORDER BY up.depth
            """
        ).map(member)
    }
}
