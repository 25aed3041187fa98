public import Domain

/// The company structure's SQL: departments, positions and where each staff member sits. Every
/// write goes through `apply` under `lock`, with its audit rows in the caller's transaction (the
/// audit rows become `department.*`, `position.*` and `user.placed` events). The lookups that other
/// features route work with are in `StructureStore+Lookups`.
public enum StructureStore {
    /// Serialises changes to the structure until the transaction ends; the database's cycle
    /// triggers take the same lock (advisory class 8312, key 1).
    public static func lock(_ tx: Connection) throws(DatabaseError) {
        _ = try tx.query("SELECT pg_advisory_xact_lock(8312, 1)")
    }

    /// The whole structure, every staff account included (one round trip).
    public static func structure(_ connection: Connection) throws -> CompanyStructure {
        let rows = try connection.pipeline([
            "SELECT id, name, parent_id, head_position_id FROM departments ORDER BY lower(name), id",
            "SELECT id, name, department_id FROM positions ORDER BY lower(name), id",
            """
            SELECT u.id, u.email::text AS email, u.name, u.role, u.locale, u.active, p.position_id, p.manager_id
              FROM users u LEFT JOIN staff_placements p ON p.user_id = u.id
             ORDER BY u.name, u.id
            """,
        ])
        return CompanyStructure(
            departments: try rows[0].map { row in
                CompanyStructure.Department(
                    id: DepartmentID(rawValue: try row.decode("id")), name: try row.decode("name"),
                    parentID: (try row.decode("parent_id") as Int64?).map(DepartmentID.init(rawValue:)),
                    headPositionID: (try row.decode("head_position_id") as Int64?).map(PositionID.init(rawValue:)))
            },
            positions: try rows[1].map { row in
                CompanyStructure.Position(
                    id: PositionID(rawValue: try row.decode("id")), name: try row.decode("name"),
                    departmentID: DepartmentID(rawValue: try row.decode("department_id")))
            },
            people: try rows[2].map { row in
                CompanyStructure.Person(
                    member: try member(row), active: try row.decode("active"),
                    positionID: (try row.decode("position_id") as Int64?).map(PositionID.init(rawValue:)),
                    managerID: (try row.decode("manager_id") as Int64?).map(UserID.init(rawValue:)))
            })
    }

    static func member(_ row: Row) throws -> StaffMember {
        let roleText: String = try row.decode("role")
        guard let role = StaffRole(rawValue: roleText) else {
            throw DatabaseError(.decoding(column: "role"), message: roleText)
        }
        return StaffMember(
            id: UserID(rawValue: try row.decode("id")), email: try row.decode("email"), name: try row.decode("name"),
            role: role, locale: Language(rawValue: try row.decode("locale")) ?? .sv)
    }

    /// Writes `change`, which `StructureRules` allowed in `structure` (read under `lock`), with its
    /// audit rows. Returns the new record's id for an addition.
    @discardableResult
    public static func apply(
        _ tx: Connection, _ change: StructureChange, in structure: CompanyStructure, actor: AuditActor
    ) throws -> Int64? {
        switch change {
        case .addDepartment(let name, let parent):
            let id: Int64 = try tx.query(
                "INSERT INTO departments (name, parent_id) VALUES (\(name), \(parent?.rawValue)) RETURNING id")[0]
                .decode("id")
            try AuditStore.record(
                tx, actor: actor, entity: "department", entityID: id, action: "created",
                after: ["name": name, "parent": parent.flatMap { structure.department($0)?.name } ?? ""])
            return id

        case .editDepartment(let id, let name, let parent, let head):
            guard let current = structure.department(id) else { return nil }
            let before = departmentFields(current.name, current.parentID, current.headPositionID, structure)
            let after = departmentFields(name, parent, head, structure)
            guard let diff = AuditStore.changes(from: before, to: after) else { return nil }
            try tx.execute(
                """
                UPDATE departments SET name = \(name), parent_id = \(parent?.rawValue), head_position_id = \(head?.rawValue)
                 WHERE id = \(id.rawValue)
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "department", entityID: id.rawValue, action: "updated", before: diff.before,
                after: diff.after)
            return nil

        case .deleteDepartment(let id, let moveTo):
            guard let department = structure.department(id) else { return nil }
            try deleteDepartment(tx, department, moveTo: moveTo, in: structure, actor: actor)
            return nil

        case .addPosition(let name, let department):
            let id: Int64 = try tx.query(
                "INSERT INTO positions (name, department_id) VALUES (\(name), \(department.rawValue)) RETURNING id")[0]
                .decode("id")
            try AuditStore.record(
                tx, actor: actor, entity: "position", entityID: id, action: "created",
                after: ["name": name, "department": structure.department(department)?.name ?? ""])
            return id

        case .renamePosition(let id, let name):
            guard let current = structure.position(id), current.name != name else { return nil }
            try tx.execute("UPDATE positions SET name = \(name) WHERE id = \(id.rawValue)")
            try AuditStore.record(
                tx, actor: actor, entity: "position", entityID: id.rawValue, action: "updated",
                before: ["name": current.name], after: ["name": name])
            return nil

        case .deletePosition(let id):
            guard let position = structure.position(id) else { return nil }
            try deletePosition(tx, position, in: structure, actor: actor)
            return nil

        case .place(let user, let position, let manager):
            guard let person = structure.person(user) else { return nil }
            let before = placementFields(person.positionID, person.managerID, structure)
            let after = placementFields(position, manager, structure)
            guard let diff = AuditStore.changes(from: before, to: after) else { return nil }
            try tx.execute(
                """
                INSERT INTO staff_placements (user_id, position_id, manager_id)
                VALUES (\(user.rawValue), \(position?.rawValue), \(manager?.rawValue))
                ON CONFLICT (user_id) DO UPDATE SET position_id = EXCLUDED.position_id, manager_id = EXCLUDED.manager_id
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "user", entityID: user.rawValue, action: "placed", before: diff.before,
                after: diff.after)
            return nil
        }
    }

    /// Moves the sub-departments and positions to `moveTo` (each move audited), or deletes the
    /// positions nobody holds, then deletes the department.
    static func deleteDepartment(
        _ tx: Connection, _ department: CompanyStructure.Department, moveTo: DepartmentID?,
        in structure: CompanyStructure, actor: AuditActor
    ) throws {
        let id = department.id.rawValue
        if department.headPositionID != nil {
            try tx.execute("UPDATE departments SET head_position_id = NULL WHERE id = \(id)")
        }
        let target = moveTo.flatMap { structure.department($0) }
        for child in structure.children(of: department.id) {
            guard let target else { break }
            try tx.execute("UPDATE departments SET parent_id = \(target.id.rawValue) WHERE id = \(child.id.rawValue)")
            try AuditStore.record(
                tx, actor: actor, entity: "department", entityID: child.id.rawValue, action: "updated",
                before: ["parent": department.name], after: ["parent": target.name])
        }
        for position in structure.positions(in: department.id) {
            if let target {
                try tx.execute(
                    "UPDATE positions SET department_id = \(target.id.rawValue) WHERE id = \(position.id.rawValue)")
                try AuditStore.record(
                    tx, actor: actor, entity: "position", entityID: position.id.rawValue, action: "updated",
                    before: ["department": department.name], after: ["department": target.name])
            } else {
                try deletePosition(tx, position, in: structure, actor: actor)
            }
        }
        try tx.execute("DELETE FROM departments WHERE id = \(id)")
        var after: [String: String]?
        if let target { after = ["moved_to": target.name] }
        try AuditStore.record(
            tx, actor: actor, entity: "department", entityID: id, action: "deleted",
            before: [
                "name": department.name,
                "parent": department.parentID.flatMap { structure.department($0)?.name } ?? "",
            ], after: after)
    }

    static func deletePosition(
        _ tx: Connection, _ position: CompanyStructure.Position, in structure: CompanyStructure, actor: AuditActor
    ) throws {
        try tx.execute("DELETE FROM positions WHERE id = \(position.id.rawValue)")
        try AuditStore.record(
            tx, actor: actor, entity: "position", entityID: position.id.rawValue, action: "deleted",
            before: ["name": position.name, "department": structure.department(position.departmentID)?.name ?? ""])
    }

    /// A department's fields as the audit log shows them: names, not ids.
    static func departmentFields(
        _ name: String, _ parent: DepartmentID?, _ head: PositionID?, _ structure: CompanyStructure
    ) -> [String: String] {
        [
            "name": name, "parent": parent.flatMap { structure.department($0)?.name } ?? "",
            "head_position": head.flatMap { structure.position($0)?.name } ?? "",
        ]
    }

    static func placementFields(
        _ position: PositionID?, _ manager: UserID?, _ structure: CompanyStructure
    ) -> [String: String] {
        [
            "position": position.flatMap { id in
                structure.position(id).map { "\($0.name) (\(structure.department($0.departmentID)?.name ?? ""))" }
            } ?? "",
            "manager": manager.flatMap { structure.person($0)?.member.name } ?? "",
        ]
    }
}
