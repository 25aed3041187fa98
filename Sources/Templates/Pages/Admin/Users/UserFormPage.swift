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
        let title = existing.map { s.userEditTitle($0.member.name) } ?? s.userNewTitle
        let roles = StaffRole.allCases.map { (value: $0.rawValue, label: "\(s.roleName($0)) – \(s.roleDescription($0))") }
        let languages = Language.allCases.map { (value: $0.rawValue, label: s.languageName($0)) }
        return AdminLayout.page(title: title, admin) {
            div(.class("page-head")) {
                h1 { title }
                div(.class("actions")) { a(.href(SafeURL(.admin(.users(.list))))) { s.usersTitle } }
            }
            Fields.summary(form, s)
            Fields.post(existing.map { .admin(.users(.update($0.member.id))) } ?? .admin(.users(.create)), csrf: admin.csrfToken) {
                if existing != nil { Fields.hidden("version", form["version"]) }
                div(.class("grid")) {
                    if let existing {
                        div(.class("field")) {
                            label(.attr("for", "f-email")) { s.userEmailLabel }
                            input(.attr("type", "email"), .id("f-email"), .attr("value", existing.member.email), .flag("readonly"))
                        }
                    } else {
                        Fields.text("email", s.userEmailLabel, form, type: "email", required: true, extra: [.attr("autocomplete", "off")])
                    }
                    Fields.text("name", s.userNameLabel, form, required: true, extra: [.attr("maxlength", "200")])
                    Fields.select("role", s.userRoleLabel, form, options: roles)
                    Fields.select("locale", s.userLanguageLabel, form, options: languages)
                }
                if existing != nil {
                    h2 { s.userSetPasswordHeading }
                    p(.class("hint")) { s.userSetPasswordHint }
                }
                div(.class("grid")) {
                    Fields.text(
                        "password", s.userInitialPasswordLabel, form, type: "password", required: existing == nil,
                        hint: existing == nil ? s.userInitialPasswordHint : s.passwordRule,
                        extra: [.attr("autocomplete", "new-password")])
                    Fields.text(
                        "confirm_password", s.userConfirmPasswordLabel, form, type: "password", required: existing == nil,
                        extra: [.attr("autocomplete", "new-password")])
                }
                button(.class("button"), .attr("type", "submit")) { existing == nil ? s.userCreateButton : s.userSaveButton }
            }
            if let existing { statusSection(existing, admin: admin) }
        }.rendered()
    }

    private static func statusSection(_ existing: Existing, admin: AdminPage) -> Node {
        let s = admin.strings
        return section(.class("card user-status")) {
            h2 { s.userStatusHeading }
            if existing.active {
                p { s.userDeactivateText }
                if existing.member.id != admin.user.id {
                    Fields.postButton(.admin(.users(.deactivate(existing.member.id))), s.userDeactivate, csrf: admin.csrfToken)
                }
            } else {
                p { span(.class("badge bad")) { s.userInactive }; " "; s.userInactiveText }
                Fields.postButton(.admin(.users(.reactivate(existing.member.id))), s.userReactivate, csrf: admin.csrfToken, style: "button")
            }
        }
    }
}
