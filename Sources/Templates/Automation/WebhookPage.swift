public import Domain
public import Foundation
import Routing

/// A webhook endpoint: its settings and health, the secret once after it is made or rotated,
/// the actions, and the delivery log (each attempt with its answer), with "send again".
public enum WebhookPage {
    public static func render(
        endpoint: WebhookEndpoint, attempts: [WebhookAttempt], newSecret: String? = nil, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.automation
        return AdminLayout.page(title: "\(s.webhooks): \(endpoint.url)", admin) {
            div(.class("page-head")) {
                h1 { endpoint.url }
                div(.class("actions")) {
                    Fields.postButton(
                        .admin(.automation(.setWebhookActive(endpoint.id))), endpoint.active ? s.disable : s.enable,
                        csrf: admin.csrfToken, fields: [("active", endpoint.active ? "0" : "1")])
                    Fields.postButton(
                        .admin(.automation(.rotateWebhookSecret(endpoint.id))), s.rotateSecret, csrf: admin.csrfToken)
                    Fields.postButton(
                        .admin(.automation(.removeWebhook(endpoint.id))), s.remove, csrf: admin.csrfToken,
                        style: "button danger")
                }
            }
            if let newSecret {
                div(.class("notice"), .attr("role", "status")) {
                    h2 { s.secretTitle }
                    p { code(.class("secret")) { newSecret } }
                    p { s.secretOnce }
                }
            }
            dl(.class("facts")) {
                dt { s.eventTypes }
                dd { endpoint.events.isEmpty ? s.allEvents : endpoint.events.joined(separator: ", ") }
                if let description = endpoint.description, !description.isEmpty {
                    dt { s.description }
                    dd { description }
                }
                dt { s.status }
                dd { health(endpoint, s: s) }
                dt { s.lastDelivered }
                dd { endpoint.lastSuccessAt.map(DisplayFormat.dateTime) ?? s.never }
            }
            h2 { s.deliveries }
            if attempts.isEmpty {
                p { s.noDeliveries }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { s.event }
                                th(.attr("scope", "col")) { s.attempt }
                                th(.attr("scope", "col")) { s.time }
                                th(.attr("scope", "col")) { s.result }
                                th(.attr("scope", "col")) { s.duration }
                                th(.attr("scope", "col")) { "" }
                            }
                        }
                        tbody {
                            for attempt in attempts {
                                tr {
                                    td {
                                        code { attempt.eventType }
                                        " #\(attempt.eventID)"
                                    }
                                    td { String(attempt.attempt) }
                                    td { DisplayFormat.dateTime(attempt.at) }
                                    td {
                                        if attempt.succeeded {
                                            StateBadge.badge("\(s.delivered) (\(attempt.status ?? 0))", .ok)
                                        } else {
                                            StateBadge.badge(s.failed, .bad)
                                            " "
                                            attempt.error ?? "HTTP \(attempt.status ?? 0)"
                                        }
                                        if !attempt.excerpt.isEmpty {
                                            small { " " + String(attempt.excerpt.prefix(200)) }
                                        }
                                    }
                                    td { String(attempt.durationMilliseconds) }
                                    td(.class("actions-cell")) {
                                        Fields.postButton(
                                            .admin(
                                                .automation(.redeliver(endpoint: endpoint.id, event: attempt.eventID))),
                                            s.redeliver, csrf: admin.csrfToken)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }.rendered()
    }

    static func health(_ endpoint: WebhookEndpoint, s: AutomationStrings, now: Date = Date()) -> Node {
        var parts: [Node] = [endpoint.active ? StateBadge.badge(s.active, .ok) : StateBadge.badge(s.disabled, .bad)]
        if endpoint.consecutiveFailures > 0 {
            parts += [.text(" "), StateBadge.badge(s.failuresInARow(endpoint.consecutiveFailures), .warn)]
        }
        if let open = endpoint.openUntil, open > now {
            parts += [.text(" "), StateBadge.badge(s.circuitOpen(DisplayFormat.dateTime(open)), .warn)]
        }
        if let reason = endpoint.disabledReason { parts += [.text(" "), small { reason }] }
        return .fragment(parts)
    }
}

/// `/admin/automation/webhooks/new`: URL, event types, description.
public enum WebhookFormPage {
    public static let fieldNames = ["url", "events", "description"]

    public static func render(form: FormState, admin: AdminPage) -> [UInt8] {
        let s = admin.strings.automation
        return AdminLayout.page(title: s.newWebhook, admin) {
            h1 { s.newWebhook }
            Fields.summary(form, admin.strings)
            Fields.post(.admin(.automation(.createWebhook)), csrf: admin.csrfToken) {
                Fields.text("url", s.url, form, type: "url", required: true, hint: s.urlHint)
                Fields.text("events", s.eventTypes, form, hint: s.eventTypesHint)
                Fields.text("description", s.description, form)
                button(.class("button"), .attr("type", "submit")) { s.create }
            }
        }.rendered()
    }
}
