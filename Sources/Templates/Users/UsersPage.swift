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
        return AdminLayout.page(title: s.users.title, admin) {
            div(.class("page-head")) {
                h1 { s.users.title }
                div(.class("actions")) { a(.class("button"), .href(SafeURL(.admin(.users(.new))))) { s.users.newUser } }
            }
            p(.class("lead")) { s.users.lead }
            if let error { div(.class("form-errors"), .attr("role", "alert")) { p { error } } }
            div(.class("table-scroll")) {
                table(.class("list users")) {
                    thead {
                        tr {
                            th(.attr("scope", "col")) { s.users.nameLabel }
                            th(.attr("scope", "col")) { s.users.emailLabel }
                            th(.attr("scope", "col")) { s.users.roleLabel }
                            th(.attr("scope", "col")) { s.users.statusLabel }
                            th(.attr("scope", "col")) { s.users.lastSignIn }
                            th(.attr("scope", "col")) { "" }
                        }
                    }
                    tbody {
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
        return tr(row.active ? [] : [.class("inactive")]) {
            td {
                a(.href(SafeURL(.admin(.users(.edit(member.id)))))) { member.name }
                if isSelf { small { " (\(s.users.you))" } }
            }
            td { member.email }
            td { s.roleName(member.role) }
            td {
                if row.active {
                    StateBadge.badge(s.users.active, .ok)
                } else {
                    StateBadge.badge(s.users.inactive, .bad)
                }
                if let locked = row.lockedUntil, locked > now {
                    " "
                    StateBadge.badge(s.users.lockedUntil(DisplayFormat.dateTime(locked)), .warn)
                }
            }
            td { row.lastLoginAt.map(DisplayFormat.dateTime) ?? s.users.neverSignedIn }
            td(.class("actions-cell")) {
                if row.active {
                    if !isSelf {
                        Fields.postButton(
                            .admin(.users(.deactivate(member.id))), s.users.deactivate, csrf: admin.csrfToken)
                    }
                } else {
                    Fields.postButton(.admin(.users(.reactivate(member.id))), s.users.reactivate, csrf: admin.csrfToken)
                }
            }
        }
    }
}
