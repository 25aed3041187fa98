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

/// The signing form and its outcomes.
extension Strings {
    var signFormHeading: String { t("Signera avtalet", "Sign the agreement") }
    var signName: String { t("Fullständigt namn", "Full name") }
    var signEmail: String { t("E-post", "Email") }
    var signTyped: String { t("Din signatur – skriv ditt namn", "Your signature – type your name") }
    var signTypedHint: String {
        t("Det du skriver här blir din underskrift på avtalet.", "What you type here becomes your signature on the agreement.")
    }
    func signConsent(_ company: String) -> String {
        t("Jag har läst offerten och villkoren och godkänner avtalet med \(company). Min elektroniska underskrift är lika bindande som en underskrift på papper.",
          "I have read the offer and the terms and accept the agreement with \(company). My electronic signature is as binding as a signature on paper.")
    }
    var signButton: String { t("Signera", "Sign") }
    var signErrorsHeading: String { t("Något behöver rättas innan du kan signera:", "Something needs fixing before you can sign:") }
    public var signErrorName: String { t("Skriv ditt fullständiga namn.", "Enter your full name.") }
    public var signErrorEmail: String { t("Skriv en giltig e-postadress.", "Enter a valid email address.") }
    public var signErrorTyped: String { t("Skriv ditt namn som signatur.", "Type your name as your signature.") }
    public var signErrorConsent: String { t("Du behöver godkänna avtalet för att signera.", "You need to accept the agreement to sign.") }
    public var signErrorFormToken: String {
        t("Formuläret hör inte till den här länken. Ladda om sidan och försök igen.",
          "The form does not belong to this link. Reload the page and try again.")
    }
    var signUnavailableTitle: String { t("Artiklarna är inte längre tillgängliga", "The items are no longer available") }
    var signUnavailableText: String {
        t("Några av artiklarna har hunnit bokas för de här datumen, så avtalet kunde inte signeras. Vi har fått besked och hör av oss till dig.",
          "Some of the items have been booked for these dates in the meantime, so the agreement could not be signed. We have been told and will get in touch.")
    }
    var signDoneTitle: String { t("Tack – avtalet är signerat", "Thank you – the agreement is signed") }
    func signDoneText(_ booking: String) -> String {
        t("Din bokning har nummer \(booking). En bekräftelse med det signerade avtalet kommer med e-post.",
          "Your booking number is \(booking). A confirmation with the signed agreement will arrive by email.")
    }
    var signDocumentLink: String { t("Det signerade avtalet (PDF)", "The signed agreement (PDF)") }
    var signPreparingTitle: String { t("Avtalet förbereds", "The agreement is being prepared") }
    var signPreparingText: String {
        t("Det signerade avtalet skapas just nu. Sidan laddas om av sig själv om några sekunder.",
          "The signed agreement is being created. This page reloads by itself in a few seconds.")
    }
    var signDraw: String { t("Rita din signatur med fingret, pennan eller musen – eller skriv den nedan", "Draw your signature with your finger, pen or mouse – or type it below") }
    var signDrawLabel: String { t("Yta för att rita signaturen", "Area for drawing the signature") }
    var signUndo: String { t("Ångra", "Undo") }
    var signClear: String { t("Rensa", "Clear") }
    public var signErrorStrokes: String {
        t("Signaturen gick inte att läsa. Rita den igen, lite större, eller skriv ditt namn.",
          "The signature could not be read. Draw it again, a little larger, or type your name.")
    }
    var declineSummary: String { t("Vill du inte gå vidare? Avböj offerten", "Not going ahead? Decline the offer") }
    var declineReason: String { t("Berätta gärna varför (frivilligt)", "Tell us why, if you like (optional)") }
    var declineButton: String { t("Avböj offerten", "Decline the offer") }
    var signOfferLink: String { t("Offerten som PDF", "The offer as a PDF") }
}
