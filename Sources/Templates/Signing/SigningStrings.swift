public import Domain

/// The customer's signing page.
/// Reached as `strings.signing`.
public struct SigningStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var quotation: String { t("Offert", "Quotation") }
    var version: String { t("version", "version") }
    var customer: String { t("Kund", "Customer") }
    var period: String { t("Hyresperiod", "Rental period") }
    func days(_ n: Int) -> String { n == 1 ? t("1 dag", "1 day") : t("\(n) dagar", "\(n) days") }
    var deliveryAddress: String { t("Leveransadress", "Delivery address") }
    var item: String { t("Artikel", "Item") }
    var quantity: String { t("Antal", "Qty") }
    var daysColumn: String { t("Dagar", "Days") }
    var unitPrice: String { t("À-pris", "Unit price") }
    var lineTotal: String { t("Summa", "Amount") }
    var subtotal: String { t("Summa artiklar", "Items") }
    var discount: String { t("Rabatt", "Discount") }
    var shipping: String { t("Frakt", "Delivery") }
    var net: String { t("Summa exkl. moms", "Total excl. VAT") }
    func vat(_ rate: String) -> String { t("Moms \(rate)", "VAT \(rate)") }
    var total: String { t("Att betala", "Total to pay") }
    var validUntil: String { t("Offerten gäller till och med", "The offer is valid until") }
    var terms: String { t("Villkor", "Terms") }
    var documentHash: String { t("Dokumentets kontrollsumma (SHA-256)", "Document checksum (SHA-256)") }
    var contact: String { t("Frågor om offerten? Kontakta oss", "Questions about the offer? Contact us") }

    var signedTitle: String { t("Avtalet är signerat", "The agreement is signed") }
    func signedText(_ booking: String, _ when: String) -> String {
        t(
            "Tack! Avtalet signerades \(when). Ditt bokningsnummer är \(booking).",
            "Thank you! The agreement was signed \(when). Your booking number is \(booking).")
    }
    var declinedTitle: String { t("Offerten är avböjd", "The offer was declined") }
    var declinedText: String {
        t(
            "Du har tackat nej till den här offerten. Hör av dig om du ändrar dig – vi skickar gärna en ny.",
            "You declined this offer. Get in touch if you change your mind – we are happy to send a new one.")
    }
    var expiredTitle: String { t("Länken har gått ut", "The link has expired") }
    var expiredText: String {
        t(
            "Den här offerten kan inte längre signeras. Kontakta oss så skickar vi en ny.",
            "This offer can no longer be signed. Contact us and we will send a new one.")
    }
    var voidedTitle: String { t("Offerten har ersatts", "The offer has been replaced") }
    var voidedText: String {
        t(
            "Det finns en nyare version av offerten. Använd länken i det senaste mejlet från oss.",
            "There is a newer version of this offer. Use the link in our most recent email.")
    }
    var unknownTitle: String { t("Länken fungerar inte", "The link does not work") }
    var unknownText: String {
        t(
            "Vi hittar ingen offert för den här länken. Kontrollera att hela länken kom med från mejlet, eller kontakta oss.",
            "We cannot find an offer for this link. Check that the whole link was copied from the email, or contact us."
        )
    }

    // MARK: The signing form and its outcomes.
    var formHeading: String { t("Signera avtalet", "Sign the agreement") }
    var name: String { t("Fullständigt namn", "Full name") }
    var email: String { t("E-post", "Email") }
    var typed: String { t("Din signatur – skriv ditt namn", "Your signature – type your name") }
    var typedHint: String {
        t(
            "Det du skriver här blir din underskrift på avtalet.",
            "What you type here becomes your signature on the agreement.")
    }
    func consent(_ company: String) -> String {
        t(
            "Jag har läst offerten och villkoren och godkänner avtalet med \(company). Min elektroniska underskrift är lika bindande som en underskrift på papper.",
            "I have read the offer and the terms and accept the agreement with \(company). My electronic signature is as binding as a signature on paper."
        )
    }
    var button: String { t("Signera", "Sign") }
    var errorsHeading: String {
        t("Något behöver rättas innan du kan signera:", "Something needs fixing before you can sign:")
    }
    public var errorName: String { t("Skriv ditt fullständiga namn.", "Enter your full name.") }
    public var errorEmail: String { t("Skriv en giltig e-postadress.", "Enter a valid email address.") }
    public var errorTyped: String { t("Skriv ditt namn som signatur.", "Type your name as your signature.") }
    public var errorConsent: String {
        t("Du behöver godkänna avtalet för att signera.", "You need to accept the agreement to sign.")
    }
    public var errorFormToken: String {
        t(
            "Formuläret hör inte till den här länken. Ladda om sidan och försök igen.",
            "The form does not belong to this link. Reload the page and try again.")
    }
    public func errorReasonTooLong(_ limit: Int) -> String {
        t(
            "Anledningen får vara högst \(limit) tecken. Inget har sparats; korta den och försök igen.",
            "The reason can be at most \(limit) characters. Nothing was saved; shorten it and try again.")
    }
    var unavailableTitle: String { t("Artiklarna är inte längre tillgängliga", "The items are no longer available") }
    var unavailableText: String {
        t(
            "Några av artiklarna har hunnit bokas för de här datumen, så avtalet kunde inte signeras. Vi har fått besked och hör av oss till dig.",
            "Some of the items have been booked for these dates in the meantime, so the agreement could not be signed. We have been told and will get in touch."
        )
    }
    var doneTitle: String { t("Tack – avtalet är signerat", "Thank you – the agreement is signed") }
    func doneText(_ booking: String) -> String {
        t(
            "Din bokning har nummer \(booking). En bekräftelse med det signerade avtalet kommer med e-post.",
            "Your booking number is \(booking). A confirmation with the signed agreement will arrive by email.")
    }
    var documentLink: String { t("Det signerade avtalet (PDF)", "The signed agreement (PDF)") }
    var checkHeading: String { t("Kontrollera ett avtal", "Check an agreement") }
    var checkIntro: String {
        t(
            "Avtalet är förseglat av oss med en elektronisk stämpel och en tidsstämpel. Ladda upp din kopia av PDF-filen så kontrollerar vi att den är oförändrad sedan förseglingen. Filen sparas inte.",
            "We sealed the agreement with an electronic seal and a time-stamp. Upload your copy of the PDF and we check that it is unchanged since it was sealed. The file is not kept."
        )
    }
    var checkFile: String { t("PDF-fil", "PDF file") }
    var checkButton: String { t("Kontrollera", "Check") }
    var checkSealedBy: String { t("Förseglad av", "Sealed by") }
    var checkSealedAt: String { t("Tidsstämpel", "Time-stamp") }
    public var checkMissing: String { t("Välj PDF-filen att kontrollera.", "Choose the PDF file to check.") }
    func checkVerdict(_ verdict: SealCheckView.Verdict, matches: Bool) -> String {
        switch verdict {
        case .valid where matches:
            t(
                "Äkta och oförändrat: det här är avtalet du signerade, förseglat av oss.",
                "Genuine and unchanged: this is the agreement you signed, sealed by us.")
        case .valid:
            t(
                "Förseglingen är giltig, men filen är inte avtalet för den här länken.",
                "The seal is valid, but the file is not the agreement of this link.")
        case .changed:
            t(
                "Filen har ändrats efter förseglingen. Lita inte på innehållet; hämta avtalet igen här ovanför.",
                "The file was changed after it was sealed. Do not rely on its content; download the agreement again above."
            )
        case .broken:
            t(
                "Förseglingen stämmer inte med innehållet: filen har ändrats. Hämta avtalet igen här ovanför.",
                "The seal does not match the content: the file was changed. Download the agreement again above.")
        case .untrusted:
            t(
                "Filen är oförändrad, men förseglingen är inte vår.",
                "The file is unchanged, but the seal is not ours.")
        case .timestampInvalid:
            t("Förseglingens tidsstämpel håller inte.", "The seal's time-stamp does not hold.")
        case .notSealed:
            t("Filen har ingen försegling från oss.", "The file carries no seal of ours.")
        case .unreadable:
            t("Filen är ingen PDF vi kan läsa.", "The file is not a PDF we can read.")
        }
    }
    var preparingTitle: String { t("Avtalet förbereds", "The agreement is being prepared") }
    var preparingText: String {
        t(
            "Det signerade avtalet skapas just nu. Sidan laddas om av sig själv om några sekunder.",
            "The signed agreement is being created. This page reloads by itself in a few seconds.")
    }
    var draw: String {
        t(
            "Rita din signatur med fingret, pennan eller musen – eller skriv den nedan",
            "Draw your signature with your finger, pen or mouse – or type it below")
    }
    var drawLabel: String { t("Yta för att rita signaturen", "Area for drawing the signature") }
    var undo: String { t("Ångra", "Undo") }
    var clear: String { t("Rensa", "Clear") }
    public var errorStrokes: String {
        t(
            "Signaturen gick inte att läsa. Rita den igen, lite större, eller skriv ditt namn.",
            "The signature could not be read. Draw it again, a little larger, or type your name.")
    }
    var declineSummary: String { t("Vill du inte gå vidare? Avböj offerten", "Not going ahead? Decline the offer") }
    var declineReason: String { t("Berätta gärna varför (frivilligt)", "Tell us why, if you like (optional)") }
    var declineButton: String { t("Avböj offerten", "Decline the offer") }
    var offerLink: String { t("Offerten som PDF", "The offer as a PDF") }
}

extension Strings {
    /// The signing feature's strings.
    public var signing: SigningStrings { SigningStrings(language) }
}
