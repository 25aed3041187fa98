public import Domain
import Routing

/// `/admin/structure`: the company directory. Departments nested inside their parents (cards in
/// cards, so the nesting reads on a tablet without scripts), each with its positions, the people
/// holding them and each person's manager; active staff without a position at the end. Admins get
/// the links to change it.
public enum StructureTreePage {
    public static func render(_ structure: CompanyStructure, admin: AdminPage) -> [UInt8] {
        let s = admin.strings.structure
        let unplaced = structure.people.filter { $0.active && $0.positionID == nil }
        return AdminLayout.page(title: s.title, admin) {
            div(.class("page-head")) {
                h1 { s.title }
                if admin.may(.admin(.structure(.newDepartment))) {
                    div(.class("actions")) {
                        a(.class("button"), .href(SafeURL(.admin(.structure(.newDepartment))))) { s.newDepartment }
                    }
                }
            }
            p(.class("lead")) { s.lead }
            let roots = structure.children(of: nil)
            if roots.isEmpty { p { s.empty } }
            for department in roots { departmentCard(department, depth: 0, structure, admin) }
            if !unplaced.isEmpty {
                section(.class("card org-unplaced"), .id("unplaced")) {
                    h2 { s.unplacedHeading }
                    p(.class("hint")) { s.unplacedHint }
                    ul {
                        for person in unplaced { li { personLine(person, structure, admin) } }
                    }
                }
            }
        }.rendered()
    }

    /// One department with its positions and, inside it, its sub-departments.
    static func departmentCard(
        _ department: CompanyStructure.Department, depth: Int, _ structure: CompanyStructure, _ admin: AdminPage
    ) -> Node {
        let s = admin.strings.structure
        let edit = Route.admin(.structure(.department(department.id)))
        let positions = structure.positions(in: department.id)
        return section(
            .class("card org-department"), .id("department-\(department.id.rawValue)"),
            .attr("data-department", department.name)
        ) {
            div(.class("page-head")) {
                if depth == 0 { h2 { department.name } } else { h3 { department.name } }
                if admin.may(edit) { a(.href(SafeURL(edit))) { s.edit } }
            }
            if positions.isEmpty {
                p(.class("hint")) { s.noPositions }
            } else {
                ul(.class("org-positions")) {
                    for position in positions {
                        let holders = structure.holders(of: position.id).filter(\.active)
                        li(.attr("data-position", position.name)) {
                            strong { position.name }
                            if department.headPositionID == position.id { small { " (\(s.head.lowercased()))" } }
                            if holders.isEmpty {
                                " — "
                                span(.class("hint")) { s.vacant }
                            } else {
                                ul {
                                    for person in holders { li { personLine(person, structure, admin) } }
                                }
                            }
                        }
                    }
                }
            }
            for child in structure.children(of: department.id) {
                departmentCard(child, depth: depth + 1, structure, admin)
            }
        }
    }

    /// A person's name (linked to their placement for admins) and their manager.
    static func personLine(_ person: CompanyStructure.Person, _ structure: CompanyStructure, _ admin: AdminPage) -> Node
    {
        let s = admin.strings.structure
        let placement = Route.admin(.structure(.person(person.member.id)))
        return span(.class("org-person"), .attr("data-person", person.member.email)) {
            if admin.may(placement) {
                a(.href(SafeURL(placement))) { person.member.name }
            } else {
                person.member.name
            }
            if let manager = person.managerID.flatMap(structure.person) {
                small(.class("hint")) { " · \(s.reportsTo): \(manager.member.name)" }
            }
        }
    }
}
