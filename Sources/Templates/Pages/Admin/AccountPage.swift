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

        public init(id: CalendarFeedID, name: String, createdAt: Date, lastUsedAt: Date?) {
            self.id = id
            self.name = name
            self.createdAt = createdAt
            self.lastUsedAt = lastUsedAt
        }
    }

    /// - Parameter newFeedURL: the secret URL of a feed created just now; shown once, never again.
    public static func render(
        sessions: [SessionRow], feeds: [FeedRow], newFeedURL: String?, passwordForm: FormState, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings
        return AdminLayout.page(title: s.accountTitle, admin) {
            h1 { s.accountTitle }
            p { "\(admin.user.name) · \(admin.user.email) · \(s.roleName(admin.user.role))" }

            section(.class("card")) {
                h2 { s.sessionsHeading }
                div(.class("table-scroll")) {
                    table(.class("list")) {
                        thead {
                            tr {
                                th { s.sessionStarted }
                                th { s.sessionLastSeen }
                                th { s.sessionDevice }
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
                                            strong { s.sessionThisDevice }
                                        } else {
                                            Fields.postButton(.admin(.account(.revokeSession(row.id))), s.sessionRevoke, csrf: admin.csrfToken)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            section(.class("card")) {
                h2 { s.changePasswordHeading }
                Fields.summary(passwordForm, s)
                Fields.post(.admin(.account(.changePassword)), csrf: admin.csrfToken) {
                    Fields.text("current_password", s.currentPasswordLabel, passwordForm, type: "password", required: true,
                                extra: [.attr("autocomplete", "current-password")])
                    Fields.text("new_password", s.newPasswordLabel, passwordForm, type: "password", required: true,
                                hint: s.passwordRule, extra: [.attr("autocomplete", "new-password")])
                    Fields.text("confirm_password", s.confirmPasswordLabel, passwordForm, type: "password", required: true,
                                extra: [.attr("autocomplete", "new-password")])
                    button(.class("button"), .attr("type", "submit")) { s.changePasswordButton }
                }
            }

            section(.class("card"), .id("calendar-feeds")) {
                h2 { s.feedsHeading }
                p { s.feedsText }
                if let newFeedURL {
                    div(.class("flash"), .attr("role", "status")) {
                        p { s.feedShownOnce }
                        p { code(.class("feed-url")) { newFeedURL } }
                    }
                }
                if !feeds.isEmpty {
                    ul(.class("plain")) {
                        for feed in feeds {
                            li {
                                "\(feed.name) · \(s.feedCreated) \(DisplayFormat.date(feed.createdAt))"
                                if let used = feed.lastUsedAt { " · \(s.feedLastUsed) \(DisplayFormat.dateTime(used))" }
                                " "
                                Fields.postButton(.admin(.account(.revokeFeed(feed.id))), s.feedRevoke, csrf: admin.csrfToken)
                            }
                        }
                    }
                }
                Fields.post(.admin(.account(.createFeed)), csrf: admin.csrfToken) {
                    Fields.text("name", s.feedNameLabel, FormState(values: ["name": s.feedDefaultName]))
                    button(.class("button secondary"), .attr("type", "submit")) { s.feedCreate }
                }
            }
        }.rendered()
    }
}
