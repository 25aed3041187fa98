public import Domain
import Routing

/// `/admin/users/new` and `/admin/users/{id}/edit`: who the person is, their role and language;
/// a first password when creating, an optional new one when editing.
public enum UserFormPage {
    /// The account being edited, as stored (the form may hold other, typed values).
    public struct Existing: Sendable {
        public let member: StaffMember
        public let active: Bool

        public init(member: StaffMember, active: Bool) {
            self.member = member
            self.active = active
        }
    }

    /// The names of the form's fields that are echoed back when it is shown again.
    public static let fieldNames = ["email", "name", "role", "locale", "version"]

    /// - Parameter existing: nil for a new user.
    public static func render(existing: Existing?, form: FormState, admin: AdminPage) -> [UInt8] {
        let s = admin.strings
        let title = existing.map { s.users.editTitle($0.member.name) } ?? s.users.newTitle
        let roles = StaffRole.allCases.map {
            (value: $0.rawValue, label: "\(s.roleName($0)) – \(s.users.roleDescription($0))")
        }
        let languages = Language.allCases.map { (value: $0.rawValue, label: s.users.languageName($0)) }
        return AdminLayout.page(title: title, admin) {
            div(.class("page-head")) {
                h1 { title }
                div(.class("actions")) { a(.href(SafeURL(.admin(.users(.list))))) { s.users.title } }
            }
            Fields.summary(form, s)
            Fields.post(
                existing.map { .admin(.users(.update($0.member.id))) } ?? .admin(.users(.create)), csrf: admin.csrfToken
            ) {
                if existing != nil { Fields.hidden("version", form["version"]) }
                div(.class("grid")) {
                    if let existing {
                        div(.class("field")) {
                            label(.attr("for", "f-email")) { s.users.emailLabel }
                            input(
                                .attr("type", "email"), .id("f-email"), .attr("value", existing.member.email),
                                .flag("readonly"))
                        }
                    } else {
                        Fields.text(
                            "email", s.users.emailLabel, form, type: "email", required: true,
                            extra: [.attr("autocomplete", "off")])
                    }
                    Fields.text("name", s.users.nameLabel, form, required: true, extra: [.attr("maxlength", "200")])
                    Fields.select("role", s.users.roleLabel, form, options: roles)
                    Fields.select("locale", s.users.languageLabel, form, options: languages)
                }
                if existing != nil {
                    h2 { s.users.setPasswordHeading }
                    p(.class("hint")) { s.users.setPasswordHint }
                }
                div(.class("grid")) {
                    Fields.text(
                        "password", s.users.initialPasswordLabel, form, type: "password", required: existing == nil,
                        hint: existing == nil ? s.users.initialPasswordHint : s.staff.passwordRule,
                        extra: [.attr("autocomplete", "new-password")])
                    Fields.text(
                        "confirm_password", s.users.confirmPasswordLabel, form, type: "password",
                        required: existing == nil,
                        extra: [.attr("autocomplete", "new-password")])
                }
                button(.class("button"), .attr("type", "submit")) {
                    existing == nil ? s.users.createButton : s.users.saveButton
                }
            }
            if let existing { statusSection(existing, admin: admin) }
        }.rendered()
    }

    private static func statusSection(_ existing: Existing, admin: AdminPage) -> Node {
        let s = admin.strings
        return section(.class("card user-status")) {
            h2 { s.users.statusHeading }
            if existing.active {
                p { s.users.deactivateText }
                if existing.member.id != admin.user.id {
                    Fields.postButton(
                        .admin(.users(.deactivate(existing.member.id))), s.users.deactivate, csrf: admin.csrfToken)
                }
            } else {
                p {
                    span(.class("badge bad")) { s.users.inactive }
                    " "
                    s.users.inactiveText
                }
                Fields.postButton(
                    .admin(.users(.reactivate(existing.member.id))), s.users.reactivate, csrf: admin.csrfToken,
                    style: "button")
            }
            h2 { s.staff.twoStepTitle }
            p { s.users.resetTwoStepText }
            Fields.postButton(
                .admin(.users(.resetTwoStep(existing.member.id))), s.users.resetTwoStep, csrf: admin.csrfToken)
        }
    }
}
