public import Domain

/// The customer's confirmation after signing, in the customer's language; the signed PDF is
/// attached by the worker.
public enum SignedConfirmationEmail {
    public static func render(
        language: Language, signerName: String, bookingNumber: String, companyName: String
    )
        -> EmailContent
    {
        let s = Strings(language)
        return EmailContent(
            language: language, subject: s.email.confirmationSubject(booking: bookingNumber, company: companyName),
            paragraphs: [
                [s.email.greeting(signerName)], [s.email.confirmationBody(booking: bookingNumber)], [companyName],
            ])
    }
}
