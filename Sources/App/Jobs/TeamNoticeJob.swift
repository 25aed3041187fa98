import Database
import Domain
import Foundation
import Logging
import Mail
import Templates

/// `Job.teamUnavailableEmail` and `Job.teamDeclinedEmail`: tells the team, in the staff's
/// language, that a customer could not sign because stock ran out, or declined with a reason.
/// Nothing is sent when no team address is configured.
struct TeamNoticeJob {
    let transport: any MailTransport

    /// Lists every refused attempt from the job's first (the one that queued it) to now.
    func unavailable(
        quotationID: QuotationID, items: [UnavailableItem], claimed: ClaimedJob, connection: Connection, logger: Logger
    ) throws {
        guard
            let details = try SigningStore.teamNoticeDetails(
                connection, quotationID: quotationID.rawValue, declineID: nil)
        else {
            return
        }
        try send(
            TeamNoticeEmail.unavailable(
                quotationNumber: details.quotationNumber, customerName: details.customerName,
                attempts: try attempts(quotationID, items: items, claimed: claimed, connection: connection)),
            details, logger: logger)
    }

    func declined(quotationID: QuotationID, declineID: Int64, connection: Connection, logger: Logger) throws {
        guard
            let details = try SigningStore.teamNoticeDetails(
                connection, quotationID: quotationID.rawValue, declineID: declineID)
        else { return }
        try send(
            TeamNoticeEmail.declined(
                quotationNumber: details.quotationNumber, customerName: details.customerName,
                reason: details.declineReason),
            details, logger: logger)
    }

    private func attempts(
        _ quotationID: QuotationID, items: [UnavailableItem], claimed: ClaimedJob, connection: Connection
    ) throws -> [RefusedSigningAttempt] {
        let listed = try SigningStore.refusedAttempts(connection, quotationID: quotationID, noticeJobID: claimed.id)
        // A job queued before attempts were listed (an older version's) has only its own items.
        return listed.isEmpty ? [RefusedSigningAttempt(at: claimed.createdAt, items: items)] : listed
    }

    private func send(_ content: EmailContent, _ details: TeamNoticeDetails, logger: Logger) throws {
        guard !details.teamEmail.isEmpty else {
            logger.info("no team notification address configured; nothing sent")
            return
        }
        let message = try EmailMessage(
            from: try SigningLinkEmailJob.parseSender(
                details.sender, fallback: details.contactEmail, company: details.companyName),
            to: [try EmailAddress(details.teamEmail)], subject: content.subject, textBody: content.text,
            htmlBody: content.html)
        _ = try transport.send(message)
    }
}
