import Database
import Domain
import Foundation
import Logging
import Mail
import Sealing
import Webhooks
import Worker

/// Every job the worker runs, in one exhaustive `switch`: a new `Job` case does not compile
/// until it is handled here.
struct JobDispatcher: JobPerformer {
    let transport: any MailTransport
    let publicBaseURL: String
    /// The longest one attempt may take: the SMTP timeout (curl enforces it for the whole
    /// delivery), or a minute for the Maildir. The lease is longer than this.
    let longestAttemptSeconds: Int
    /// The company's seal, loaded once (nil when `EG_SEAL_P12` is not set).
    let sealer: PDFSealer?
    let webhooks: WebhookDeliveryJob
    /// Days the run log, the delivery log and finished jobs are kept.
    let retentionDays: Int

    init(_ configuration: AppConfiguration) throws {
        transport = try MailTransportFactory.make(smtpURL: configuration.smtpURL, maildir: configuration.mailDirectory)
        publicBaseURL = configuration.publicBaseURL
        longestAttemptSeconds = (transport as? SMTPTransport)?.configuration.timeoutSeconds ?? 60
        sealer = try Self.sealer(configuration)
        retentionDays = configuration.automationRetentionDays
        webhooks = WebhookDeliveryJob(
            sender: WebhookSender(allowPrivateAddresses: configuration.webhookAllowPrivate),
            disableAfter: configuration.webhookDisableAfter)
    }

    /// The seal from the configuration's PKCS#12 file and time-stamp authority.
    static func sealer(_ configuration: AppConfiguration) throws -> PDFSealer? {
        guard !configuration.sealP12.isEmpty else { return nil }
        return try PDFSealer(
            pkcs12: [UInt8](try Data(contentsOf: URL(fileURLWithPath: configuration.sealP12))),
            password: configuration.sealP12Password, timestampURL: configuration.timestampURL,
            timestampTrust: [UInt8](try Data(contentsOf: URL(fileURLWithPath: configuration.timestampTrust))))
    }

    func perform(_ job: Job, claimed: ClaimedJob, connection: Connection, logger: Logger) throws {
        // Every email of this job carries the same Message-ID on every attempt; each one sent, or
        // refused, is an event (`email.sent`, `email.failed`) about the job's subject.
        var subject = Self.subject(of: job)
        if case .triggerRun(_, let event, _) = job {
            // A trigger's emails are about its event's entity (the booking, the quotation).
            subject = try EventStore.entity(connection, eventID: event) ?? subject
        }
        let transport = JobMailTransport(base: transport, seed: claimed.messageSeed) { message, messageID, error in
            var details = [
                "to": message.to.map(\.address).joined(separator: ", "), "subject": message.subject,
                "job_kind": job.kind.rawValue, "job_id": String(claimed.id),
            ]
            if let messageID { details["message_id"] = messageID }
            if let error { details["error"] = String(describing: error) }
            do {
                try connection.transaction { tx in
                    try EventStore.emit(
                        tx, type: error == nil ? "email.sent" : "email.failed", entityType: subject.type,
                        entityID: subject.id, actor: AuditActor(kind: .worker), details: details)
                }
            } catch {
                logger.warning("could not record the email event", metadata: ["error": "\(error)"])
            }
        }
        let signingLink = SigningLinkEmailJob(transport: transport, publicBaseURL: publicBaseURL)
        let signedAgreement = SignedAgreementJobs(transport: transport, sealer: sealer)
        let teamNotice = TeamNoticeJob(transport: transport)
        let triggers = TriggerRunJob(transport: transport, sender: webhooks.sender)
        do {
            try run(job, claimed: claimed, signingLink, signedAgreement, teamNotice, triggers, connection, logger)
        } catch let error as MailError {
            // A message that cannot be built or is refused for good fails now, with the reason.
            throw UndeliverableEmail(error) ?? error
        }
    }

    /// What a job's emails are about, for their events.
    static func subject(of job: Job) -> (type: String, id: Int64?) {
        switch job {
        case .signingLinkEmail(let link, _): ("signing_link", link.rawValue)
        case .signedAgreementPDF(let booking, _), .signedConfirmationEmail(let booking, _),
            .teamNewBookingEmail(let booking, _):
            ("booking", booking.rawValue)
        case .teamUnavailableEmail(let quotation, _, _), .teamDeclinedEmail(let quotation, _, _):
            ("quotation", quotation.rawValue)
        case .webhookDelivery(let endpoint, _): ("webhook_endpoint", endpoint)
        case .scheduled: ("schedule", nil)
        case .triggerRun(let trigger, _, _): ("trigger", trigger)
        case .testEmail(_, let user): ("user", user.rawValue)
        case .invoiceEmail(let invoice), .invoiceReminderEmail(let invoice, _): ("invoice", invoice)
        case .conversationReply(let conversation, _): ("conversation", conversation)
        case .portalLinkEmail(let link, _): ("portal_link", link)
        }
    }

    private func run(
        _ job: Job, claimed: ClaimedJob, _ signingLink: SigningLinkEmailJob, _ signedAgreement: SignedAgreementJobs,
        _ teamNotice: TeamNoticeJob, _ triggers: TriggerRunJob, _ connection: Connection, _ logger: Logger
    ) throws {
        switch job {
        case .signingLinkEmail(let link, let token):
            try signingLink.run(linkID: link, token: token, jobID: claimed.id, connection: connection, logger: logger)
        case .signedAgreementPDF(_, let version):
            try signedAgreement.storePDF(versionID: version, connection: connection, logger: logger)
        case .signedConfirmationEmail(_, let version):
            try signedAgreement.confirmCustomer(versionID: version, connection: connection, logger: logger)
        case .teamNewBookingEmail(_, let version):
            try signedAgreement.notifyTeam(versionID: version, connection: connection, logger: logger)
        case .teamUnavailableEmail(let quotation, _, let items):
            try teamNotice.unavailable(
                quotationID: quotation, items: items, claimed: claimed, connection: connection, logger: logger)
        case .teamDeclinedEmail(let quotation, _, let decline):
            try teamNotice.declined(quotationID: quotation, declineID: decline, connection: connection, logger: logger)
        case .webhookDelivery(let endpoint, let event):
            try webhooks.run(
                endpointID: endpoint, eventID: event, claimed: claimed, connection: connection, logger: logger)
        case .scheduled(let name):
            try ScheduledWork.run(name, retentionDays: retentionDays, connection: connection, logger: logger)
        case .triggerRun(let trigger, let event, let step):
            try triggers.run(
                triggerID: trigger, eventID: event, step: step, claimed: claimed, connection: connection,
                logger: logger)
        case .invoiceEmail(let invoice):
            try InvoiceEmailJob(transport: signingLink.transport).run(
                invoiceID: invoice, connection: connection, logger: logger)
        case .invoiceReminderEmail(_, let reminder):
            try InvoiceEmailJob(transport: signingLink.transport).runReminder(
                reminderID: reminder, connection: connection, logger: logger)
        case .conversationReply(_, let message):
            try ConversationReplyJob(transport: signingLink.transport).run(
                messageID: message, connection: connection, logger: logger)
        case .portalLinkEmail(let link, let token):
            try PortalLinkEmailJob(transport: signingLink.transport, publicBaseURL: publicBaseURL).run(
                linkID: link, token: token, jobID: claimed.id, connection: connection, logger: logger)
        case .testEmail(let template, let user):
            try TestEmailJob(transport: signingLink.transport, publicBaseURL: publicBaseURL).run(
                template: template, userID: user, connection: connection, logger: logger)
        }
    }
}

/// A transport for one job: whatever Message-ID a job's code asks for, the message goes out with
/// the job's own (`seed@domain`), the same on every attempt.
/// Made per job and used on the worker's one thread (its `record` writes through that thread's
/// connection), hence unchecked.
struct JobMailTransport: MailTransport, @unchecked Sendable {
    let base: any MailTransport
    let seed: String
    /// Told of every message: its Message-ID when sent, the error when not.
    var record: (EmailMessage, String?, MailError?) -> Void = { _, _, _ in }

    func send(_ message: EmailMessage, messageID _: String) throws(MailError) -> String {
        try send(message, part: "")
    }

    /// `part` tells several messages of one job apart (a trigger's emails to each recipient); each
    /// keeps its own Message-ID on every attempt.
    func send(_ message: EmailMessage, part: String) throws(MailError) -> String {
        do {
            let sent = try base.send(
                message, messageID: message.messageID(seed: part.isEmpty ? seed : seed + "." + part))
            record(message, sent, nil)
            return sent
        } catch {
            record(message, nil, error)
            throw error
        }
    }
}

/// An email no further attempt can send: the job is dead at once and staff see `description`
/// (without the address itself: the page they read it on shows the recipient).
struct UndeliverableEmail: PermanentJobFailure, CustomStringConvertible {
    let description: String

    init?(_ error: MailError) {
        switch error {
        case .invalidAddress(_, let problem): description = "the email address is not one we can send to: \(problem)"
        case .invalidHeader(let field, let problem): description = "the \(field) cannot be sent: \(problem)"
        case .noRecipients: description = "the email has no recipient"
        case .smtpFailure(_, let reply, _) where (550...554).contains(reply):
            description = "the mail server refused the message for good (SMTP \(reply))"
        case .smtpFailure, .ioFailure, .invalidSMTPURL: return nil
        case .invalidIMAPURL, .imapFailure, .imapUnexpectedReply, .imapMessageTooLarge, .imapMessageMissing:
            return nil
        }
    }
}
