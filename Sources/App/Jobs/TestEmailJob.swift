import Database
import Domain
import Foundation
import Logging
import Mail
import Templates

/// `Job.testEmail`: a test of one email template, with made-up content in the company's name, to
/// the staff member who asked for it in the settings, in their language, from the configured
/// sender. Its `email.sent`/`email.failed` event is about that staff member.
struct TestEmailJob {
    let transport: any MailTransport
    let publicBaseURL: String

    struct UserMissing: Error, CustomStringConvertible {
        var description: String { "the staff member who asked for the test no longer exists" }
    }

    func run(template: EmailTemplate, userID: UserID, connection: Connection, logger: Logger) throws {
        guard let user = try UserStore.find(connection, id: userID)?.member else { throw UserMissing() }
        let company = try CompanyStore.profile(connection)
        let settings = try TriggerStore.teamAddress(connection)
        let sample = try EmailSamples.sample(
            template, language: user.locale, companyName: company.name, contactEmail: company.email,
            contactPhone: company.phone, publicBaseURL: publicBaseURL)
        let message = try EmailMessage(
            from: try SigningLinkEmailJob.parseSender(
                settings.sender, fallback: settings.contact, company: company.name),
            to: [try EmailAddress(user.email, displayName: user.name)], subject: sample.subject, textBody: sample.text,
            htmlBody: sample.html)
        let id = try transport.send(message)
        logger.info("test email sent", metadata: ["message_id": "\(id)", "template": "\(template.rawValue)"])
    }
}
