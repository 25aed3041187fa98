import Database
import Domain
import Foundation
import Logging
import Mail
import Templates
import UseCases
import Webhooks
import Worker

/// Runs one trigger for one event, from a step on: at step 0 the time window (outside it the job
/// waits for the window, without using an attempt) and the conditions (not met: the run is
/// `skipped`, with every comparison and its values in the log); then the actions in order. A
/// `wait` queues the rest for later (durable: a job with a later `run_at`), a `check` stops the
/// run when its conditions no longer hold on the entity as it is now. Each action done moves the
/// run's `next_step` on, so a retried attempt does not repeat what already happened. Events the
/// actions cause are one level deeper (`eventgaraget.trigger_depth`); at depth 3 no trigger runs.
struct TriggerRunJob {
    let transport: JobMailTransport
    let sender: WebhookSender

    struct ActionFailed: Error, CustomStringConvertible {
        let description: String
    }

    func run(
        triggerID: Int64, eventID: Int64, step: Int, claimed: ClaimedJob, connection: Connection, logger: Logger,
        now: Date = Date()
    ) throws {
        guard let input = try TriggerStore.runInput(connection, triggerID: triggerID, eventID: eventID, step: step)
        else {
            logger.info("trigger or event gone; nothing to run")
            return
        }
        guard input.runStatus == "running" || input.runStatus == "waiting" || input.runStatus == "failed" else {
            return  // already finished (a repeated job)
        }
        guard input.triggerActive else {
            try TriggerStore.record(
                connection, runID: input.runID,
                steps: [TriggerStep(action: "trigger", outcome: "skipped", detail: "the trigger was turned off")],
                status: "skipped", nextStep: step, error: nil)
            return
        }
        let definition: TriggerDefinition
        do {
            definition = try TriggerDefinition.parse(input.definitionJSON)
        } catch {
            try TriggerStore.record(
                connection, runID: input.runID, steps: [], status: "failed", nextStep: step,
                error: "the stored definition is not valid: \(error)")
            return
        }
        var context = try JSONValue(json: input.contextJSON)
        var index = max(step, input.nextStep)

        if index == 0 {
            if let window = definition.window, !window.contains(now) {
                throw JobPostponed(until: window.next(after: now), reason: "outside the trigger's time window")
            }
            let started = DispatchTime.now().uptimeNanoseconds
            let (holds, trace) = TriggerEvaluation.evaluate(definition.conditions, in: context)
            let step = TriggerStep(
                action: "conditions", outcome: holds ? "met" : "not met",
                detail: "\(trace.filter(\.holds).count) of \(trace.count) comparisons hold", conditions: trace,
                milliseconds: Self.milliseconds(since: started))
            guard holds else {
                try TriggerStore.record(
                    connection, runID: input.runID, steps: [step], status: "skipped", nextStep: 0, error: nil)
                return
            }
            try TriggerStore.record(
                connection, runID: input.runID, steps: [step], status: "running", nextStep: 0, error: nil)
        }

        // What the actions cause is one level deeper (the recursion guard in emit_event).
        _ = try connection.query(
            "SELECT set_config('eventgaraget.trigger_depth', \(String(input.eventDepth + 1)), false)")
        defer { _ = try? connection.query("SELECT set_config('eventgaraget.trigger_depth', '0', false)") }

        while index < definition.actions.count {
            let action = definition.actions[index]
            let started = DispatchTime.now().uptimeNanoseconds
            var outcome: TriggerStep
            do {
                switch action {
                case .wait(let seconds):
                    let resume = now.addingTimeInterval(TimeInterval(seconds))
                    try connection.transaction { tx in
                        try JobStore.enqueue(
                            tx, .triggerRun(triggerID: triggerID, eventID: eventID, step: index + 1), runAt: resume,
                            maxAttempts: 5)
                        try TriggerStore.record(
                            tx, runID: input.runID,
                            steps: [
                                TriggerStep(
                                    action: "wait", outcome: "waiting",
                                    detail: "until \(ISO8601DateFormatter().string(from: resume))")
                            ], status: "waiting", nextStep: index + 1, error: nil)
                    }
                    return
                case .check(let group):
                    let object = try TriggerStore.currentObject(
                        connection, entityType: input.entityType, entityID: input.entityID)
                    context = Self.replacing(object: try JSONValue(json: object), in: context)
                    let (holds, trace) = TriggerEvaluation.evaluate(group, in: context)
                    guard holds else {
                        try TriggerStore.record(
                            connection, runID: input.runID,
                            steps: [
                                TriggerStep(
                                    action: "check", outcome: "stopped", detail: "no longer holds", conditions: trace,
                                    milliseconds: Self.milliseconds(since: started))
                            ], status: "succeeded", nextStep: index + 1, error: nil)
                        return
                    }
                    outcome = TriggerStep(action: "check", outcome: "holds", detail: "", conditions: trace)
                case .email(let to, let subject, let body):
                    outcome = try email(
                        to: to, subject: subject, body: body, context: context, step: index, connection: connection)
                case .webhook(let url):
                    let timestamp = Int(Date().timeIntervalSince1970)
                    let bodyBytes = Array(input.eventBody.utf8)
                    let id = "evt_\(eventID)"
                    guard
                        let signature = WebhookSignature.sign(
                            secret: input.secret, id: id, timestamp: timestamp, body: bodyBytes)
                    else { throw ActionFailed(description: "the trigger's secret cannot sign") }
                    let response = sender.post(
                        url: url, id: id, timestamp: timestamp, signature: signature, body: bodyBytes)
                    guard response.succeeded else {
                        throw ActionFailed(
                            description: "POST \(url): \(response.error ?? "HTTP \(response.status ?? 0)")")
                    }
                    outcome = TriggerStep(
                        action: "webhook", outcome: "delivered", detail: "POST \(url): \(response.status ?? 0)")
                case .note(let text):
                    let rendered = TriggerEvaluation.render(text, in: context).text
                    try connection.transaction { tx in
                        try AuditStore.record(
                            tx, actor: AuditActor(kind: .system), entity: input.entityType, entityID: input.entityID,
                            action: "note", after: ["text": rendered, "trigger": input.triggerName])
                    }
                    outcome = TriggerStep(action: "note", outcome: "added", detail: rendered)
                case .setState(let target, let reason):
                    outcome = try setState(target, reason: reason, input: input, connection: connection)
                case .startFlow(let flow):
                    outcome = try startFlow(
                        flow, triggerID: triggerID, input: input, context: context, connection: connection, now: now)
                case .resendLink:
                    guard input.entityType == "quotation", let id = input.entityID else {
                        throw ActionFailed(description: "resend_link needs a quotation event")
                    }
                    let result = try ResendSigningLink.run(
                        connection, id: QuotationID(rawValue: id), actor: AuditActor(kind: .system), now: now)
                    switch result {
                    case .resent(let link, _):
                        outcome = TriggerStep(
                            action: "resend_link", outcome: "sent", detail: "new link \(link.rawValue)")
                    default:
                        outcome = TriggerStep(action: "resend_link", outcome: "not sent", detail: "\(result)")
                    }
                }
            } catch let postponed as JobPostponed {
                throw postponed
            } catch {
                try TriggerStore.record(
                    connection, runID: input.runID,
                    steps: [
                        TriggerStep(
                            action: Self.name(action), outcome: "failed", detail: "\(error)",
                            milliseconds: Self.milliseconds(since: started))
                    ], status: "failed", nextStep: index, error: "\(Self.name(action)): \(error)")
                throw error
            }
            outcome.milliseconds = Self.milliseconds(since: started)
            index += 1
            try TriggerStore.record(
                connection, runID: input.runID, steps: [outcome],
                status: index < definition.actions.count ? "running" : "succeeded", nextStep: index, error: nil)
        }
        if definition.actions.isEmpty {
            try TriggerStore.record(
                connection, runID: input.runID, steps: [], status: "succeeded", nextStep: 0, error: nil)
        }
    }

    /// Sends the email to every recipient (one message each), filled in from the event.
    func email(
        to: Recipient, subject: String, body: String, context: JSONValue, step: Int, connection: Connection
    ) throws -> TriggerStep {
        let settings = try TriggerStore.teamAddress(connection)
        let addresses = try TriggerRecipients.addresses(to, context: context, team: settings.team, connection)
        guard !addresses.isEmpty else {
            return TriggerStep(action: "email", outcome: "not sent", detail: "no address for \(to.text)")
        }
        let language = Language(rawValue: context[path: "object.customer.locale"]?.text ?? "") ?? .default
        let content = EmailContent.plain(
            language: language, subject: TriggerEvaluation.render(subject, in: context).text,
            body: TriggerEvaluation.render(body, in: context).text)
        let from = try SigningLinkEmailJob.parseSender(
            settings.sender, fallback: settings.contact, company: settings.company)
        for (number, address) in addresses.enumerated() {
            let message = try EmailMessage(
                from: from, to: [try EmailAddress(address)], subject: content.subject, textBody: content.text,
                htmlBody: content.html)
            _ = try transport.send(message, part: "s\(step)r\(number)")
        }
        return TriggerStep(
            action: "email", outcome: "sent", detail: "\(addresses.joined(separator: ", ")): \(content.subject)")
    }

    static func replacing(object: JSONValue, in context: JSONValue) -> JSONValue {
        guard case .object(var fields) = context else { return context }
        fields["object"] = object
        return .object(fields)
    }

    static func name(_ action: TriggerAction) -> String {
        switch action {
        case .email: "email"
        case .webhook: "webhook"
        case .note: "note"
        case .wait: "wait"
        case .check: "check"
        case .resendLink: "resend_link"
        case .setState: "set_state"
        case .startFlow: "start_flow"
        }
    }

    /// `start_flow` on the event's booking (`object.id` of a booking event, `object.booking.id` of a
    /// quotation's): a flow already running there, or a closed booking, is a step that says so.
    func startFlow(
        _ flow: FlowID, triggerID: Int64, input: TriggerRunInput, context: JSONValue, connection: Connection,
        now: Date
    ) throws -> TriggerStep {
        let booking: Int64? =
            input.entityType == "booking"
            ? input.entityID : context[path: "object.booking.id"]?.number.map { Int64($0) }
        guard let booking, booking > 0 else {
            throw ActionFailed(description: "start_flow needs a booking event (or a signed quotation's)")
        }
        let outcome = try StartFlow.run(
            connection, flow: flow, booking: BookingID(rawValue: booking), startedBy: nil,
            trigger: triggerID, actor: AuditActor(kind: .system), now: now)
        switch outcome {
        case .started(let run):
            return TriggerStep(action: "start_flow", outcome: "started", detail: "run \(run.rawValue)")
        default:
            return TriggerStep(action: "start_flow", outcome: "not started", detail: "\(outcome)")
        }
    }

    /// `set_state` through the pages' use cases: a move their rules refuse is a step that says
    /// why ("not moved"), not a failure to retry.
    func setState(
        _ target: SetStateTarget, reason: String?, input: TriggerRunInput, connection: Connection
    ) throws -> TriggerStep {
        guard input.entityType == target.entityType, let id = input.entityID else {
            throw ActionFailed(description: "set_state \(target.rawValue) needs a \(target.entityType) event")
        }
        let system = AuditActor(kind: .system)
        if let next = target.bookingState {
            let object = try JSONValue(
                json: try TriggerStore.currentObject(connection, entityType: "booking", entityID: id))
            guard let current = BookingState(rawValue: object[path: "state"]?.text ?? "") else {
                return TriggerStep(action: "set_state", outcome: "not moved", detail: "the booking is gone")
            }
            let result = try TransitionBooking.run(
                connection, id: BookingID(rawValue: id), from: current, to: next, reason: reason, actor: system)
            return switch result {
            case .done:
                TriggerStep(action: "set_state", outcome: "moved", detail: "\(current.rawValue) → \(next.rawValue)")
            default:
                TriggerStep(
                    action: "set_state", outcome: "not moved",
                    detail: "\(current.rawValue) → \(next.rawValue): \(result)")
            }
        }
        let result = try VoidQuotation.run(connection, id: QuotationID(rawValue: id), actor: system)
        return switch result {
        case .done: TriggerStep(action: "set_state", outcome: "moved", detail: "void")
        default: TriggerStep(action: "set_state", outcome: "not moved", detail: "void: \(result)")
        }
    }

    static func milliseconds(since start: UInt64) -> Int {
        Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
}
