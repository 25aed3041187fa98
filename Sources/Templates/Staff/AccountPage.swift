public import Domain
public import Foundation
import Routing

/// `/admin/account`: my sessions (revoke the others), change password, calendar subscriptions.
public enum AccountPage {
    public struct SessionRow: Sendable {
        public let id: SessionID
        public let createdAt: Date
        public let lastSeenAt: Date
        public let ip: String
        public let userAgent: String
        public let isCurrent: Bool

        public init(id: SessionID, createdAt: Date, lastSeenAt: Date, ip: String, userAgent: String, isCurrent: Bool) {
            self.id = id
            self.createdAt = createdAt
            self.lastSeenAt = lastSeenAt
            self.ip = ip
            self.userAgent = userAgent
            self.isCurrent = isCurrent
        }
    }

    public struct FeedRow: Sendable {
        public let id: CalendarFeedID
        public let name: String
        public let createdAt: Date
        public let lastUsedAt: Date?
        public let expiresAt: Date

        public init(id: CalendarFeedID, name: String, createdAt: Date, lastUsedAt: Date?, expiresAt: Date) {
            self.expiresAt = expiresAt
            self.id = id
            self.name = name
            self.createdAt = createdAt
            self.lastUsedAt = lastUsedAt
        }
    }

    /// - Parameter newFeedURL: the secret URL of a feed created just now; shown once, never again.
    public static func render(
        sessions: [SessionRow], feeds: [FeedRow], newFeedURL: String?, passwordForm: FormState, twoStepOn: Bool = false,
        admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings
        return AdminLayout.page(title: s.staff.accountTitle, admin) {
            h1 { s.staff.accountTitle }
            p { "\(admin.user.name) · \(admin.user.email) · \(s.roleName(admin.user.role))" }

            section(.class("card"), .id("two-step")) {
                h2 { s.staff.twoStepTitle }
                p {
                    span(.class(twoStepOn ? "badge ok" : "badge")) {
                        twoStepOn ? s.staff.twoStepOnShort : s.staff.twoStepOffShort
                    }
                    " "
                    a(.href(SafeURL(.admin(.account(.twoStep))))) { s.staff.twoStepManage }
                }
            }

            section(.class("card")) {
                h2 { s.staff.sessionsHeading }
                div(.class("table-scroll")) {
                    table(.class("list")) {
                        thead {
                            tr {
                                th { s.staff.sessionStarted }
                                th { s.staff.sessionLastSeen }
                                th { s.staff.sessionDevice }
                                th { "" }
                            }
                        }
                        tbody {
                            for row in sessions {
                                tr {
                                    td { DisplayFormat.dateTime(row.createdAt) }
                                    td { DisplayFormat.dateTime(row.lastSeenAt) }
                                    td { "\(row.userAgent.prefix(80)) · \(row.ip)" }
                                    td {
                                        if row.isCurrent {
                                            strong { s.staff.sessionThisDevice }
                                        } else {
                                            Fields.postButton(
                                                .admin(.account(.revokeSession(row.id))), s.staff.sessionRevoke,
                                                csrf: admin.csrfToken)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            section(.class("card")) {
                h2 { s.staff.changePasswordHeading }
                Fields.summary(passwordForm, s)
                Fields.post(.admin(.account(.changePassword)), csrf: admin.csrfToken) {
                    Fields.text(
                        "current_password", s.staff.currentPasswordLabel, passwordForm, type: "password",
                        required: true,
                        extra: [.attr("autocomplete", "current-password")])
                    Fields.text(
                        "new_password", s.staff.newPasswordLabel, passwordForm, type: "password", required: true,
                        hint: s.staff.passwordRule, extra: [.attr("autocomplete", "new-password")])
                    Fields.text(
                        "confirm_password", s.staff.confirmPasswordLabel, passwordForm, type: "password",
                        required: true,
                        extra: [.attr("autocomplete", "new-password")])
                    button(.class("button"), .attr("type", "submit")) { s.staff.changePasswordButton }
                }
            }

            section(.class("card"), .id("calendar-feeds")) {
                h2 { s.staff.feedsHeading }
                p { s.staff.feedsText }
                if let newFeedURL {
                    div(.class("flash"), .attr("role", "status")) {
                        p { s.staff.feedShownOnce }
                        p { code(.class("feed-url")) { newFeedURL } }
                    }
                }
                if !feeds.isEmpty {
                    ul(.class("plain")) {
                        for feed in feeds {
                            li {
                                "\(feed.name) · \(s.staff.feedCreated) \(DisplayFormat.date(feed.createdAt))"
                                " · "
                                if let used = feed.lastUsedAt {
                                    "\(s.staff.feedLastUsed) \(DisplayFormat.dateTime(used))"
                                } else {
                                    s.staff.feedNeverUsed
                                }
                                " · "
                                if feed.expiresAt <= Date() {
                                    span(.class("badge bad")) { s.staff.feedExpired }
                                } else {
                                    "\(s.staff.feedValidUntil) \(DisplayFormat.date(feed.expiresAt))"
                                }
                                " "
                                Fields.postButton(
                                    .admin(.account(.renewFeed(feed.id))), s.staff.feedRenew, csrf: admin.csrfToken,
                                    style: "button secondary")
                                " "
                                Fields.postButton(
                                    .admin(.account(.revokeFeed(feed.id))), s.staff.feedRevoke, csrf: admin.csrfToken)
                            }
                        }
                    }
                }
                Fields.post(.admin(.account(.createFeed)), csrf: admin.csrfToken) {
                    Fields.text("name", s.staff.feedNameLabel, FormState(values: ["name": s.staff.feedDefaultName]))
                    button(.class("button secondary"), .attr("type", "submit")) { s.staff.feedCreate }
                }
            }
        }.rendered()
    }
}
