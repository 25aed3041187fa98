public import Domain

/// The notices to the team's address around signing, in the staff's language (Swedish unless
/// told otherwise).
public enum TeamNoticeEmail {
    /// A customer signed: a new booking.
    public static func newBooking(
        bookingNumber: String, snapshot: QuotationSnapshot, signerName: String, language: Language = .sv
    ) -> EmailContent {
        newBooking(
            bookingNumber: bookingNumber, quotationNumber: snapshot.number.description,
            customerName: snapshot.customer.displayName, signerName: signerName, period: snapshot.period,
            total: snapshot.totals.total, language: language)
    }

    /// The same from its parts (a test of the template has no snapshot).
    public static func newBooking(
        bookingNumber: String, quotationNumber: String, customerName: String, signerName: String,
        period: RentalPeriod, total: Money, language: Language = .sv
    ) -> EmailContent {
        let s = Strings(language)
        return EmailContent(
            language: language,
            subject: s.email.teamNewBookingSubject(booking: bookingNumber, customer: customerName),
            paragraphs: [
                [
                    s.email.teamNewBookingBody(
                        booking: bookingNumber, quotation: quotationNumber, signer: signerName,
                        period: "\(period.start.iso) – \(period.end.iso)", total: total.formatted(language))
                ]
            ])
    }

    /// A customer could not sign: stock ran out for these items.
    /// One notice for every refused attempt of a quotation within its hour (finding L3: a
    /// customer pressing "sign" again and again is one notice, not one each), each attempt with
    /// its time (Europe/Stockholm) and what was short.
    public static func unavailable(
        quotationNumber: String, customerName: String, attempts: [RefusedSigningAttempt], language: Language = .sv
    ) -> EmailContent {
        let s = Strings(language)
        var paragraphs: [[String]] = [
            [s.email.teamUnavailableIntro(customer: customerName, quotation: quotationNumber, attempts: attempts.count)]
        ]
        for attempt in attempts {
            paragraphs.append(
                [DisplayFormat.dateTime(attempt.at)]
                    + attempt.items.map {
                        "- "
                            + s.email.teamUnavailableItem(
                                $0.description, requested: $0.requested, available: $0.available)
                    })
        }
        paragraphs.append([s.email.teamUnavailableOutro])
        return EmailContent(
            language: language, subject: s.email.teamUnavailableSubject(quotation: quotationNumber),
            paragraphs: paragraphs)
    }

    /// A customer declined, with their reason.
    public static func declined(
        quotationNumber: String, customerName: String, reason: String?, language: Language = .sv
    )
        -> EmailContent
    {
        let s = Strings(language)
        return EmailContent(
            language: language,
            subject: s.email.teamDeclinedSubject(quotation: quotationNumber, customer: customerName),
            paragraphs: [
                [s.email.teamDeclinedIntro(customer: customerName, quotation: quotationNumber)],
                [s.email.teamDeclinedReason(reason)],
            ])
    }
}
