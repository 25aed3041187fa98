public import Domain
import Routing

/// `/admin/structure/people/{id}` (admins): a staff member's position and manager, and the chain of
/// managers above them as it is now.
public enum PlacementPage {
    public static func form(_ person: CompanyStructure.Person) -> FormState {
        FormState(values: [
            "position": person.positionID.map { String($0.rawValue) } ?? "",
            "manager": person.managerID.map { String($0.rawValue) } ?? "",
        ])
    }

    public static func render(
        _ person: CompanyStructure.Person, _ structure: CompanyStructure, form: FormState, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.structure
        let positions = structure.positions.map { position in
            (
                value: String(position.id.rawValue),
                label: (structure.path(to: position.departmentID).map(\.name) + [position.name])
                    .joined(separator: " › ")
            )
        }.sorted { $0.label.lowercased() < $1.label.lowercased() }
        let managers = structure.people.filter { $0.active && $0.member.id != person.member.id }.map {
            (value: String($0.member.id.rawValue), label: $0.member.name)
        }
        let chain = structure.managerChain(of: person.member.id)
        return AdminLayout.page(title: person.member.name, admin) {
            p { a(.href(SafeURL(.admin(.structure(.tree))))) { s.back } }
            h1 {
                person.member.name
                if !person.active { small { " (\(s.inactive))" } }
            }
            p(.class("hint")) { person.member.email }
            section(.class("card"), .id("placement")) {
                h2 { s.personHeading }
                Fields.summary(form, admin.strings)
                Fields.post(.admin(.structure(.place(person.member.id))), csrf: admin.csrfToken) {
                    Fields.select("position", s.position, form, options: [("", s.noPosition)] + positions)
                    Fields.select("manager", s.manager, form, options: [("", s.noManager)] + managers)
                    button(.class("button"), .attr("type", "submit")) { s.save }
                }
            }
            if !chain.isEmpty {
                section(.class("card"), .id("chain")) {
                    h2 { s.managerChain }
                    ol {
                        for manager in chain {
                            li {
                                manager.member.name
                                if !manager.active { small { " (\(s.inactive))" } }
                            }
                        }
                    }
                }
            }
        }.rendered()
    }
}
