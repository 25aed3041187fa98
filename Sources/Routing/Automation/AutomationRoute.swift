public import Domain

/// Automation (Admin and Manager): outgoing webhook endpoints with their delivery log, incoming
/// hooks with the messages they received, the event log, triggers, and jobs that ran out of
/// attempts, with replay.
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
    /// `/admin/automation/hooks/new` — an incoming hook: name, kind, the lead mapping.
    case newHook
    /// `POST /admin/automation/hooks` — shows the new hook's URL and secret, once.
    case createHook
    /// `/admin/automation/hooks/{id}` — settings and the messages it received.
    case hook(Int64)
    /// `POST /admin/automation/hooks/{id}/active` — `active=1` turns it on, `0` off.
    case setHookActive(Int64)
    /// `POST /admin/automation/hooks/{id}/renew` — a new URL and secret, shown once.
    case renewHook(Int64)
    /// `POST /admin/automation/hooks/{id}/remove`
    case removeHook(Int64)
    /// `POST /admin/automation/emails/{event}/resend` — the email of that `email.sent`/`email.failed`
    /// event once more (back to the posted `back` page).
    case resendEmail(Int64)
    /// `POST /admin/automation/jobs/{id}/replay` — a dead job runs again with fresh attempts.
    case replayJob(Int64)
    /// `POST /admin/automation/jobs/replay` — every dead job of the posted `kind` runs again.
    case replayDeadJobs
    /// `/admin/automation/triggers` — every trigger with its statistics, and the run log, filtered
    /// by `status`, `trigger`, `from`/`to` (dates the run started) and `entity` (`booking:12`).
    case triggers(TriggerRunQuery)
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
        case .newHook:
            Endpoint(.get, ["admin", "automation", "hooks", "new"], access: access) { _ in .newHook }
        case .createHook:
            Endpoint(.post, ["admin", "automation", "hooks"], access: access) { _ in .createHook }
        case .hook(let id):
            Endpoint(.get, ["admin", "automation", "hooks", .id(id)], access: access) { c in .hook(c.ids[0]) }
        case .setHookActive(let id):
            Endpoint(.post, ["admin", "automation", "hooks", .id(id), "active"], access: access) { c in
                .setHookActive(c.ids[0])
            }
        case .renewHook(let id):
            Endpoint(.post, ["admin", "automation", "hooks", .id(id), "renew"], access: access) { c in
                .renewHook(c.ids[0])
            }
        case .removeHook(let id):
            Endpoint(.post, ["admin", "automation", "hooks", .id(id), "remove"], access: access) { c in
                .removeHook(c.ids[0])
            }
        case .resendEmail(let id):
            Endpoint(.post, ["admin", "automation", "emails", .id(id), "resend"], access: access) { c in
                .resendEmail(c.ids[0])
            }
        case .replayJob(let id):
            Endpoint(.post, ["admin", "automation", "jobs", .id(id), "replay"], access: access) { c in
                .replayJob(c.ids[0])
            }
        case .replayDeadJobs:
            Endpoint(.post, ["admin", "automation", "jobs", "replay"], access: access) { _ in .replayDeadJobs }
        case .triggers(let query):
            Endpoint(.get, ["admin", "automation", "triggers"], query: query.items, access: access) { c in
                .triggers(TriggerRunQuery(reading: c.query))
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
        .redeliver(endpoint: 1, event: 2), .newHook, .createHook, .hook(5), .setHookActive(5), .renewHook(5),
        .removeHook(5), .resendEmail(6), .replayJob(3), .replayDeadJobs, .triggers(TriggerRunQuery()),
        .triggers(
            TriggerRunQuery(status: "failed", trigger: 2, from: "2026-12-01", to: "2026-12-07", entity: "booking:12")),
        .newTrigger, .createTrigger, .trigger(4), .updateTrigger(4), .duplicateTrigger(4),
        .testTrigger(4),
    ]
}

/// The run log's filters; what does not parse is left out.
public struct TriggerRunQuery: RouteQuery {
    public static let statuses = ["running", "waiting", "succeeded", "skipped", "failed"]
    public static let entityTypes = [
        "quotation", "booking", "customer", "incoming_hook", "webhook_endpoint", "signing_link",
    ]

    public var status: String?
    public var trigger: Int64?
    /// `YYYY-MM-DD` (Stockholm days), inclusive.
    public var from: String?
    public var to: String?
    /// `type:id`, as `booking:12`.
    public var entity: String?

    public init(
        status: String? = nil, trigger: Int64? = nil, from: String? = nil, to: String? = nil, entity: String? = nil
    ) {
        self.status = status.flatMap { Self.statuses.contains($0) ? $0 : nil }
        self.trigger = trigger.flatMap { $0 > 0 ? $0 : nil }
        self.from = from.flatMap(Self.day)
        self.to = to.flatMap(Self.day)
        self.entity = entity.flatMap { Self.entityParts($0) == nil ? nil : $0 }
    }

    public init(reading query: (String) -> String?) {
        self.init(
            status: query("status"), trigger: query("trigger").flatMap { Int64($0) }, from: query("from"),
            to: query("to"), entity: query("entity"))
    }

    public var items: [String: String] {
        [
            "status": status ?? "", "trigger": trigger.map(String.init) ?? "", "from": from ?? "", "to": to ?? "",
            "entity": entity ?? "",
        ]
    }

    /// The entity filter's type and id.
    public var entityFilter: (type: String, id: Int64)? { entity.flatMap(Self.entityParts) }

    static func entityParts(_ text: String) -> (type: String, id: Int64)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, entityTypes.contains(String(parts[0])), let id = Int64(parts[1]), id > 0 else {
            return nil
        }
        return (String(parts[0]), id)
    }

    static func day(_ text: String) -> String? {
        (try? CalendarDate(iso: text)).map(\.iso)
    }
}
