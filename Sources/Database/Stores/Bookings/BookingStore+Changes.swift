public import Domain
import Foundation

extension BookingStore {
    /// Moves the booking one step through its workflow (`BookingState.canTransition`), in one
    /// transaction with its audit row (`state_changed`, before and after state). `seen` is the
    /// state the staff member's page showed: when the booking has moved since, nothing changes
    /// (`.stale`), so a click on an old page never does something the person did not see.
    /// Cancelling stores the reason and the time; stock is released because a cancelled (or
    /// returned) booking no longer counts in availability (`BookingState.reservesStock`).
    ///
    /// - Throws: `DatabaseError`.
    public static func transition(
        _ connection: Connection, id: BookingID, from seen: BookingState, to target: BookingState, reason: String? = nil,
        actor: AuditActor
    ) throws -> BookingChange {
        try connection.transaction { tx in
            guard let row = try tx.query("SELECT state FROM bookings WHERE id = \(id.rawValue) FOR UPDATE").first else {
                return .notFound
            }
            let current = try state(row)
            guard current == seen else { return .refused(.stale(current: current)) }
            var next = current
            do {
                try next.transition(to: target, reason: reason)
            } catch BookingTransitionError.reasonRequired {
                return .refused(.reasonRequired)
            } catch {
                return .refused(.notAllowed(from: current, to: target))
            }
            let cancelReason = target == .cancelled ? reason.flatMap(CustomerStore.nonEmpty) : nil
            try tx.execute(
                """
                UPDATE bookings
                   SET state = \(next.rawValue),
                       cancelled_at = CASE WHEN \(next.rawValue) = 'cancelled' THEN now() ELSE cancelled_at END,
                       cancel_reason = coalesce(\(cancelReason), cancel_reason),
                       version = version + 1
                 WHERE id = \(id.rawValue)
                """)
            var after = ["state": next.rawValue]
            if let cancelReason { after["cancel_reason"] = cancelReason }
            try AuditStore.record(
                tx, actor: actor, entity: "booking", entityID: id.rawValue, action: "state_changed",
                before: ["state": current.rawValue], after: after)
            return .done
        }
    }

    /// Records the approval (who and when) in one transaction with its audit row (`approved`).
    /// Refused when already approved (a second click, another manager) or cancelled.
    ///
    /// - Throws: `DatabaseError`.
    public static func approve(_ connection: Connection, id: BookingID, by user: UserID, actor: AuditActor) throws
        -> BookingChange
    {
        try connection.transaction { tx in
            guard let row = try tx.query(
                """
                SELECT b.state, b.approved_at, u.name AS approved_by
                  FROM bookings b LEFT JOIN users u ON u.id = b.approved_by
                 WHERE b.id = \(id.rawValue)
                   FOR UPDATE OF b
                """
            ).first else { return .notFound }
            if let at: Date = try row.decode("approved_at") {
                return .refused(.alreadyApproved(by: try row.decode("approved_by"), at: at))
            }
            guard try state(row) != .cancelled else { return .refused(.cancelled) }
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
            return .done
        }
    }

    /// Saves the internal notes when the form was made from the current `version` (optimistic
    /// locking), with an audit row of the change. Saving the same text changes nothing.
    ///
    /// - Throws: `DatabaseError`.
    public static func updateNotes(
        _ connection: Connection, id: BookingID, notes: String, expectedVersion: Int, actor: AuditActor
    ) throws -> BookingChange {
        try connection.transaction { tx in
            guard let row = try tx.query(
                "SELECT coalesce(notes, '') AS notes, version FROM bookings WHERE id = \(id.rawValue) FOR UPDATE"
            ).first else { return .notFound }
            guard try row.decode("version", as: Int.self) == expectedVersion else { return .refused(.versionChanged) }
            let before: String = try row.decode("notes")
            let after = CustomerStore.nonEmpty(notes) ?? ""
            guard let change = AuditStore.changes(from: ["notes": before], to: ["notes": after]) else { return .done }
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
