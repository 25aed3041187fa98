public import Domain

/// The proposed quotation's strings (`strings.inquiry`).
public struct InquiryStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var heading: String { t("Förslag till offert", "Proposed quotation") }
    var lead: String {
        t(
            "Läst ur meddelandet. Fält markerade ⚠ är osäkra: kontrollera dem mot e-posten. Att godkänna skapar ett utkast; inget skickas.",
            "Read from the message. Fields marked ⚠ are unsure: check them against the email. Accepting makes a draft; nothing is sent."
        )
    }
    var accepted: String { t("Blev utkastet", "Became the draft") }
    var accept: String { t("Skapa offertutkast", "Create draft quotation") }
    var contact: String { t("Kontakt", "Contact") }
    var name: String { t("Namn", "Name") }
    var email: String { t("E-post", "Email") }
    var phone: String { t("Telefon", "Phone") }
    var company: String { t("Företag", "Company") }
    var organisationNumber: String { t("Organisationsnummer", "Organisation number") }
    var period: String { t("Hyresperiod", "Rental period") }
    var start: String { t("Leverans", "Delivery") }
    var end: String { t("Hämtning", "Pickup") }
    var guests: String { t("Gäster", "Guests") }
    var address: String { t("Leveransadress", "Delivery address") }
    var street: String { t("Gatuadress", "Street address") }
    var postalCode: String { t("Postnummer", "Postcode") }
    var city: String { t("Ort", "Town") }
    var lines: String { t("Rader", "Lines") }
    var item: String { t("Produkt eller tillval", "Product or add-on") }
    var quantity: String { t("Antal", "Quantity") }
    var available: String { t("Lediga", "Free") }
    public var nameMissing: String { t("Ange kundens namn.", "Enter the customer's name.") }
    public var emailInvalid: String { t("Ange en giltig e-postadress.", "Enter a valid email address.") }
    public var periodInvalid: String {
        t(
            "Ange leverans- och hämtningsdag (hämtning samma dag eller senare).",
            "Enter the delivery and pickup days (pickup on or after delivery).")
    }
    public var organisationNumberInvalid: String {
        t("Organisationsnumret är för långt.", "The organisation number is too long.")
    }
    public var quantityInvalid: String { t("Antal är ett heltal 1–10 000.", "A quantity is a whole number 1–10,000.") }
    public var itemUnknown: String {
        t("Välj en produkt eller ett tillval som finns.", "Choose a product or add-on that exists.")
    }
    public var noLines: String { t("Välj minst en rad.", "Choose at least one line.") }
    public var alreadyAccepted: String {
        t("Förfrågan har redan blivit en offert.", "The inquiry has already become a quotation.")
    }
    public func draftTitle(_ subject: String) -> String {
        subject.isEmpty ? t("Förfrågan via e-post", "Inquiry by email") : subject
    }
}

extension Strings {
    /// The proposed quotation's strings.
    public var inquiry: InquiryStrings { InquiryStrings(language) }
}
