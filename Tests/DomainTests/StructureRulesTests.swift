import Domain
import Testing

/// The company structure's rules without a database: names, siblings, cycles in the department
/// tree and in the manager chain, head positions, and what may be deleted.
@Suite("Structure rules")
struct StructureRulesTests {
    static func d(_ id: Int64) -> DepartmentID { DepartmentID(rawValue: id) }
    static func p(_ id: Int64) -> PositionID { PositionID(rawValue: id) }
    static func u(_ id: Int64) -> UserID { UserID(rawValue: id) }

    static func person(
        _ id: Int64, _ name: String, position: Int64? = nil, manager: Int64? = nil
    )
        -> CompanyStructure
        .Person
    {
        CompanyStructure.Person(
            member: StaffMember(id: u(id), email: "\(name)@x.se", name: name, role: .support, locale: .sv),
            active: true, positionID: position.map(p), managerID: manager.map(u))
    }

    /// Ledning(1) ⊃ Sälj(2) ⊃ Event(4); Ledning ⊃ Lager(3). VD(10) in Ledning, Säljare(20) in Sälj,
    /// Montör(30) in Lager. Karin(1) VD; Maria(2) Säljare under Karin; Åke(3) under Maria; Nils(4) unplaced.
    static let structure = CompanyStructure(
        departments: [
            .init(id: d(1), name: "Ledning", parentID: nil, headPositionID: p(10)),
            .init(id: d(2), name: "Sälj", parentID: d(1), headPositionID: nil),
            .init(id: d(3), name: "Lager", parentID: d(1), headPositionID: nil),
            .init(id: d(4), name: "Event", parentID: d(2), headPositionID: nil),
        ],
        positions: [
            .init(id: p(10), name: "VD", departmentID: d(1)), .init(id: p(20), name: "Säljare", departmentID: d(2)),
            .init(id: p(30), name: "Montör", departmentID: d(3)),
        ],
        people: [
            person(1, "Karin", position: 10), person(2, "Maria", position: 20, manager: 1),
            person(3, "Åke", position: 20, manager: 2), person(4, "Nils"),
        ])

    static func refusal(_ change: StructureChange) -> StructureRefusal? {
        StructureRules.refusal(change, in: structure)
    }

    @Test func namesAreNeededShortAndWithoutControlCharacters() {
        #expect(Self.refusal(.addDepartment(name: "", parent: nil)) == .nameMissing)
        #expect(
            Self.refusal(.addDepartment(name: String(repeating: "å", count: 101), parent: nil))
                == .nameTooLong(maximum: 100))
        #expect(Self.refusal(.addDepartment(name: String(repeating: "å", count: 100), parent: nil)) == nil)
        #expect(Self.refusal(.addPosition(name: "Säl\tjare", department: Self.d(2))) == .nameHasControlCharacters)
        #expect(StructureRefusal.nameMissing.field == "name")
    }

    @Test func namesAreUniqueAmongSiblingsOnly() {
        #expect(Self.refusal(.addDepartment(name: "sälj", parent: Self.d(1))) == .nameTaken("Sälj"))
        // The same name in another branch is another department.
        #expect(Self.refusal(.addDepartment(name: "Sälj", parent: Self.d(3))) == nil)
        #expect(Self.refusal(.addDepartment(name: "Ledning", parent: nil)) == .nameTaken("Ledning"))
        #expect(Self.refusal(.addPosition(name: "MONTÖR", department: Self.d(3))) == .nameTaken("Montör"))
        #expect(Self.refusal(.addPosition(name: "Montör", department: Self.d(2))) == nil)
        // Renaming to its own name (another case) is no clash with itself.
        #expect(Self.refusal(.renamePosition(Self.p(30), name: "montör")) == nil)
        #expect(
            Self.refusal(.editDepartment(Self.d(2), name: "Lager", parent: Self.d(1), head: nil))
                == .nameTaken("Lager"))
    }

    @Test func aDepartmentCannotMoveIntoItselfOrItsSubDepartments() {
        #expect(
            Self.refusal(.editDepartment(Self.d(1), name: "Ledning", parent: Self.d(4), head: nil))
                == .departmentCycle(moving: "Ledning", under: "Event"))
        #expect(
            Self.refusal(.editDepartment(Self.d(2), name: "Sälj", parent: Self.d(2), head: nil))
                == .departmentCycle(moving: "Sälj", under: "Sälj"))
        #expect(StructureRefusal.departmentCycle(moving: "", under: "").field == "parent")
        // Moving sideways or to the top level is fine.
        #expect(Self.refusal(.editDepartment(Self.d(4), name: "Event", parent: Self.d(3), head: nil)) == nil)
        #expect(Self.refusal(.editDepartment(Self.d(2), name: "Sälj", parent: nil, head: nil)) == nil)
        #expect(
            Self.refusal(.editDepartment(Self.d(2), name: "Sälj", parent: Self.d(99), head: nil)) == .departmentNotFound
        )
    }

    @Test func theHeadIsOneOfTheDepartmentsOwnPositions() {
        #expect(Self.refusal(.editDepartment(Self.d(2), name: "Sälj", parent: Self.d(1), head: Self.p(20))) == nil)
        #expect(
            Self.refusal(.editDepartment(Self.d(2), name: "Sälj", parent: Self.d(1), head: Self.p(30)))
                == .headNotInDepartment)
    }

    @Test func nobodyManagesThemselfThroughOthers() {
        #expect(Self.refusal(.place(Self.u(1), position: Self.p(10), manager: Self.u(1))) == .ownManager)
        // Karin under Åke: Karin → Åke → Maria → Karin.
        #expect(
            Self.refusal(.place(Self.u(1), position: Self.p(10), manager: Self.u(3)))
                == .managerCycle(chain: ["Karin", "Åke", "Maria", "Karin"]))
        #expect(
            Self.refusal(.place(Self.u(2), position: Self.p(20), manager: Self.u(3)))
                == .managerCycle(chain: ["Maria", "Åke", "Maria"]))
        #expect(Self.refusal(.place(Self.u(4), position: Self.p(30), manager: Self.u(3))) == nil)
        #expect(Self.refusal(.place(Self.u(4), position: nil, manager: nil)) == nil)
        #expect(Self.refusal(.place(Self.u(4), position: nil, manager: Self.u(99))) == .managerNotFound)
        #expect(Self.refusal(.place(Self.u(4), position: Self.p(99), manager: nil)) == .positionNotFound)
        #expect(Self.refusal(.place(Self.u(99), position: nil, manager: nil)) == .personNotFound)
        #expect(Self.structure.managerChain(of: Self.u(3)).map(\.member.name) == ["Maria", "Karin"])
    }

    @Test func onlyAnEmptyDepartmentIsDeletedUnlessWhatItHoldsMoves() {
        #expect(
            Self.refusal(.deleteDepartment(Self.d(2), moveTo: nil))
                == .departmentNotEmpty(subDepartments: 1, heldPositions: 1))
        // Lager's only position is vacant: it goes with the department.
        #expect(Self.refusal(.deleteDepartment(Self.d(3), moveTo: nil)) == nil)
        #expect(Self.refusal(.deleteDepartment(Self.d(2), moveTo: Self.d(3))) == nil)
        #expect(Self.refusal(.deleteDepartment(Self.d(2), moveTo: Self.d(4))) == .moveTargetInside)
        #expect(Self.refusal(.deleteDepartment(Self.d(2), moveTo: Self.d(2))) == .moveTargetInside)
        // Moving Lager's Montör into a department that has one already would clash.
        let withMontor = CompanyStructure(
            departments: Self.structure.departments,
            positions: Self.structure.positions + [.init(id: Self.p(40), name: "Montör", departmentID: Self.d(2))],
            people: Self.structure.people)
        #expect(
            StructureRules.refusal(.deleteDepartment(Self.d(3), moveTo: Self.d(2)), in: withMontor)
                == .nameTaken("Montör"))
        #expect(Self.refusal(.deletePosition(Self.p(20))) == .positionHeld(holders: 2))
        #expect(Self.refusal(.deletePosition(Self.p(30))) == nil)
    }

    @Test func theTreeKnowsItsSubtreesAndPaths() {
        #expect(Self.structure.subtree(of: Self.d(1)) == [Self.d(1), Self.d(2), Self.d(3), Self.d(4)])
        #expect(Self.structure.subtree(of: Self.d(2)) == [Self.d(2), Self.d(4)])
        #expect(Self.structure.path(to: Self.d(4)).map(\.name) == ["Ledning", "Sälj", "Event"])
    }
}
