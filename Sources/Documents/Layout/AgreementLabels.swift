import Domain

/// The words the renderer adds around the caller's data, in Swedish and English.
struct AgreementLabels: Sendable {
    var quotation: String
    var version: String
    var booking: String
    var notBooked: String
    var customer: String
    var rentalPeriod: String
    var deliveryAddress: String
    var none: String
    var item: String
    var quantity: String
    var days: String
    var unitPrice: String
    var lineTotal: String
    var noLines: String
    var terms: String
    var signature: String
    var customerSignature: String
    var signedElectronically: String
    var evidence: String
    var evidenceIntro: String
    var signer: String
    var email: String
    var method: String
    var drawn: String
    var typed: String
    var signedStockholm: String
    var signedUTC: String
    var ipAddress: String
    var userAgent: String
    var versionHash: String
    var linkID: String
    var sentTo: String
    var recipientChanged: String
    var auditCertificate: String
    var auditIntro: String
    var auditTime: String
    var auditEvent: String
    var organisationNumber: String
    var vatNumber: String
    var page: @Sendable (Int, Int) -> String

    static func `for`(_ language: Language) -> AgreementLabels {
        switch language {
        case .sv: .swedish
        case .en: .english
        }
    }

    static let swedish = AgreementLabels(
        quotation: "Offert", version: "Version", booking: "Bokning", notBooked: "Ej bokad",
        customer: "Kund", rentalPeriod: "Hyresperiod", deliveryAddress: "Leveransadress", none: "–",
        item: "Artikel", quantity: "Antal", days: "Dagar", unitPrice: "À-pris", lineTotal: "Belopp",
        noLines: "Offerten har inga rader.", terms: "Villkor", signature: "Underskrift",
        customerSignature: "Kundens underskrift", signedElectronically: "Signerat elektroniskt",
        evidence: "Signeringsbevis",
        evidenceIntro:
            "Avtalet har signerats elektroniskt. Underskriften är knuten till kontrollsumman (SHA-256) för exakt den offertversion som visas i detta dokument.",
        signer: "Undertecknare", email: "E-post", method: "Metod", drawn: "Ritad underskrift",
        typed: "Namnet skrivet som underskrift", signedStockholm: "Signerat (svensk tid)", signedUTC: "Signerat (UTC)",
        ipAddress: "IP-adress", userAgent: "Webbläsare", versionHash: "Offertversionens SHA-256",
        linkID: "Signeringslänkens id", sentTo: "Länken skickad till", recipientChanged: "Mottagaren ändrad",
        auditCertificate: "Granskningsintyg",
        auditIntro:
            "Avtalets historik fram till underskriften, ur händelseloggen: varje skickad länk och till vilken adress, när den öppnades och signerades, och varifrån.",
        auditTime: "Tid (svensk tid · UTC)", auditEvent: "Händelse",
        organisationNumber: "Org.nr", vatNumber: "Momsreg.nr",
        page: { "Sida \($0) av \($1)" })

    static let english = AgreementLabels(
        quotation: "Quotation", version: "Version", booking: "Booking", notBooked: "Not booked",
        customer: "Customer", rentalPeriod: "Rental period", deliveryAddress: "Delivery address", none: "–",
        item: "Item", quantity: "Qty", days: "Days", unitPrice: "Unit price", lineTotal: "Amount",
        noLines: "The quotation has no lines.", terms: "Terms and conditions", signature: "Signature",
        customerSignature: "Customer's signature", signedElectronically: "Signed electronically",
        evidence: "Signature evidence",
        evidenceIntro:
            "This agreement was signed electronically. The signature is bound to the checksum (SHA-256) of exactly the quotation version shown in this document.",
        signer: "Signer", email: "Email", method: "Method", drawn: "Drawn signature", typed: "Typed name as signature",
        signedStockholm: "Signed (Swedish time)", signedUTC: "Signed (UTC)", ipAddress: "IP address",
        userAgent: "Browser", versionHash: "Quotation version SHA-256", linkID: "Signing link ID",
        sentTo: "Link sent to", recipientChanged: "Recipient changed", auditCertificate: "Audit certificate",
        auditIntro:
            "The agreement's history up to the signature, from the activity log: every link sent and to which address, when it was opened and signed, and from where.",
        auditTime: "Time (Swedish time · UTC)", auditEvent: "Event",
        organisationNumber: "Org. no.", vatNumber: "VAT no.", page: { "Page \($0) of \($1)" })
}
