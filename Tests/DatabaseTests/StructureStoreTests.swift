import Domain
import TestSupport
import Testing
import UseCases

@testable import Database

/// The company structure against a real PostgreSQL: the look-ups later features route work with
/// (people in a department and below, holders of a position, the manager chain), and the
/// database's own refusal of cycles when SQL goes around the product.
@Suite("Structure store: look-ups and the cycle triggers")
struct StructureStoreTests {
    static let actor = AuditActor(kind: .system)

    struct Company {
        let db: Connection
        let users: [String: UserID]
        let departments: [String: DepartmentID]
        let positions: [String: PositionID]
    }

    /// Ledning ⊃ {Sälj ⊃ Event, Lager}. Karin VD; Maria Säljare → Karin; Åke Eventsäljare → Maria;
    /// Jöns Lagerchef → Karin; Nils Montör → Jöns (deactivated later in one test).
    static func company(_ name: String) throws -> Company {
        let db = try TestDatabase.migrated(name)
        var users: [String: UserID] = [:]
        for person in ["Karin", "Maria", "Åke", "Jöns", "Nils"] {
            users[person] = try UserStore.create(
                db, email: "\(person.lowercased())@s.se", name: person, role: .support, locale: .sv, passwordHash: "!",
                actor: actor)
        }
        func add(_ change: StructureChange) throws -> Int64 {
            let outcome = try ChangeStructure.run(db, change, actor: actor)
            guard case .done(let id?) = outcome else { throw TestFailure("\(change): \(outcome)") }
            return id
        }
        var departments: [String: DepartmentID] = [:]
        for (name, parent) in [("Ledning", nil), ("Sälj", "Ledning"), ("Event", "Sälj"), ("Lager", "Ledning")] {
            departments[name] = DepartmentID(
                rawValue: try add(.addDepartment(name: name, parent: parent.flatMap { departments[$0] })))
        }
        var positions: [String: PositionID] = [:]
        for (name, department) in [
            ("VD", "Ledning"), ("Säljare", "Sälj"), ("Eventsäljare", "Event"), ("Lagerchef", "Lager"),
            ("Montör", "Lager"),
        ] {
            positions[name] = PositionID(
                rawValue: try add(.addPosition(name: name, department: departments[department]!)))
        }
        for (person, position, manager) in [
            ("Karin", "VD", nil), ("Maria", "Säljare", "Karin"), ("Åke", "Eventsäljare", "Maria"),
            ("Jöns", "Lagerchef", "Karin"), ("Nils", "Montör", "Jöns"),
        ] {
            let outcome = try ChangeStructure.run(
                db, .place(users[person]!, position: positions[position], manager: manager.flatMap { users[$0] }),
                actor: actor)
            #expect(outcome == .done(id: nil))
        }
        return Company(db: db, users: users, departments: departments, positions: positions)
    }

    @Test func theLookUpsAnswerWhoWorksWhereAndWhoApproves() throws {
        let c = try Self.company("structure_lookups")
        defer { c.db.close() }
        #expect(
            try StructureStore.people(c.db, in: c.departments["Ledning"]!).map(\.name) == [
                "Jöns", "Karin", "Maria", "Nils", "Åke",
            ])
        #expect(try StructureStore.people(c.db, in: c.departments["Sälj"]!).map(\.name) == ["Maria", "Åke"])
        #expect(
            try StructureStore.people(c.db, in: c.departments["Sälj"]!, includingSubDepartments: false).map(\.name)
                == ["Maria"])
        #expect(try StructureStore.holders(c.db, of: c.positions["Lagerchef"]!).map(\.name) == ["Jöns"])
        #expect(try StructureStore.manager(c.db, of: c.users["Åke"]!)?.name == "Maria")
        #expect(try StructureStore.managerChain(c.db, of: c.users["Åke"]!).map(\.name) == ["Maria", "Karin"])
        #expect(try StructureStore.manager(c.db, of: c.users["Karin"]!) == nil)

        // A deactivated manager is passed over: Nils's approvals go to Karin while Jöns is away.
        try c.db.execute("UPDATE users SET active = false WHERE id = \(c.users["Jöns"]!.rawValue)")
        #expect(try StructureStore.managerChain(c.db, of: c.users["Nils"]!).map(\.name) == ["Karin"])
        #expect(try StructureStore.manager(c.db, of: c.users["Nils"]!)?.name == "Karin")
        #expect(try StructureStore.holders(c.db, of: c.positions["Lagerchef"]!).isEmpty)
        #expect(!(try StructureStore.people(c.db, in: c.departments["Lager"]!).map(\.name).contains("Jöns")))
    }

    @Test func theDatabaseRefusesCyclesThatGoAroundTheProduct() throws {
        let c = try Self.company("structure_triggers")
        defer { c.db.close() }
        let ledning = c.departments["Ledning"]!.rawValue
        let event = c.departments["Event"]!.rawValue
        #expect {
            try c.db.execute("UPDATE departments SET parent_id = \(event) WHERE id = \(ledning)")
        } throws: { error in
            (error as? DatabaseError)?.kind == .checkViolation(constraint: "departments_no_cycle")
        }
        #expect {
            try c.db.execute("UPDATE departments SET parent_id = \(ledning) WHERE id = \(ledning)")
        } throws: { error in
            // The trigger runs before the table's own check (`departments_not_own_parent`) would.
            (error as? DatabaseError)?.kind == .checkViolation(constraint: "departments_no_cycle")
        }
        #expect(
            try c.db.query("SELECT parent_id FROM departments WHERE id = \(ledning)")[0].decode("parent_id") as Int64?
                == nil)

        // Karin under Åke would close Karin → Åke → Maria → Karin.
        let karin = c.users["Karin"]!.rawValue
        #expect {
            try c.db.execute(
                "UPDATE staff_placements SET manager_id = \(c.users["Åke"]!.rawValue) WHERE user_id = \(karin)")
        } throws: { error in
            (error as? DatabaseError)?.kind == .checkViolation(constraint: "staff_placements_no_cycle")
        }
        #expect(
            try c.db.query("SELECT manager_id FROM staff_placements WHERE user_id = \(karin)")[0].decode("manager_id")
                as Int64? == nil)

        // Names are unique among siblings in the database too, whatever the case.
        #expect {
            try c.db.execute("INSERT INTO departments (name, parent_id) VALUES ('SÄLJ', \(ledning))")
        } throws: { error in
            (error as? DatabaseError)?.kind == .uniqueViolation(constraint: "departments_sibling_name_key")
        }
        // A held position stays; a department with positions stays.
        #expect {
            try c.db.execute("DELETE FROM positions WHERE id = \(c.positions["Montör"]!.rawValue)")
        } throws: { error in
            (error as? DatabaseError)?.kind == .foreignKeyViolation(constraint: "staff_placements_position_fkey")
        }
        #expect {
            try c.db.execute("DELETE FROM departments WHERE id = \(c.departments["Lager"]!.rawValue)")
        } throws: { error in
            (error as? DatabaseError)?.kind == .foreignKeyViolation(constraint: "positions_department_fkey")
        }
    }

    @Test func deletingADepartmentMovesWhatItHoldsWithItsAuditRows() throws {
        let c = try Self.company("structure_delete_move")
        defer { c.db.close() }
        let salj = c.departments["Sälj"]!
        #expect(
            try ChangeStructure.run(c.db, .deleteDepartment(salj, moveTo: nil), actor: Self.actor)
                == .refused(.departmentNotEmpty(subDepartments: 1, heldPositions: 1)))
        #expect(
            try ChangeStructure.run(c.db, .deleteDepartment(salj, moveTo: c.departments["Ledning"]!), actor: Self.actor)
                == .done(id: nil))
        let rows = try c.db.query(
            """
            SELECT entity_type || '.' || action AS what FROM audit_log
             WHERE entity_type IN ('department', 'position') AND action <> 'created' ORDER BY id
            """
        ).map { try $0.decode("what") as String }
        #expect(rows == ["department.updated", "position.updated", "department.deleted"])
        #expect(
            try StructureStore.people(c.db, in: c.departments["Event"]!).map(\.name) == ["Åke"],
            "Event moved to Ledning with Åke")
        let events =
            try c.db.query("SELECT count(*)::int AS n FROM events WHERE type = 'department.deleted'")[0]
            .decode("n") as Int
        #expect(events == 1)
    }
}
