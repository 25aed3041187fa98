public import Domain
public import Foundation
import Routing

/// A test of each email template, with made-up content in the company's name, as "send a test"
/// in the settings sends it to the staff member who asked. The subject starts with "[Test]" so
/// nobody mistakes it for the real thing; the signing link points at the signing help page.
public enum EmailSamples {
    public struct Sample: Sendable, Equatable {
        public let subject: String
        public let text: String
        public let html: String
    }

    public static func sample(
        _ template: EmailTemplate, language: Language, companyName: String, contactEmail: String, contactPhone: String,
        publicBaseURL: String, now: Date = Date()
    ) throws -> Sample {
        let s = Strings(language)
        let customer = language == .sv ? "Anna Exempel" : "Anna Example"
        let period = try RentalPeriod(
            start: try CalendarDate(year: 2027, month: 6, day: 19), end: try CalendarDate(year: 2027, month: 6, day: 20)
        )
        let content: (subject: String, text: String, html: String)
        switch template {
        case .signingLink:
            let email = SigningLinkEmail(
                language: language, customerName: customer, companyName: companyName, quotationNumber: "Q-2027-0001",
                title: s.settings.sampleTitle, link: publicBaseURL + Route.site(.signingHelp).path,
                expiresAt: now.addingTimeInterval(14 * 86_400), contactEmail: contactEmail, contactPhone: contactPhone)
            content = (email.subject, email.text, email.html)
        case .signedConfirmation:
            let email = SignedConfirmationEmail.render(
                language: language, signerName: customer, bookingNumber: "EG-2027-0001", companyName: companyName)
            content = (email.subject, email.text, email.html)
        case .teamNewBooking:
            let email = TeamNoticeEmail.newBooking(
                bookingNumber: "EG-2027-0001", quotationNumber: "Q-2027-0001", customerName: customer,
                signerName: customer, period: period, total: Money(ore: 1_250_000), language: language)
            content = (email.subject, email.text, email.html)
        case .teamUnavailable:
            let email = TeamNoticeEmail.unavailable(
                quotationNumber: "Q-2027-0001", customerName: customer,
                attempts: [
                    RefusedSigningAttempt(
                        at: now,
                        items: [
                            UnavailableItem(
                                productID: 0, description: s.settings.sampleItem, requested: 4, available: 2)
                        ])
                ], language: language)
            content = (email.subject, email.text, email.html)
        case .teamDeclined:
            let email = TeamNoticeEmail.declined(
                quotationNumber: "Q-2027-0001", customerName: customer, reason: s.settings.sampleReason,
                language: language)
            content = (email.subject, email.text, email.html)
        }
        return Sample(subject: "[Test] " + content.subject, text: content.text, html: content.html)
    }
}
