public import Domain
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The audit log: one row per change of state, written by the store that makes the change, inside
/// the same transaction. `before` and `after` are flat field → text maps so the activity page can
/// show them side by side; only the fields that changed need to be given.
public enum AuditStore {
    public static func record(
        _ tx: Connection, actor: AuditActor, entity: String, entityID: Int64?, action: String,
        before: [String: String]? = nil, after: [String: String]? = nil
    ) throws(DatabaseError) {
        try tx.execute(
            """
            INSERT INTO audit_log (actor_user_id, actor_kind, entity_type, entity_id, action, before, after, request_id, ip)
            VALUES (\(actor.userID?.rawValue), \(actor.kind.rawValue), \(entity), \(entityID), \(action),
                    \(json(before))::jsonb, \(json(after))::jsonb, \(actor.requestID), \(actor.ip.flatMap(validIP))::inet)
            """)
    }

    /// The fields of `before` and `after` that differ, as the two maps to record (nil when equal).
    public static func changes(
        from before: [String: String], to after: [String: String]
    )
        -> (before: [String: String], after: [String: String])?
    {
        var b: [String: String] = [:]
        var a: [String: String] = [:]
        for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
            b[key] = before[key] ?? ""
            a[key] = after[key] ?? ""
        }
        return a.isEmpty && b.isEmpty ? nil : (b, a)
    }

    static func json(_ map: [String: String]?) -> String? {
        guard let map else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(map)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// nginx gives the address as text; only something PostgreSQL's `inet` accepts is stored.
    static func validIP(_ text: String) -> String? {
        guard !text.isEmpty, text.utf8.count <= 45 else { return nil }
        var v4 = in_addr()
        var v6 = in6_addr()
        let ok = text.withCString { inet_pton(AF_INET, $0, &v4) == 1 || inet_pton(AF_INET6, $0, &v6) == 1 }
        return ok ? text : nil
    }
}
