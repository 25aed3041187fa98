import Domain

extension Strings {
    // MARK: Customers list

    var customersTitle: String { t("Kunder", "Customers") }
    var customerNew: String { t("Ny kund", "New customer") }
    var customerSearchLabel: String { t("Sök namn, företag, e-post eller telefon", "Search name, company, email or phone") }
    var customerShowArchived: String { t("Visa arkiverade", "Show archived") }
    var customerNone: String { t("Inga kunder hittades.", "No customers found.") }
    var customerColumnName: String { t("Namn", "Name") }
    var customerColumnEmail: String { t("E-post", "Email") }
    var customerColumnPhone: String { t("Telefon", "Phone") }
    var customerColumnCity: String { t("Ort", "City") }
    func customerContact(_ name: String) -> String { t("Kontakt: \(name)", "Contact: \(name)") }

    // MARK: Customer form

    var customerEditTitle: String { t("Ändra kund", "Edit customer") }
    var customerKind: String { t("Kundtyp", "Customer type") }
    func customerKindName(_ kind: CustomerDetails.Kind) -> String {
        switch kind {
        case .person: t("Privatperson", "Private person")
        case .company: t("Företag eller förening", "Company or organisation")
        }
    }
    var customerName: String { t("Namn", "Name") }
    var customerNameHint: String { t("Personen, eller kontaktpersonen hos ett företag.", "The person, or the contact at a company.") }
    var customerCompanyName: String { t("Företagsnamn", "Company name") }
    var customerCompanyHint: String { t("Endast för företag och föreningar.", "Only for companies and organisations.") }
    var customerOrgNumber: String { t("Organisationsnummer", "Company registration number") }
    var customerVATNumber: String { t("Momsregistreringsnummer", "VAT number") }
    var customerEmail: String { t("E-post", "Email") }
    var customerPhone: String { t("Telefon", "Phone") }
    var customerBilling: String { t("Fakturaadress", "Billing address") }
    var customerDelivery: String { t("Leveransadress", "Delivery address") }
    var customerDeliveryHint: String {
        t("Lämna tomt om leveransen brukar gå till fakturaadressen.", "Leave empty when deliveries usually go to the billing address.")
    }
    var customerAddressLine1: String { t("Gatuadress", "Street address") }
    var customerAddressLine2: String { t("Adressrad 2", "Address line 2") }
    var customerPostalCode: String { t("Postnummer", "Postcode") }
    var customerCity: String { t("Ort", "City") }
    var customerCountry: String { t("Land (kod)", "Country (code)") }
    var customerLocale: String { t("Språk för mejl och signering", "Language for emails and signing") }
    var customerNotes: String { t("Interna anteckningar", "Internal notes") }
    var customerNotesHint: String { t("Visas aldrig för kunden.", "Never shown to the customer.") }
    var customerSave: String { t("Spara kund", "Save customer") }

    // MARK: Customer detail

    var customerArchive: String { t("Arkivera", "Archive") }
    var customerRestore: String { t("Återställ", "Restore") }
    var customerArchivedNote: String {
        t("Kunden är arkiverad: den visas inte i listor och kan inte väljas i nya offerter.",
          "This customer is archived: hidden from lists and not offered for new quotations.")
    }
    var customerNewQuotation: String { t("Ny offert för kunden", "New quotation for this customer") }
    var customerContactHeading: String { t("Kontaktuppgifter", "Contact") }
    var customerAddressesHeading: String { t("Adresser", "Addresses") }
    var customerNoAddress: String { t("Ingen adress angiven.", "No address given.") }
    var customerSameAsBilling: String { t("Samma som fakturaadressen.", "Same as the billing address.") }
    var customerNoNotes: String { t("Inga anteckningar.", "No notes.") }
    var customerQuotationsHeading: String { t("Offerter", "Quotations") }
    var customerBookingsHeading: String { t("Bokningar", "Bookings") }
    var customerActivityHeading: String { t("Senaste händelser", "Recent activity") }
    var customerNoQuotations: String { t("Inga offerter ännu.", "No quotations yet.") }
    var customerNoBookings: String { t("Inga bokningar ännu.", "No bookings yet.") }
    var customerNoActivity: String { t("Inga händelser.", "No activity.") }
    func customerLatest(_ count: Int) -> String { t("De senaste \(count) visas.", "The latest \(count) are shown.") }
    var customerAllBookings: String { t("Alla kundens bokningar", "All of this customer's bookings") }
    var customerColumnNumber: String { t("Nummer", "Number") }
    var customerColumnTitle: String { t("Evenemang", "Event") }
    var customerColumnState: String { t("Status", "Status") }
    var customerColumnPeriod: String { t("Hyresperiod", "Rental period") }
    var customerColumnTotal: String { t("Summa inkl. moms", "Total incl. VAT") }
    var customerColumnCreated: String { t("Skapad", "Created") }
    var customerSince: String { t("Kund sedan", "Customer since") }

    /// A customer form field's label by its name (`billing_city` → "Fakturaadress: Ort").
    func customerFieldName(_ field: String) -> String {
        switch CustomerProfile.Field(rawValue: field) {
        case .kind: customerKind
        case .name: customerName
        case .companyName: customerCompanyName
        case .orgNumber: customerOrgNumber
        case .vatNumber: customerVATNumber
        case .email: customerEmail
        case .phone: customerPhone
        case .billingLine1: "\(customerBilling): \(customerAddressLine1)"
        case .billingLine2: "\(customerBilling): \(customerAddressLine2)"
        case .billingPostalCode: "\(customerBilling): \(customerPostalCode)"
        case .billingCity: "\(customerBilling): \(customerCity)"
        case .billingCountry: "\(customerBilling): \(customerCountry)"
        case .deliveryLine1: "\(customerDelivery): \(customerAddressLine1)"
        case .deliveryLine2: "\(customerDelivery): \(customerAddressLine2)"
        case .deliveryPostalCode: "\(customerDelivery): \(customerPostalCode)"
        case .deliveryCity: "\(customerDelivery): \(customerCity)"
        case .deliveryCountry: "\(customerDelivery): \(customerCountry)"
        case .locale: customerLocale
        case .notes: customerNotes
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
            case "sign_refused_unavailable": t("kunde inte signeras (brist i lager)", "could not be signed (out of stock)")
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
