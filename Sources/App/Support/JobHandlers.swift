import Mail
import Worker

/// The handlers the worker runs: one place to see every job kind.
enum JobHandlers {
    static func all(_ configuration: AppConfiguration) throws -> [any JobHandler] {
        let transport = try MailTransportFactory.make(smtpURL: configuration.smtpURL, maildir: configuration.mailDirectory)
        return [
            SigningLinkEmailJob(transport: transport, publicBaseURL: configuration.publicBaseURL),
            SignedAgreementPDFJob(),
            SignedAgreementEmailJob(transport: transport, publicBaseURL: configuration.publicBaseURL),
            TeamNoticeJob(transport: transport),
        ]
    }
}
