import Database
import Domain
import Foundation
import Logging
import Webhooks
import Worker

/// Delivers one event to one endpoint (Standard Webhooks): the same body and `webhook-id` on every
/// attempt, a fresh timestamp and signature; each attempt goes into the delivery log. A 2xx answer
/// is a delivery; anything else throws, so the worker retries with the webhook backoff (15
/// attempts over more than a day). While the endpoint's circuit is open the job waits without
/// using an attempt; a removed or disabled endpoint ends the job quietly.
struct WebhookDeliveryJob {
    let sender: WebhookSender
    /// Failed attempts in a row after which the endpoint is disabled.
    let disableAfter: Int

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    func run(endpointID: Int64, eventID: Int64, claimed: ClaimedJob, connection: Connection, logger: Logger) throws {
        guard let input = try WebhookStore.delivery(connection, endpointID: endpointID, eventID: eventID) else {
            logger.info("webhook endpoint or event gone; nothing to deliver")
            return
        }
        guard input.active else {
            // Logged, so the endpoint's page lists it and can send it again once it is back.
            try WebhookStore.recordSkipped(
                connection, endpointID: endpointID, eventID: eventID, jobID: claimed.id, attempt: claimed.attempt,
                reason: "not sent: the endpoint is disabled")
            logger.info("webhook endpoint disabled; not delivered", metadata: ["endpoint": "\(endpointID)"])
            return
        }
        if let open = input.openUntil, open > Date() {
            throw JobPostponed(until: open, reason: "the endpoint's circuit is open after repeated failures")
        }
        guard
            let response = sender.deliver(
                url: input.url, secret: input.secret, id: input.messageID, body: Array(input.body.utf8))
        else { throw Failed(description: "the endpoint's secret is not a whsec_ secret") }
        let disabled = try WebhookStore.recordAttempt(
            connection, endpointID: endpointID, eventID: eventID, jobID: claimed.id, attempt: claimed.attempt,
            succeeded: response.succeeded, status: response.status, excerpt: response.excerpt,
            durationMilliseconds: response.durationMilliseconds, error: response.error, disableAfter: disableAfter)
        if disabled {
            logger.warning("webhook endpoint disabled after repeated failures", metadata: ["endpoint": "\(endpointID)"])
        }
        guard response.succeeded else {
            throw Failed(
                description: response.error.map { "webhook: \($0)" } ?? "webhook: HTTP \(response.status ?? 0)")
        }
    }
}
