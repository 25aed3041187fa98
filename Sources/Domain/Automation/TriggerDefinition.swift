public import Foundation

/// What a trigger does with an event of its type: conditions on the event (nested all/any groups
/// of comparisons on the entity, the change's details and what it replaced), an optional time
/// window (Stockholm time; outside it the run waits for the window to open), and ordered actions.
/// Stored as JSON in `trigger_versions.definition`; each run records the version it ran.
public struct TriggerDefinition: Sendable, Equatable, Codable {
    public var conditions: ConditionGroup
    public var window: TimeWindow?
    public var actions: [TriggerAction]

    public init(conditions: ConditionGroup = ConditionGroup(), window: TimeWindow? = nil, actions: [TriggerAction]) {
        self.conditions = conditions
        self.window = window
        self.actions = actions
    }

    /// Parses and checks a definition. - Throws: `TriggerDefinitionError` naming what is wrong.
    public static func parse(_ json: String) throws(TriggerDefinitionError) -> TriggerDefinition {
        let definition: TriggerDefinition
        do {
            definition = try JSONDecoder().decode(TriggerDefinition.self, from: Data(json.utf8))
        } catch let error as TriggerDefinitionError {
            throw error
        } catch let DecodingError.dataCorrupted(context) {
            throw .invalid(context.underlyingError.map { "\($0)" } ?? context.debugDescription)
        } catch let DecodingError.keyNotFound(key, context) {
            throw .invalid("missing \"\(key.stringValue)\" at \(path(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw .invalid("wrong type at \(path(context.codingPath))")
        } catch {
            throw .invalid("\(error)")
        }
        guard !definition.actions.isEmpty else { throw .noActions }
        guard definition.actions.count <= 20 else { throw .invalid("at most 20 actions") }
        return definition
    }

    /// The definition as stored: JSON with sorted keys.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The window and actions as JSON, without the conditions (the page's builder edits those).
    public var jsonWithoutConditions: String {
        struct Rest: Encodable {
            let window: TimeWindow?
            let actions: [TriggerAction]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return (try? encoder.encode(Rest(window: window, actions: actions))).map { String(decoding: $0, as: UTF8.self) }
            ?? "{}"
    }

    private enum CodingKeys: String, CodingKey { case conditions, window, actions }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        conditions = try c.decodeIfPresent(ConditionGroup.self, forKey: .conditions) ?? ConditionGroup()
        window = try c.decodeIfPresent(TimeWindow.self, forKey: .window)
        actions = try c.decode([TriggerAction].self, forKey: .actions)
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// Why a definition was refused.
public enum TriggerDefinitionError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(String)
    case unknownOperator(String)
    case unknownAction(String)
    case badRecipient(String)
    case badWindow
    case badWait
    case noActions

    public var description: String {
        switch self {
        case .invalid(let detail): "not a valid definition: \(detail)"
        case .unknownOperator(let op): "unknown operator \"\(op)\""
        case .unknownAction(let type): "unknown action \"\(type)\""
        case .badRecipient(let to): "unknown recipient \"\(to)\""
        case .badWindow: "the window needs weekdays 1–7 and from/to as HH:MM, from before to"
        case .badWait: "a wait is 1 minute to 90 days"
        case .noActions: "a trigger needs at least one action"
        }
    }
}

/// `{"all": [...]}` or `{"any": [...]}`: every or at least one condition holds. Empty `all` holds.
public struct ConditionGroup: Sendable, Equatable, Codable {
    public enum Match: String, Sendable { case all, any }
    public var match: Match
    public var conditions: [Condition]

    public init(match: Match = .all, conditions: [Condition] = []) {
        self.match = match
        self.conditions = conditions
    }

    private enum CodingKeys: String, CodingKey { case all, any }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let all = try c.decodeIfPresent([Condition].self, forKey: .all) {
            self.init(match: .all, conditions: all)
        } else if let any = try c.decodeIfPresent([Condition].self, forKey: .any) {
            self.init(match: .any, conditions: any)
        } else {
            throw TriggerDefinitionError.invalid("a group is {\"all\": [...]} or {\"any\": [...]}")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(conditions, forKey: match == .all ? .all : .any)
    }
}

/// One comparison, or a nested group.
public indirect enum Condition: Sendable, Equatable, Codable {
    case compare(field: String, op: Operator, value: JSONValue?)
    case group(ConditionGroup)

    public enum Operator: String, Sendable, CaseIterable, Codable {
        case equals, differs, contains, greater, less
        case `in`
        case empty
        case notEmpty = "not_empty"
        case changed
        case changedFrom = "changed_from"
        case changedTo = "changed_to"
    }

    private enum CodingKeys: String, CodingKey { case field, op, value, all, any }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if c.contains(.all) || c.contains(.any) {
            self = .group(try ConditionGroup(from: decoder))
            return
        }
        let name = try c.decode(String.self, forKey: .op)
        guard let op = Operator(rawValue: name) else { throw TriggerDefinitionError.unknownOperator(name) }
        let field = try c.decode(String.self, forKey: .field)
        guard !field.isEmpty, field.count <= 200 else { throw TriggerDefinitionError.invalid("an empty field") }
        self = .compare(field: field, op: op, value: try c.decodeIfPresent(JSONValue.self, forKey: .value))
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .group(let group): try group.encode(to: encoder)
        case .compare(let field, let op, let value):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(field, forKey: .field)
            try c.encode(op, forKey: .op)
            try c.encodeIfPresent(value, forKey: .value)
        }
    }
}

/// Days of the week (1 Monday … 7 Sunday) and a time of day range, in Stockholm time.
public struct TimeWindow: Sendable, Equatable, Codable {
    public var weekdays: [Int]
    public var from: String
    public var to: String

    public init(weekdays: [Int], from: String, to: String) throws(TriggerDefinitionError) {
        self.weekdays = weekdays
        self.from = from
        self.to = to
        try check()
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        weekdays = try c.decode([Int].self, forKey: .weekdays)
        from = try c.decode(String.self, forKey: .from)
        to = try c.decode(String.self, forKey: .to)
        try check()
    }

    private enum CodingKeys: String, CodingKey { case weekdays, from, to }

    func check() throws(TriggerDefinitionError) {
        guard !weekdays.isEmpty, weekdays.allSatisfy({ (1...7).contains($0) }), let start = Self.minutes(from),
            let end = Self.minutes(to), start < end
        else { throw .badWindow }
    }

    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h),
            (0..<60).contains(m),
            h * 60 + m <= 1440
        else { return nil }
        return h * 60 + m
    }

    /// Whether `instant` is inside the window.
    public func contains(_ instant: Date) -> Bool {
        let day = BusinessCalendar.day(of: instant)
        let time = BusinessCalendar.timeOfDay(instant)
        let minute = time.hour * 60 + time.minute
        return weekdays.contains(day.isoWeekday) && minute >= (Self.minutes(from) ?? 0)
            && minute < (Self.minutes(to) ?? 0)
    }

    /// The first instant at or after `instant` inside the window (searched minute by minute over
    /// at most eight days, so daylight-saving changes need no special case).
    public func next(after instant: Date) -> Date {
        if contains(instant) { return instant }
        var probe = Date(timeIntervalSince1970: (instant.timeIntervalSince1970 / 60).rounded(.up) * 60)
        for _ in 0..<(8 * 24 * 60) {
            if contains(probe) { return probe }
            probe = probe.addingTimeInterval(60)
        }
        return instant
    }
}

/// Who an email action writes to.
public enum Recipient: Sendable, Equatable {
    /// The event's customer (`object.customer.email`, or `object.email` for a customer event).
    case customer
    /// The company's team address (settings).
    case team
    /// Every active staff member with the role.
    case role(StaffRole)
    /// A task event's assignee: the member; every active member of the role, placed in the
    /// department (or below) or holding the position; or the customer.
    case assignee
    case address(String)

    public init(_ text: String) throws(TriggerDefinitionError) {
        switch text {
        case "customer": self = .customer
        case "team": self = .team
        case "assignee": self = .assignee
        default:
            if text.hasPrefix("role:"), let role = StaffRole(rawValue: String(text.dropFirst(5))) {
                self = .role(role)
            } else if EmailAddressRule.isValid(text) {
                self = .address(text)
            } else {
                throw .badRecipient(text)
            }
        }
    }

    public var text: String {
        switch self {
        case .customer: "customer"
        case .team: "team"
        case .assignee: "assignee"
        case .role(let role): "role:\(role.rawValue)"
        case .address(let address): address
        }
    }
}

/// One step of a trigger.
public enum TriggerAction: Sendable, Equatable, Codable {
    /// An email from a template: `{{object.number}}`-style placeholders in subject and body.
    case email(to: Recipient, subject: String, body: String)
    /// POST the event (Standard Webhooks body) to a URL, signed with the endpoint secret of
    /// this trigger; through the same sender and address guard as webhook endpoints.
    case webhook(url: String)
    /// A note in the entity's activity log.
    case note(text: String)
    /// Durable delay: the rest of the actions run this long after.
    case wait(seconds: Int)
    /// Stop here unless these hold on the entity as it is now (after a wait, things change).
    case check(ConditionGroup)
    /// A quotation's signing link sent again (a new link, the old one void), as the resend button does.
    case resendLink
    /// Move the event's entity to a state through the use case its page uses, with its checks: a
    /// booking one step on (`packed`, `delivered`, `returned`, `closed`) or `cancelled` (with
    /// `reason`); a quotation `void`.
    case setState(SetStateTarget, reason: String?)
    /// Start a flow on the event's booking (a booking event, or a quotation's once signed), as
    /// "Start a flow" on the booking page does; a flow already running there is not started again.
    case startFlow(FlowID)

    private enum CodingKeys: String, CodingKey {
        case type, to, subject, body, url, text, seconds, minutes, hours, days, conditions, state, reason, flow
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "email":
            let subject = try c.decode(String.self, forKey: .subject)
            let body = try c.decode(String.self, forKey: .body)
            guard !subject.isEmpty, subject.count <= 300, !body.isEmpty, body.count <= 20_000 else {
                throw TriggerDefinitionError.invalid("an email needs a subject (≤ 300) and a body (≤ 20 000)")
            }
            self = .email(to: try Recipient(try c.decode(String.self, forKey: .to)), subject: subject, body: body)
        case "webhook":
            let url = try c.decode(String.self, forKey: .url)
            guard WebhookTarget.isValid(url) else {
                throw TriggerDefinitionError.invalid("a webhook needs an http(s) URL")
            }
            self = .webhook(url: url)
        case "note":
            let text = try c.decode(String.self, forKey: .text)
            guard !text.isEmpty, text.count <= 2000 else {
                throw TriggerDefinitionError.invalid("a note of 1–2000 characters")
            }
            self = .note(text: text)
        case "wait":
            // Each part within 90 days before any arithmetic: no overflow, whatever was typed.
            var seconds = 0
            for (key, unit) in [(CodingKeys.seconds, 1), (.minutes, 60), (.hours, 3600), (.days, 86_400)] {
                let part = try c.decodeIfPresent(Int.self, forKey: key) ?? 0
                guard (0...(90 * 86_400 / unit)).contains(part) else { throw TriggerDefinitionError.badWait }
                seconds += part * unit
            }
            guard (60...(90 * 86_400)).contains(seconds) else { throw TriggerDefinitionError.badWait }
            self = .wait(seconds: seconds)
        case "check":
            self = .check(try c.decode(ConditionGroup.self, forKey: .conditions))
        case "resend_link":
            self = .resendLink
        case "set_state":
            let text = try c.decode(String.self, forKey: .state)
            guard let target = SetStateTarget(rawValue: text) else {
                throw TriggerDefinitionError.invalid(
                    "set_state takes one of \(SetStateTarget.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let reason = try c.decodeIfPresent(String.self, forKey: .reason)
            if let reason, reason.count > 500 {
                throw TriggerDefinitionError.invalid("a reason of at most 500 characters")
            }
            if target == .cancelled, reason?.contains(where: { !$0.isWhitespace }) != true {
                throw TriggerDefinitionError.invalid("cancelling a booking needs a reason")
            }
            self = .setState(target, reason: reason)
        case "start_flow":
            let flow = try c.decode(Int64.self, forKey: .flow)
            guard flow > 0 else { throw TriggerDefinitionError.invalid("start_flow needs a flow's number") }
            self = .startFlow(FlowID(rawValue: flow))
        default:
            throw TriggerDefinitionError.unknownAction(type)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .email(let to, let subject, let body):
            try c.encode("email", forKey: .type)
            try c.encode(to.text, forKey: .to)
            try c.encode(subject, forKey: .subject)
            try c.encode(body, forKey: .body)
        case .webhook(let url):
            try c.encode("webhook", forKey: .type)
            try c.encode(url, forKey: .url)
        case .note(let text):
            try c.encode("note", forKey: .type)
            try c.encode(text, forKey: .text)
        case .wait(let seconds):
            try c.encode("wait", forKey: .type)
            if seconds % 86_400 == 0 {
                try c.encode(seconds / 86_400, forKey: .days)
            } else {
                try c.encode(seconds, forKey: .seconds)
            }
        case .check(let group):
            try c.encode("check", forKey: .type)
            try c.encode(group, forKey: .conditions)
        case .resendLink:
            try c.encode("resend_link", forKey: .type)
        case .setState(let target, let reason):
            try c.encode("set_state", forKey: .type)
            try c.encode(target.rawValue, forKey: .state)
            try c.encodeIfPresent(reason, forKey: .reason)
        case .startFlow(let flow):
            try c.encode("start_flow", forKey: .type)
            try c.encode(flow.rawValue, forKey: .flow)
        }
    }
}

/// The states a trigger may move an entity to (`set_state`).
public enum SetStateTarget: String, Sendable, CaseIterable {
    case packed, delivered, returned, closed, cancelled
    case void

    /// The entity type it applies to.
    public var entityType: String {
        switch self {
        case .packed, .delivered, .returned, .closed, .cancelled: "booking"
        case .void: "quotation"
        }
    }

    public var bookingState: BookingState? { BookingState(rawValue: rawValue) }
}
