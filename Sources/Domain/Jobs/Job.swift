public import Foundation

/// Work the worker does after a change committed: queued in the change's transaction (the
/// outbox), run at least once. Each case names the kind stored in `jobs.kind`; its fields are the
/// job's payload (`jobs.payload`, snake_case keys). The worker dispatches with an exhaustive
/// `switch`, so a new job does not compile until it is handled.
public enum Job: Sendable, Equatable, Codable {
    /// The email with the customer's signing link. `token` is the link's secret in clear: the
    /// worker removes it from the stored payload once the email is out (then it is nil).
    case signingLinkEmail(linkID: SigningLinkID, token: String?)
    /// Render and store the signed agreement PDF.
    case signedAgreementPDF(bookingID: BookingID, versionID: QuotationVersionID)
    /// The confirmation with the signed PDF to the customer.
    case signedConfirmationEmail(bookingID: BookingID, versionID: QuotationVersionID)
    /// The notice of a new booking to the team's address.
    case teamNewBookingEmail(bookingID: BookingID, versionID: QuotationVersionID)
    /// The team is told that a customer could not sign because stock ran out.
    case teamUnavailableEmail(quotationID: QuotationID, versionID: QuotationVersionID, items: [UnavailableItem])
    /// The team is told that a customer declined, with the reason.
    case teamDeclinedEmail(quotationID: QuotationID, versionID: QuotationVersionID, declineID: Int64)
    /// Deliver event `eventID` to webhook endpoint `endpointID` (queued by the database's
    /// `emit_event` in the event's transaction, one per endpoint that takes the event's type).
    case webhookDelivery(endpointID: Int64, eventID: Int64)
    /// One run of a schedule (`schedules.name`), queued when it is due.
    case scheduled(name: String)
    /// Run trigger `triggerID` for event `eventID` from action `step` (0: evaluate the conditions
    /// first). Queued by `emit_event` per active trigger of the event's type; a wait queues the
    /// next step for later.
    case triggerRun(triggerID: Int64, eventID: Int64, step: Int)
    /// A test of `template`, with made-up content, to staff member `userID` (from the settings).
    case testEmail(template: EmailTemplate, userID: UserID)
    /// An issued invoice or credit note to the customer, its archived PDF attached.
    case invoiceEmail(invoiceID: Int64)
    /// Reminder `reminderID` of an overdue invoice to the customer, the invoice's PDF attached.
    case invoiceReminderEmail(invoiceID: Int64, reminderID: Int64)
    /// A staff member's reply in conversation `conversationID` (the written message `messageID`),
    /// threaded to the customer's last message.
    case conversationReply(conversationID: Int64, messageID: Int64)
    /// The email with a customer's portal sign-in link. `token` is the link's secret in clear: the
    /// worker removes it from the stored payload once the job ends (then it is nil).
    case portalLinkEmail(linkID: Int64, token: String?)

    /// The wait before attempt `attempt + 1` of a job of `kind`, with ±20 % jitter so retries of
    /// many jobs do not arrive together. Emails: 10 s doubling, at most an hour. Webhooks: 30 s
    /// doubling, at most six hours, so their 15 attempts span more than a day.
    public static func backoffSeconds(
        kind: Kind?, afterAttempt attempt: Int, jitter: Double = .random(in: -0.2...0.2)
    )
        -> Int
    {
        let step = min(max(attempt - 1, 0), 12)
        let base =
            switch kind {
            case .webhookDelivery: min(21_600, 30 << step)
            default: min(3600, 10 << step)
            }
        return max(1, Int((Double(base) * (1 + jitter)).rounded()))
    }

    /// The kinds as stored in `jobs.kind`.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case signingLinkEmail = "email.signing_link"
        case signedAgreementPDF = "pdf.signed_agreement"
        case signedConfirmationEmail = "email.signed"
        case teamNewBookingEmail = "email.team_new_booking"
        case teamUnavailableEmail = "email.team_unavailable"
        case teamDeclinedEmail = "email.team_declined"
        case webhookDelivery = "webhook.deliver"
        case scheduled = "schedule.run"
        case triggerRun = "trigger.run"
        case testEmail = "email.test"
        case invoiceEmail = "email.invoice"
        case invoiceReminderEmail = "email.invoice_reminder"
        case conversationReply = "email.conversation_reply"
        case portalLinkEmail = "email.portal_link"
    }

    public var kind: Kind {
        switch self {
        case .signingLinkEmail: .signingLinkEmail
        case .signedAgreementPDF: .signedAgreementPDF
        case .signedConfirmationEmail: .signedConfirmationEmail
        case .teamNewBookingEmail: .teamNewBookingEmail
        case .teamUnavailableEmail: .teamUnavailableEmail
        case .teamDeclinedEmail: .teamDeclinedEmail
        case .webhookDelivery: .webhookDelivery
        case .scheduled: .scheduled
        case .triggerRun: .triggerRun
        case .testEmail: .testEmail
        case .invoiceEmail: .invoiceEmail
        case .invoiceReminderEmail: .invoiceReminderEmail
        case .conversationReply: .conversationReply
        case .portalLinkEmail: .portalLinkEmail
        }
    }

    /// At most one job per key is ever queued (`jobs.dedupe_key`): a change that runs twice does
    /// not send twice. nil for jobs that may repeat (each resend sends a new link).
    public var dedupeKey: String? {
        switch self {
        case .signingLinkEmail, .teamUnavailableEmail, .portalLinkEmail: nil
        case .signedAgreementPDF(_, let version): "\(kind.rawValue):\(version.rawValue)"
        case .signedConfirmationEmail(let booking, _), .teamNewBookingEmail(let booking, _):
            "\(kind.rawValue):\(booking.rawValue)"
        case .teamDeclinedEmail(_, let version, _): "\(kind.rawValue):\(version.rawValue)"
        case .webhookDelivery(let endpoint, let event): "\(kind.rawValue):\(endpoint):\(event)"
        case .scheduled, .testEmail, .invoiceEmail: nil
        case .invoiceReminderEmail(_, let reminder): "\(kind.rawValue):\(reminder)"
        case .conversationReply(_, let message): "\(kind.rawValue):\(message)"
        case .triggerRun(let trigger, let event, let step):
            step == 0 ? "\(kind.rawValue):\(trigger):\(event)" : "\(kind.rawValue):\(trigger):\(event):\(step)"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind
        case signingLinkID = "signing_link_id"
        case token
        case bookingID = "booking_id"
        case versionID = "quotation_version_id"
        case quotationID = "quotation_id"
        case declineID = "decline_id"
        case items
        case endpointID = "endpoint_id"
        case eventID = "event_id"
        case schedule
        case triggerID = "trigger_id"
        case step
        case template
        case userID = "user_id"
        case invoiceID = "invoice_id"
        case reminderID = "reminder_id"
        case conversationID = "conversation_id"
        case messageID = "message_id"
        case portalLinkID = "portal_link_id"
    }

    /// Decodes `{"kind": …, payload fields…}`. - Throws: `DecodingError` for an unknown kind
    /// (a job of an older or newer program) or a payload that does not fit it.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(Kind.self, forKey: .kind) {
        case .signingLinkEmail:
            self = .signingLinkEmail(
                linkID: SigningLinkID(rawValue: try c.decode(Int64.self, forKey: .signingLinkID)),
                token: try c.decodeIfPresent(String.self, forKey: .token))
        case .signedAgreementPDF:
            self = .signedAgreementPDF(bookingID: try Self.booking(c), versionID: try Self.version(c))
        case .signedConfirmationEmail:
            self = .signedConfirmationEmail(bookingID: try Self.booking(c), versionID: try Self.version(c))
        case .teamNewBookingEmail:
            self = .teamNewBookingEmail(bookingID: try Self.booking(c), versionID: try Self.version(c))
        case .teamUnavailableEmail:
            self = .teamUnavailableEmail(
                quotationID: try Self.quotation(c), versionID: try Self.version(c),
                items: try c.decode([UnavailableItem].self, forKey: .items))
        case .teamDeclinedEmail:
            self = .teamDeclinedEmail(
                quotationID: try Self.quotation(c), versionID: try Self.version(c),
                declineID: try c.decode(Int64.self, forKey: .declineID))
        case .webhookDelivery:
            self = .webhookDelivery(
                endpointID: try c.decode(Int64.self, forKey: .endpointID),
                eventID: try c.decode(Int64.self, forKey: .eventID))
        case .scheduled:
            self = .scheduled(name: try c.decode(String.self, forKey: .schedule))
        case .triggerRun:
            self = .triggerRun(
                triggerID: try c.decode(Int64.self, forKey: .triggerID),
                eventID: try c.decode(Int64.self, forKey: .eventID),
                step: try c.decodeIfPresent(Int.self, forKey: .step) ?? 0)
        case .testEmail:
            self = .testEmail(
                template: try c.decode(EmailTemplate.self, forKey: .template),
                userID: UserID(rawValue: try c.decode(Int64.self, forKey: .userID)))
        case .invoiceEmail:
            self = .invoiceEmail(invoiceID: try c.decode(Int64.self, forKey: .invoiceID))
        case .invoiceReminderEmail:
            self = .invoiceReminderEmail(
                invoiceID: try c.decode(Int64.self, forKey: .invoiceID),
                reminderID: try c.decode(Int64.self, forKey: .reminderID))
        case .conversationReply:
            self = .conversationReply(
                conversationID: try c.decode(Int64.self, forKey: .conversationID),
                messageID: try c.decode(Int64.self, forKey: .messageID))
        case .portalLinkEmail:
            self = .portalLinkEmail(
                linkID: try c.decode(Int64.self, forKey: .portalLinkID),
                token: try c.decodeIfPresent(String.self, forKey: .token))
        }
    }

    /// Encodes `{"kind": …, payload fields…}` with the payload's snake_case keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        switch self {
        case .signingLinkEmail(let link, let token):
            try c.encode(link.rawValue, forKey: .signingLinkID)
            try c.encodeIfPresent(token, forKey: .token)
        case .signedAgreementPDF(let booking, let version), .signedConfirmationEmail(let booking, let version),
            .teamNewBookingEmail(let booking, let version):
            try c.encode(booking.rawValue, forKey: .bookingID)
            try c.encode(version.rawValue, forKey: .versionID)
        case .teamUnavailableEmail(let quotation, let version, let items):
            try c.encode(quotation.rawValue, forKey: .quotationID)
            try c.encode(version.rawValue, forKey: .versionID)
            try c.encode(items, forKey: .items)
        case .teamDeclinedEmail(let quotation, let version, let decline):
            try c.encode(quotation.rawValue, forKey: .quotationID)
            try c.encode(version.rawValue, forKey: .versionID)
            try c.encode(decline, forKey: .declineID)
        case .webhookDelivery(let endpoint, let event):
            try c.encode(endpoint, forKey: .endpointID)
            try c.encode(event, forKey: .eventID)
        case .scheduled(let name):
            try c.encode(name, forKey: .schedule)
        case .triggerRun(let trigger, let event, let step):
            try c.encode(trigger, forKey: .triggerID)
            try c.encode(event, forKey: .eventID)
            try c.encode(step, forKey: .step)
        case .testEmail(let template, let user):
            try c.encode(template, forKey: .template)
            try c.encode(user.rawValue, forKey: .userID)
        case .invoiceEmail(let invoice):
            try c.encode(invoice, forKey: .invoiceID)
        case .invoiceReminderEmail(let invoice, let reminder):
            try c.encode(invoice, forKey: .invoiceID)
            try c.encode(reminder, forKey: .reminderID)
        case .conversationReply(let conversation, let message):
            try c.encode(conversation, forKey: .conversationID)
            try c.encode(message, forKey: .messageID)
        case .portalLinkEmail(let link, let token):
            try c.encode(link, forKey: .portalLinkID)
            try c.encodeIfPresent(token, forKey: .token)
        }
    }

    /// The job as JSON text, keys sorted: `{"kind": …, payload fields…}`.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Decodes JSON text made by ``json()`` (or a stored payload with its kind added).
    public init(json: String) throws {
        self = try JSONDecoder().decode(Job.self, from: Data(json.utf8))
    }

    private static func booking(_ c: KeyedDecodingContainer<CodingKeys>) throws -> BookingID {
        BookingID(rawValue: try c.decode(Int64.self, forKey: .bookingID))
    }
    private static func version(_ c: KeyedDecodingContainer<CodingKeys>) throws -> QuotationVersionID {
        QuotationVersionID(rawValue: try c.decode(Int64.self, forKey: .versionID))
    }
    private static func quotation(_ c: KeyedDecodingContainer<CodingKeys>) throws -> QuotationID {
        QuotationID(rawValue: try c.decode(Int64.self, forKey: .quotationID))
    }
}
