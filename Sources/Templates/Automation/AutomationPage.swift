public import Domain
public import Foundation
import Routing

/// `/admin/automation`: webhook endpoints and their health, the newest events (by type), and the
/// jobs that ran out of attempts, with replay.
public enum AutomationPage {
    public struct DeadJob: Sendable {
        public let id: Int64
        public let kind: String
        public let attempts: Int
        public let error: String
        public let at: Date

        public init(id: Int64, kind: String, attempts: Int, error: String, at: Date) {
            self.id = id
            self.kind = kind
            self.attempts = attempts
            self.error = error
            self.at = at
        }
    }

    public static func render(
        endpoints: [WebhookEndpoint], hooks: [IncomingHook] = [], events: [StoredEvent], eventType: String?,
        eventTypes: [String], dead: [DeadJob], notice: String? = nil, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.automation
        return AdminLayout.page(title: s.title, admin, live: true) {
            div(.class("page-head")) {
                h1 { s.title }
                div(.class("actions")) {
                    a(.class("button"), .href(SafeURL(.admin(.automation(.triggers(TriggerRunQuery())))))) {
                        s.triggers
                    }
                    a(.class("button secondary"), .href(SafeURL(.admin(.automation(.newWebhook))))) { s.newWebhook }
                    a(.class("button secondary"), .href(SafeURL(.admin(.automation(.newHook))))) { s.newHook }
                }
            }
            p(.class("lead")) { s.lead }
            if let notice { div(.class("flash"), .attr("role", "status")) { notice } }
            h2 { s.webhooks }
            if endpoints.isEmpty {
                p { s.noWebhooks }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { s.url }
                                th(.attr("scope", "col")) { s.eventTypes }
                                th(.attr("scope", "col")) { s.status }
                                th(.attr("scope", "col")) { s.lastDelivered }
                            }
                        }
                        tbody {
                            for endpoint in endpoints {
                                tr(endpoint.active ? [] : [.class("inactive")]) {
                                    td {
                                        a(.href(SafeURL(.admin(.automation(.webhook(endpoint.id)))))) { endpoint.url }
                                    }
                                    td {
                                        endpoint.events.isEmpty ? s.allEvents : endpoint.events.joined(separator: ", ")
                                    }
                                    td { WebhookPage.health(endpoint, s: s) }
                                    td { endpoint.lastSuccessAt.map(DisplayFormat.dateTime) ?? s.never }
                                }
                            }
                        }
                    }
                }
            }

            h2 { s.hooks }
            if hooks.isEmpty {
                p { s.noHooks }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { s.name }
                                th(.attr("scope", "col")) { s.hookKind }
                                th(.attr("scope", "col")) { s.status }
                                th(.attr("scope", "col")) { s.received }
                                th(.attr("scope", "col")) { s.lastReceived }
                            }
                        }
                        tbody {
                            for hook in hooks {
                                tr(hook.active ? [] : [.class("inactive")]) {
                                    td { a(.href(SafeURL(.admin(.automation(.hook(hook.id)))))) { hook.name } }
                                    td { s.kindName(hook.kind) }
                                    td {
                                        hook.active
                                            ? StateBadge.badge(s.active, .ok) : StateBadge.badge(s.disabled, .bad)
                                    }
                                    td { String(hook.receivedCount) }
                                    td { hook.lastReceivedAt.map(DisplayFormat.dateTime) ?? s.never }
                                }
                            }
                        }
                    }
                }
            }

            h2 { s.deadJobs }
            if dead.isEmpty {
                p { s.noDeadJobs }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { s.kind }
                                th(.attr("scope", "col")) { s.attempt }
                                th(.attr("scope", "col")) { s.lastError }
                                th(.attr("scope", "col")) { s.time }
                                th(.attr("scope", "col")) { "" }
                            }
                        }
                        tbody {
                            for job in dead {
                                tr {
                                    td { job.kind }
                                    td { String(job.attempts) }
                                    td { job.error }
                                    td { DisplayFormat.dateTime(job.at) }
                                    td(.class("actions-cell")) {
                                        Fields.postButton(
                                            .admin(.automation(.replayJob(job.id))), s.replay, csrf: admin.csrfToken)
                                    }
                                }
                            }
                        }
                    }
                }
                for kind in Array(Set(dead.map(\.kind))).sorted() {
                    Fields.postButton(
                        .admin(.automation(.replayDeadJobs)), s.replayAll(kind), csrf: admin.csrfToken,
                        fields: [("kind", kind)])
                }
            }

            h2 { s.events }
            filter(
                .admin(.automation(.overview(eventType: nil))), name: "type", label: s.filterType, selected: eventType,
                options: eventTypes.map { ($0, $0) }, all: s.allEvents, submit: s.filter)
            if events.isEmpty {
                p { s.noEvents }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { "#" }
                                th(.attr("scope", "col")) { s.event }
                                th(.attr("scope", "col")) { s.entity }
                                th(.attr("scope", "col")) { s.time }
                            }
                        }
                        tbody {
                            for event in events {
                                tr {
                                    td { String(event.id) }
                                    td { code { event.type } }
                                    td { event.entityType + (event.entityID.map { " \($0)" } ?? "") }
                                    td { DisplayFormat.dateTime(event.occurredAt) }
                                }
                            }
                        }
                    }
                }
            }
        }.rendered()
    }

    /// A GET form with one select whose first option is "all" (no parameter).
    static func filter(
        _ route: Route, name: String, label labelText: String, selected: String?,
        options: [(value: String, label: String)], all: String, submit: String
    ) -> Node {
        element("form", [.class("filters"), .attr("method", "get"), .action(SafeURL(route))]) {
            div(.class("field")) {
                label(.attr("for", "f-\(name)")) { labelText }
                element("select", [.id("f-\(name)"), .attr("name", name)]) {
                    element("option", [.attr("value", "")] + (selected == nil ? [.flag("selected")] : [])) { all }
                    for option in options {
                        element(
                            "option",
                            [.attr("value", option.value)] + (selected == option.value ? [.flag("selected")] : [])
                        ) { option.label }
                    }
                }
            }
            button(.class("button secondary"), .attr("type", "submit")) { submit }
        }
    }
}
