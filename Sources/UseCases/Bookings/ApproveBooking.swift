public import Database
public import Domain

/// A manager approves a booking: who and when, with its audit row, in one transaction; refused
/// when already approved or cancelled (`BookingRules.approvalRefusal`).
public enum ApproveBooking {
    /// - Throws: `DatabaseError`.
    public static func run(
        _ connection: Connection, id: BookingID, by user: UserID, actor: AuditActor
    ) throws
        -> BookingChange
    {
        try connection.transaction { tx in
            guard let locked = try BookingStore.lockForChange(tx, id: id) else { return .notFound }
            if let refusal = BookingRules.approvalRefusal(
                state: locked.state, approvedBy: locked.approvedBy, approvedAt: locked.approvedAt)
            {
                return .refused(refusal)
            }
            try BookingStore.setApproved(tx, id: id, by: user, actor: actor)
            return .done
        }
    }
}
