public import Domain

/// The company structure: every staff member reads the tree (it is the company directory); only
/// admins add, rename, move and delete departments and positions, and place people.
public enum StructureRoute: Hashable, Sendable {
    /// `/admin/structure` — departments nested, their positions and holders, each holder's manager.
    case tree
    /// `/admin/structure/departments/new` — the form for a new department.
    case newDepartment
    /// `POST /admin/structure/departments` — `name`, `parent` (empty: top level).
    case createDepartment
    /// `/admin/structure/departments/{id}` — rename, move, head, positions, delete.
    case department(DepartmentID)
    /// `POST /admin/structure/departments/{id}` — `name`, `parent`, `head`.
    case updateDepartment(DepartmentID)
    /// `POST /admin/structure/departments/{id}/delete` — `move_to` (empty: only when empty).
    case deleteDepartment(DepartmentID)
    /// `POST /admin/structure/departments/{id}/positions` — `position_name`.
    case createPosition(DepartmentID)
    /// `POST /admin/structure/positions/{id}` — `name`.
    case renamePosition(PositionID)
    /// `POST /admin/structure/positions/{id}/delete` — only when nobody holds it.
    case deletePosition(PositionID)
    /// `/admin/structure/people/{id}` — where a staff member sits.
    case person(UserID)
    /// `POST /admin/structure/people/{id}` — `position`, `manager` (empty: none).
    case place(UserID)
}

extension StructureRoute: FeatureRoute {
    public var endpoint: Endpoint<StructureRoute> {
        let base: [PathPart] = ["admin", "structure"]
        switch self {
        case .tree: return Endpoint(.get, base, access: .everyone) { _ in .tree }
        case .newDepartment:
            return Endpoint(.get, base + ["departments", "new"], access: .adminOnly) { _ in .newDepartment }
        case .createDepartment:
            return Endpoint(.post, base + ["departments"], access: .adminOnly) { _ in .createDepartment }
        case .department(let id):
            return Endpoint(.get, base + ["departments", .id(id.rawValue)], access: .adminOnly) { c in
                .department(DepartmentID(rawValue: c.ids[0]))
            }
        case .updateDepartment(let id):
            return Endpoint(.post, base + ["departments", .id(id.rawValue)], access: .adminOnly) { c in
                .updateDepartment(DepartmentID(rawValue: c.ids[0]))
            }
        case .deleteDepartment(let id):
            return Endpoint(.post, base + ["departments", .id(id.rawValue), "delete"], access: .adminOnly) { c in
                .deleteDepartment(DepartmentID(rawValue: c.ids[0]))
            }
        case .createPosition(let id):
            return Endpoint(.post, base + ["departments", .id(id.rawValue), "positions"], access: .adminOnly) { c in
                .createPosition(DepartmentID(rawValue: c.ids[0]))
            }
        case .renamePosition(let id):
            return Endpoint(.post, base + ["positions", .id(id.rawValue)], access: .adminOnly) { c in
                .renamePosition(PositionID(rawValue: c.ids[0]))
            }
        case .deletePosition(let id):
            return Endpoint(.post, base + ["positions", .id(id.rawValue), "delete"], access: .adminOnly) { c in
                .deletePosition(PositionID(rawValue: c.ids[0]))
            }
        case .person(let id):
            return Endpoint(.get, base + ["people", .id(id.rawValue)], access: .adminOnly) { c in
                .person(UserID(rawValue: c.ids[0]))
            }
        case .place(let id):
            return Endpoint(.post, base + ["people", .id(id.rawValue)], access: .adminOnly) { c in
                .place(UserID(rawValue: c.ids[0]))
            }
        }
    }

    public static let samples: [StructureRoute] = [
        .tree, .newDepartment, .createDepartment, .department(DepartmentID(rawValue: 1)),
        .updateDepartment(DepartmentID(rawValue: 1)), .deleteDepartment(DepartmentID(rawValue: 1)),
        .createPosition(DepartmentID(rawValue: 1)), .renamePosition(PositionID(rawValue: 1)),
        .deletePosition(PositionID(rawValue: 1)), .person(UserID(rawValue: 1)), .place(UserID(rawValue: 1)),
    ]
}
