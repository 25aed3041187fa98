public import Domain
public import Foundation

/// What `/hooks/{token}` needs to check and handle a message: only active hooks are found.
public struct ReceivingHook: Sendable {
    public let id: Int64
    public let name: String
    public let kind: IncomingHook.Kind
    public let mapping: LeadMapping
    public let secret: String
    public let createdBy: Int64
}

/// What became of a message.
public enum IncomingHookOutcome: Sendable, Equatable {
    /// Stored now: its event, and for a lead the customer (`customerCreated` when it is new) and
    /// the draft quotation (nil when the lead had no date).
    case accepted(eventID: Int64, customerID: Int64?, customerCreated: Bool, quotationID: Int64?)
    /// This `webhook-id` was accepted before: nothing is done again; the first event's id.
    case duplicate(eventID: Int64?)
}

/// Incoming hooks: their settings, receiving a message (once per `webhook-id`, with its event,
/// customer and draft quotation in one transaction), and each hook's log.
public enum IncomingHookStore {
    static let columns: Query = """
        id, name, kind, mapping::text AS mapping, active, received_count, last_received_at, created_at
        """

    static func hook(_ row: Row) throws -> IncomingHook {
        let kind: String = try row.decode("kind")
        return IncomingHook(
            id: try row.decode("id"), name: try row.decode("name"), kind: IncomingHook.Kind(rawValue: kind) ?? .event,
            mapping: LeadMapping(json: try row.decode("mapping")), active: try row.decode("active"),
            receivedCount: Int(try row.decode("received_count") as Int64),
            lastReceivedAt: try row.decode("last_received_at"), createdAt: try row.decode("created_at"))
    }

    /// A new hook; `tokenHash` is the SHA-256 of its URL's token. Audited.
    public static func add(
        _ connection: Connection, name: String, kind: IncomingHook.Kind, mapping: LeadMapping, tokenHash: [UInt8],
        secret: String, createdBy: UserID, actor: AuditActor
    ) throws -> Int64 {
        try connection.transaction { tx in
            let rows = try tx.query(
                """
                INSERT INTO incoming_hooks (name, kind, token_hash, secret, mapping, created_by)
                VALUES (\(name), \(kind.rawValue), \(tokenHash), \(secret), \(mapping.json)::jsonb, \(createdBy.rawValue))
                RETURNING id
                """)
            let id: Int64 = try rows[0].decode("id")
            try AuditStore.record(
                tx, actor: actor, entity: "incoming_hook", entityID: id, action: "created",
                after: ["name": name, "kind": kind.rawValue])
            return id
        }
    }

    public static func list(_ connection: Connection) throws -> [IncomingHook] {
        try connection.query("SELECT " + columns + " FROM incoming_hooks ORDER BY id").map(hook)
    }

    public static func find(_ connection: Connection, id: Int64) throws -> IncomingHook? {
        try connection.query("SELECT " + columns + " FROM incoming_hooks WHERE id = \(id)").first.map(hook)
    }

    /// The active hook whose token hashes to `tokenHash`, or nil.
    public static func receiving(_ connection: Connection, tokenHash: [UInt8]) throws -> ReceivingHook? {
        guard
            let row = try connection.query(
                """
                SELECT id, name, kind, mapping::text AS mapping, secret, created_by
                  FROM incoming_hooks WHERE token_hash = \(tokenHash) AND active
                """
            ).first
        else { return nil }
        let kind: String = try row.decode("kind")
        return ReceivingHook(
            id: try row.decode("id"), name: try row.decode("name"), kind: IncomingHook.Kind(rawValue: kind) ?? .event,
            mapping: LeadMapping(json: try row.decode("mapping")), secret: try row.decode("secret"),
            createdBy: try row.decode("created_by"))
    }

    /// Stores a message once per (hook, `webhook-id`): its `hook.received` event (details: the hook,
    /// the message id and the posted `data`), and for a lead the customer (an active one with the
    /// same email, or a new one) and a draft quotation with the lead's period, title and note.
    /// One transaction; a second delivery of the same id, even at the same moment, waits for the
    /// first and is answered `duplicate`.
    public static func receive(
        _ connection: Connection, hook: ReceivingHook, messageID: String, bodyJSON: String, lead: Lead?
    ) throws -> IncomingHookOutcome {
        let system = AuditActor(kind: .system)
        return try connection.transaction { tx -> IncomingHookOutcome in
            guard
                let message = try tx.query(
                    """
                    INSERT INTO incoming_hook_messages (hook_id, message_id) VALUES (\(hook.id), \(messageID))
                    ON CONFLICT ON CONSTRAINT incoming_hook_messages_once DO NOTHING
                    RETURNING id
                    """
                ).first
            else {
                let earlier: Int64? = try tx.query(
                    """
                    SELECT event_id FROM incoming_hook_messages WHERE hook_id = \(hook.id) AND message_id = \(messageID)
                    """
                ).first?.decode("event_id")
                return .duplicate(eventID: earlier)
            }
            let messageRowID: Int64 = try message.decode("id")

            var customerID: Int64?
            var created = false
            var quotationID: Int64?
            var note: String?
            if let lead {
                let email = lead.customer.details.email
                if !email.isEmpty, let existing = try QuotationStore.activeCustomers(tx, withEmail: email).first {
                    customerID = existing.id.rawValue
                } else {
                    customerID = try CustomerStore.create(tx, profile: lead.customer, actor: system).rawValue
                    created = true
                }
                if let period = lead.period, let customer = customerID.map(CustomerID.init(rawValue:)) {
                    let defaults = try QuotationStore.defaults(tx)
                    let address = try QuotationStore.defaultDeliveryAddress(tx, customer: customer) ?? PostalAddress()
                    let id = try QuotationStore.createDraft(
                        tx, customer: customer, period: period,
                        title: lead.title.isEmpty ? hook.name : lead.title, deliveryAddress: address, lines: [],
                        vatRate: defaults.vatRate, termsHTML: defaults.termsHTML, createdBy: hook.createdBy,
                        createdBySystem: true)
                    if !lead.note.isEmpty {
                        try tx.execute("UPDATE quotations SET internal_notes = \(lead.note) WHERE id = \(id.rawValue)")
                    }
                    quotationID = id.rawValue
                } else {
                    note = "no date: no quotation"
                }
            }

            var details: [String: JSONValue] = [
                "hook": .object([
                    "id": .number(Double(hook.id)), "name": .string(hook.name), "kind": .string(hook.kind.rawValue),
                ]),
                "webhook_id": .string(messageID), "data": try JSONValue(json: bodyJSON),
            ]
            if let customerID { details["customer_id"] = .number(Double(customerID)) }
            if let quotationID { details["quotation_id"] = .number(Double(quotationID)) }
            let eventID = try EventStore.emit(
                tx, type: "hook.received", entityType: "incoming_hook", entityID: hook.id, actor: system,
                detailsJSON: JSONValue.object(details).text)
            try tx.execute(
                """
                UPDATE incoming_hook_messages
                   SET event_id = \(eventID), customer_id = \(customerID), quotation_id = \(quotationID), note = \(note)
                 WHERE id = \(messageRowID)
                """)
            try tx.execute(
                """
                UPDATE incoming_hooks SET received_count = received_count + 1, last_received_at = now()
                 WHERE id = \(hook.id)
                """)
            return .accepted(
                eventID: eventID, customerID: customerID, customerCreated: created, quotationID: quotationID)
        }
    }

    /// The hook's newest messages, newest first.
    public static func messages(
        _ connection: Connection, hookID: Int64, limit: Int = 50
    ) throws -> [IncomingHookMessage] {
        try connection.query(
            """
            SELECT m.message_id, m.received_at, m.event_id, m.customer_id, m.quotation_id, q.number AS quotation_number, m.note
              FROM incoming_hook_messages m LEFT JOIN quotations q ON q.id = m.quotation_id
             WHERE m.hook_id = \(hookID)
             ORDER BY m.id DESC LIMIT \(limit)
            """
        ).map { row in
            IncomingHookMessage(
                messageID: try row.decode("message_id"), receivedAt: try row.decode("received_at"),
                eventID: try row.decode("event_id"), customerID: try row.decode("customer_id"),
                quotationID: try row.decode("quotation_id"), quotationNumber: try row.decode("quotation_number"),
                note: try row.decode("note"))
        }
    }

    /// A new URL token and a new secret: the old URL stops answering at once. - Returns: false for an unknown id.
    public static func renew(
        _ connection: Connection, id: Int64, tokenHash: [UInt8], secret: String, actor: AuditActor
    ) throws -> Bool {
        try connection.transaction { tx in
            guard
                try tx.execute(
                    "UPDATE incoming_hooks SET token_hash = \(tokenHash), secret = \(secret) WHERE id = \(id)") == 1
            else { return false }
            try AuditStore.record(tx, actor: actor, entity: "incoming_hook", entityID: id, action: "secret_rotated")
            return true
        }
    }

    /// Turns a hook off (its URL answers 404) or on again. - Returns: false for an unknown id.
    public static func setActive(_ connection: Connection, id: Int64, active: Bool, actor: AuditActor) throws -> Bool {
        try connection.transaction { tx in
            guard try tx.execute("UPDATE incoming_hooks SET active = \(active) WHERE id = \(id)") == 1 else {
                return false
            }
            try AuditStore.record(
                tx, actor: actor, entity: "incoming_hook", entityID: id, action: active ? "enabled" : "disabled")
            return true
        }
    }

    /// Removes a hook and its log (the events it wrote stay). - Returns: false for an unknown id.
    public static func remove(_ connection: Connection, id: Int64, actor: AuditActor) throws -> Bool {
        try connection.transaction { tx in
            guard try tx.execute("DELETE FROM incoming_hooks WHERE id = \(id)") == 1 else { return false }
            try AuditStore.record(tx, actor: actor, entity: "incoming_hook", entityID: id, action: "removed")
            return true
        }
    }
}
