/// The customer's signing page.
extension Strings {
    var signingQuotation: String { t("Offert", "Quotation") }
    var signingVersion: String { t("version", "version") }
    var signingCustomer: String { t("Kund", "Customer") }
    var signingPeriod: String { t("Hyresperiod", "Rental period") }
    func signingDays(_ n: Int) -> String { n == 1 ? t("1 dag", "1 day") : t("\(n) dagar", "\(n) days") }
    var signingDeliveryAddress: String { t("Leveransadress", "Delivery address") }
    var signingItem: String { t("Artikel", "Item") }
    var signingQuantity: String { t("Antal", "Qty") }
    var signingDaysColumn: String { t("Dagar", "Days") }
    var signingUnitPrice: String { t("À-pris", "Unit price") }
    var signingLineTotal: String { t("Summa", "Amount") }
    var signingSubtotal: String { t("Summa artiklar", "Items") }
    var signingDiscount: String { t("Rabatt", "Discount") }
    var signingShipping: String { t("Frakt", "Delivery") }
    var signingNet: String { t("Summa exkl. moms", "Total excl. VAT") }
    func signingVAT(_ rate: String) -> String { t("Moms \(rate)", "VAT \(rate)") }
    var signingTotal: String { t("Att betala", "Total to pay") }
    var signingValidUntil: String { t("Offerten gäller till och med", "The offer is valid until") }
    var signingTerms: String { t("Villkor", "Terms") }
    var signingDocumentHash: String { t("Dokumentets kontrollsumma (SHA-256)", "Document checksum (SHA-256)") }
    var signingContact: String { t("Frågor om offerten? Kontakta oss", "Questions about the offer? Contact us") }

    var signingSignedTitle: String { t("Avtalet är signerat", "The agreement is signed") }
    func signingSignedText(_ booking: String, _ when: String) -> String {
        t("Tack! Avtalet signerades \(when). Ditt bokningsnummer är \(booking).",
          "Thank you! The agreement was signed \(when). Your booking number is \(booking).")
    }
    var signingDeclinedTitle: String { t("Offerten är avböjd", "The offer was declined") }
    var signingDeclinedText: String {
        t("Du har tackat nej till den här offerten. Hör av dig om du ändrar dig – vi skickar gärna en ny.",
          "You declined this offer. Get in touch if you change your mind – we are happy to send a new one.")
    }
    var signingExpiredTitle: String { t("Länken har gått ut", "The link has expired") }
    var signingExpiredText: String {
        t("Den här offerten kan inte längre signeras. Kontakta oss så skickar vi en ny.",
          "This offer can no longer be signed. Contact us and we will send a new one.")
    }
    var signingVoidedTitle: String { t("Offerten har ersatts", "The offer has been replaced") }
    var signingVoidedText: String {
        t("Det finns en nyare version av offerten. Använd länken i det senaste mejlet från oss.",
          "There is a newer version of this offer. Use the link in our most recent email.")
    }
    var signingUnknownTitle: String { t("Länken fungerar inte", "The link does not work") }
    var signingUnknownText: String {
        t("Vi hittar ingen offert för den här länken. Kontrollera att hela länken kom med från mejlet, eller kontakta oss.",
          "We cannot find an offer for this link. Check that the whole link was copied from the email, or contact us.")
    }
}
