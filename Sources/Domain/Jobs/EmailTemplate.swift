/// The emails the product sends on its own, each one a template a test can be sent of from the
/// settings (`Job.testEmail`).
public enum EmailTemplate: String, Sendable, CaseIterable, Codable {
    /// The customer's signing link.
    case signingLink = "signing_link"
    /// The customer's confirmation after signing (the signed PDF attached).
    case signedConfirmation = "signed_confirmation"
    /// The team hears of a new booking.
    case teamNewBooking = "team_new_booking"
    /// The team hears that a customer could not sign because stock ran out.
    case teamUnavailable = "team_unavailable"
    /// The team hears that a customer declined.
    case teamDeclined = "team_declined"
}
