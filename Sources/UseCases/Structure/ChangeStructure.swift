public import Database
public import Domain

/// An admin changes the company structure: under the structure lock, read the whole structure,
/// decide with `StructureRules`, write with its audit rows — one transaction. The database's
/// constraints and cycle triggers are the backstop: a refusal they raise (a change that raced past
/// the rule some other way) comes back as the same refusal, with nothing written.
public enum ChangeStructure {
    public enum Outcome: Sendable, Equatable {
        /// Written; `id` is the new record's for an addition.
        case done(id: Int64?)
        case refused(StructureRefusal)
    }

    /// - Throws: `DatabaseError` other than the structure's own constraints.
    public static func run(_ connection: Connection, _ change: StructureChange, actor: AuditActor) throws -> Outcome {
        do {
            return try connection.transaction { tx in
                try StructureStore.lock(tx)
                let structure = try StructureStore.structure(tx)
                if let refusal = StructureRules.refusal(change, in: structure) { return .refused(refusal) }
                return .done(id: try StructureStore.apply(tx, change, in: structure, actor: actor))
            }
        } catch let error as DatabaseError {
            guard let refusal = refusal(for: error, change) else { throw error }
            return .refused(refusal)
        }
    }

    /// The refusal a constraint of the structure's tables stands for.
    static func refusal(for error: DatabaseError, _ change: StructureChange) -> StructureRefusal? {
        switch error.kind {
        case .uniqueViolation("departments_sibling_name_key"), .uniqueViolation("positions_department_name_key"):
            return .nameTaken(name(of: change) ?? "")
        case .checkViolation("departments_no_cycle"), .checkViolation("departments_not_own_parent"):
            return .departmentCycle(moving: name(of: change) ?? "", under: "")
        case .checkViolation("staff_placements_no_cycle"): return .managerCycle(chain: [])
        case .checkViolation("staff_placements_not_own_manager"): return .ownManager
        case .foreignKeyViolation("staff_placements_position_fkey"): return .positionHeld(holders: 1)
        case .foreignKeyViolation("tasks_assignee_department_id_fkey"),
            .foreignKeyViolation("tasks_assignee_position_id_fkey"):
            return .hasTasks
        case .foreignKeyViolation("departments_parent_fkey"), .foreignKeyViolation("positions_department_fkey"):
            return .departmentNotEmpty(subDepartments: 0, heldPositions: 0)
        default: return nil
        }
    }

    static func name(of change: StructureChange) -> String? {
        switch change {
        case .addDepartment(let name, _), .editDepartment(_, let name, _, _), .addPosition(let name, _),
            .renamePosition(_, let name):
            name
        case .deleteDepartment, .deletePosition, .place: nil
        }
    }
}
