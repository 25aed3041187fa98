extension Strings {
    // MARK: Activity log

    var activityTitle: String { t("Aktivitetslogg", "Activity log") }
    var activityLead: String {
        t(
            "Varje ändring i systemet: vem, när, vad, och värdena före och efter.",
            "Every change in the system: who, when, what, and the values before and after.")
    }
    var activityUserLabel: String { t("Användare", "User") }
    var activityEntityLabel: String { t("Typ", "Type") }
    var activityEntityIDLabel: String { t("Id", "Id") }
    var activityFromLabel: String { t("Från och med", "From") }
    var activityToLabel: String { t("Till och med", "To") }
    var activityAnyone: String { t("Alla", "Anyone") }
    var activityAnyType: String { t("Alla typer", "All types") }
    var activityFilter: String { t("Filtrera", "Filter") }
    var activityClear: String { t("Rensa", "Clear") }
    var activityWhen: String { t("När (Europe/Stockholm)", "When (Europe/Stockholm)") }
    var activityWho: String { t("Vem", "Who") }
    var activityWhat: String { t("Vad", "What") }
    var activityChanges: String { t("Före och efter", "Before and after") }
    var activityField: String { t("Fält", "Field") }
    var activityBefore: String { t("Före", "Before") }
    var activityAfter: String { t("Efter", "After") }
    var activityHistory: String { t("historik", "history") }
    var activityNone: String { t("Ingen aktivitet matchar filtret.", "No activity matches the filter.") }
    var activityOlder: String { t("Äldre", "Older") }
    var activityNewest: String { t("Senaste", "Newest") }
    var activityEmptyValue: String { t("(tomt)", "(empty)") }

    public var activityBadDate: String { t("Skriv ett datum som ÅÅÅÅ-MM-DD.", "Enter a date as YYYY-MM-DD.") }
    public var activityBadRange: String {
        t("Slutdatumet ligger före startdatumet.", "The end date is before the start date.")
    }
    public var activityBadID: String { t("Skriv ett id med bara siffror.", "Enter an id of digits only.") }
    public var activityBadUser: String { t("Välj en användare i listan.", "Choose a user from the list.") }
    public var activityBadEntity: String { t("Välj en typ i listan.", "Choose a type from the list.") }

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
        case "company_name": companyNameLabel
        case "org_number": orgNumberLabel
        case "vat_number": vatNumberLabel
        case "address_line1": addressLine1Label
        case "address_line2": addressLine2Label
        case "postal_code": postalCodeLabel
        case "city": cityLabel
        case "country": t("Land", "Country")
        case "contact_email": contactEmailLabel
        case "contact_phone": contactPhoneLabel
        case "website_url": websiteLabel
        case "team_notification_email": teamEmailLabel
        case "email_sender": t("Avsändare", "Sender")
        case "default_vat_rate": t("Moms som standard", "Default VAT rate")
        case "signing_link_validity_days": linkValidityLabel
        case "terms_template_html": termsLabel
        case "name": userNameLabel
        case "email": userEmailLabel
        case "role": userRoleLabel
        case "locale": userLanguageLabel
        case "active": userActive
        case "logo": settingsLogoHeading
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
