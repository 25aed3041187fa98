import Database
import Domain
import HTTP
import Routing
import Templates
import UseCases

/// `/admin/structure…`: the tree for every staff member; the department, position and placement
/// forms for admins. Each change is one `ChangeStructure` run; a refusal answers 4xx with the page
/// and the reason next to its field (400 for a name that is empty, too long or has control
/// characters; 422 for a change the structure's rules refuse), and nothing is stored.
enum StructureHandler {
    static func handle(_ route: StructureRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .tree:
            return admin.html(StructureTreePage.render(try structure(admin), admin: try admin.page()))
        case .newDepartment:
            return try newDepartment(FormState(), .ok, admin)
        case .createDepartment: return try createDepartment(admin)
        case .department(let id):
            let structure = try structure(admin)
            guard let department = structure.department(id) else { throw HTTPError(.notFound) }
            let forms = DepartmentPage.Forms(department: DepartmentPage.form(department))
            return try departmentPage(department, structure, forms, .ok, admin)
        case .updateDepartment(let id): return try updateDepartment(id, admin)
        case .deleteDepartment(let id): return try deleteDepartment(id, admin)
        case .createPosition(let id): return try createPosition(id, admin)
        case .renamePosition(let id): return try renamePosition(id, admin)
        case .deletePosition(let id): return try deletePosition(id, admin)
        case .person(let id):
            let structure = try structure(admin)
            guard let person = structure.person(id) else { throw HTTPError(.notFound) }
            return admin.html(
                PlacementPage.render(person, structure, form: PlacementPage.form(person), admin: try admin.page()))
        case .place(let id): return try place(id, admin)
        }
    }

    static func structure(_ admin: AdminContext) throws -> CompanyStructure {
        try StructureStore.structure(try admin.connection())
    }

    static func run(_ change: StructureChange, _ admin: AdminContext) throws -> ChangeStructure.Outcome {
        try ChangeStructure.run(try admin.connection(), change, actor: admin.actor)
    }

    // MARK: Departments

    static func createDepartment(_ admin: AdminContext) throws -> Response {
        var form = FormState(values: admin.formValues(["name", "parent"]))
        let parent = try optionalID(form["parent"]).map(DepartmentID.init(rawValue:))
        switch try run(.addDepartment(name: form["name"], parent: parent), admin) {
        case .done(let id):
            guard let id else { return admin.redirect(to: .admin(.structure(.tree)), flash: .created) }
            return admin.redirect(to: .admin(.structure(.department(DepartmentID(rawValue: id)))), flash: .created)
        case .refused(let refusal):
            let status = show(refusal, in: &form, admin)
            return try newDepartment(form, status, admin)
        }
    }

    static func newDepartment(_ form: FormState, _ status: HTTPStatus, _ admin: AdminContext) throws -> Response {
        admin.html(DepartmentPage.renderNew(try structure(admin), form: form, admin: try admin.page()), status: status)
    }

    static func updateDepartment(_ id: DepartmentID, _ admin: AdminContext) throws -> Response {
        var form = FormState(values: admin.formValues(["name", "parent", "head"]))
        let parent = try optionalID(form["parent"]).map(DepartmentID.init(rawValue:))
        let head = try optionalID(form["head"]).map(PositionID.init(rawValue:))
        let outcome = try run(.editDepartment(id, name: form["name"], parent: parent, head: head), admin)
        guard case .refused(let refusal) = outcome else {
            return admin.redirect(to: .admin(.structure(.department(id))), flash: .saved)
        }
        let status = show(refusal, in: &form, admin)
        return try departmentPage(id, DepartmentPage.Forms(department: form), status, admin)
    }

    static func deleteDepartment(_ id: DepartmentID, _ admin: AdminContext) throws -> Response {
        var form = FormState(values: admin.formValues(["move_to"]))
        let moveTo = try optionalID(form["move_to"]).map(DepartmentID.init(rawValue:))
        guard case .refused(let refusal) = try run(.deleteDepartment(id, moveTo: moveTo), admin) else {
            return admin.redirect(to: .admin(.structure(.tree)), flash: .saved)
        }
        let status = show(refusal, in: &form, field: "move_to", admin)
        return try departmentPage(id, DepartmentPage.Forms(delete: form), status, admin)
    }

    // MARK: Positions

    static func createPosition(_ id: DepartmentID, _ admin: AdminContext) throws -> Response {
        var form = FormState(values: admin.formValues(["position_name"]))
        guard case .refused(let refusal) = try run(.addPosition(name: form["position_name"], department: id), admin)
        else {
            return admin.redirect(to: .admin(.structure(.department(id))), flash: .created)
        }
        let status = show(refusal, in: &form, field: "position_name", admin)
        return try departmentPage(id, DepartmentPage.Forms(newPosition: form), status, admin)
    }

    static func renamePosition(_ id: PositionID, _ admin: AdminContext) throws -> Response {
        let department = try positionsDepartment(id, admin)
        var form = FormState(values: admin.formValues(["name"]))
        guard case .refused(let refusal) = try run(.renamePosition(id, name: form["name"]), admin) else {
            return admin.redirect(to: .admin(.structure(.department(department))), flash: .saved)
        }
        let status = show(refusal, in: &form, admin)
        return try departmentPage(department, DepartmentPage.Forms(positions: [id: form]), status, admin)
    }

    static func deletePosition(_ id: PositionID, _ admin: AdminContext) throws -> Response {
        let department = try positionsDepartment(id, admin)
        guard case .refused(let refusal) = try run(.deletePosition(id), admin) else {
            return admin.redirect(to: .admin(.structure(.department(department))), flash: .saved)
        }
        let structure = try structure(admin)
        var form = FormState(values: ["name": structure.position(id)?.name ?? ""])
        form.formError = admin.strings.structure.refusal(refusal)
        return try departmentPage(department, DepartmentPage.Forms(positions: [id: form]), .unprocessableContent, admin)
    }

    /// The department a position belongs to (404 when there is no such position).
    static func positionsDepartment(_ id: PositionID, _ admin: AdminContext) throws -> DepartmentID {
        guard let position = try structure(admin).position(id) else { throw HTTPError(.notFound) }
        return position.departmentID
    }

    // MARK: People

    static func place(_ id: UserID, _ admin: AdminContext) throws -> Response {
        var form = FormState(values: admin.formValues(["position", "manager"]))
        let position = try optionalID(form["position"]).map(PositionID.init(rawValue:))
        let manager = try optionalID(form["manager"]).map(UserID.init(rawValue:))
        guard case .refused(let refusal) = try run(.place(id, position: position, manager: manager), admin) else {
            return admin.redirect(to: .admin(.structure(.tree)), flash: .saved)
        }
        if refusal == .personNotFound { throw HTTPError(.notFound) }
        let status = show(refusal, in: &form, admin)
        let structure = try structure(admin)
        guard let person = structure.person(id) else { throw HTTPError(.notFound) }
        return admin.html(
            PlacementPage.render(person, structure, form: form, admin: try admin.page()), status: status)
    }

    // MARK: Helpers

    /// The department page with `forms` (the department's own form from the record when not given).
    static func departmentPage(
        _ id: DepartmentID, _ forms: DepartmentPage.Forms, _ status: HTTPStatus, _ admin: AdminContext
    ) throws -> Response {
        let structure = try structure(admin)
        guard let department = structure.department(id) else { throw HTTPError(.notFound) }
        return try departmentPage(department, structure, forms, status, admin)
    }

    static func departmentPage(
        _ department: CompanyStructure.Department, _ structure: CompanyStructure, _ forms: DepartmentPage.Forms,
        _ status: HTTPStatus, _ admin: AdminContext
    ) throws -> Response {
        var forms = forms
        if forms.department.values.isEmpty { forms.department = DepartmentPage.form(department) }
        return admin.html(
            DepartmentPage.render(department, structure, forms: forms, admin: try admin.page()), status: status)
    }

    /// Puts the refusal's reason next to its field (`field` overrides the refusal's own) and
    /// answers its status: 400 for a malformed name, 422 for what the rules refuse.
    static func show(
        _ refusal: StructureRefusal, in form: inout FormState, field: String? = nil, _ admin: AdminContext
    ) -> HTTPStatus {
        form.errors[field ?? refusal.field] = admin.strings.structure.refusal(refusal)
        switch refusal {
        case .nameMissing, .nameTooLong, .nameHasControlCharacters: return .badRequest
        default: return .unprocessableContent
        }
    }

    /// An optional record number from a select: empty is none; anything else must be a number.
    static func optionalID(_ text: String) throws -> Int64? {
        guard !text.isEmpty else { return nil }
        guard let value = Int64(text), value > 0 else { throw HTTPError(.badRequest) }
        return value
    }
}
