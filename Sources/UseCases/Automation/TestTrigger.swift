public import Database
public import Domain
public import Foundation

/// Runs a trigger's definition against a chosen real record, as if its event had just happened,
/// inside a transaction that is rolled back: it reads the record as events show it, evaluates
/// the conditions, and renders every action (the email with its recipients, the webhook request
/// with its headers and body) without sending, writing or queuing anything.
public enum TestTrigger {
    struct RollBack: Error {}

    /// The entity an event type is about (`booking.created` → `booking`).
    public static func entityType(of eventType: String) -> String {
        String(eventType.split(separator: ".").first ?? "")
    }

    public static func run(
        _ connection: Connection, definition: TriggerDefinition, eventType: String, entityID: Int64, now: Date = Date()
    ) throws -> TesterResult {
        var result: TesterResult?
        do {
            try connection.transaction { tx in
                result = try evaluate(tx, definition: definition, eventType: eventType, entityID: entityID, now: now)
                throw RollBack()  // whatever was read, nothing stays
            }
        } catch is RollBack {}
        return result ?? TesterResult(entityFound: false, conditionsHold: false, conditions: [], steps: [])
    }

    static func evaluate(
        _ tx: Connection, definition: TriggerDefinition, eventType: String, entityID: Int64, now: Date
    ) throws -> TesterResult {
        let entity = entityType(of: eventType)
        let objectJSON = try TriggerStore.currentObject(tx, entityType: entity, entityID: entityID)
        let object = try JSONValue(json: objectJSON)
        guard object != .object([:]) else {
            return TesterResult(entityFound: false, conditionsHold: false, conditions: [], steps: [])
        }
        let context = JSONValue.object([
            "event": .object(["id": .number(0), "type": .string(eventType)]), "object": object,
            "details": .object([:]), "previous": .object([:]),
        ])
        let (holds, trace) = TriggerEvaluation.evaluate(definition.conditions, in: context)
        let settings = try TriggerStore.teamAddress(tx)
        var steps: [TesterStep] = []
        if let window = definition.window, !window.contains(now) {
            steps.append(
                TesterStep(
                    action: "window",
                    summary:
                        "outside the window now: would wait until \(ISO8601DateFormatter().string(from: window.next(after: now)))"
                ))
        }
        for action in definition.actions {
            switch action {
            case .email(let to, let subject, let body):
                let addresses = try TriggerRecipients.addresses(to, context: context, team: settings.team, tx)
                let s = TriggerEvaluation.render(subject, in: context)
                let b = TriggerEvaluation.render(body, in: context)
                steps.append(
                    TesterStep(
                        action: "email",
                        summary: addresses.isEmpty
                            ? "no address for \(to.text): nothing would be sent"
                            : "to \(addresses.joined(separator: ", "))",
                        preview: "Subject: \(s.text)\n\n\(b.text)", missing: s.missing + b.missing))
            case .webhook(let url):
                let body = JSONValue.object([
                    "type": .string(eventType), "timestamp": .string(ISO8601DateFormatter().string(from: now)),
                    "data": .object(["object": object, "details": .object([:]), "event_id": .number(0)]),
                ]).text
                steps.append(
                    TesterStep(
                        action: "webhook", summary: "POST \(url)",
                        preview:
                            "Content-Type: application/json\nwebhook-id: evt_…\nwebhook-timestamp: …\nwebhook-signature: v1,…\n\n\(body)"
                    ))
            case .note(let text):
                let rendered = TriggerEvaluation.render(text, in: context)
                steps.append(
                    TesterStep(
                        action: "note", summary: "a note in the \(entity)'s activity log", preview: rendered.text,
                        missing: rendered.missing))
            case .wait(let seconds):
                steps.append(TesterStep(action: "wait", summary: "then waits \(Self.duration(seconds))"))
            case .check(let group):
                let (ok, checkTrace) = TriggerEvaluation.evaluate(group, in: context)
                steps.append(
                    TesterStep(
                        action: "check", summary: ok ? "holds now: would go on" : "does not hold now: would stop here",
                        conditions: checkTrace))
            case .resendLink:
                let state = object[path: "state"]?.text ?? ""
                let email = object[path: "customer.email"]?.text ?? ""
                steps.append(
                    TesterStep(
                        action: "resend_link",
                        summary: entity != "quotation"
                            ? "only for quotations"
                            : state == "sent"
                                ? "a new signing link to \(email); the current one would stop working"
                                : "the quotation is \(state): no link would be sent"))
            case .setState(let target, _):
                steps.append(
                    TesterStep(action: "set_state", summary: Self.move(target, entity: entity, object: object)))
            case .startFlow(let flow):
                let name = try FlowStore.flow(tx, flow)?.name
                let booking =
                    object[path: "booking.number"]?.text ?? (entity == "booking" ? object[path: "number"]?.text : nil)
                steps.append(
                    TesterStep(
                        action: "start_flow",
                        summary: name == nil
                            ? "flow \(flow.rawValue) does not exist: nothing would start"
                            : booking.map { "would start \"\(name ?? "")\" on \($0)" }
                                ?? "no booking on this event: nothing would start"))
            }
        }
        return TesterResult(entityFound: true, conditionsHold: holds, conditions: trace, steps: steps)
    }

    /// What `set_state` would do to the record as it is now, by the rules its use case applies.
    static func move(_ target: SetStateTarget, entity: String, object: JSONValue) -> String {
        guard entity == target.entityType else { return "only for \(target.entityType) events: nothing would change" }
        let current = object[path: "state"]?.text ?? ""
        let allowed: Bool =
            if let next = target.bookingState {
                BookingState(rawValue: current)?.canTransition(to: next) ?? false
            } else {
                QuotationState(rawValue: current)?.canTransition(to: .void) ?? false
            }
        return allowed
            ? "would move the \(entity) from \(current) to \(target.rawValue)"
            : "the \(entity) is \(current): it cannot move to \(target.rawValue), nothing would change"
    }

    static func duration(_ seconds: Int) -> String {
        if seconds % 86_400 == 0 { return "\(seconds / 86_400) day(s)" }
        if seconds % 3600 == 0 { return "\(seconds / 3600) hour(s)" }
        return "\(seconds / 60) minute(s)"
    }
}

/// Where a trigger's email goes: the event's customer, the team address, every active member of
/// a role, or an address. The tester and a run resolve it the same way.
public enum TriggerRecipients {
    public static func addresses(
        _ to: Recipient, context: JSONValue, team: String, _ connection: Connection
    ) throws(DatabaseError) -> [String] {
        switch to {
        case .customer:
            let email = context[path: "object.customer.email"]?.text ?? context[path: "object.email"]?.text ?? ""
            return email.isEmpty ? [] : [email]
        case .team: return team.isEmpty ? [] : [team]
        case .role(let role): return try TriggerStore.staffAddresses(connection, role: role)
        case .address(let address): return [address]
        case .assignee: return try TaskStore.assigneeAddresses(connection, context: context)
        }
    }
}
