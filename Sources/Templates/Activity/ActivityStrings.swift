public import Domain

/// The activity feature's strings (`strings.activity`).
public struct ActivityStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    // MARK: Activity log

    var title: String { t("Aktivitetslogg", "Activity log") }
    var lead: String {
        t(
            "Varje ändring i systemet: vem, när, vad, och värdena före och efter.",
            "Every change in the system: who, when, what, and the values before and after.")
    }
    var userLabel: String { t("Användare", "User") }
    var entityLabel: String { t("Typ", "Type") }
    var entityIDLabel: String { t("Id", "Id") }
    var fromLabel: String { t("Från och med", "From") }
    var toLabel: String { t("Till och med", "To") }
    var anyone: String { t("Alla", "Anyone") }
    var anyType: String { t("Alla typer", "All types") }
    var filter: String { t("Filtrera", "Filter") }
    var clear: String { t("Rensa", "Clear") }
    var when: String { t("När (Europe/Stockholm)", "When (Europe/Stockholm)") }
    var who: String { t("Vem", "Who") }
    var what: String { t("Vad", "What") }
    var changes: String { t("Före och efter", "Before and after") }
    var field: String { t("Fält", "Field") }
    var before: String { t("Före", "Before") }
    var after: String { t("Efter", "After") }
    var history: String { t("historik", "history") }
    var none: String { t("Ingen aktivitet matchar filtret.", "No activity matches the filter.") }
    var older: String { t("Äldre", "Older") }
    var newest: String { t("Senaste", "Newest") }
    var emptyValue: String { t("(tomt)", "(empty)") }

    public var badDate: String { t("Skriv ett datum som ÅÅÅÅ-MM-DD.", "Enter a date as YYYY-MM-DD.") }
    public var badRange: String {
        t("Slutdatumet ligger före startdatumet.", "The end date is before the start date.")
    }
    public var badID: String { t("Skriv ett id med bara siffror.", "Enter an id of digits only.") }
    public var badUser: String { t("Välj en användare i listan.", "Choose a user from the list.") }
    public var badEntity: String { t("Välj en typ i listan.", "Choose a type from the list.") }

    func actorKindName(_ kind: String) -> String {
        switch kind {
        case "customer": t("Kund", "Customer")
        case "worker": t("Bakgrundsjobb", "Background worker")
        default: t("Systemet", "System")
        }
    }

    /// The name of an entity type in the log; an unknown one is shown as it is stored.
    func entityName(_ type: String) -> String {
        switch type {
        case "customer": t("Kund", "Customer")
        case "product": t("Produkt", "Product")
        case "addon": t("Tillval", "Add-on")
        case "quotation": t("Offert", "Quotation")
        case "booking": t("Bokning", "Booking")
        case "user": t("Användare", "User")
        case "settings": t("Inställningar", "Settings")
        case "calendar_feed": t("Kalenderlänk", "Calendar link")
        case "category": t("Kategori", "Category")
        default: type.replacingUnderscores
        }
    }

    /// The name of an action in the log; an unknown one is shown as it is stored, spaced.
    func actionName(_ action: String) -> String {
        switch action {
        case "created": t("skapad", "created")
        case "updated": t("ändrad", "updated")
        case "archived": t("arkiverad", "archived")
        case "deactivated": t("inaktiverad", "deactivated")
        case "reactivated": t("aktiverad igen", "reactivated")
        case "login": t("inloggning", "signed in")
        case "logout": t("utloggning", "signed out")
        case "login_failed": t("misslyckad inloggning", "failed sign-in")
        case "login_locked": t("inloggning spärrad", "sign-in locked")
        case "password_change_failed":
            t("fel nuvarande lösenord vid lösenordsbyte", "wrong current password when changing it")
        case "session_revoked": t("inloggning avslutad", "session ended")
        case "password_changed": t("lösenord bytt", "password changed")
        case "password_set": t("nytt lösenord satt av administratör", "new password set by an admin")
        case "logo_uploaded": t("ny logotyp", "logo uploaded")
        case "logo_removed": t("logotyp borttagen", "logo removed")
        case "sent": t("skickad för signering", "sent for signing")
        case "signed": t("signerad", "signed")
        case "declined": t("avböjd", "declined")
        case "expired": t("utgången", "expired")
        case "voided": t("makulerad", "voided")
        case "approved": t("godkänd", "approved")
        case "state_changed": t("status ändrad", "status changed")
        default: action.replacingUnderscores
        }
    }

    /// A field name of a before/after map, in words where it is one of ours.
    func auditFieldName(_ key: String) -> String {
        switch key {
        case "company_name": common.settings.companyNameLabel
        case "org_number": common.settings.orgNumberLabel
        case "vat_number": common.settings.vatNumberLabel
        case "address_line1": common.settings.addressLine1Label
        case "address_line2": common.settings.addressLine2Label
        case "postal_code": common.settings.postalCodeLabel
        case "city": common.settings.cityLabel
        case "country": t("Land", "Country")
        case "contact_email": common.settings.contactEmailLabel
        case "contact_phone": common.settings.contactPhoneLabel
        case "website_url": common.settings.websiteLabel
        case "team_notification_email": common.settings.teamEmailLabel
        case "email_sender": t("Avsändare", "Sender")
        case "default_vat_rate": t("Moms som standard", "Default VAT rate")
        case "signing_link_validity_days": common.settings.linkValidityLabel
        case "terms_template_html": common.settings.termsLabel
        case "name": common.users.nameLabel
        case "email": common.users.emailLabel
        case "role": common.users.roleLabel
        case "locale": common.users.languageLabel
        case "active": common.users.active
        case "logo": common.settings.logoHeading
        case "logo_bytes": t("Filstorlek (byte)", "File size (bytes)")
        case "logo_size": t("Pixlar", "Pixels")
        case "logo_sha256": "SHA-256"
        case "sessions_ended", "other_sessions_ended": t("Avslutade inloggningar", "Sessions ended")
        default: key.replacingUnderscores
        }
    }
}

extension String {
    fileprivate var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}

extension Strings {
    /// The activity feature's strings.
    public var activity: ActivityStrings { ActivityStrings(language) }
}
