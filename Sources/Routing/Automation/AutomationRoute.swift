/// Automation (Admin and Manager): outgoing webhook endpoints with their delivery log, the event
/// log, and jobs that ran out of attempts, with replay.
public enum AutomationRoute: Hashable, Sendable {
    /// `/admin/automation` — endpoints and their health, recent events (`?type=`), dead jobs.
    case overview(eventType: String?)
    /// `/admin/automation/webhooks/new`
    case newWebhook
    /// `POST /admin/automation/webhooks` — shows the new endpoint's secret, once.
    case createWebhook
    /// `/admin/automation/webhooks/{id}` — settings, health and the delivery log.
    case webhook(Int64)
    /// `POST /admin/automation/webhooks/{id}/active` — `active=1` enables (clean slate), `0` disables.
    case setWebhookActive(Int64)
    /// `POST /admin/automation/webhooks/{id}/secret` — a new secret, shown once.
    case rotateWebhookSecret(Int64)
    /// `POST /admin/automation/webhooks/{id}/remove`
    case removeWebhook(Int64)
    /// `POST /admin/automation/webhooks/{id}/events/{event}/redeliver` — send that event again.
    case redeliver(endpoint: Int64, event: Int64)
    /// `POST /admin/automation/jobs/{id}/replay` — a dead job runs again with fresh attempts.
    case replayJob(Int64)
    /// `POST /admin/automation/jobs/replay` — every dead job of the posted `kind` runs again.
    case replayDeadJobs
    /// `/admin/automation/triggers` — every trigger with its statistics, and the run log (`?status=`).
    case triggers(status: String?)
    /// `/admin/automation/triggers/new`
    case newTrigger
    /// `POST /admin/automation/triggers`
    case createTrigger
    /// `/admin/automation/triggers/{id}` — the definition, the tester and the trigger's runs.
    case trigger(Int64)
    /// `POST /admin/automation/triggers/{id}` — saves a new version.
    case updateTrigger(Int64)
    /// `POST /admin/automation/triggers/{id}/duplicate` — a copy, turned off.
    case duplicateTrigger(Int64)
    /// `POST /admin/automation/triggers/{id}/test` — runs the posted definition against the record
    /// `entity_id`, changing nothing.
    case testTrigger(Int64)
}

extension AutomationRoute: FeatureRoute {
    public var endpoint: Endpoint<AutomationRoute> {
        let access = Access.management
        return switch self {
        case .overview(let type):
            Endpoint(.get, ["admin", "automation"], query: ["type": type ?? ""], access: access) { c in
                .overview(eventType: nonEmpty(c.query("type")))
            }
        case .newWebhook:
            Endpoint(.get, ["admin", "automation", "webhooks", "new"], access: access) { _ in .newWebhook }
        case .createWebhook:
            Endpoint(.post, ["admin", "automation", "webhooks"], access: access) { _ in .createWebhook }
        case .webhook(let id):
            Endpoint(.get, ["admin", "automation", "webhooks", .id(id)], access: access) { c in .webhook(c.ids[0]) }
        case .setWebhookActive(let id):
            Endpoint(.post, ["admin", "automation", "webhooks", .id(id), "active"], access: access) { c in
                .setWebhookActive(c.ids[0])
            }
        case .rotateWebhookSecret(let id):
            Endpoint(.post, ["admin", "automation", "webhooks", .id(id), "secret"], access: access) { c in
                .rotateWebhookSecret(c.ids[0])
            }
        case .removeWebhook(let id):
            Endpoint(.post, ["admin", "automation", "webhooks", .id(id), "remove"], access: access) { c in
                .removeWebhook(c.ids[0])
            }
        case .redeliver(let endpoint, let event):
            Endpoint(
                .post, ["admin", "automation", "webhooks", .id(endpoint), "events", .id(event), "redeliver"],
                access: access
            ) { c in .redeliver(endpoint: c.ids[0], event: c.ids[1]) }
        case .replayJob(let id):
            Endpoint(.post, ["admin", "automation", "jobs", .id(id), "replay"], access: access) { c in
                .replayJob(c.ids[0])
            }
        case .replayDeadJobs:
            Endpoint(.post, ["admin", "automation", "jobs", "replay"], access: access) { _ in .replayDeadJobs }
        case .triggers(let status):
            Endpoint(.get, ["admin", "automation", "triggers"], query: ["status": status ?? ""], access: access) { c in
                .triggers(status: nonEmpty(c.query("status")))
            }
        case .newTrigger:
            Endpoint(.get, ["admin", "automation", "triggers", "new"], access: access) { _ in .newTrigger }
        case .createTrigger:
            Endpoint(.post, ["admin", "automation", "triggers"], access: access) { _ in .createTrigger }
        case .trigger(let id):
            Endpoint(.get, ["admin", "automation", "triggers", .id(id)], access: access) { c in .trigger(c.ids[0]) }
        case .updateTrigger(let id):
            Endpoint(.post, ["admin", "automation", "triggers", .id(id)], access: access) { c in
                .updateTrigger(c.ids[0])
            }
        case .duplicateTrigger(let id):
            Endpoint(.post, ["admin", "automation", "triggers", .id(id), "duplicate"], access: access) { c in
                .duplicateTrigger(c.ids[0])
            }
        case .testTrigger(let id):
            Endpoint(.post, ["admin", "automation", "triggers", .id(id), "test"], access: access) { c in
                .testTrigger(c.ids[0])
            }
        }
    }

    public static let samples: [AutomationRoute] = [
        .overview(eventType: nil), .overview(eventType: "quotation.signed"), .newWebhook, .createWebhook,
        .webhook(1), .setWebhookActive(1), .rotateWebhookSecret(1), .removeWebhook(1),
        .redeliver(endpoint: 1, event: 2), .replayJob(3), .replayDeadJobs, .triggers(status: nil),
        .triggers(status: "failed"), .newTrigger, .createTrigger, .trigger(4), .updateTrigger(4), .duplicateTrigger(4),
        .testTrigger(4),
    ]
}
