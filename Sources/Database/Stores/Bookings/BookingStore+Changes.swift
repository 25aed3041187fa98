public import Domain
public import Foundation

extension BookingStore {
    /// Locks the booking row and reads its state and approval. nil when it does not exist.
    /// - Throws: `DatabaseError`.
    public static func lockForChange(
        _ tx: Connection, id: BookingID
    ) throws(DatabaseError)
        -> (state: BookingState, approvedBy: String?, approvedAt: Date?)?
    {
        guard
            let row = try tx.query(
                """
                SELECT b.state, b.approved_at, u.name AS approved_by
                  FROM bookings b LEFT JOIN users u ON u.id = b.approved_by
                 WHERE b.id = \(id.rawValue)
                   FOR UPDATE OF b
                """
            ).first
        else { return nil }
        return (try state(row), try row.decode("approved_by"), try row.decode("approved_at"))
    }

    /// Stores the booking's new state with its audit row (`state_changed`, before and after).
    /// Entering `cancelled` stores the time and `cancelReason`.
    /// - Throws: `DatabaseError`.
    public static func setState(
        _ tx: Connection, id: BookingID, from current: BookingState, to next: BookingState, cancelReason: String?,
        actor: AuditActor
    ) throws(DatabaseError) {
        let cancelling = next == .cancelled
        try tx.execute(
            """
            UPDATE bookings
               SET state = \(next.rawValue),
                   cancelled_at = CASE WHEN \(cancelling) THEN now() ELSE cancelled_at END,
                   cancel_reason = coalesce(\(cancelReason), cancel_reason),
                   version = version + 1
             WHERE id = \(id.rawValue)
            """)
        var after = ["state": next.rawValue]
        if let cancelReason { after["cancel_reason"] = cancelReason }
        try AuditStore.record(
            tx, actor: actor, entity: "booking", entityID: id.rawValue, action: "state_changed",
            before: ["state": current.rawValue], after: after)
    }

    /// Records the approval (who and when) with its audit row (`approved`).
    /// - Throws: `DatabaseError`.
    public static func setApproved(
        _ tx: Connection, id: BookingID, by user: UserID, actor: AuditActor
    ) throws(DatabaseError) {
        let updated = try tx.query(
            """
            UPDATE bookings b SET approved_by = \(user.rawValue), approved_at = now(), version = b.version + 1
              FROM users u
             WHERE b.id = \(id.rawValue) AND u.id = \(user.rawValue)
            RETURNING u.name, b.approved_at
            """)
        let name: String = try updated[0].decode("name")
        let at: Date = try updated[0].decode("approved_at")
        try AuditStore.record(
            tx, actor: actor, entity: "booking", entityID: id.rawValue, action: "approved",
            before: ["approved_by": ""],
            after: ["approved_by": name, "approved_at": PostgresTimestamp.format(at)])
    }

    /// Saves the internal notes when the form was made from the current `version` (optimistic
    /// locking), with an audit row of the change. Saving the same text changes nothing.
    ///
    /// - Throws: `DatabaseError`.
    /// `custom`: the active custom fields' checked values (nil: leave them; an archived field's
    /// stored value is always kept), saved with the notes.
    public static func updateNotes(
        _ connection: Connection, id: BookingID, notes: String, custom: [String: JSONValue]? = nil,
        expectedVersion: Int, actor: AuditActor
    ) throws -> BookingChange {
        try connection.transaction { tx in
            guard
                let row = try tx.query(
                    "SELECT coalesce(notes, '') AS notes, version, custom::text AS custom FROM bookings WHERE id = \(id.rawValue) FOR UPDATE"
                ).first
            else { return .notFound }
            guard try row.decode("version", as: Int.self) == expectedVersion else { return .refused(.versionChanged) }
            let before: String = try row.decode("notes")
            let after = CustomerStore.nonEmpty(notes) ?? ""
            let stored = CustomFieldStore.values(json: try row.decode("custom"))
            let newCustom =
                try custom.map {
                    CustomFieldStore.merged(stored, $0, active: try CustomFieldStore.active(tx, .booking))
                }
                ?? stored
            guard
                let change = AuditStore.changes(
                    from: ["notes": before].merging(CustomFieldStore.auditFields(stored)) { a, _ in a },
                    to: ["notes": after].merging(CustomFieldStore.auditFields(newCustom)) { a, _ in a })
            else { return .done }
            if newCustom != stored { try CustomFieldStore.write(tx, .booking, id: id.rawValue, newCustom) }
            try tx.execute(
                """
                UPDATE bookings SET notes = \(CustomerStore.nonEmpty(notes)), version = version + 1
                 WHERE id = \(id.rawValue) AND version = \(expectedVersion)
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "booking", entityID: id.rawValue, action: "updated", before: change.before,
                after: change.after)
            return .done
        }
    }
}
