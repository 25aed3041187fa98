public import Foundation

/// What a signing attempt came to.
public enum SigningOutcome: Sendable, Equatable {
    /// Signed now: the booking was created.
    case signed(bookingID: BookingID, bookingNumber: String, signedAt: Date)
    /// The version had already been signed (double submit, second tab): nothing was created.
    case alreadySigned(bookingNumber: String?, signedAt: Date)
    /// Not signed: stock is short. The attempt is recorded and the team told.
    case unavailable(items: [UnavailableItem])
    case declined
    case expired
    /// Replaced by a newer version, or the quotation was voided.
    case voided
    /// No link with that token.
    case notFound
}

/// What a decline came to.
public enum DeclineOutcome: Sendable, Equatable {
    case declined(declinedAt: Date)
    /// Declined before (double submit): nothing new stored.
    case alreadyDeclined(declinedAt: Date)
    case signed
    case expired
    case voided
    case notFound
}
