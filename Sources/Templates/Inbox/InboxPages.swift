public import Domain
public import Routing

/// `/admin/inbox`: the conversations of a view (open, unread, mine, waiting, closed) with their
/// counts, and the delivery reports and auto-replies that belong to no conversation.
public enum InboxPage {
    public static func render(
        query: InboxQuery, conversations: [ConversationSummary], counts: [InboxView: Int],
        unthreaded: [MailMessageRecord], hasMore: Bool, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.inbox
        return AdminLayout.page(title: s.title, admin) {
            div(.class("page-head")) { h1 { s.title } }
            p(.class("lead")) { s.lead }
            nav(.class("tabs"), .attr("aria-label", s.title)) {
                for view in InboxView.allCases {
                    a(
                        .href(SafeURL(.admin(.inbox(.list(InboxQuery(view: view)))))),
                        view == query.view ? .attr("aria-current", "page") : .class(""),
                        .data("data-view", view.rawValue)
                    ) {
                        "\(s.viewName(view)) (\(counts[view] ?? 0))"
                    }
                }
            }
            section(.class("card"), .id("conversations")) {
                ConversationList.list(conversations, admin: admin)
                if hasMore || query.page > 1 {
                    nav(.class("pager")) {
                        if query.page > 1 {
                            a(.href(SafeURL(.admin(.inbox(.list(InboxQuery(view: query.view))))))) {
                                admin.strings.firstPage
                            }
                        }
                        if hasMore {
                            a(.href(SafeURL(.admin(.inbox(.list(InboxQuery(view: query.view, page: query.page + 1)))))))
                            { admin.strings.nextPage }
                        }
                    }
                }
            }
            if !unthreaded.isEmpty {
                section(.class("card"), .id("unthreaded")) {
                    h2 { s.unthreadedHeading }
                    div(.class("table-scroll")) {
                        table(.class("list")) {
                            tbody {
                                for message in unthreaded {
                                    tr(.data("data-message", String(message.id))) {
                                        td { DisplayFormat.dateTime(message.receivedAt) }
                                        td { StateBadge.badge(s.kindName(message.kind), .neutral) }
                                        td { message.fromAddress ?? "" }
                                        td { message.subject }
                                        td {
                                            a(.href(SafeURL(.admin(.inbox(.raw(message.id)))))) { s.rawMessage }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }.rendered()
    }
}

/// A table of conversations: on the inbox and on a customer's, quotation's or booking's page.
public enum ConversationList {
    public static func list(_ conversations: [ConversationSummary], admin: AdminPage) -> Node {
        let s = admin.strings.inbox
        guard !conversations.isEmpty else { return p(.class("empty")) { s.empty } }
        return div(.class("table-scroll")) {
            table(.class("list conversations")) {
                thead {
                    tr {
                        th(.attr("scope", "col")) { s.subject }
                        th(.attr("scope", "col")) { s.from }
                        th(.attr("scope", "col")) { s.state }
                        th(.attr("scope", "col")) { s.assigned }
                        th(.attr("scope", "col")) { s.latest }
                    }
                }
                tbody {
                    for c in conversations {
                        tr(.data("data-conversation", String(c.id)), .class(c.unread > 0 ? "unread" : "")) {
                            td {
                                a(.href(SafeURL(.admin(.inbox(.show(c.id)))))) {
                                    c.subject.isEmpty ? s.noSubject : c.subject
                                }
                                if c.unread > 0 {
                                    " "
                                    StateBadge.badge(s.unread(c.unread), .warn)
                                }
                                if !c.snippet.isEmpty { p(.class("hint")) { c.snippet } }
                            }
                            td {
                                c.customerName ?? c.partyName ?? c.partyAddress
                                if c.customerName != nil || c.partyName != nil { p(.class("hint")) { c.partyAddress } }
                            }
                            td {
                                StateBadge.badge(
                                    s.stateName(c.state),
                                    c.state == .open ? .warn : c.state == .waiting ? .neutral : .ok,
                                    state: c.state.rawValue)
                                for number in [c.quotationNumber, c.bookingNumber].compactMap({ $0 }) {
                                    p(.class("hint")) { number }
                                }
                            }
                            td { c.assignedTo ?? "–" }
                            td {
                                DisplayFormat.dateTime(c.lastMessageAt)
                                p(.class("hint")) { s.messages(c.messages) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The "Conversations" card of a customer's, quotation's or booking's page (nothing for
    /// those who may not read the inbox).
    public static func card(_ conversations: [ConversationSummary], admin: AdminPage) -> Node {
        guard admin.may(.admin(.inbox(.list(InboxQuery())))) else { return .fragment([]) }
        return section(.class("card"), .id("conversations")) {
            h2 { admin.strings.inbox.conversationsHeading }
            list(conversations, admin: admin)
        }
    }
}
