public import Domain
public import Foundation

/// What one delivery needs: the endpoint (URL, secret, whether it takes deliveries now) and the
/// message body, built once from the stored event so every attempt sends the same bytes.
public struct WebhookDeliveryInput: Sendable {
    public let url: String
    public let secret: String
    public let active: Bool
    public let openUntil: Date?
    /// `{"type": …, "timestamp": …, "data": {…}}`.
    public let body: String
    /// The message id (`webhook-id`): the event's, `evt_<id>`, the same on every attempt.
    public let messageID: String
}

/// Outgoing webhook endpoints, their delivery log and their circuit breaker.
public enum WebhookStore {
    /// After this many failed attempts in a row an endpoint's circuit opens: deliveries to it wait
    /// (without using their attempts) instead of hammering a server that is down.
    public static let breakerThreshold = 5

    public static func add(
        _ connection: Connection, url: String, events: [String], description: String?, secret: String,
        actor: AuditActor
    ) throws -> Int64 {
        try connection.transaction { tx in
            let rows = try tx.query(
                """
                INSERT INTO webhook_endpoints (url, secret, events, description)
                VALUES (\(url), \(secret), \(PostgresArray(events))::text[], \(description))
                RETURNING id
                """)
            guard let row = rows.first else {
                throw DatabaseError(.other, message: "insert returned no row", safeDetail: "webhook endpoint")
            }
            let id: Int64 = try row.decode("id")
            try AuditStore.record(
                tx, actor: actor, entity: "webhook_endpoint", entityID: id, action: "created",
                after: ["url": url, "events": events.joined(separator: ",")])
            return id
        }
    }

    public static func list(_ connection: Connection) throws(DatabaseError) -> [WebhookEndpoint] {
        try connection.query(
            """
            SELECT id, url, array_to_string(events, ',') AS events, active, description, consecutive_failures,
                   open_until, last_success_at, last_failure_at, disabled_reason, created_at
              FROM webhook_endpoints ORDER BY id
            """
        ).map { row throws(DatabaseError) in
            let events: String = try row.decode("events")
            return WebhookEndpoint(
                id: try row.decode("id"), url: try row.decode("url"),
                events: events.split(separator: ",").map(String.init), active: try row.decode("active"),
                description: try row.decode("description"), consecutiveFailures: try row.decode("consecutive_failures"),
                openUntil: try row.decode("open_until"), lastSuccessAt: try row.decode("last_success_at"),
                lastFailureAt: try row.decode("last_failure_at"), disabledReason: try row.decode("disabled_reason"),
                createdAt: try row.decode("created_at"))
        }
    }

    /// A new secret; the old one stops signing at once. - Returns: false for an unknown id.
    public static func rotateSecret(
        _ connection: Connection, id: Int64, secret: String, actor: AuditActor
    ) throws -> Bool {
        try connection.transaction { tx in
            guard
                try tx.execute(
                    "UPDATE webhook_endpoints SET secret = \(secret), version = version + 1 WHERE id = \(id)") == 1
            else { return false }
            try AuditStore.record(
                tx, actor: actor, entity: "webhook_endpoint", entityID: id, action: "secret_rotated")
            return true
        }
    }

    /// Active again (after it was disabled), with a clean failure count and a closed circuit.
    public static func setActive(
        _ connection: Connection, id: Int64, active: Bool, actor: AuditActor
    ) throws -> Bool {
        try connection.transaction { tx in
            guard
                try tx.execute(
                    """
                    UPDATE webhook_endpoints
                       SET active = \(active), consecutive_failures = 0, open_until = NULL,
                           disabled_reason = CASE WHEN \(active) THEN NULL ELSE disabled_reason END
                     WHERE id = \(id)
                    """) == 1
            else { return false }
            try AuditStore.record(
                tx, actor: actor, entity: "webhook_endpoint", entityID: id, action: active ? "enabled" : "disabled")
            return true
        }
    }

    /// Removes an endpoint and its delivery log; its queued deliveries then find nothing to do.
    public static func remove(_ connection: Connection, id: Int64, actor: AuditActor) throws -> Bool {
        try connection.transaction { tx in
            guard try tx.execute("DELETE FROM webhook_endpoints WHERE id = \(id)") == 1 else { return false }
            try AuditStore.record(tx, actor: actor, entity: "webhook_endpoint", entityID: id, action: "removed")
            return true
        }
    }

    /// The endpoint and the message for one delivery; nil when the endpoint or the event is gone.
    public static func delivery(
        _ connection: Connection, endpointID: Int64, eventID: Int64
    ) throws(DatabaseError) -> WebhookDeliveryInput? {
        let rows = try connection.query(
            """
            SELECT w.url, w.secret, w.active, w.open_until, 'evt_' || e.id AS message_id,
                   event_message(e) AS body
              FROM webhook_endpoints w, events e
             WHERE w.id = \(endpointID) AND e.id = \(eventID)
            """)
        guard let row = rows.first else { return nil }
        return WebhookDeliveryInput(
            url: try row.decode("url"), secret: try row.decode("secret"), active: try row.decode("active"),
            openUntil: try row.decode("open_until"), body: try row.decode("body"),
            messageID: try row.decode("message_id"))
    }

    /// Records one attempt in the delivery log and the endpoint's health, in one transaction. A
    /// success closes the circuit; the `breakerThreshold`-th failure in a row opens it (for a
    /// minute, doubling per further failure, at most an hour); after `disableAfter` failures in a
    /// row the endpoint is disabled, audited and announced (`webhook_endpoint.disabled`).
    /// - Returns: true when this attempt disabled the endpoint.
    @discardableResult
    public static func recordAttempt(
        _ connection: Connection, endpointID: Int64, eventID: Int64, jobID: Int64, attempt: Int,
        succeeded: Bool, status: Int?, excerpt: String, durationMilliseconds: Int, error: String?,
        disableAfter: Int
    ) throws -> Bool {
        try connection.transaction { tx in
            try tx.execute(
                """
                INSERT INTO webhook_deliveries (endpoint_id, event_id, job_id, attempt, duration_ms, succeeded,
                                                response_status, response_excerpt, error)
                SELECT \(endpointID), \(eventID), \(jobID), \(attempt), \(max(0, durationMilliseconds)), \(succeeded),
                       \(status), \(String(excerpt.utf8.prefix(2000)) ?? ""), \(error.map { String($0.utf8.prefix(2000)) ?? "" })
                 WHERE EXISTS (SELECT FROM webhook_endpoints WHERE id = \(endpointID))
                """)
            if succeeded {
                try tx.execute(
                    """
                    UPDATE webhook_endpoints
                       SET consecutive_failures = 0, open_until = NULL, last_success_at = now()
                     WHERE id = \(endpointID)
                    """)
                return false
            }
            let rows = try tx.query(
                """
                UPDATE webhook_endpoints
                   SET consecutive_failures = consecutive_failures + 1, last_failure_at = now(),
                       open_until = CASE WHEN consecutive_failures + 1 >= \(breakerThreshold)
                                         THEN now() + least(interval '1 hour',
                                              interval '1 minute' * power(2, least(consecutive_failures + 1 - \(breakerThreshold), 6)))
                                    END,
                       active = active AND consecutive_failures + 1 < \(disableAfter),
                       disabled_reason = CASE WHEN active AND consecutive_failures + 1 >= \(disableAfter)
                                              THEN (consecutive_failures + 1) || ' failed deliveries in a row; last: '
                                                   || \(String((error ?? "HTTP \(status ?? 0)").prefix(300)))
                                              ELSE disabled_reason END
                 WHERE id = \(endpointID)
                RETURNING active, disabled_reason IS NOT NULL AND consecutive_failures = \(disableAfter) AS just_disabled,
                          url, coalesce(disabled_reason, '') AS reason
                """)
            guard let row = rows.first, try row.decode("just_disabled", as: Bool.self) else { return false }
            let announced = [
                "failures": String(disableAfter), "url": try row.decode("url", as: String.self),
                "reason": try row.decode("reason", as: String.self),
            ]
            try AuditStore.record(
                tx, actor: AuditActor(kind: .worker), entity: "webhook_endpoint", entityID: endpointID,
                action: "disabled_after_failures", after: ["failures": String(disableAfter)])
            try EventStore.emit(
                tx, type: "webhook_endpoint.disabled", entityType: "webhook_endpoint", entityID: endpointID,
                actor: AuditActor(kind: .worker), details: announced)
            return true
        }
    }

    /// Logs a delivery that was not attempted (the endpoint is disabled), so the endpoint's page
    /// shows the event and can send it again once the endpoint is back. Health is not touched.
    public static func recordSkipped(
        _ connection: Connection, endpointID: Int64, eventID: Int64, jobID: Int64, attempt: Int, reason: String
    ) throws(DatabaseError) {
        try connection.execute(
            """
            INSERT INTO webhook_deliveries (endpoint_id, event_id, job_id, attempt, duration_ms, succeeded, error)
            SELECT \(endpointID), \(eventID), \(jobID), \(attempt), 0, false, \(reason)
             WHERE EXISTS (SELECT FROM webhook_endpoints WHERE id = \(endpointID))
            """)
    }

    /// One endpoint, or nil.
    public static func find(_ connection: Connection, id: Int64) throws(DatabaseError) -> WebhookEndpoint? {
        try list(connection).first { $0.id == id }
    }

    /// Sends an event to an endpoint again (a manual replay): a new delivery job, audited.
    /// - Returns: false when the endpoint or the event does not exist.
    public static func redeliver(
        _ connection: Connection, endpointID: Int64, eventID: Int64, actor: AuditActor
    ) throws -> Bool {
        try connection.transaction { tx in
            guard
                try tx.execute(
                    """
                    INSERT INTO jobs (kind, payload, max_attempts, ordering_key)
                    SELECT 'webhook.deliver', jsonb_build_object('endpoint_id', w.id, 'event_id', e.id), 15,
                           'webhook:' || w.id || ':' || e.entity_type || ':' || coalesce(e.entity_id::text, '-')
                      FROM webhook_endpoints w, events e WHERE w.id = \(endpointID) AND e.id = \(eventID)
                    """) == 1
            else { return false }
            try AuditStore.record(
                tx, actor: actor, entity: "webhook_endpoint", entityID: endpointID, action: "redelivered",
                after: ["event_id": String(eventID)])
            return true
        }
    }

    /// The delivery log of an endpoint with each attempt's event type, newest first.
    public static func log(
        _ connection: Connection, endpointID: Int64, limit: Int = 100
    ) throws(DatabaseError)
        -> [WebhookAttempt]
    {
        try connection.query(
            """
            SELECT d.event_id, e.type, d.attempt, d.attempted_at, d.duration_ms, d.succeeded, d.response_status,
                   coalesce(d.response_excerpt, '') AS excerpt, d.error
              FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
             WHERE d.endpoint_id = \(endpointID) ORDER BY d.id DESC LIMIT \(limit)
            """
        ).map { row throws(DatabaseError) in
            WebhookAttempt(
                eventID: try row.decode("event_id"), eventType: try row.decode("type"),
                attempt: try row.decode("attempt"),
                at: try row.decode("attempted_at"), durationMilliseconds: try row.decode("duration_ms"),
                succeeded: try row.decode("succeeded"), status: try row.decode("response_status"),
                excerpt: try row.decode("excerpt"), error: try row.decode("error"))
        }
    }
}
