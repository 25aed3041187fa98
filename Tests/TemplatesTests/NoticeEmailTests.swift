import Domain
import Foundation
import Testing

@testable import Templates

@Suite("Emails after signing")
struct NoticeEmailTests {
    @Test func theConfirmationSpeaksTheCustomersLanguage() {
        let sv = SignedConfirmationEmail.render(
            language: .sv, signerName: "Åsa Öberg", bookingNumber: "EG-2026-0007", companyName: "Tältmästarna AB")
        #expect(sv.subject == "Bekräftelse: bokning EG-2026-0007 hos Tältmästarna AB")
        #expect(
            sv.text
                == "Hej Åsa Öberg!\n\nTack för din signatur. Din bokning har nummer EG-2026-0007. Det signerade avtalet finns bifogat som PDF.\n\nTältmästarna AB\n"
        )
        let en = SignedConfirmationEmail.render(
            language: .en, signerName: "Åsa", bookingNumber: "EG-2026-0007", companyName: "Tältmästarna AB")
        #expect(en.subject == "Confirmation: booking EG-2026-0007 with Tältmästarna AB")
        #expect(en.html.hasPrefix("<!doctype html><html lang=\"en\">"))
    }

    @Test func theTeamIsToldWhatWasShortOneLinePerItemAndEveryAttempt() {
        let first = Date(timeIntervalSince1970: 1_796_630_400)  // 2026-12-07 09:00 in Stockholm
        let email = TeamNoticeEmail.unavailable(
            quotationNumber: "Q-2026-0042", customerName: "Åsa Öberg",
            attempts: [
                RefusedSigningAttempt(
                    at: first,
                    items: [
                        UnavailableItem(productID: 1, description: "Partytält 6×12", requested: 2, available: 1),
                        UnavailableItem(productID: 2, description: "Stol", requested: 80, available: 60),
                    ]),
                RefusedSigningAttempt(
                    at: first.addingTimeInterval(125),
                    items: [UnavailableItem(productID: 1, description: "Partytält 6×12", requested: 2, available: 0)]),
            ])
        #expect(email.subject == "Kunde inte signeras: Q-2026-0042 – artiklar saknas")
        #expect(email.text.contains("Åsa Öberg försökte signera Q-2026-0042 2 gånger"))
        #expect(
            email.text.contains(
                "2026-12-07 09:00 (Europe/Stockholm)\n- Partytält 6×12: 2 önskade, 1 lediga\n- Stol: 80 önskade, 60 lediga\n"
            ))
        #expect(email.text.contains("2026-12-07 09:02 (Europe/Stockholm)\n- Partytält 6×12: 2 önskade, 0 lediga\n"))
        #expect(
            email.html.contains(
                "<p>2026-12-07 09:00 (Europe/Stockholm)<br>- Partytält 6×12: 2 önskade, 1 lediga<br>- Stol: 80 önskade, 60 lediga</p>"
            ))
        let declined = TeamNoticeEmail.declined(quotationNumber: "Q-2026-0042", customerName: "Åsa", reason: nil)
        #expect(declined.text.hasSuffix("Orsak: (ingen angiven)\n"))
    }

    @Test func whatCustomersTypeIsEscapedInTheHTML() {
        let email = TeamNoticeEmail.declined(
            quotationNumber: "Q-2026-0001", customerName: "<script>alert(1)</script>",
            reason: "\"><img src=x onerror=alert(1)> & more")
        #expect(!email.html.contains("<script>") && !email.html.contains("<img"))
        #expect(email.html.contains("&lt;script&gt;") && email.html.contains("&amp; more"))
    }

    /// A reason typed over several lines reads the same in both parts: its line breaks are `<br>`,
    /// its blank lines start a new paragraph.
    @Test func aReasonOnSeveralLinesKeepsItsLinesInTheHTML() {
        let email = TeamNoticeEmail.declined(
            quotationNumber: "Q-2026-0001", customerName: "Åsa", reason: "För dyrt.\nVi hyr av andra.\n\nTack ändå!")
        #expect(email.text.contains("För dyrt.\nVi hyr av andra.\n\nTack ändå!\n"))
        #expect(email.html.contains("För dyrt.<br>Vi hyr av andra.</p><p>Tack ändå!</p>"))
    }
}
