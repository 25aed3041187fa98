public import Domain

/// The staff's quotation pages: the list, the new-quotation form, the editor and the versions.
/// Validation messages are public: the handlers put them next to the fields.
extension Strings {
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

    var qAll: String { t("Alla", "All") }
    var qNew: String { t("Ny offert", "New quotation") }
    var qStateTabs: String { t("Offerter efter status", "Quotations by state") }
    var qSearchLabel: String { t("Sök på nummer, kund eller titel", "Search by number, customer or title") }
    var qColumnNumber: String { t("Nummer", "Number") }
    var qColumnCustomer: String { t("Kund", "Customer") }
    var qColumnTitle: String { t("Titel", "Title") }
    var qColumnPeriod: String { t("Hyresperiod", "Rental period") }
    var qColumnTotal: String { t("Summa inkl. moms", "Total incl. VAT") }
    var qColumnState: String { t("Status", "State") }
    var qColumnUpdated: String { t("Ändrad", "Updated") }
    var qNone: String { t("Inga offerter här.", "No quotations here.") }

    // MARK: New

    var qCustomerHeading: String { t("Kund", "Customer") }
    var qCustomerSearch: String { t("Sök kund", "Find a customer") }
    var qCustomerSearchHint: String {
        t("Namn, företag, e-post eller telefon. Välj sedan kunden i listan.", "Name, company, email or phone. Then pick the customer in the list.")
    }
    var qCustomerSearchButton: String { t("Sök", "Search") }
    var qNewCustomer: String { t("Ny kund", "New customer") }
    var qNewCustomerHint: String {
        t("Fyll i för att skapa kunden samtidigt som offerten.", "Fill in to create the customer together with the quotation.")
    }
    var qNewCustomerName: String { t("Namn (kontaktperson)", "Name (contact person)") }
    var qNewCustomerEmail: String { t("E-post", "Email") }
    var qNewCustomerPhone: String { t("Telefon", "Phone") }
    var qNewCustomerCompany: String { t("Företag (tomt för privatperson)", "Company (empty for a private person)") }
    var qPeriodStart: String { t("Första dag", "First day") }
    var qPeriodEnd: String { t("Sista dag", "Last day") }
    var qTitleLabel: String { t("Titel (evenemang)", "Title (event)") }
    var qTitleHint: String { t("Visas för kunden, till exempel ”Bröllop på Särö”.", "Shown to the customer, such as “Wedding at Särö”.") }
    var qCreate: String { t("Skapa offert", "Create quotation") }
    var qNoCustomerFound: String { t("Ingen kund matchar sökningen.", "No customer matches the search.") }

    // MARK: Editor

    func qTitle(_ number: String) -> String { t("Offert \(number)", "Quotation \(number)") }
    var qCreatedBy: String { t("Skapad av", "Created by") }
    var qUpdated: String { t("Senast ändrad", "Last changed") }
    var qBooking: String { t("Bokning", "Booking") }
    var qChangeCustomer: String { t("Byt kund", "Change customer") }
    var qCustomerArchived: String { t("Arkiverad kund", "Archived customer") }
    var qEventHeading: String { t("Evenemang och period", "Event and period") }
    var qDeliveryHeading: String { t("Leveransadress", "Delivery address") }
    var qAddressLine1: String { t("Adress", "Address") }
    var qAddressLine2: String { t("Adressrad 2", "Address line 2") }
    var qPostalCode: String { t("Postnummer", "Postal code") }
    var qCity: String { t("Ort", "City") }
    var qCountry: String { t("Land (landskod)", "Country (code)") }
    var qLinesHeading: String { t("Rader", "Lines") }
    var qLineItem: String { t("Artikel", "Item") }
    var qLineQuantity: String { t("Antal", "Qty") }
    var qLineDays: String { t("Dagar", "Days") }
    var qLineDaysHint: String { t("Tomt = hela perioden", "Empty = the whole period") }
    var qLineUnitPrice: String { t("À-pris exkl. moms", "Unit price excl. VAT") }
    var qLinePricing: String { t("Prissättning", "Pricing") }
    var qLineDiscount: String { t("Rabatt %", "Discount %") }
    var qLineTotal: String { t("Summa", "Amount") }
    var qLineStock: String { t("Lager för perioden", "Stock for the period") }
    var qLineRemove: String { t("Ta bort", "Remove") }
    func qLineRemoveLabel(_ n: Int) -> String { t("Ta bort rad \(n)", "Remove line \(n)") }
    func qLineLabel(_ n: Int, _ field: String) -> String { t("Rad \(n): \(field)", "Line \(n): \(field)") }
    var qNoLines: String { t("Inga rader ännu. Lägg till produkter, tillval eller en fritextrad nedan.", "No lines yet. Add products, add-ons or a free-text line below.") }
    var qAddLineItem: String { t("Lägg till", "Add") }
    var qAddLineButton: String { t("Lägg till rad", "Add line") }
    public var qProducts: String { t("Produkter", "Products") }
    public var qAddons: String { t("Tillval", "Add-ons") }
    var qFreeText: String { t("Fritextrad", "Free-text line") }
    public var qFreeTextDescription: String { t("Ny rad", "New line") }
    func qStockFits(free: Int, stock: Int) -> String { t("\(free) av \(stock) lediga", "\(free) of \(stock) free") }
    func qStockShort(missing: Int, free: Int, stock: Int) -> String {
        t("Saknas \(missing) – \(free) av \(stock) lediga", "Short by \(missing) – \(free) of \(stock) free")
    }
    func qStockReserved(_ reserved: Int) -> String { t("\(reserved) bokade som mest", "\(reserved) booked at most") }
    func qStockBooked(_ reserved: Int) -> String { t("\(reserved) bokade", "\(reserved) booked") }
    var qNoStock: String { t("–", "–") }
    var qMoneyHeading: String { t("Rabatt, frakt och moms", "Discount, delivery and VAT") }
    var qDiscountKind: String { t("Rabatt på hela offerten", "Discount on the whole quotation") }
    var qDiscountNone: String { t("Ingen rabatt", "No discount") }
    var qDiscountPercent: String { t("Procent", "Percent") }
    var qDiscountAmount: String { t("Belopp (kr)", "Amount (SEK)") }
    var qDiscountValue: String { t("Rabatt (procent eller belopp)", "Discount (percent or amount)") }
    var qShipping: String { t("Frakt exkl. moms", "Delivery excl. VAT") }
    var qVATRate: String { t("Moms %", "VAT %") }
    var qTotalsHeading: String { t("Summering", "Totals") }
    var qTermsHeading: String { t("Villkor och meddelanden", "Terms and messages") }
    var qTerms: String { t("Villkor (HTML)", "Terms (HTML)") }
    var qTermsHint: String {
        t("Stycken, listor, fetstil, kursiv och länkar behålls; allt annat tas bort när du sparar.",
          "Paragraphs, lists, bold, italics and links are kept; everything else is removed when you save.")
    }
    var qMessage: String { t("Meddelande till kunden", "Message to the customer") }
    var qMessageHint: String { t("Står i mejlet med signeringslänken.", "Appears in the email with the signing link.") }
    var qNotes: String { t("Interna anteckningar", "Internal notes") }
    var qNotesHint: String { t("Syns bara för personalen.", "Only staff see these.") }
    var qSave: String { t("Spara", "Save") }
    var qRecalculate: String { t("Räkna om", "Recalculate") }
    var qPreviewNote: String {
        t("Förhandsvisning – inte sparad ännu.", "Preview – not saved yet.")
    }
    var qReadOnlyDraft: String { t("Du kan läsa offerten men inte ändra den.", "You can read this quotation but not change it.") }
    var qNoTerms: String { t("Inga villkor.", "No terms.") }

    // MARK: Sending and the link

    var qSendHeading: String { t("Skicka för signering", "Send for signing") }
    var qSendText: String {
        t("Kunden får ett mejl med en personlig länk till den sparade offerten. Länken visas aldrig här.",
          "The customer gets an email with a personal link to the saved quotation. The link is never shown here.")
    }
    var qSendButton: String { t("Skicka för signering", "Send for signing") }
    var qSendNewVersion: String { t("Skicka som ny version", "Send as a new version") }
    var qSendNewVersionText: String {
        t("Fryser offerten som den är nu som en ny version med ny giltighetstid; den gamla länken slutar fungera.",
          "Freezes the quotation as it is now as a new version with a new validity; the old link stops working.")
    }
    var qShortageHeading: String { t("Det saknas lager för perioden", "Stock is short for the period") }
    func qShortageItem(_ name: String, requested: Int, free: Int) -> String {
        t("\(name): \(requested) behövs, \(free) lediga", "\(name): \(requested) needed, \(free) free")
    }
    var qShortageReason: String { t("Varför ska offerten skickas ändå?", "Why send the quotation anyway?") }
    var qShortageReasonHint: String {
        t("Kräver rollen säljansvarig eller administratör. Skälet och ditt namn sparas i aktivitetsloggen.",
          "Needs the Manager or Admin role. The reason and your name are kept in the activity log.")
    }
    var qLinkHeading: String { t("Signeringslänk", "Signing link") }
    func qLinkSentTo(_ recipient: String, version: Int) -> String {
        t("Version \(version) skickad till \(recipient).", "Version \(version) sent to \(recipient).")
    }
    var qLinkValidUntil: String { t("Gäller till", "Valid until") }
    var qLinkExpired: String { t("Länken har gått ut", "The link has expired") }
    var qLinkNotOpened: String { t("Inte öppnad ännu", "Not opened yet") }
    func qLinkOpened(_ count: Int, first: String) -> String {
        t("Öppnad \(count) \(count == 1 ? "gång" : "gånger"), första gången \(first)", "Opened \(count) \(count == 1 ? "time" : "times"), first on \(first)")
    }
    var qSignedHeading: String { t("Signerad", "Signed") }
    func qSignedBy(_ name: String, _ time: String, version: Int) -> String {
        t("Version \(version) signerades av \(name) \(time).", "Version \(version) was signed by \(name) on \(time).")
    }
    var qSeeEvidence: String { t("Se signatur och bevis", "See the signature and evidence") }
    var qResend: String { t("Skicka länken igen", "Resend the link") }
    var qResendText: String {
        t("Ett nytt mejl med en ny länk till samma version; den gamla länken slutar fungera.",
          "A new email with a new link to the same version; the old link stops working.")
    }
    var qMoreActions: String { t("Fler åtgärder", "More actions") }
    var qDuplicate: String { t("Kopiera till nytt utkast", "Copy to a new draft") }
    var qVoid: String { t("Makulera offerten", "Void the quotation") }
    var qVoidText: String {
        t("Offerten kan inte signeras längre och länken slutar fungera direkt. Det går inte att ångra.",
          "The quotation can no longer be signed and its link stops working at once. This cannot be undone.")
    }
    var qReopen: String { t("Ändra offerten (ny version)", "Change the quotation (new version)") }
    var qReopenText: String {
        t("Gör offerten till ett utkast igen. Länken slutar fungera direkt; skicka en ny version när du är klar.",
          "Makes the quotation a draft again. The link stops working at once; send a new version when you are done.")
    }

    // MARK: Versions

    var qVersionsHeading: String { t("Versioner", "Versions") }
    var qVersionsNone: String { t("Inte skickad ännu.", "Not sent yet.") }
    var qVersionColumn: String { t("Version", "Version") }
    var qSentColumn: String { t("Skickad", "Sent") }
    var qSentByColumn: String { t("Av", "By") }
    func qVersionTitle(_ number: String, _ version: Int) -> String {
        t("Offert \(number), version \(version)", "Quotation \(number), version \(version)")
    }
    var qBackToQuotation: String { t("Till offerten", "Back to the quotation") }
    var qEvidenceHeading: String { t("Signatur och bevis", "Signature and evidence") }
    var qSigner: String { t("Undertecknare", "Signer") }
    var qSignerEmail: String { t("E-post", "Email") }
    var qMethod: String { t("Metod", "Method") }
    func qMethodDrawn(_ strokes: Int) -> String {
        t("Ritad (\(strokes) \(strokes == 1 ? "drag" : "drag"))", "Drawn (\(strokes) \(strokes == 1 ? "stroke" : "strokes"))")
    }
    func qMethodTyped(_ text: String) -> String { t("Skriven: ”\(text)”", "Typed: “\(text)”") }
    var qIP: String { t("IP-adress", "IP address") }
    var qUserAgent: String { t("Webbläsare", "User agent") }
    var qSignedAtUTC: String { t("Tidpunkt (UTC)", "Time (UTC)") }
    var qDocumentSHA: String { t("Dokumentets SHA-256", "Document SHA-256") }
    var qDeclineHeading: String { t("Avböjd av kunden", "Declined by the customer") }
    var qDeclineReason: String { t("Skäl", "Reason") }
    var qDeclinedAt: String { t("Tidpunkt", "Time") }
    var qNoReason: String { t("(inget skäl angivet)", "(no reason given)") }
    var qLinksHeading: String { t("Länkar för den här versionen", "Links for this version") }
    var qLinkCreated: String { t("Skapad", "Created") }
    var qLinkRecipient: String { t("Mottagare", "Recipient") }
    var qLinkExpires: String { t("Går ut", "Expires") }
    var qLinkState: String { t("Status", "State") }
    var qLinkViews: String { t("Visningar", "Views") }
    var qLinkLive: String { t("Aktiv", "Live") }
    var qLinkVoided: String { t("Ogiltig", "Voided") }
    var qDocumentHeading: String { t("Dokumentet som skickades", "The document as sent") }

    // MARK: Validation (handlers)

    public var qErrorDate: String { t("Ange ett datum som ÅÅÅÅ-MM-DD.", "Enter a date as YYYY-MM-DD.") }
    public var qErrorEndBeforeStart: String { t("Sista dagen är före den första.", "The last day is before the first.") }
    public var qErrorPeriodTooLong: String { t("En hyresperiod kan vara högst 366 dagar.", "A rental period is at most 366 days.") }
    public var qErrorQuantity: String { t("Ange ett heltal från 1 till 100 000.", "Enter a whole number from 1 to 100,000.") }
    public var qErrorDays: String {
        t("Lämna tomt för hela perioden eller ange ett heltal från 1 till 366.", "Leave empty for the whole period or enter a whole number from 1 to 366.")
    }
    public var qErrorAmount: String { t("Ange ett belopp som 1234 eller 1 234,50.", "Enter an amount such as 1234 or 1,234.50.") }
    public var qErrorNegative: String { t("Beloppet kan inte vara negativt.", "The amount cannot be negative.") }
    public var qErrorPercent: String {
        t("Ange en procentsats mellan 0 och 100, till exempel 10 eller 12,5.", "Enter a percentage from 0 to 100, such as 10 or 12.5.")
    }
    public func qErrorTooLong(_ max: Int) -> String { t("Högst \(max) tecken.", "At most \(max) characters.") }
    public var qErrorEmail: String { t("Ange en giltig e-postadress.", "Enter a valid email address.") }
    public var qErrorPickCustomer: String {
        t("Välj en kund i listan eller fyll i en ny kund.", "Pick a customer in the list or fill in a new customer.")
    }
    public var qErrorCustomerExists: String {
        t("Det finns redan en kund med den här e-postadressen – välj den i listan ovan.",
          "A customer with this email address already exists – pick them in the list above.")
    }
    public var qErrorCustomerGone: String { t("Kunden finns inte längre. Välj en annan.", "The customer no longer exists. Pick another.") }
    public var qErrorDiscountTooLarge: String {
        t("Rabatten är större än radernas summa.", "The discount is larger than the sum of the lines.")
    }
    public var qErrorLineDiscountTooLarge: String { t("Rabatten är större än raden.", "The discount is larger than the line.") }
    public var qErrorTermsTooLarge: String { t("Villkoren är för långa.", "The terms are too long.") }
    public var qErrorUnknownItem: String {
        t("Välj en aktiv produkt, ett tillval eller en fritextrad i listan.", "Pick an active product, an add-on or a free-text line in the list.")
    }
    public var qErrorCountry: String { t("Ange landskoden med två bokstäver, till exempel SE.", "Enter the two-letter country code, such as SE.") }
    public var qErrorPricing: String { t("Välj en prissättning i listan.", "Pick a pricing in the list.") }
    public var qErrorTooManyLines: String { t("En offert kan ha högst 120 rader.", "A quotation can have at most 120 lines.") }
    public var qErrorTooLarge: String { t("Beloppen blir för stora.", "The amounts are too large.") }
    public var qErrorNotDraft: String {
        t("Offerten är inte ett utkast längre och kan inte ändras här. Här är den som den är nu.",
          "The quotation is no longer a draft and cannot be changed here. This is how it is now.")
    }
    public var qErrorShortageReason: String {
        t("Det saknas lager för perioden. Skriv varför offerten ändå ska skickas.",
          "Stock is short for the period. Write why the quotation should be sent anyway.")
    }
    public var qErrorShortageRole: String {
        t("Bara en säljansvarig eller administratör kan skicka en offert när lager saknas.",
          "Only a Manager or an Admin can send a quotation when stock is short.")
    }
    public var qErrorNoLines: String { t("Lägg till minst en rad innan du skickar.", "Add at least one line before sending.") }
    public var qErrorNoEmail: String {
        t("Kunden har ingen e-postadress. Lägg till den på kunden först.", "The customer has no email address. Add it to the customer first.")
    }
    public var qErrorPeriodPassed: String {
        t("Hyresperioden har redan passerat. Ändra den innan du skickar.", "The rental period has already passed. Change it before sending.")
    }
    public func qErrorNotSendable(_ state: QuotationState) -> String {
        t("En offert med status ”\(quotationState(state))” kan inte skickas.", "A quotation in the state “\(quotationState(state))” cannot be sent.")
    }
    public var qErrorLinkExpired: String {
        t("Länken har redan gått ut. Skicka en ny version i stället, så får kunden en ny giltighetstid.",
          "The link has already expired. Send a new version instead, so the customer gets a new validity.")
    }
    public var qErrorNotResendable: String {
        t("Det finns ingen länk som väntar på signatur att skicka igen.", "There is no link awaiting a signature to resend.")
    }
    public func qErrorNotAllowed(_ state: QuotationState) -> String {
        t("Det går inte med en offert som har status ”\(quotationState(state))”.", "That is not possible for a quotation in the state “\(quotationState(state))”.")
    }
}
