public import Foundation

/// An outgoing webhook endpoint as the pages and `eventgaraget webhooks list` show it.
public struct WebhookEndpoint: Sendable, Equatable {
    public let id: Int64
    public let url: String
    /// Event types it takes; empty: all.
    public let events: [String]
    public let active: Bool
    public let description: String?
    public let consecutiveFailures: Int
    public let openUntil: Date?
    public let lastSuccessAt: Date?
    public let lastFailureAt: Date?
    public let disabledReason: String?
    public let createdAt: Date

    public init(
        id: Int64, url: String, events: [String], active: Bool, description: String?, consecutiveFailures: Int,
        openUntil: Date?, lastSuccessAt: Date?, lastFailureAt: Date?, disabledReason: String?, createdAt: Date
    ) {
        self.id = id
        self.url = url
        self.events = events
        self.active = active
        self.description = description
        self.consecutiveFailures = consecutiveFailures
        self.openUntil = openUntil
        self.lastSuccessAt = lastSuccessAt
        self.lastFailureAt = lastFailureAt
        self.disabledReason = disabledReason
        self.createdAt = createdAt
    }
}

/// One row of an endpoint's delivery log.
public struct WebhookAttempt: Sendable, Equatable {
    public let eventID: Int64
    public let eventType: String
    public let attempt: Int
    public let at: Date
    public let durationMilliseconds: Int
    public let succeeded: Bool
    public let status: Int?
    public let excerpt: String
    public let error: String?

    public init(
        eventID: Int64, eventType: String, attempt: Int, at: Date, durationMilliseconds: Int, succeeded: Bool,
        status: Int?, excerpt: String, error: String?
    ) {
        self.eventID = eventID
        self.eventType = eventType
        self.attempt = attempt
        self.at = at
        self.durationMilliseconds = durationMilliseconds
        self.succeeded = succeeded
        self.status = status
        self.excerpt = excerpt
        self.error = error
    }
}

/// One event as stored (`events`).
public struct StoredEvent: Sendable, Equatable {
    public let id: Int64
    public let type: String
    public let occurredAt: Date
    public let entityType: String
    public let entityID: Int64?
    /// The payload as JSON text: `{"object": …, "details": …, "previous": …}`.
    public let payloadJSON: String

    public init(id: Int64, type: String, occurredAt: Date, entityType: String, entityID: Int64?, payloadJSON: String) {
        self.id = id
        self.type = type
        self.occurredAt = occurredAt
        self.entityType = entityType
        self.entityID = entityID
        self.payloadJSON = payloadJSON
    }
}

/// The event types the product writes (`docs/events.md` documents each and its payload).
public enum EventTypes {
    public static let all: [String] = [
        "quotation.created", "quotation.updated", "quotation.sent", "quotation.recipient_changed", "quotation.viewed",
        "quotation.signed", "quotation.sign_refused", "quotation.declined", "quotation.expired", "quotation.voided",
        "quotation.reopened", "booking.created", "booking.approved", "booking.updated", "booking.status_changed",
        "booking.cancelled", "booking.delivery_tomorrow", "booking.pickup_tomorrow", "customer.created",
        "customer.updated", "customer.archived", "email.sent", "email.failed",
        "webhook_endpoint.disabled", "hook.received", "invoice.created", "invoice.issued",
        "invoice.payment_registered", "bookkeeping.exported", "bookkeeping.locked", "bookkeeping.unlocked",
        "bookkeeping.mapping_changed", "email.bounced", "conversation.message_received",
        "conversation.inquiry_received", "conversation.replied", "conversation.state_changed",
        "conversation.assigned", "department.created", "department.updated", "department.deleted",
        "position.created", "position.updated", "position.deleted", "user.placed", "saved_report.created",
        "saved_report.updated", "saved_report.deleted", "flow.created", "flow.updated",
        "flow.started", "flow.level_entered", "flow.completed", "flow.cancelled", "form.published", "task.created",
        "task.completed", "task.cancelled", "task.reassigned", "task.commented", "task.due_soon", "task.overdue",
    ]

    /// The types in a comma-separated list that are not known (an endpoint's filter is checked).
    public static func unknown(in list: [String]) -> [String] { list.filter { !all.contains($0) } }

    /// `a, b,c` → `["a", "b", "c"]`, blanks dropped.
    public static func parse(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A trigger as the list shows it, with its statistics.
public struct TriggerSummary: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let eventType: String
    public let active: Bool
    public let version: Int
    public let builtin: String?
    public let runs: Int
    public let succeeded: Int
    public let failed: Int
    public let lastRunAt: Date?
    public let meanDurationMilliseconds: Int?

    public init(
        id: Int64, name: String, eventType: String, active: Bool, version: Int, builtin: String?, runs: Int,
        succeeded: Int, failed: Int, lastRunAt: Date?, meanDurationMilliseconds: Int?
    ) {
        self.id = id
        self.name = name
        self.eventType = eventType
        self.active = active
        self.version = version
        self.builtin = builtin
        self.runs = runs
        self.succeeded = succeeded
        self.failed = failed
        self.lastRunAt = lastRunAt
        self.meanDurationMilliseconds = meanDurationMilliseconds
    }
}

/// A trigger with its current definition.
public struct TriggerRecord: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let eventType: String
    public let active: Bool
    public let version: Int
    public let definitionJSON: String
    public let secret: String
    public let builtin: String?

    public init(
        id: Int64, name: String, eventType: String, active: Bool, version: Int, definitionJSON: String, secret: String,
        builtin: String?
    ) {
        self.id = id
        self.name = name
        self.eventType = eventType
        self.active = active
        self.version = version
        self.definitionJSON = definitionJSON
        self.secret = secret
        self.builtin = builtin
    }
}

/// One step of a run as recorded: what it did, or why it stopped.
public struct TriggerStep: Sendable, Equatable, Codable {
    public var action: String
    public var outcome: String
    public var detail: String
    public var conditions: [ConditionTrace]?
    public var milliseconds: Int

    public init(
        action: String, outcome: String, detail: String, conditions: [ConditionTrace]? = nil, milliseconds: Int = 0
    ) {
        self.action = action
        self.outcome = outcome
        self.detail = detail
        self.conditions = conditions
        self.milliseconds = milliseconds
    }
}

/// A run of a trigger, as the run log shows it.
public struct TriggerRunRecord: Sendable, Equatable {
    public let id: Int64
    public let triggerID: Int64
    public let triggerName: String
    public let version: Int
    public let eventID: Int64
    public let eventType: String
    public let entityType: String
    public let entityID: Int64?
    public let status: String
    public let steps: [TriggerStep]
    public let error: String?
    public let startedAt: Date
    public let durationMilliseconds: Int?

    public init(
        id: Int64, triggerID: Int64, triggerName: String, version: Int, eventID: Int64, eventType: String,
        entityType: String, entityID: Int64?, status: String, steps: [TriggerStep], error: String?, startedAt: Date,
        durationMilliseconds: Int?
    ) {
        self.id = id
        self.triggerID = triggerID
        self.triggerName = triggerName
        self.version = version
        self.eventID = eventID
        self.eventType = eventType
        self.entityType = entityType
        self.entityID = entityID
        self.status = status
        self.steps = steps
        self.error = error
        self.startedAt = startedAt
        self.durationMilliseconds = durationMilliseconds
    }
}

/// What the tester shows for one action: what it would do, and with what.
public struct TesterStep: Sendable, Equatable {
    public let action: String
    public let summary: String
    /// The email or request as it would be made (text), when there is one.
    public let preview: String
    /// Placeholders that found nothing.
    public let missing: [String]
    public let conditions: [ConditionTrace]?

    public init(
        action: String, summary: String, preview: String = "", missing: [String] = [],
        conditions: [ConditionTrace]? = nil
    ) {
        self.action = action
        self.summary = summary
        self.preview = preview
        self.missing = missing
        self.conditions = conditions
    }
}

/// The tester's answer: the conditions with their values, and each action as it would run.
public struct TesterResult: Sendable, Equatable {
    public let entityFound: Bool
    public let conditionsHold: Bool
    public let conditions: [ConditionTrace]
    public let steps: [TesterStep]

    public init(entityFound: Bool, conditionsHold: Bool, conditions: [ConditionTrace], steps: [TesterStep]) {
        self.entityFound = entityFound
        self.conditionsHold = conditionsHold
        self.conditions = conditions
        self.steps = steps
    }
}

/// An email the worker sent or failed to send (from the `email.sent` and `email.failed` events).
public struct EmailRecord: Sendable, Equatable {
    /// The `email.sent`/`email.failed` event.
    public let eventID: Int64
    public let at: Date
    public let to: String
    public let subject: String
    public let sent: Bool
    /// Why it failed (the mail server's reply or the address problem).
    public let error: String?
    /// The job that sent it (`email.signing_link`, `email.signed`, `trigger.run`, …).
    public let kind: String
    /// Why the recipient's mail server returned it, when a delivery report came back for it.
    public let bounce: String?

    public init(
        eventID: Int64, at: Date, to: String, subject: String, sent: Bool, error: String?, kind: String,
        bounce: String? = nil
    ) {
        self.eventID = eventID
        self.at = at
        self.to = to
        self.subject = subject
        self.sent = sent
        self.error = error
        self.kind = kind
        self.bounce = bounce
    }
}

/// Which emails "send again" can repeat: those whose job renders everything from stored records.
/// A signing link's email cannot (its token is never stored: "Resend link" makes a new link), and
/// a trigger's email is part of a run (its trigger's run log has it).
public enum EmailResend {
    public static let kinds: Set<String> = [
        "email.signed", "email.team_new_booking", "email.team_declined", "email.team_unavailable", "email.invoice",
        "email.invoice_reminder",
    ]

    public static func canResend(_ email: EmailRecord) -> Bool { kinds.contains(email.kind) }
}

/// The one rule for where a webhook may point: an http or https URL with a host (the endpoint
/// form, `webhooks add` and a trigger's webhook action all use it).
public enum WebhookTarget {
    public static func isValid(_ text: String) -> Bool {
        guard text.utf8.count <= 2000, let url = URL(string: text) else { return false }
        return ["http", "https"].contains(url.scheme?.lowercased() ?? "") && url.host?.isEmpty == false
    }
}
