public import Domain

extension Strings {
    /// Why a field of a customer, product or add-on form was refused, next to the field.
    public func recordProblem(_ problem: RecordFieldProblem) -> String {
        switch problem {
        case .required: required
        case .tooLong(let maximum): t("Högst \(maximum) tecken.", "At most \(maximum) characters.")
        case .invalidEmail:
            t("Skriv en e-postadress som namn@exempel.se.", "Enter an email address such as name@example.com.")
        case .invalidPhone:
            t(
                "Skriv ett telefonnummer med siffror, till exempel 070-123 45 67.",
                "Enter a phone number in digits, such as +46 70 123 45 67.")
        case .invalidCountry:
            t(
                "Skriv landet som en kod med två bokstäver, till exempel SE.",
                "Enter the country as a two-letter code, such as SE.")
        case .invalidOrganisationNumber:
            t(
                "Skriv organisationsnumret som 556677-8899; kontrollsiffran måste stämma.",
                "Enter the company registration number as 556677-8899; its check digit must match.")
        case .invalidPeppolID:
            t(
                "Skriv Peppol-adressen som schema:id, till exempel 0007:5567890123.",
                "Enter the Peppol address as scheme:id, for example 0007:5567890123.")
        case .invalidVATNumber: t("Skriv momsnumret som SE556677889901.", "Enter the VAT number as SE556677889901.")
        case .invalidPostalCode:
            t(
                "Skriv postnumret med fem siffror, till exempel 411 36.",
                "Enter the postcode as five digits, such as 411 36.")
        case .invalidChoice: t("Välj ett av alternativen.", "Choose one of the options.")
        case .notWholeNumber: t("Skriv ett heltal.", "Enter a whole number.")
        case .outOfRange(let minimum, let maximum):
            t("Skriv ett tal från \(minimum) till \(maximum).", "Enter a number from \(minimum) to \(maximum).")
        case .amount(let error):
            switch error {
            case .empty: t("Skriv ett belopp.", "Enter an amount.")
            case .invalidCharacter(let character):
                t(
                    "Beloppet innehåller ett tecken som inte hör dit: \(character)",
                    "The amount contains a character that does not belong: \(character)")
            case .tooManyDecimals: t("Högst två decimaler.", "At most two decimals.")
            case .ambiguousSeparator:
                t("Skriv beloppet som 1250 eller 1 250,00.", "Write the amount as 1250 or 1,250.00.")
            case .misplacedSeparator:
                t(
                    "Skiljetecknen står på fel ställe; skriv till exempel 1 250,50.",
                    "The separators are misplaced; write, for example, 1,250.50.")
            case .overflow: t("Beloppet är för stort.", "The amount is too large.")
            }
        case .negativeAmount: t("Beloppet kan inte vara negativt.", "The amount cannot be negative.")
        case .amountTooLarge(let maximum):
            t("Högst \(maximum.formatted(language)).", "At most \(maximum.formatted(language)).")
        case .invalidDate: t("Skriv ett datum som 2026-06-19.", "Enter a date such as 2026-06-19.")
        case .endBeforeStart: t("Slutdatumet ligger före startdatumet.", "The end date is before the start date.")
        case .periodTooLong(let days): t("Högst \(days) dagar åt gången.", "At most \(days) days at a time.")
        case .taken: t("Används redan.", "Already in use.")
        }
    }

    /// A list's `after` parameter that is not a cursor this site printed.
    public var listCursorInvalid: String {
        t(
            "Länken till nästa sida är felaktig. Börja om från första sidan.",
            "The link to the next page is malformed. Start again from the first page.")
    }
    /// A form arrived without the version it was loaded at.
    public var recordVersionMissing: String {
        t(
            "Formuläret saknar versionsuppgift. Ladda om sidan och försök igen.",
            "The form lacks its version. Reload the page and try again.")
    }

    // MARK: Shared by the customer and catalogue pages

    var recordArchivedBadge: String { t("Arkiverad", "Archived") }
    var recordActiveBadge: String { t("Aktiv", "Active") }
    var recordInactiveBadge: String { t("Inaktiv", "Inactive") }
    var recordStatus: String { t("Status", "Status") }
    var recordPagerLabel: String { t("Bläddra bland sidor", "Pages") }
    var recordFilterButton: String { t("Visa", "Show") }
    var recordDetails: String { t("Uppgifter", "Details") }

    /// `450,00 kr per dag`.
    func priceWithPricing(_ price: Money, _ pricing: LinePricing) -> String {
        "\(price.formatted(language)) \(quotations.pricingName(pricing))"
    }

    /// `2026-06-19 – 2026-06-21`, or one date for a one-day period.
    func periodText(_ period: RentalPeriod) -> String {
        period.start == period.end ? period.start.iso : "\(period.start.iso) – \(period.end.iso)"
    }
}
