import Domain
import Foundation
import Testing

@testable import Templates

@Suite("Signing-link email")
struct SigningLinkEmailTests {
    let expires = Date(timeIntervalSince1970: 1_798_070_400)  // 2026-12-24T00:00:00Z → 24 Dec in Stockholm

    @Test func swedishEmailCarriesTheLinkAndTheValidity() {
        let email = SigningLinkEmail(
            language: .sv, customerName: "Åsa Öberg", companyName: "Tältmästarna AB", quotationNumber: "Q-2026-0042",
            title: "Midsommarfest", link: "https://rental.example.se/sign/abc_DEF-123", expiresAt: expires,
            contactEmail: "hej@example.se", contactPhone: "031-12 34 56")
        #expect(email.subject == "Offert Q-2026-0042 – Midsommarfest från Tältmästarna AB")
        #expect(email.text.contains("Hej Åsa Öberg!"))
        #expect(email.text.contains("https://rental.example.se/sign/abc_DEF-123"))
        #expect(email.text.contains("Länken gäller till och med 2026-12-24."))
        #expect(
            email.html.contains("<a href=\"https://rental.example.se/sign/abc_DEF-123\">Läs och signera offerten</a>"))
        #expect(email.html.hasPrefix("<!doctype html><html lang=\"sv\">"))
    }

    @Test func hostileNamesAreEscapedInTheHTML() {
        let email = SigningLinkEmail(
            language: .en, customerName: "<script>alert(1)</script>", companyName: "\"><img src=x onerror=alert(1)>",
            quotationNumber: "Q-2026-0001", title: "", link: "https://x.se/sign/t", expiresAt: expires,
            contactEmail: "", contactPhone: "")
        #expect(!email.html.contains("<script>"))
        #expect(!email.html.contains("<img"))
        #expect(email.html.contains("&lt;script&gt;"))
        #expect(email.subject == "Quotation Q-2026-0001 from \"><img src=x onerror=alert(1)>")
        #expect(email.text.contains("Questions? Reply to this email."))
    }

    @Test func theMessageToTheCustomerIsInBothPartsAndEscaped() {
        let email = SigningLinkEmail(
            language: .sv, customerName: "Åsa", companyName: "Tältmästarna AB", quotationNumber: "Q-2026-0042",
            title: "", link: "https://x.se/sign/t", expiresAt: expires, contactEmail: "", contactPhone: "",
            message: "Hej igen!\nVi har lagt till <b>två</b> värmare.")
        #expect(email.text.contains("Hej igen!\nVi har lagt till <b>två</b> värmare."))
        #expect(email.html.contains("<p>Hej igen!</p><p>Vi har lagt till &lt;b&gt;två&lt;/b&gt; värmare.</p>"))
        let none = SigningLinkEmail(
            language: .sv, customerName: "Åsa", companyName: "T", quotationNumber: "Q-2026-0042", title: "",
            link: "https://x.se/sign/t", expiresAt: expires, contactEmail: "", contactPhone: "")
        #expect(none.html.components(separatedBy: "<p>").count == email.html.components(separatedBy: "<p>").count - 2)
    }
}
