public import Domain
public import Foundation
import Routing

/// `/admin/users`: every staff account with its role and state; deactivate and reactivate here.
public enum UsersPage {
    public struct Row: Sendable {
        public let member: StaffMember
        public let active: Bool
        public let lockedUntil: Date?
        public let lastLoginAt: Date?

        public init(member: StaffMember, active: Bool, lockedUntil: Date?, lastLoginAt: Date?) {
            self.member = member
            self.active = active
            self.lockedUntil = lockedUntil
            self.lastLoginAt = lastLoginAt
        }
    }

    /// - Parameters: `error` is a refusal to show above the list (the last admin, oneself).
    public static func render(rows: [Row], error: String? = nil, now: Date = Date(), admin: AdminPage) -> [UInt8] {
        let s = admin.strings
        return AdminLayout.page(title: s.usersTitle, admin) {
            div(.class("page-head")) {
                h1 { s.usersTitle }
                div(.class("actions")) { a(.class("button"), .href(SafeURL(.admin(.users(.new))))) { s.userNew } }
            }
            p(.class("lead")) { s.usersLead }
            if let error { div(.class("form-errors"), .attr("role", "alert")) { p { error } } }
            div(.class("table-scroll")) {
                element("table", [.class("list users")]) {
                    element("thead", []) {
                        element("tr", []) {
                            element("th", [.attr("scope", "col")]) { s.userNameLabel }
                            element("th", [.attr("scope", "col")]) { s.userEmailLabel }
                            element("th", [.attr("scope", "col")]) { s.userRoleLabel }
                            element("th", [.attr("scope", "col")]) { s.userStatusLabel }
                            element("th", [.attr("scope", "col")]) { s.userLastSignIn }
                            element("th", [.attr("scope", "col")]) { "" }
                        }
                    }
                    element("tbody", []) {
                        for row in rows { userRow(row, now: now, admin: admin) }
                    }
                }
            }
        }.rendered()
    }

    private static func userRow(_ row: Row, now: Date, admin: AdminPage) -> Node {
        let s = admin.strings
        let member = row.member
        let isSelf = member.id == admin.user.id
        return element("tr", row.active ? [] : [.class("inactive")]) {
            element("td", []) {
                a(.href(SafeURL(.admin(.users(.edit(member.id)))))) { member.name }
                if isSelf { small { " (\(s.userYou))" } }
            }
            element("td", []) { member.email }
            element("td", []) { s.roleName(member.role) }
            element("td", []) {
                if row.active {
                    span(.class("badge ok")) { s.userActive }
                } else {
                    span(.class("badge bad")) { s.userInactive }
                }
                if let locked = row.lockedUntil, locked > now {
                    " "
                    span(.class("badge warn")) { s.userLockedUntil(DisplayFormat.dateTime(locked)) }
                }
            }
            element("td", []) { row.lastLoginAt.map(DisplayFormat.dateTime) ?? s.userNeverSignedIn }
            element("td", [.class("actions-cell")]) {
                if row.active {
                    if !isSelf {
                        Fields.postButton(.admin(.users(.deactivate(member.id))), s.userDeactivate, csrf: admin.csrfToken)
                    }
                } else {
                    Fields.postButton(.admin(.users(.reactivate(member.id))), s.userReactivate, csrf: admin.csrfToken)
                }
            }
        }
    }
}
