import Database
import Domain
import Logging
import Mail
import Worker

/// Every job the worker runs, in one exhaustive `switch`: a new `Job` case does not compile
/// until it is handled here.
struct JobDispatcher: JobPerformer {
    let signingLink: SigningLinkEmailJob
    let signedAgreement: SignedAgreementJobs
    let teamNotice: TeamNoticeJob

    init(_ configuration: AppConfiguration) throws {
        let transport = try MailTransportFactory.make(
            smtpURL: configuration.smtpURL, maildir: configuration.mailDirectory)
        signingLink = SigningLinkEmailJob(transport: transport, publicBaseURL: configuration.publicBaseURL)
        signedAgreement = SignedAgreementJobs(transport: transport)
        teamNotice = TeamNoticeJob(transport: transport)
    }

    func perform(_ job: Job, claimed: ClaimedJob, connection: Connection, logger: Logger) throws {
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
            try teamNotice.unavailable(quotationID: quotation, items: items, connection: connection, logger: logger)
        case .teamDeclinedEmail(let quotation, _, let decline):
            try teamNotice.declined(quotationID: quotation, declineID: decline, connection: connection, logger: logger)
        }
    }
}
