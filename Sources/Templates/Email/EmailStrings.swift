public import Domain

/// The texts of the emails: the signing link and the confirmation (in the customer's language),
/// and the team's notices (in the staff's language, Swedish by default).
/// Reached as `strings.email`.
public struct EmailStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    // MARK: Signing link

    func signingLinkSubject(about: String, company: String) -> String {
        t("Offert \(about) från \(company)", "Quotation \(about) from \(company)")
    }
    /// The first line of every email to a customer.
    func greeting(_ name: String) -> String { t("Hej \(name)!", "Hello \(name),") }
    func signingLinkIntro(about: String) -> String {
        t(
            "Här är vår offert \(about). Öppna länken för att läsa avtalet och signera det på mobilen eller datorn.",
            "Here is our quotation \(about). Open the link to read the agreement and sign it on your phone or computer."
        )
    }
    func signingLinkValidity(_ expires: String) -> String {
        t("Länken gäller till och med \(expires).", "The link is valid until \(expires).")
    }
    var signingLinkPersonal: String {
        t("Länken är personlig – dela den inte.", "The link is personal – please do not share it.")
    }
    /// "Questions? …", with how to reach the company when `contact` is not empty.
    func signingLinkQuestions(contact: String) -> String {
        t("Frågor? Svara på det här mejlet", "Questions? Reply to this email")
            + (contact.isEmpty ? "." : t(" eller kontakta oss: \(contact).", " or contact us: \(contact)."))
    }
    var signingLinkButton: String { t("Läs och signera offerten", "Read and sign the quotation") }

    // MARK: Confirmation to the customer

    func confirmationSubject(booking: String, company: String) -> String {
        t("Bekräftelse: bokning \(booking) hos \(company)", "Confirmation: booking \(booking) with \(company)")
    }
    func confirmationBody(booking: String) -> String {
        t(
            "Tack för din signatur. Din bokning har nummer \(booking). Det signerade avtalet finns bifogat som PDF.",
            "Thank you for signing. Your booking number is \(booking). The signed agreement is attached as a PDF.")
    }

    // MARK: Notices to the team

    func teamNewBookingSubject(booking: String, customer: String) -> String {
        t("Ny bokning \(booking) – \(customer)", "New booking \(booking) – \(customer)")
    }
    func teamNewBookingBody(booking: String, quotation: String, signer: String, period: String, total: String) -> String
    {
        t(
            "Ny bokning \(booking): \(quotation) signerad av \(signer), \(period), \(total).",
            "New booking \(booking): \(quotation) signed by \(signer), \(period), \(total).")
    }

    func teamUnavailableSubject(quotation: String) -> String {
        t("Kunde inte signeras: \(quotation) – artiklar saknas", "Could not be signed: \(quotation) – items short")
    }
    func teamUnavailableIntro(customer: String, quotation: String, attempts: Int) -> String {
        attempts == 1
            ? t(
                "\(customer) försökte signera \(quotation), men artiklarna räckte inte för perioden:",
                "\(customer) tried to sign \(quotation), but the items did not suffice for the period:")
            : t(
                "\(customer) försökte signera \(quotation) \(attempts) gånger, men artiklarna räckte inte för perioden:",
                "\(customer) tried to sign \(quotation) \(attempts) times, but the items did not suffice for the period:"
            )
    }
    func teamUnavailableItem(_ description: String, requested: Int, available: Int) -> String {
        t(
            "\(description): \(requested) önskade, \(available) lediga",
            "\(description): \(requested) requested, \(available) free")
    }
    var teamUnavailableOutro: String {
        t("Kunden har fått veta att ni hör av er.", "The customer was told you will be in touch.")
    }

    func teamDeclinedSubject(quotation: String, customer: String) -> String {
        t("Avböjd: \(quotation) – \(customer)", "Declined: \(quotation) – \(customer)")
    }
    func teamDeclinedIntro(customer: String, quotation: String) -> String {
        t("\(customer) har avböjt \(quotation).", "\(customer) has declined \(quotation).")
    }
    func teamDeclinedReason(_ reason: String?) -> String {
        let given = reason.flatMap { $0.isEmpty ? nil : $0 }
        return t("Orsak: ", "Reason: ") + (given ?? t("(ingen angiven)", "(none given)"))
    }
}

extension Strings {
    /// The email feature's strings.
    public var email: EmailStrings { EmailStrings(language) }
}
