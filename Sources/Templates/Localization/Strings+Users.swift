import Domain

extension Strings {
    // MARK: Users list

    var usersTitle: String { t("Användare", "Users") }
    var usersLead: String {
        t(
            "Personalens konton och roller. En inaktiverad användare loggas ut direkt och kan inte logga in igen förrän kontot aktiveras.",
            "Staff accounts and roles. A deactivated user is signed out at once and cannot sign in until the account is reactivated.")
    }
    var userNew: String { t("Ny användare", "New user") }
    var userNameLabel: String { t("Namn", "Name") }
    var userEmailLabel: String { t("E-post", "Email") }
    var userRoleLabel: String { t("Roll", "Role") }
    var userLanguageLabel: String { t("Språk", "Language") }
    var userStatusLabel: String { t("Status", "Status") }
    var userLastSignIn: String { t("Senast inloggad", "Last sign-in") }
    var userNeverSignedIn: String { t("Aldrig", "Never") }
    var userActive: String { t("Aktiv", "Active") }
    var userInactive: String { t("Inaktiverad", "Deactivated") }
    func userLockedUntil(_ time: String) -> String { t("Spärrad till \(time)", "Locked until \(time)") }
    var userYou: String { t("du", "you") }
    var userDeactivate: String { t("Inaktivera", "Deactivate") }
    var userReactivate: String { t("Aktivera igen", "Reactivate") }

    func languageName(_ language: Language) -> String {
        switch language {
        case .sv: "Svenska"
        case .en: "English"
        }
    }

    func roleDescription(_ role: StaffRole) -> String {
        switch role {
        case .admin: t("allt, även användare och inställningar", "everything, including users and settings")
        case .manager: t("försäljning, priser, bokningar, godkännanden", "sales, prices, bookings, approvals")
        case .warehouse: t("packning, leverans, retur, lagersaldo", "packing, delivery, return, stock levels")
        case .support: t("kunder, meddelanden, läsa offerter och bokningar", "customers, messages, reading quotations and bookings")
        }
    }

    // MARK: User form

    var userNewTitle: String { t("Ny användare", "New user") }
    func userEditTitle(_ name: String) -> String { t("Ändra \(name)", "Edit \(name)") }
    var userInitialPasswordLabel: String { t("Lösenord", "Password") }
    var userConfirmPasswordLabel: String { t("Lösenord igen", "Password again") }
    var userInitialPasswordHint: String {
        t(
            "Minst 10 tecken. Ge lösenordet till personen på ett säkert sätt; hen kan byta det under Mitt konto.",
            "At least 10 characters. Give it to the person safely; they can change it under My account.")
    }
    var userSetPasswordHeading: String { t("Nytt lösenord (frivilligt)", "New password (optional)") }
    var userSetPasswordHint: String {
        t(
            "Lämna tomt för att behålla det nuvarande. Ett nytt lösenord loggar ut personen på alla enheter.",
            "Leave empty to keep the current one. A new password signs the person out on every device.")
    }
    var userCreateButton: String { t("Skapa användare", "Create user") }
    var userSaveButton: String { t("Spara", "Save") }
    var userStatusHeading: String { t("Konto", "Account") }
    var userDeactivateText: String {
        t(
            "Inaktivering avslutar alla personens inloggningar direkt. Historiken finns kvar.",
            "Deactivating ends all of the person's sessions at once. The history stays.")
    }
    var userInactiveText: String {
        t("Kontot är inaktiverat och kan inte logga in.", "The account is deactivated and cannot sign in.")
    }

    // MARK: User validation and refusals

    public var userEmailInvalid: String {
        t("Skriv en giltig e-postadress, till exempel namn@foretag.se.", "Enter a valid email address, for example name@company.com.")
    }
    public var userEmailTaken: String {
        t("Det finns redan en användare med den e-postadressen.", "There is already a user with this email address.")
    }
    public var userNameTooLong: String { t("Namnet får ha högst 200 tecken.", "The name can have at most 200 characters.") }
    public var userRoleInvalid: String { t("Välj en av rollerna.", "Choose one of the roles.") }
    public var userLanguageInvalid: String { t("Välj svenska eller engelska.", "Choose Swedish or English.") }
    public var userLastAdmin: String {
        t(
            "Det måste finnas minst en aktiv administratör. Gör någon annan till administratör först.",
            "There must be at least one active admin. Make someone else an admin first.")
    }
    public var userCannotDeactivateSelf: String {
        t(
            "Du kan inte inaktivera ditt eget konto. Be en annan administratör göra det.",
            "You cannot deactivate your own account. Ask another admin to do it.")
    }
}
