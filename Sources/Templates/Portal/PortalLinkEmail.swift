public import Domain
public import Foundation

/// The email with a customer's portal sign-in link, in the customer's language.
public enum PortalLinkEmail {
    public static func render(
        language: Language, customerName: String, companyName: String, link: String, expiresAt: Date
    ) -> EmailContent {
        let s = Strings(language)
        return EmailContent(
            language: language, subject: s.portal.emailSubject(company: companyName),
            paragraphs: [
                [s.email.greeting(customerName)], [s.portal.emailIntro(company: companyName)], [link],
                [s.portal.emailValidity(DisplayFormat.dateTime(expiresAt))], [companyName],
            ])
    }
}
