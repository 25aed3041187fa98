public import Domain
import Routing

/// A department's forms (admins): new (name and parent), or an existing one's rename, move and head
/// position, its positions (add, rename, delete) and deleting it (moving what it holds). A refused
/// form comes back with the reason next to its field and what was typed kept.
public enum DepartmentPage {
    /// The forms' states after a refusal; untouched forms start from the department as it is.
    public struct Forms: Sendable {
        public var department: FormState
        public var newPosition: FormState
        public var positions: [PositionID: FormState]
        public var delete: FormState

        public init(
            department: FormState = FormState(), newPosition: FormState = FormState(),
            positions: [PositionID: FormState] = [:], delete: FormState = FormState()
        ) {
            self.department = department
            self.newPosition = newPosition
            self.positions = positions
            self.delete = delete
        }
    }

    /// The department's own form from the department as it is.
    public static func form(_ department: CompanyStructure.Department) -> FormState {
        FormState(values: [
            "name": department.name, "parent": department.parentID.map { String($0.rawValue) } ?? "",
            "head": department.headPositionID.map { String($0.rawValue) } ?? "",
        ])
    }

    /// `/admin/structure/departments/new`.
    public static func renderNew(_ structure: CompanyStructure, form: FormState, admin: AdminPage) -> [UInt8] {
        let s = admin.strings.structure
        return AdminLayout.page(title: s.newDepartment, admin) {
            p { a(.href(SafeURL(.admin(.structure(.tree))))) { s.back } }
            h1 { s.newDepartment }
            section(.class("card")) {
                Fields.summary(form, admin.strings)
                Fields.post(.admin(.structure(.createDepartment)), csrf: admin.csrfToken) {
                    Fields.text("name", s.name, form, required: true)
                    Fields.select("parent", s.parent, form, options: parentOptions(structure, excluding: [], s))
                    button(.class("button"), .attr("type", "submit")) { s.create }
                }
            }
        }.rendered()
    }

    /// `/admin/structure/departments/{id}`.
    public static func render(
        _ department: CompanyStructure.Department, _ structure: CompanyStructure, forms: Forms, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.structure
        let inside = structure.subtree(of: department.id)
        let positions = structure.positions(in: department.id)
        let path = structure.path(to: department.id).map(\.name).joined(separator: " › ")
        return AdminLayout.page(title: department.name, admin) {
            p { a(.href(SafeURL(.admin(.structure(.tree))))) { s.back } }
            h1 { department.name }
            if path != department.name { p(.class("hint")) { path } }
            section(.class("card"), .id("department")) {
                h2 { s.departmentHeading }
                Fields.summary(forms.department, admin.strings)
                Fields.post(.admin(.structure(.updateDepartment(department.id))), csrf: admin.csrfToken) {
                    Fields.text("name", s.name, forms.department, required: true)
                    Fields.select(
                        "parent", s.parent, forms.department, options: parentOptions(structure, excluding: inside, s))
                    Fields.select(
                        "head", s.head, forms.department,
                        options: [("", s.noHead)] + positions.map { (String($0.id.rawValue), $0.name) })
                    button(.class("button"), .attr("type", "submit")) { s.save }
                }
            }
            section(.class("card"), .id("positions")) {
                h2 { s.positions }
                if positions.isEmpty { p(.class("hint")) { s.noPositions } }
                for position in positions {
                    positionRow(position, structure, form: forms.positions[position.id], admin: admin)
                }
                h3 { s.addPosition }
                Fields.summary(forms.newPosition, admin.strings)
                Fields.post(.admin(.structure(.createPosition(department.id))), csrf: admin.csrfToken) {
                    Fields.text("position_name", s.positionName, forms.newPosition, required: true)
                    button(.class("button secondary"), .attr("type", "submit")) { s.create }
                }
            }
            section(.class("card"), .id("delete")) {
                h2 { s.deleteHeading }
                p(.class("hint")) { s.deleteHint }
                Fields.summary(forms.delete, admin.strings)
                Fields.post(.admin(.structure(.deleteDepartment(department.id))), csrf: admin.csrfToken) {
                    Fields.select(
                        "move_to", s.moveTo, forms.delete,
                        options: [("", s.moveNothing)]
                            + parentOptions(structure, excluding: inside, s).filter { !$0.value.isEmpty })
                    button(.class("button secondary"), .attr("type", "submit")) { s.delete }
                }
            }
        }.rendered()
    }

    /// One position: its holders, the rename form and the delete button.
    static func positionRow(
        _ position: CompanyStructure.Position, _ structure: CompanyStructure, form: FormState?, admin: AdminPage
    ) -> Node {
        let s = admin.strings.structure
        let form = form ?? FormState(values: ["name": position.name])
        let holders = structure.holders(of: position.id).filter(\.active).map(\.member.name)
        return div(.class("org-position"), .id("position-\(position.id.rawValue)")) {
            h3 { position.name }
            p(.class("hint")) { "\(s.holders): " + (holders.isEmpty ? s.vacant : holders.joined(separator: ", ")) }
            Fields.summary(form, admin.strings)
            Fields.post(.admin(.structure(.renamePosition(position.id))), csrf: admin.csrfToken) {
                Fields.text("name", s.name, form, required: true, id: "f-position-\(position.id.rawValue)")
                button(.class("button secondary"), .attr("type", "submit")) { s.rename }
            }
            Fields.postButton(.admin(.structure(.deletePosition(position.id))), s.delete, csrf: admin.csrfToken)
        }
    }

    /// The top level and every department outside `excluding`, each named by its path.
    static func parentOptions(
        _ structure: CompanyStructure, excluding: Set<DepartmentID>, _ s: StructureStrings
    ) -> [(value: String, label: String)] {
        let choices = structure.departments.filter { !excluding.contains($0.id) }.map { department in
            (
                value: String(department.id.rawValue),
                label: structure.path(to: department.id).map(\.name).joined(separator: " › ")
            )
        }
        return [(value: "", label: s.topLevel)] + choices.sorted { $0.label.lowercased() < $1.label.lowercased() }
    }
}
