public import Domain

/// The staff's quotation pages: the list, the new-quotation form, the editor and the versions.
/// Validation messages are public: the handlers put them next to the fields.
/// Reached as `strings.quotations`.
public struct QuotationStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    // MARK: States

    func quotationState(_ state: QuotationState) -> String {
        switch state {
        case .draft: t("Utkast", "Draft")
        case .sent: t("Skickad", "Sent")
        case .signed: t("Signerad", "Signed")
        case .declined: t("Avböjd", "Declined")
        case .expired: t("Utgången", "Expired")
        case .void: t("Makulerad", "Void")
        }
    }

    func versionState(_ state: QuotationVersionState) -> String {
        switch state {
        case .sent: t("Väntar på signatur", "Awaiting signature")
        case .signed: t("Signerad", "Signed")
        case .declined: t("Avböjd", "Declined")
        case .expired: t("Utgången", "Expired")
        case .superseded: t("Ersatt", "Superseded")
        case .void: t("Makulerad", "Void")
        }
    }

    public func pricingName(_ pricing: LinePricing) -> String {
        switch pricing {
        case .perDay: t("per dag", "per day")
        case .perRental: t("per hyrestillfälle", "per rental")
        case .flat: t("fast pris", "flat price")
        case .perUnit: t("per styck", "per unit")
        }
    }

    // MARK: List

    var all: String { t("Alla", "All") }
    var newQuotation: String { t("Ny offert", "New quotation") }
    var stateTabs: String { t("Offerter efter status", "Quotations by state") }
    var searchLabel: String { t("Sök på nummer, kund eller titel", "Search by number, customer or title") }
    var columnNumber: String { t("Nummer", "Number") }
    var columnCustomer: String { t("Kund", "Customer") }
    var columnTitle: String { t("Titel", "Title") }
    var columnPeriod: String { t("Hyresperiod", "Rental period") }
    var columnTotal: String { t("Summa inkl. moms", "Total incl. VAT") }
    var columnState: String { t("Status", "State") }
    var columnUpdated: String { t("Ändrad", "Updated") }
    var none: String { t("Inga offerter här.", "No quotations here.") }

    // MARK: New

    var customerHeading: String { t("Kund", "Customer") }
    var customerSearch: String { t("Sök kund", "Find a customer") }
    var customerSearchHint: String {
        t(
            "Namn, företag, e-post eller telefon. Välj sedan kunden i listan.",
            "Name, company, email or phone. Then pick the customer in the list.")
    }
    var customerSearchButton: String { t("Sök", "Search") }
    var newCustomer: String { t("Ny kund", "New customer") }
    var newCustomerHint: String {
        t(
            "Fyll i för att skapa kunden samtidigt som offerten.",
            "Fill in to create the customer together with the quotation.")
    }
    var newCustomerName: String { t("Namn (kontaktperson)", "Name (contact person)") }
    var newCustomerEmail: String { t("E-post", "Email") }
    var newCustomerPhone: String { t("Telefon", "Phone") }
    var newCustomerCompany: String { t("Företag (tomt för privatperson)", "Company (empty for a private person)") }
    var periodStart: String { t("Första dag", "First day") }
    var periodEnd: String { t("Sista dag", "Last day") }
    var titleLabel: String { t("Titel (evenemang)", "Title (event)") }
    var titleHint: String {
        t("Visas för kunden, till exempel ”Bröllop på Särö”.", "Shown to the customer, such as “Wedding at Särö”.")
    }
    var create: String { t("Skapa offert", "Create quotation") }
    var noCustomerFound: String { t("Ingen kund matchar sökningen.", "No customer matches the search.") }

    // MARK: Editor

    func title(_ number: String) -> String { t("Offert \(number)", "Quotation \(number)") }
    var createdBy: String { t("Skapad av", "Created by") }
    var updated: String { t("Senast ändrad", "Last changed") }
    var booking: String { t("Bokning", "Booking") }
    var changeCustomer: String { t("Byt kund", "Change customer") }
    var customerArchived: String { t("Arkiverad kund", "Archived customer") }
    var eventHeading: String { t("Evenemang och period", "Event and period") }
    var deliveryHeading: String { t("Leveransadress", "Delivery address") }
    var addressLine1: String { t("Adress", "Address") }
    var addressLine2: String { t("Adressrad 2", "Address line 2") }
    var postalCode: String { t("Postnummer", "Postal code") }
    var city: String { t("Ort", "City") }
    var country: String { t("Land (landskod)", "Country (code)") }
    var linesHeading: String { t("Rader", "Lines") }
    var lineItem: String { t("Artikel", "Item") }
    var lineQuantity: String { t("Antal", "Qty") }
    var lineDays: String { t("Dagar", "Days") }
    var lineDaysHint: String { t("Tomt = hela perioden", "Empty = the whole period") }
    var lineUnitPrice: String { t("À-pris exkl. moms", "Unit price excl. VAT") }
    var linePricing: String { t("Prissättning", "Pricing") }
    var lineDiscount: String { t("Rabatt %", "Discount %") }
    var lineTotal: String { t("Summa", "Amount") }
    var lineStock: String { t("Lager för perioden", "Stock for the period") }
    var lineRemove: String { t("Ta bort", "Remove") }
    func lineRemoveLabel(_ n: Int) -> String { t("Ta bort rad \(n)", "Remove line \(n)") }
    func lineLabel(_ n: Int, _ field: String) -> String { t("Rad \(n): \(field)", "Line \(n): \(field)") }
    var noLines: String {
        t(
            "Inga rader ännu. Lägg till produkter, tillval eller en fritextrad nedan.",
            "No lines yet. Add products, add-ons or a free-text line below.")
    }
    var addLineItem: String { t("Lägg till", "Add") }
    var addLineButton: String { t("Lägg till rad", "Add line") }
    public var products: String { t("Produkter", "Products") }
    public var addons: String { t("Tillval", "Add-ons") }
    var freeText: String { t("Fritextrad", "Free-text line") }
    public var freeTextDescription: String { t("Ny rad", "New line") }
    func stockFits(free: Int, stock: Int) -> String { t("\(free) av \(stock) lediga", "\(free) of \(stock) free") }
    func stockShort(missing: Int, free: Int, stock: Int) -> String {
        t("Saknas \(missing) – \(free) av \(stock) lediga", "Short by \(missing) – \(free) of \(stock) free")
    }
    func stockReserved(_ reserved: Int) -> String { t("\(reserved) bokade som mest", "\(reserved) booked at most") }
    func stockBooked(_ reserved: Int) -> String { t("\(reserved) bokade", "\(reserved) booked") }
    var noStock: String { t("–", "–") }
    var moneyHeading: String { t("Rabatt, frakt och moms", "Discount, delivery and VAT") }
    var discountKind: String { t("Rabatt på hela offerten", "Discount on the whole quotation") }
    var discountNone: String { t("Ingen rabatt", "No discount") }
    var discountPercent: String { t("Procent", "Percent") }
    var discountAmount: String { t("Belopp (kr)", "Amount (SEK)") }
    var discountValue: String { t("Rabatt (procent eller belopp)", "Discount (percent or amount)") }
    var shipping: String { t("Frakt exkl. moms", "Delivery excl. VAT") }
    var vatRate: String { t("Moms %", "VAT %") }
    var totalsHeading: String { t("Summering", "Totals") }
    var termsHeading: String { t("Villkor och meddelanden", "Terms and messages") }
    var terms: String { t("Villkor (HTML)", "Terms (HTML)") }
    var termsHint: String {
        t(
            "Stycken, listor, fetstil, kursiv och länkar behålls; allt annat tas bort när du sparar.",
            "Paragraphs, lists, bold, italics and links are kept; everything else is removed when you save.")
    }
    var message: String { t("Meddelande till kunden", "Message to the customer") }
    var messageHint: String { t("Står i mejlet med signeringslänken.", "Appears in the email with the signing link.") }
    var notes: String { t("Interna anteckningar", "Internal notes") }
    var notesHint: String { t("Syns bara för personalen.", "Only staff see these.") }
    var save: String { t("Spara", "Save") }
    var recalculate: String { t("Räkna om", "Recalculate") }
    var previewNote: String {
        t("Förhandsvisning – inte sparad ännu.", "Preview – not saved yet.")
    }
    var readOnlyDraft: String {
        t("Du kan läsa offerten men inte ändra den.", "You can read this quotation but not change it.")
    }
    var noTerms: String { t("Inga villkor.", "No terms.") }

    // MARK: Sending and the link

    var sendHeading: String { t("Skicka för signering", "Send for signing") }
    var sendText: String {
        t(
            "Kunden får ett mejl med en personlig länk till den sparade offerten. Länken visas aldrig här.",
            "The customer gets an email with a personal link to the saved quotation. The link is never shown here.")
    }
    var sendButton: String { t("Skicka för signering", "Send for signing") }
    var sendNewVersion: String { t("Skicka som ny version", "Send as a new version") }
    var sendNewVersionText: String {
        t(
            "Fryser offerten som den är nu som en ny version med ny giltighetstid; den gamla länken slutar fungera.",
            "Freezes the quotation as it is now as a new version with a new validity; the old link stops working.")
    }
    var shortageHeading: String { t("Det saknas lager för perioden", "Stock is short for the period") }
    func shortageItem(_ name: String, requested: Int, free: Int) -> String {
        t("\(name): \(requested) behövs, \(free) lediga", "\(name): \(requested) needed, \(free) free")
    }
    var shortageReason: String { t("Varför ska offerten skickas ändå?", "Why send the quotation anyway?") }
    var shortageReasonHint: String {
        t(
            "Kräver rollen säljansvarig eller administratör. Skälet och ditt namn sparas i aktivitetsloggen.",
            "Needs the Manager or Admin role. The reason and your name are kept in the activity log.")
    }
    var linkHeading: String { t("Signeringslänk", "Signing link") }
    func linkSentTo(_ recipient: String, version: Int) -> String {
        t("Version \(version) skickad till \(recipient).", "Version \(version) sent to \(recipient).")
    }
    var linkValidUntil: String { t("Gäller till", "Valid until") }
    public func errorRecipientReason(from: String, to: String) -> String {
        t(
            "Kundens e-postadress har ändrats sedan länken skickades (från \(from) till \(to)). Skriv varför länken ska gå till den nya adressen.",
            "The customer's email address has changed since the link was sent (from \(from) to \(to)). Write why the link should go to the new address."
        )
    }
    func recipientChanged(from: String, to: String) -> String {
        t(
            "Kundens e-postadress är inte den som länken skickades till: \(from) → \(to). En ny länk kräver en orsak, som sparas i aktivitetsloggen och i det signerade avtalets bevis.",
            "The customer's email address is not the one the link was sent to: \(from) → \(to). A new link needs a reason, which is kept in the activity log and in the signed agreement's evidence."
        )
    }
    var recipientReasonLabel: String { t("Orsak till den nya adressen", "Reason for the new address") }
    var linkEmailSent: String {
        t("E-postmeddelandet med länken har skickats.", "The email with the link has been sent.")
    }
    var linkEmailQueued: String {
        t("E-postmeddelandet med länken skickas strax.", "The email with the link is about to be sent.")
    }
    var linkEmailRetrying: String {
        t(
            "E-postmeddelandet med länken har inte gått iväg än och försöks igen.",
            "The email with the link has not gone out yet and is tried again.")
    }
    var linkEmailFailed: String {
        t("E-postmeddelandet med länken kunde inte skickas.", "The email with the link could not be sent.")
    }
    var linkEmailReason: String { t("Orsak", "Reason") }
    var linkEmailFix: String {
        t(
            "Rätta kundens e-postadress och skicka om offerten (Öppna igen, sedan Skicka ny version).",
            "Correct the customer's email address and send the quotation again (Reopen, then Send new version).")
    }
    var linkExpired: String { t("Länken har gått ut", "The link has expired") }
    var linkNotOpened: String { t("Inte öppnad ännu", "Not opened yet") }
    func linkOpened(_ count: Int, first: String) -> String {
        t(
            "Öppnad \(count) \(count == 1 ? "gång" : "gånger"), första gången \(first)",
            "Opened \(count) \(count == 1 ? "time" : "times"), first on \(first)")
    }
    var signedHeading: String { t("Signerad", "Signed") }
    func signedBy(_ name: String, _ time: String, version: Int) -> String {
        t("Version \(version) signerades av \(name) \(time).", "Version \(version) was signed by \(name) on \(time).")
    }
    var seeEvidence: String { t("Se signatur och bevis", "See the signature and evidence") }
    var resend: String { t("Skicka länken igen", "Resend the link") }
    var resendText: String {
        t(
            "Ett nytt mejl med en ny länk till samma version; den gamla länken slutar fungera.",
            "A new email with a new link to the same version; the old link stops working.")
    }
    var moreActions: String { t("Fler åtgärder", "More actions") }
    var duplicate: String { t("Kopiera till nytt utkast", "Copy to a new draft") }
    var void: String { t("Makulera offerten", "Void the quotation") }
    var voidText: String {
        t(
            "Offerten kan inte signeras längre och länken slutar fungera direkt. Det går inte att ångra.",
            "The quotation can no longer be signed and its link stops working at once. This cannot be undone.")
    }
    var reopen: String { t("Ändra offerten (ny version)", "Change the quotation (new version)") }
    var reopenText: String {
        t(
            "Gör offerten till ett utkast igen. Länken slutar fungera direkt; skicka en ny version när du är klar.",
            "Makes the quotation a draft again. The link stops working at once; send a new version when you are done.")
    }

    // MARK: Versions

    var versionsHeading: String { t("Versioner", "Versions") }
    var versionsNone: String { t("Inte skickad ännu.", "Not sent yet.") }
    var versionColumn: String { t("Version", "Version") }
    var sentColumn: String { t("Skickad", "Sent") }
    var sentByColumn: String { t("Av", "By") }
    func versionTitle(_ number: String, _ version: Int) -> String {
        t("Offert \(number), version \(version)", "Quotation \(number), version \(version)")
    }
    var backToQuotation: String { t("Till offerten", "Back to the quotation") }
    var evidenceHeading: String { t("Signatur och bevis", "Signature and evidence") }
    var signer: String { t("Undertecknare", "Signer") }
    var signerEmail: String { t("E-post", "Email") }
    var method: String { t("Metod", "Method") }
    func methodDrawn(_ strokes: Int) -> String {
        t(
            "Ritad (\(strokes) \(strokes == 1 ? "drag" : "drag"))",
            "Drawn (\(strokes) \(strokes == 1 ? "stroke" : "strokes"))")
    }
    func methodTyped(_ text: String) -> String { t("Skriven: ”\(text)”", "Typed: “\(text)”") }
    var ip: String { t("IP-adress", "IP address") }
    var userAgent: String { t("Webbläsare", "User agent") }
    var signedAtUTC: String { t("Tidpunkt (UTC)", "Time (UTC)") }
    var documentSHA: String { t("Dokumentets SHA-256", "Document SHA-256") }
    var declineHeading: String { t("Avböjd av kunden", "Declined by the customer") }
    var declineReason: String { t("Skäl", "Reason") }
    var declinedAt: String { t("Tidpunkt", "Time") }
    var noReason: String { t("(inget skäl angivet)", "(no reason given)") }
    var linksHeading: String { t("Länkar för den här versionen", "Links for this version") }
    var linkCreated: String { t("Skapad", "Created") }
    var linkRecipient: String { t("Mottagare", "Recipient") }
    var linkExpires: String { t("Går ut", "Expires") }
    var linkState: String { t("Status", "State") }
    var linkViews: String { t("Visningar", "Views") }
    var linkLive: String { t("Aktiv", "Live") }
    var linkVoided: String { t("Ogiltig", "Voided") }
    var documentHeading: String { t("Dokumentet som skickades", "The document as sent") }

    // MARK: Validation (handlers)

    public var errorDate: String { t("Ange ett datum som ÅÅÅÅ-MM-DD.", "Enter a date as YYYY-MM-DD.") }
    public var errorEndBeforeStart: String { t("Sista dagen är före den första.", "The last day is before the first.") }
    public var errorPeriodTooLong: String {
        t("En hyresperiod kan vara högst 366 dagar.", "A rental period is at most 366 days.")
    }
    public var errorQuantity: String {
        t("Ange ett heltal från 1 till 100 000.", "Enter a whole number from 1 to 100,000.")
    }
    public var errorDays: String {
        t(
            "Lämna tomt för hela perioden eller ange ett heltal från 1 till 366.",
            "Leave empty for the whole period or enter a whole number from 1 to 366.")
    }
    public var errorAmount: String {
        t("Ange ett belopp som 1234 eller 1 234,50.", "Enter an amount such as 1234 or 1,234.50.")
    }
    public var errorNegative: String { t("Beloppet kan inte vara negativt.", "The amount cannot be negative.") }
    public var errorPercent: String {
        t(
            "Ange en procentsats mellan 0 och 100, till exempel 10 eller 12,5.",
            "Enter a percentage from 0 to 100, such as 10 or 12.5.")
    }
    public func errorTooLong(_ max: Int) -> String { t("Högst \(max) tecken.", "At most \(max) characters.") }
    public var errorEmail: String { t("Ange en giltig e-postadress.", "Enter a valid email address.") }
    public var errorPickCustomer: String {
        t("Välj en kund i listan eller fyll i en ny kund.", "Pick a customer in the list or fill in a new customer.")
    }
    public var errorCustomerExists: String {
        t(
            "Det finns redan en kund med den här e-postadressen – välj den i listan ovan.",
            "A customer with this email address already exists – pick them in the list above.")
    }
    public var errorCustomerGone: String {
        t("Kunden finns inte längre. Välj en annan.", "The customer no longer exists. Pick another.")
    }
    public var errorDiscountTooLarge: String {
        t("Rabatten är större än radernas summa.", "The discount is larger than the sum of the lines.")
    }
    public var errorLineDiscountTooLarge: String {
        t("Rabatten är större än raden.", "The discount is larger than the line.")
    }
    public var errorTermsTooLarge: String { t("Villkoren är för långa.", "The terms are too long.") }
    public var errorUnknownItem: String {
        t(
            "Välj en aktiv produkt, ett tillval eller en fritextrad i listan.",
            "Pick an active product, an add-on or a free-text line in the list.")
    }
    public var errorCountry: String {
        t("Ange landskoden med två bokstäver, till exempel SE.", "Enter the two-letter country code, such as SE.")
    }
    public var errorPricing: String { t("Välj en prissättning i listan.", "Pick a pricing in the list.") }
    public var errorTooManyLines: String {
        t("En offert kan ha högst 120 rader.", "A quotation can have at most 120 lines.")
    }
    public var errorTooLarge: String { t("Beloppen blir för stora.", "The amounts are too large.") }
    public var errorNotDraft: String {
        t(
            "Offerten är inte ett utkast längre och kan inte ändras här. Här är den som den är nu.",
            "The quotation is no longer a draft and cannot be changed here. This is how it is now.")
    }
    public var errorShortageReason: String {
        t(
            "Det saknas lager för perioden. Skriv varför offerten ändå ska skickas.",
            "Stock is short for the period. Write why the quotation should be sent anyway.")
    }
    public var errorShortageRole: String {
        t(
            "Bara en säljansvarig eller administratör kan skicka en offert när lager saknas.",
            "Only a Manager or an Admin can send a quotation when stock is short.")
    }
    public var errorNoLines: String {
        t("Lägg till minst en rad innan du skickar.", "Add at least one line before sending.")
    }
    public var errorNoEmail: String {
        t(
            "Kunden har ingen e-postadress. Lägg till den på kunden först.",
            "The customer has no email address. Add it to the customer first.")
    }
    public var errorPeriodPassed: String {
        t(
            "Hyresperioden har redan passerat. Ändra den innan du skickar.",
            "The rental period has already passed. Change it before sending.")
    }
    public func errorNotSendable(_ state: QuotationState) -> String {
        t(
            "En offert med status ”\(quotationState(state))” kan inte skickas.",
            "A quotation in the state “\(quotationState(state))” cannot be sent.")
    }
    public var errorLinkExpired: String {
        t(
            "Länken har redan gått ut. Skicka en ny version i stället, så får kunden en ny giltighetstid.",
            "The link has already expired. Send a new version instead, so the customer gets a new validity.")
    }
    public var errorNotResendable: String {
        t(
            "Det finns ingen länk som väntar på signatur att skicka igen.",
            "There is no link awaiting a signature to resend.")
    }
    public func errorNotAllowed(_ state: QuotationState) -> String {
        t(
            "Det går inte med en offert som har status ”\(quotationState(state))”.",
            "That is not possible for a quotation in the state “\(quotationState(state))”.")
    }
}

extension Strings {
    /// The quotations feature's strings.
    public var quotations: QuotationStrings { QuotationStrings(language) }
}
