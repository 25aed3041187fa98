public import Domain

/// The customers feature's strings (`strings.customers`).
public struct CustomerStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    // MARK: Customers list

    var title: String { t("Kunder", "Customers") }
    var newCustomer: String { t("Ny kund", "New customer") }
    var searchLabel: String { t("Sök namn, företag, e-post eller telefon", "Search name, company, email or phone") }
    var showArchived: String { t("Visa arkiverade", "Show archived") }
    var none: String { t("Inga kunder hittades.", "No customers found.") }
    var columnName: String { t("Namn", "Name") }
    var columnEmail: String { t("E-post", "Email") }
    var columnPhone: String { t("Telefon", "Phone") }
    var columnCity: String { t("Ort", "City") }
    func contact(_ name: String) -> String { t("Kontakt: \(name)", "Contact: \(name)") }

    // MARK: Customer form

    var editTitle: String { t("Ändra kund", "Edit customer") }
    var kind: String { t("Kundtyp", "Customer type") }
    func kindName(_ kind: CustomerDetails.Kind) -> String {
        switch kind {
        case .person: t("Privatperson", "Private person")
        case .company: t("Företag eller förening", "Company or organisation")
        }
    }
    var name: String { t("Namn", "Name") }
    var nameHint: String {
        t("Personen, eller kontaktpersonen hos ett företag.", "The person, or the contact at a company.")
    }
    var companyName: String { t("Företagsnamn", "Company name") }
    var companyHint: String { t("Endast för företag och föreningar.", "Only for companies and organisations.") }
    var orgNumber: String { t("Organisationsnummer", "Company registration number") }
    var vatNumber: String { t("Momsregistreringsnummer", "VAT number") }
    var peppolID: String { t("Peppol-adress (e-faktura)", "Peppol address (e-invoices)") }
    var peppolIDHint: String {
        t(
            "Tom: organisationsnumret (0007:…). Ange en annan om kunden tar emot e-fakturor på en annan adress.",
            "Empty: the organisation number (0007:…). Enter another if the customer receives e-invoices elsewhere.")
    }
    var email: String { t("E-post", "Email") }
    var phone: String { t("Telefon", "Phone") }
    var billing: String { t("Fakturaadress", "Billing address") }
    var delivery: String { t("Leveransadress", "Delivery address") }
    var deliveryHint: String {
        t(
            "Lämna tomt om leveransen brukar gå till fakturaadressen.",
            "Leave empty when deliveries usually go to the billing address.")
    }
    var addressLine1: String { t("Gatuadress", "Street address") }
    var addressLine2: String { t("Adressrad 2", "Address line 2") }
    var postalCode: String { t("Postnummer", "Postcode") }
    var city: String { t("Ort", "City") }
    var country: String { t("Land (kod)", "Country (code)") }
    var locale: String { t("Språk för mejl och signering", "Language for emails and signing") }
    var notes: String { t("Interna anteckningar", "Internal notes") }
    var notesHint: String { t("Visas aldrig för kunden.", "Never shown to the customer.") }
    var save: String { t("Spara kund", "Save customer") }

    // MARK: Customer detail

    var archive: String { t("Arkivera", "Archive") }
    var restore: String { t("Återställ", "Restore") }
    var archivedNote: String {
        t(
            "Kunden är arkiverad: den visas inte i listor och kan inte väljas i nya offerter.",
            "This customer is archived: hidden from lists and not offered for new quotations.")
    }
    var newQuotation: String { t("Ny offert för kunden", "New quotation for this customer") }
    var contactHeading: String { t("Kontaktuppgifter", "Contact") }
    var addressesHeading: String { t("Adresser", "Addresses") }
    var noAddress: String { t("Ingen adress angiven.", "No address given.") }
    var sameAsBilling: String { t("Samma som fakturaadressen.", "Same as the billing address.") }
    var noNotes: String { t("Inga anteckningar.", "No notes.") }
    var quotationsHeading: String { t("Offerter", "Quotations") }
    var bookingsHeading: String { t("Bokningar", "Bookings") }
    var activityHeading: String { t("Senaste händelser", "Recent activity") }
    var noQuotations: String { t("Inga offerter ännu.", "No quotations yet.") }
    var noBookings: String { t("Inga bokningar ännu.", "No bookings yet.") }
    var noActivity: String { t("Inga händelser.", "No activity.") }
    func latest(_ count: Int) -> String { t("De senaste \(count) visas.", "The latest \(count) are shown.") }
    var allBookings: String { t("Alla kundens bokningar", "All of this customer's bookings") }
    var columnNumber: String { t("Nummer", "Number") }
    var columnTitle: String { t("Evenemang", "Event") }
    var columnState: String { t("Status", "Status") }
    var columnPeriod: String { t("Hyresperiod", "Rental period") }
    var columnTotal: String { t("Summa inkl. moms", "Total incl. VAT") }
    var columnCreated: String { t("Skapad", "Created") }
    var since: String { t("Kund sedan", "Customer since") }

    /// A customer form field's label by its name (`billing_city` → "Fakturaadress: Ort").
    func fieldName(_ field: String) -> String {
        switch CustomerProfile.Field(rawValue: field) {
        case .kind: kind
        case .name: name
        case .companyName: companyName
        case .orgNumber: orgNumber
        case .vatNumber: vatNumber
        case .peppolID: peppolID
        case .email: email
        case .phone: phone
        case .billingLine1: "\(billing): \(addressLine1)"
        case .billingLine2: "\(billing): \(addressLine2)"
        case .billingPostalCode: "\(billing): \(postalCode)"
        case .billingCity: "\(billing): \(city)"
        case .billingCountry: "\(billing): \(country)"
        case .deliveryLine1: "\(delivery): \(addressLine1)"
        case .deliveryLine2: "\(delivery): \(addressLine2)"
        case .deliveryPostalCode: "\(delivery): \(postalCode)"
        case .deliveryCity: "\(delivery): \(city)"
        case .deliveryCountry: "\(delivery): \(country)"
        case .locale: locale
        case .notes: notes
        case nil: field
        }
    }

    /// `Offert skickad`, `Kund ändrad`, … for an audit row; unknown actions are shown as stored.
    func historyActivity(entity: String, action: String) -> String {
        let what: String =
            switch entity {
            case "customer": t("Kund", "Customer")
            case "quotation": t("Offert", "Quotation")
            case "booking": t("Bokning", "Booking")
            default: entity
            }
        let did: String =
            switch action {
            case "created": t("skapad", "created")
            case "updated": t("ändrad", "changed")
            case "archived": t("arkiverad", "archived")
            case "restored": t("återställd", "restored")
            case "sent": t("skickad för signering", "sent for signing")
            case "resent": t("skickad igen", "sent again")
            case "signed": t("signerad", "signed")
            case "declined": t("avböjd", "declined")
            case "expired": t("utgången", "expired")
            case "voided": t("makulerad", "voided")
            case "approved": t("godkänd", "approved")
            case "state_changed": t("fick ny status", "changed status")
            case "sign_refused_unavailable":
                t("kunde inte signeras (brist i lager)", "could not be signed (out of stock)")
            default: action.split(separator: "_").joined(separator: " ")
            }
        return "\(what) \(did)"
    }

    func historyActor(name: String, kind: String) -> String {
        if !name.isEmpty { return name }
        return switch kind {
        case "customer": t("Kunden", "The customer")
        case "worker": t("Automatiskt", "Automatic")
        default: t("Systemet", "The system")
        }
    }
}

extension Strings {
    /// The customers feature's strings.
    public var customers: CustomerStrings { CustomerStrings(language) }
}
