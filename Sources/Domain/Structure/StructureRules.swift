/// The rules of the company structure, decided on the whole structure as read under the structure
/// lock: names are 1–100 characters without control characters and unique among siblings
/// (case-insensitively), no department is inside itself, nobody is their own manager through
/// others, a head position is the department's own, and only an empty department or an unheld
/// position is deleted. The database enforces the same with constraints and triggers.
public enum StructureRules {
    public static let nameLimit = 100

    /// The refusal of `change` in `structure`, or nil when it may happen.
    public static func refusal(_ change: StructureChange, in structure: CompanyStructure) -> StructureRefusal? {
        switch change {
        case .addDepartment(let name, let parent):
            if let problem = nameProblem(name) { return problem }
            if let parent, structure.department(parent) == nil { return .departmentNotFound }
            return siblingClash(name, under: parent, except: nil, in: structure)

        case .editDepartment(let id, let name, let parent, let head):
            guard let department = structure.department(id) else { return .departmentNotFound }
            if let problem = nameProblem(name) { return problem }
            if let parent {
                guard let target = structure.department(parent) else { return .departmentNotFound }
                if structure.subtree(of: id).contains(parent) {
                    return .departmentCycle(moving: department.name, under: target.name)
                }
            }
            if let head, structure.position(head)?.departmentID != id { return .headNotInDepartment }
            return siblingClash(name, under: parent, except: id, in: structure)

        case .deleteDepartment(let id, let moveTo):
            guard structure.department(id) != nil else { return .departmentNotFound }
            let children = structure.children(of: id)
            let positions = structure.positions(in: id)
            guard let moveTo else {
                let held = positions.filter { !structure.holders(of: $0.id).isEmpty }.count
                return children.isEmpty && held == 0
                    ? nil : .departmentNotEmpty(subDepartments: children.count, heldPositions: held)
            }
            guard structure.department(moveTo) != nil else { return .departmentNotFound }
            if structure.subtree(of: id).contains(moveTo) { return .moveTargetInside }
            for child in children {
                if let clash = siblingClash(child.name, under: moveTo, except: child.id, in: structure) { return clash }
            }
            for position in positions {
                if let clash = positionClash(position.name, in: moveTo, except: position.id, in: structure) {
                    return clash
                }
            }
            return nil

        case .addPosition(let name, let department):
            if let problem = nameProblem(name) { return problem }
            guard structure.department(department) != nil else { return .departmentNotFound }
            return positionClash(name, in: department, except: nil, in: structure)

        case .renamePosition(let id, let name):
            guard let position = structure.position(id) else { return .positionNotFound }
            if let problem = nameProblem(name) { return problem }
            return positionClash(name, in: position.departmentID, except: id, in: structure)

        case .deletePosition(let id):
            guard structure.position(id) != nil else { return .positionNotFound }
            let holders = structure.holders(of: id).count
            return holders == 0 ? nil : .positionHeld(holders: holders)

        case .place(let user, let position, let manager):
            guard let person = structure.person(user) else { return .personNotFound }
            if let position, structure.position(position) == nil { return .positionNotFound }
            guard let manager else { return nil }
            if manager == user { return .ownManager }
            guard let boss = structure.person(manager) else { return .managerNotFound }
            let above = [boss] + structure.managerChain(of: manager)
            if let back = above.firstIndex(where: { $0.member.id == user }) {
                let names = [person] + above[..<back] + [person]
                return .managerCycle(chain: names.map(\.member.name))
            }
            return nil
        }
    }

    /// A name's own problem: empty, too long, or with control characters.
    public static func nameProblem(_ name: String) -> StructureRefusal? {
        if name.isEmpty { return .nameMissing }
        if name.lengthForLimits > nameLimit { return .nameTooLong(maximum: nameLimit) }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .nameHasControlCharacters
        }
        return nil
    }

    static func siblingClash(
        _ name: String, under parent: DepartmentID?, except id: DepartmentID?, in structure: CompanyStructure
    ) -> StructureRefusal? {
        let clash = structure.children(of: parent).first { $0.id != id && same($0.name, name) }
        return clash.map { .nameTaken($0.name) }
    }

    static func positionClash(
        _ name: String, in department: DepartmentID, except id: PositionID?, in structure: CompanyStructure
    ) -> StructureRefusal? {
        let clash = structure.positions(in: department).first { $0.id != id && same($0.name, name) }
        return clash.map { .nameTaken($0.name) }
    }

    static func same(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }
}
