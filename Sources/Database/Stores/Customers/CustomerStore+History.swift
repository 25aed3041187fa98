public import Domain
import Foundation

/// A customer's history for the detail page: quotations, bookings and the latest audit rows about
/// the customer or any of their quotations and bookings. Each part is one indexed query.
extension CustomerStore {
    /// - Parameter limit: rows per section, newest first.
    /// - Throws: `DatabaseError`.
    public static func history(_ connection: Connection, id: CustomerID, limit: Int = 20) throws -> CustomerHistory {
        let quotations = try connection.query(
            """
            SELECT id, number, coalesce(title, '') AS title, state, total_ore, period_start::text AS period_start,
                   period_end::text AS period_end, created_at
              FROM quotations WHERE customer_id = \(id.rawValue)
             ORDER BY id DESC LIMIT \(limit)
            """
        ).map { row in
            let stateText: String = try row.decode("state")
            guard let state = QuotationState(rawValue: stateText) else {
                throw DatabaseError(
                    .decoding(column: "state"), message: "unknown quotation state", safeDetail: "quotations.state")
            }
            return CustomerHistory.Quotation(
                id: QuotationID(rawValue: try row.decode("id")), number: try row.decode("number"),
                title: try row.decode("title"),
                state: state, total: Money(ore: try row.decode("total_ore")), period: try period(row),
                createdAt: try row.decode("created_at"))
        }
        let bookings = try connection.query(
            """
            SELECT id, number, coalesce(title, '') AS title, state, total_ore, period_start::text AS period_start,
                   period_end::text AS period_end
              FROM bookings WHERE customer_id = \(id.rawValue)
             ORDER BY id DESC LIMIT \(limit)
            """
        ).map { row in
            let stateText: String = try row.decode("state")
            guard let state = BookingState(rawValue: stateText) else {
                throw DatabaseError(
                    .decoding(column: "state"), message: "unknown booking state", safeDetail: "bookings.state")
            }
            return CustomerHistory.Booking(
                id: BookingID(rawValue: try row.decode("id")), number: try row.decode("number"),
                title: try row.decode("title"),
                state: state, total: Money(ore: try row.decode("total_ore")), period: try period(row))
        }
        // Three index scans on audit_log (entity_type, entity_id, id DESC), each stopping after `limit`.
        let activity = try connection.query(
            """
            SELECT x.at, coalesce(u.name, '') AS actor_name, x.actor_kind, x.entity_type, x.entity_id, x.action,
                   x.before::text AS before, x.after::text AS after,
                   coalesce(CASE x.entity_type
                                WHEN 'quotation' THEN (SELECT q.number FROM quotations q WHERE q.id = x.entity_id)
                                WHEN 'booking' THEN (SELECT b.number FROM bookings b WHERE b.id = x.entity_id)
                            END, '') AS subject
              FROM (
                (SELECT * FROM audit_log WHERE entity_type = 'customer' AND entity_id = \(id.rawValue)
                  ORDER BY id DESC LIMIT \(limit))
                UNION ALL
                (SELECT a.* FROM audit_log a
                  WHERE a.entity_type = 'quotation'
                    AND a.entity_id IN (SELECT q.id FROM quotations q WHERE q.customer_id = \(id.rawValue))
                  ORDER BY a.id DESC LIMIT \(limit))
                UNION ALL
                (SELECT a.* FROM audit_log a
                  WHERE a.entity_type = 'booking'
                    AND a.entity_id IN (SELECT b.id FROM bookings b WHERE b.customer_id = \(id.rawValue))
                  ORDER BY a.id DESC LIMIT \(limit))
              ) x LEFT JOIN users u ON u.id = x.actor_user_id
             ORDER BY x.id DESC LIMIT \(limit)
            """
        ).map { row in
            CustomerHistory.Activity(
                at: try row.decode("at"), actorName: try row.decode("actor_name"),
                actorKind: try row.decode("actor_kind"),
                entityType: try row.decode("entity_type"), entityID: try row.decode("entity_id"),
                subject: try row.decode("subject"),
                action: try row.decode("action"),
                changes: changes(before: try row.decode("before"), after: try row.decode("after")))
        }
        return CustomerHistory(quotations: quotations, bookings: bookings, activity: activity, limit: limit)
    }

    private static func period(_ row: Row) throws -> RentalPeriod {
        try RentalPeriod(
            start: try CalendarDate(iso: try row.decode("period_start")),
            end: try CalendarDate(iso: try row.decode("period_end")))
    }

    /// The fields of an audit row's `before` and `after` (JSON objects) side by side, by field name.
    static func changes(before: String?, after: String?) -> [CustomerHistory.Change] {
        let old = flatten(before)
        let new = flatten(after)
        return Set(old.keys).union(new.keys).sorted().map {
            CustomerHistory.Change(field: $0, before: old[$0] ?? "", after: new[$0] ?? "")
        }
    }

    private static func flatten(_ json: String?) -> [String: String] {
        guard let json, let object = try? JSONDecoder().decode([String: AuditValue].self, from: Data(json.utf8)) else {
            return [:]
        }
        return object.mapValues(\.text)
    }
}

/// One value of an audit row's `before`/`after` object, as text for people.
private struct AuditValue: Decodable {
    let text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            text = ""
        } else if let flag = try? container.decode(Bool.self) {
            text = flag ? "true" : "false"
        } else if let number = try? container.decode(Int64.self) {
            text = String(number)
        } else if let number = try? container.decode(Double.self) {
            text = String(number)
        } else if let string = try? container.decode(String.self) {
            text = string
        } else {
            text = "…"  // a nested object or list: the activity log page shows it in full
        }
    }
}
