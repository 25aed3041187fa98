import Database
import Domain
import UseCases

/// The demo company's structure, built through the same use case as the pages: Ledning (VD) with
/// Sälj, Lager och logistik and Kundtjänst under it. Karin is VD; Maria (Säljare) and Jönsson
/// (Lagerchef) report to her; Åke in Kundtjänst reports to Maria, so approvals have a two-step chain.
/// Montör stays vacant.
enum DemoStructure {
    static func seed(_ tx: Connection, users: [String: Int64], actor: AuditActor) throws {
        func add(_ change: StructureChange) throws -> Int64 {
            guard case .done(let id?) = try ChangeStructure.run(tx, change, actor: actor) else {
                throw DemoStructureError(change: change)
            }
            return id
        }
        func department(_ name: String, under parent: Int64?) throws -> DepartmentID {
            DepartmentID(
                rawValue: try add(.addDepartment(name: name, parent: parent.map(DepartmentID.init(rawValue:)))))
        }
        func position(_ name: String, in department: DepartmentID, head: Bool = false) throws -> PositionID {
            let id = PositionID(rawValue: try add(.addPosition(name: name, department: department)))
            if head {
                let structure = try StructureStore.structure(tx)
                guard let current = structure.department(department) else { throw DemoStructureError(change: nil) }
                _ = try ChangeStructure.run(
                    tx, .editDepartment(department, name: current.name, parent: current.parentID, head: id),
                    actor: actor)
            }
            return id
        }
        func place(_ role: String, _ position: PositionID, manager: String?) throws {
            guard let user = users[role] else { return }
            _ = try ChangeStructure.run(
                tx,
                .place(
                    UserID(rawValue: user), position: position,
                    manager: manager.flatMap { users[$0] }.map(UserID.init(rawValue:))), actor: actor)
        }

        let ledning = try department("Ledning", under: nil)
        let vd = try position("VD", in: ledning, head: true)
        let salj = try department("Sälj", under: ledning.rawValue)
        let saljare = try position("Säljare", in: salj, head: true)
        let lager = try department("Lager och logistik", under: ledning.rawValue)
        let lagerchef = try position("Lagerchef", in: lager, head: true)
        _ = try position("Montör", in: lager)
        let kundtjanst = try department("Kundtjänst", under: ledning.rawValue)
        let kundtjanstPosition = try position("Kundtjänstmedarbetare", in: kundtjanst)

        try place("admin", vd, manager: nil)
        try place("manager", saljare, manager: "admin")
        try place("warehouse", lagerchef, manager: "admin")
        try place("support", kundtjanstPosition, manager: "manager")
    }
}

/// The demo's structure was refused by the rules (a bug in the demo data).
struct DemoStructureError: Error {
    let change: StructureChange?
}
