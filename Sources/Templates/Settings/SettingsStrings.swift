public import Domain

/// The settings feature's strings (`strings.settings`).
public struct SettingsStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    // MARK: Settings page

    var title: String { t("Inställningar", "Settings") }
    var companyHeading: String { t("Företaget", "Company") }
    var addressHeading: String { t("Adress", "Address") }
    var contactHeading: String { t("Kontakt", "Contact") }
    var emailHeading: String { t("E-post från systemet", "Email from the system") }
    var quotationHeading: String { t("Offerter", "Quotations") }
    var logoHeading: String { t("Logotyp", "Logo") }
    var twoStepRolesText: String {
        t(
            "Roller som måste använda tvåstegsverifiering. Den som saknar den leds till att slå på den efter inloggningen och kan inte göra något annat förrän den är på.",
            "Roles that must use two-step verification. Members without it are led to turn it on after signing in and can do nothing else until it is on."
        )
    }
    var twoStepRolesSave: String { t("Spara kraven", "Save the requirements") }
    var save: String { t("Spara inställningarna", "Save settings") }
    var lastSaved: String { t("Senast sparad", "Last saved") }

    var companyNameLabel: String { t("Företagsnamn", "Company name") }
    var orgNumberLabel: String { t("Organisationsnummer", "Organisation number") }
    var vatNumberLabel: String { t("Momsregistreringsnummer", "VAT number") }
    var addressLine1Label: String { t("Gatuadress", "Street address") }
    var addressLine2Label: String { t("Adressrad 2", "Address line 2") }
    var postalCodeLabel: String { t("Postnummer", "Postal code") }
    var cityLabel: String { t("Ort", "City") }
    var countryLabel: String { t("Land (landskod)", "Country (country code)") }
    var countryHint: String { t("Två bokstäver, till exempel SE.", "Two letters, for example SE.") }
    var contactEmailLabel: String { t("Kontaktadress (e-post)", "Contact email") }
    var contactPhoneLabel: String { t("Telefon", "Phone") }
    var websiteLabel: String { t("Webbplats", "Website") }
    var teamEmailLabel: String { t("Teamets adress för notiser", "Team notification address") }
    var teamEmailHint: String {
        t("Hit skickas besked om signerade och avböjda offerter.", "Notices of signed and declined quotations go here.")
    }
    var senderNameLabel: String { t("Avsändarnamn", "Sender name") }
    var senderAddressLabel: String { t("Avsändaradress", "Sender address") }
    var senderHint: String {
        t(
            "Så här står det i Från-fältet i mejl till kunder. Adressen bör tillhöra er domän så att mejlen inte hamnar som skräppost.",
            "This is what the From field of customer emails shows. The address should belong to your domain so the emails are not taken for spam."
        )
    }
    var defaultVATLabel: String { t("Moms som standard (%)", "Default VAT rate (%)") }
    var defaultVATHint: String { t("Till exempel 25 eller 12,5.", "For example 25 or 12.5.") }
    var linkValidityLabel: String { t("Signeringslänken gäller (dagar)", "Signing link valid for (days)") }
    var linkValidityHint: String { t("Mellan 1 och 365 dagar.", "Between 1 and 365 days.") }
    var termsLabel: String { t("Villkorsmall", "Terms template") }
    var termsHint: String {
        t(
            "Kopieras till nya offerter. Enkel HTML: stycken, fetstil, kursiv, listor, rubriker, länkar. Allt annat tas bort när du sparar.",
            "Copied into new quotations. Simple HTML: paragraphs, bold, italic, lists, headings, links. Anything else is removed when you save."
        )
    }
    var termsPreview: String { t("Så här visas villkoren", "How the terms are shown") }

    // MARK: Logo

    var logoCurrent: String { t("Nuvarande logotyp", "Current logo") }
    var logoNone: String { t("Ingen logotyp är uppladdad.", "No logo has been uploaded.") }
    var logoFileLabel: String { t("Ny logotyp", "New logo") }
    func logoHint(limitKiB: Int) -> String {
        t(
            "PNG eller JPEG, högst \(limitKiB) KB och 4096 × 4096 pixlar. Visas i sidhuvudet och på signeringssidan.",
            "PNG or JPEG, at most \(limitKiB) KB and 4096 × 4096 pixels. Shown in the page header and on the signing page."
        )
    }
    var logoUpload: String { t("Ladda upp", "Upload") }
    var logoRemove: String { t("Ta bort logotypen", "Remove the logo") }
    func logoDescription(type: String, kib: Int) -> String { t("\(type), \(kib) KB", "\(type), \(kib) KB") }

    // MARK: Settings validation

    public var tooLong: String { t("Texten är för lång.", "The text is too long.") }
    public var emailInvalid: String {
        t(
            "Skriv en giltig e-postadress, till exempel namn@foretag.se.",
            "Enter a valid email address, for example name@company.com.")
    }
    public var senderNameInvalid: String {
        t("Namnet får inte innehålla < > \" eller \\.", "The name cannot contain < > \" or \\.")
    }
    public var senderAddressMissing: String {
        t("Skriv avsändaradressen som hör till namnet.", "Enter the sender address that goes with the name.")
    }
    public var orgNumberInvalid: String {
        t(
            "Ett svenskt organisationsnummer har tio siffror, till exempel 556677-8899, och kontrollsiffran måste stämma.",
            "A Swedish organisation number has ten digits, for example 556677-8899, and its check digit must match.")
    }
    public var vatNumberInvalid: String {
        t(
            "Ett svenskt momsregistreringsnummer är SE, tolv siffror och slutar på 01, till exempel SE556677889901.",
            "A Swedish VAT number is SE followed by twelve digits ending in 01, for example SE556677889901.")
    }
    public var countryInvalid: String {
        t("Skriv landskoden med två bokstäver, till exempel SE.", "Enter the two-letter country code, for example SE.")
    }
    public var phoneInvalid: String {
        t(
            "Telefonnumret får bara innehålla siffror, mellanslag och + - ( ).",
            "The phone number can only contain digits, spaces and + - ( ).")
    }
    public var websiteInvalid: String {
        t(
            "Skriv hela adressen, till exempel https://foretag.se.",
            "Enter the full address, for example https://company.com.")
    }
    public var vatInvalid: String {
        t(
            "Skriv momsen i procent mellan 0 och 100, till exempel 25 eller 12,5.",
            "Enter the VAT rate in percent between 0 and 100, for example 25 or 12.5.")
    }
    public var validityInvalid: String {
        t("Skriv ett helt antal dagar mellan 1 och 365.", "Enter a whole number of days between 1 and 365.")
    }
    public func termsTooLarge(limitKiB: Int) -> String {
        t("Villkoren får vara högst \(limitKiB) KB.", "The terms can be at most \(limitKiB) KB.")
    }

    // MARK: Logo refusals

    public var logoMissing: String { t("Välj en bildfil att ladda upp.", "Choose an image file to upload.") }
    public func logoTooLarge(limitKiB: Int) -> String {
        t(
            "Filen är för stor. Logotypen får vara högst \(limitKiB) KB.",
            "The file is too large. The logo can be at most \(limitKiB) KB.")
    }
    public var logoWrongFormat: String {
        t(
            "Filen är inte en PNG- eller JPEG-bild. Bara PNG och JPEG fungerar (inte SVG, GIF eller WebP), oavsett vad filen heter.",
            "The file is not a PNG or JPEG image. Only PNG and JPEG work (not SVG, GIF or WebP), whatever the file is called."
        )
    }
    public var logoDamaged: String {
        t(
            "Bilden är skadad eller ofullständig. Spara den på nytt och försök igen.",
            "The image is damaged or incomplete. Save it again and try once more.")
    }
    public func logoTooManyPixels(limit: Int) -> String {
        t(
            "Bilden är för stor. Högst \(limit) × \(limit) pixlar.",
            "The image is too big. At most \(limit) × \(limit) pixels.")
    }
}

extension Strings {
    /// The settings feature's strings.
    public var settings: SettingsStrings { SettingsStrings(language) }
}

/// Invoicing.
extension SettingsStrings {
    var invoicingHeading: String { t("Fakturering", "Invoicing") }
    var bankgiroLabel: String { t("Bankgiro", "Bankgiro") }
    var bankgiroHint: String {
        t(
            "Dit kunderna betalar med OCR-nummer, till exempel 5050-1055.",
            "Where customers pay with the OCR reference, for example 5050-1055.")
    }
    public var bankgiroInvalid: String {
        t(
            "Ange bankgironumret som NNN-NNNN eller NNNN-NNNN, med rätt kontrollsiffra.",
            "Enter the bankgiro number as NNN-NNNN or NNNN-NNNN, with its right check digit.")
    }
    var registeredSeatLabel: String { t("Säte", "Registered seat") }
    var registeredSeatHint: String {
        t(
            "Ett aktiebolags säte står på fakturan, till exempel Göteborg.",
            "A limited company's seat is printed on invoices, for example Göteborg.")
    }
    var termsDaysLabel: String { t("Betalningsvillkor (dagar)", "Payment terms (days)") }
    public var termsDaysInvalid: String { t("Ange 0–120 dagar.", "Enter 0–120 days.") }
    var plusgiroLabel: String { t("Plusgiro", "Plusgiro") }
    public var plusgiroInvalid: String {
        t(
            "Skriv plusgironumret som 12345-6; kontrollsiffran måste stämma.",
            "Enter the plusgiro number as 12345-6; its check digit must match.")
    }
    var ibanLabel: String { t("IBAN", "IBAN") }
    var ibanHint: String { t("För betalningar från utlandet, med BIC.", "For payments from abroad, with the BIC.") }
    public var ibanInvalid: String {
        t(
            "Det är inget giltigt IBAN (kontrollsiffrorna stämmer inte).",
            "That is not a valid IBAN (its check digits do not match).")
    }
    var bicLabel: String { t("BIC", "BIC") }
    public var bicInvalid: String {
        t("Skriv BIC med 8 eller 11 tecken, och ange IBAN.", "Enter the BIC with 8 or 11 characters, and the IBAN.")
    }
    var depositPercentLabel: String { t("Förskott (%)", "Deposit (%)") }
    var depositPercentHint: String {
        t(
            "Förskottsfakturans andel av bokningen; resten faktureras med slutfakturan.",
            "The deposit invoice's share of the booking; the rest is the final invoice.")
    }
    public var depositPercentInvalid: String { t("Ange 1–100 %.", "Enter 1–100 %.") }
    var remindersHeading: String { t("Påminnelser", "Reminders") }
    var remindersHint: String {
        t(
            "Förfallna fakturor påminns automatiskt. Påminnelseavgift tas bara ut när kundens signerade villkor nämner den (standardvillkoren gör det); företag betalar i stället 450 kr förseningsersättning en gång. Dröjsmålsränta: referensräntan + 8 procentenheter.",
            "Overdue invoices are reminded automatically. A reminder fee is charged only when the customer's signed terms mention it (the default terms do); businesses instead pay 450 kr compensation once. Late interest: the reference rate + 8 percentage points."
        )
    }
    var referenceRatesCaption: String {
        t(
            "Riksbankens referensränta (sätts för varje halvår; lägg till nya med eventgaraget invoices reference-rate)",
            "The Riksbank's reference rate (set for each half-year; add new ones with eventgaraget invoices reference-rate)"
        )
    }
    var referenceRateFrom: String { t("Gäller från", "From") }
    var referenceRate: String { t("Referensränta", "Reference rate") }
    var lateInterestRate: String { t("Dröjsmålsränta", "Late interest") }
    func referenceRateMissing(_ day: String) -> String {
        t(
            "Referensräntan från \(day) saknas: räntan räknas med den senaste tills den läggs till.",
            "The reference rate from \(day) is missing: interest uses the newest one until it is added.")
    }
    var remindersEnabledLabel: String { t("Skicka påminnelser", "Send reminders") }
    var reminderFeeLabel: String { t("Påminnelseavgift (kr)", "Reminder fee (SEK)") }
    var reminderFeeHint: String { t("Högst 60 kr enligt lag.", "At most 60 kr by law.") }
    public var reminderFeeInvalid: String { t("Ange 0–60 kr.", "Enter 0–60 kr.") }
    var reminderFirstDaysLabel: String {
        t("Första påminnelsen (dagar efter förfallodagen)", "First reminder (days after the due date)")
    }
    var reminderIntervalLabel: String { t("Dagar mellan påminnelser", "Days between reminders") }
    var reminderMaxLabel: String { t("Antal påminnelser", "Number of reminders") }
    public func numberBetween(_ low: Int, _ high: Int) -> String { t("Ange \(low)–\(high).", "Enter \(low)–\(high).") }
    var depositOnSigningLabel: String {
        t(
            "Skapa ett utkast till förskottsfaktura när kunden signerar",
            "Draft a deposit invoice when the customer signs")
    }
    var fTaxLabel: String { t("Godkänd för F-skatt", "Approved for F-tax (Godkänd för F-skatt)") }
    var roundLabel: String { t("Avrunda att betala till hela kronor", "Round the amount to pay to whole kronor") }
}

/// "Send a test" of the email templates.
extension SettingsStrings {
    // Test emails.
    var emailTestsHeading: String { t("E-postmallar", "Email templates") }
    func emailTestsText(_ address: String) -> String {
        t(
            "Skicka ett test av ett meddelande till dig själv (\(address)), med påhittat innehåll i företagets namn. Ämnesraden börjar med [Test].",
            "Send yourself (\(address)) a test of an email, with made-up content in the company's name. The subject starts with [Test]."
        )
    }
    var emailTestTemplate: String { t("Meddelande", "Email") }
    public var emailTestUnknown: String {
        t("Välj ett av meddelandena i listan.", "Choose one of the emails in the list.")
    }
    var emailTestSend: String { t("Skicka ett test till mig", "Send a test to me") }
    func templateName(_ template: EmailTemplate) -> String {
        switch template {
        case .signingLink: t("Signeringslänk till kunden", "Signing link to the customer")
        case .signedConfirmation:
            t("Bekräftelse till kunden efter signering", "Confirmation to the customer after signing")
        case .teamNewBooking: t("Ny bokning till teamet", "New booking to the team")
        case .teamUnavailable: t("Slut i lager vid signering, till teamet", "Out of stock at signing, to the team")
        case .teamDeclined: t("Kunden tackade nej, till teamet", "Customer declined, to the team")
        }
    }
    var sampleTitle: String { t("Midsommarfest (exempel)", "Midsummer party (example)") }
    var sampleItem: String { t("Partytält 4x8 m", "Party tent 4x8 m") }
    var sampleReason: String { t("Vi har valt en annan leverantör (exempel).", "We chose another supplier (example).") }
}
