public import Domain

/// Every user-visible string, Swedish and English side by side, so a missing translation does
/// not compile. Pages take a `Strings` for the request's language.
public struct Strings: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// Picks the string for this language.
    @inline(__always)
    func t(_ sv: String, _ en: String) -> String { language == .sv ? sv : en }

    // MARK: Layout

    var skipToContent: String { t("Hoppa till innehållet", "Skip to content") }
    var languageName: String { t("Svenska", "English") }
    var switchLanguageLabel: String { t("In English", "På svenska") }
    var otherLanguage: Language { language == .sv ? .en : .sv }
    var footerContact: String { t("Kontakt", "Contact") }
    var footerTagline: String { t("Uthyrning av eventutrustning", "Event equipment rental") }
    var organisationNumberLabel: String { t("Org.nr", "Company reg. no.") }

    // MARK: Home

    var homeTitle: String { t("Uthyrning av eventutrustning", "Event equipment rental") }
    var homeLead: String {
        t(
            "Tält, golv, möbler, scen, ljud och ljus – offert, digital signering och bokning på ett ställe.",
            "Tents, floors, furniture, stages, sound and light – quotation, digital signing and booking in one place.")
    }
    var homeCustomersHeading: String { t("Har du fått en offert?", "Did you receive a quotation?") }
    var homeCustomersText: String {
        t(
            "Öppna länken i mejlet från oss för att läsa avtalet och signera det, på mobilen eller datorn.",
            "Open the link in our email to read the agreement and sign it, on your phone or computer.")
    }
    var homeCustomersLink: String { t("Hjälp med signering", "Help with signing") }
    var homeStaffHeading: String { t("Personal", "Staff") }
    var homeStaffText: String {
        t(
            "Skapa offerter, följ bokningar och planera leveranser.",
            "Create quotations, follow bookings and plan deliveries.")
    }
    var homeStaffLink: String { t("Logga in", "Sign in") }

    // MARK: Signing help

    var signingHelpTitle: String { t("Så signerar du en offert", "How to sign a quotation") }
    var signingHelpSteps: [String] {
        language == .sv
            ? [
                "Öppna länken i mejlet med offerten. Länken är personlig – dela den inte.",
                "Läs igenom avtalet: artiklar, hyresperiod, leveransadress, pris och villkor.",
                "Skriv ditt namn och signera genom att rita med fingret eller musen, eller genom att skriva ditt namn.",
                "Kryssa i att du godkänner villkoren och tryck på Signera. Du får en bekräftelse med avtalet som PDF.",
            ]
            : [
                "Open the link in the email with your quotation. The link is personal – do not share it.",
                "Read the agreement: items, rental period, delivery address, price and terms.",
                "Enter your name and sign by drawing with your finger or mouse, or by typing your name.",
                "Tick that you accept the terms and press Sign. You will receive a confirmation with the agreement as a PDF.",
            ]
    }
    var signingHelpExpired: String {
        t(
            "Har länken gått ut eller fungerar den inte? Kontakta oss så skickar vi en ny.",
            "Has the link expired or does it not work? Contact us and we will send a new one.")
    }

    // MARK: Errors

    func errorTitle(_ status: Int) -> String {
        switch status {
        case 400: t("Felaktig förfrågan", "Bad request")
        case 403: t("Åtkomst nekad", "Access denied")
        case 404: t("Sidan finns inte", "Page not found")
        case 405: t("Metoden stöds inte", "Method not allowed")
        case 413: t("För mycket data", "Too much data")
        case 429: t("För många förfrågningar", "Too many requests")
        case 503: t("Tillfälligt otillgänglig", "Temporarily unavailable")
        default: t("Något gick fel", "Something went wrong")
        }
    }

    func errorText(_ status: Int) -> String {
        switch status {
        case 400: t("Förfrågan kunde inte tolkas.", "The request could not be understood.")
        case 403:
            t("Du har inte behörighet att göra det här.", "You are not allowed to do this.")
        case 404:
            t(
                "Vi hittar inte sidan du letar efter. Kontrollera adressen eller gå till startsidan.",
                "We cannot find the page you are looking for. Check the address or go to the home page.")
        case 405:
            t("Den här sidan tar inte emot den sortens förfrågan.", "This page does not accept that kind of request.")
        case 413:
            t(
                "Det du skickade är större än vad vi tar emot. Försök med en mindre fil.",
                "What you sent is larger than we accept. Try a smaller file.")
        case 429:
            t(
                "Du har gjort många förfrågningar på kort tid. Vänta en stund och försök igen.",
                "You have made many requests in a short time. Wait a moment and try again.")
        case 503:
            t(
                "Tjänsten är tillfälligt otillgänglig. Försök igen om en liten stund.",
                "The service is temporarily unavailable. Please try again in a little while.")
        default:
            t(
                "Ett oväntat fel inträffade. Vi har loggat det – försök igen, och kontakta oss om det fortsätter.",
                "An unexpected error occurred. We have logged it – try again, and contact us if it continues.")
        }
    }

    var errorReasonHeading: String { t("Orsak", "Reason") }
    var errorRequestID: String { t("Ärende-ID", "Request ID") }
    var backToHome: String { t("Till startsidan", "Go to the home page") }
}

/// One feature's strings (`strings.quotations`, `strings.bookings`, …): Swedish and English side by
/// side in every member, so a missing translation does not compile.
public protocol FeatureStrings: Sendable {
    var language: Language { get }
}

extension FeatureStrings {
    /// Picks the string for this language.
    @inline(__always)
    func t(_ sv: String, _ en: String) -> String { language == .sv ? sv : en }

    /// The strings every feature shares (layout, forms, records) and the other features' strings.
    var common: Strings { Strings(language) }
}
