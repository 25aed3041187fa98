public import Domain

/// The users feature's strings (`strings.users`).
public struct UserStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    // MARK: Users list

    var title: String { t("Användare", "Users") }
    var lead: String {
        t(
            "Personalens konton och roller. En inaktiverad användare loggas ut direkt och kan inte logga in igen förrän kontot aktiveras.",
            "Staff accounts and roles. A deactivated user is signed out at once and cannot sign in until the account is reactivated."
        )
    }
    var newUser: String { t("Ny användare", "New user") }
    var nameLabel: String { t("Namn", "Name") }
    var emailLabel: String { t("E-post", "Email") }
    var roleLabel: String { t("Roll", "Role") }
    var languageLabel: String { t("Språk", "Language") }
    var statusLabel: String { t("Status", "Status") }
    var lastSignIn: String { t("Senast inloggad", "Last sign-in") }
    var neverSignedIn: String { t("Aldrig", "Never") }
    var active: String { t("Aktiv", "Active") }
    var inactive: String { t("Inaktiverad", "Deactivated") }
    func lockedUntil(_ time: String) -> String { t("Spärrad till \(time)", "Locked until \(time)") }
    var you: String { t("du", "you") }
    var deactivate: String { t("Inaktivera", "Deactivate") }
    var reactivate: String { t("Aktivera igen", "Reactivate") }

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
        case .support:
            t(
                "kunder, meddelanden, läsa offerter och bokningar",
                "customers, messages, reading quotations and bookings")
        }
    }

    // MARK: User form

    var newTitle: String { t("Ny användare", "New user") }
    func editTitle(_ name: String) -> String { t("Ändra \(name)", "Edit \(name)") }
    var initialPasswordLabel: String { t("Lösenord", "Password") }
    var confirmPasswordLabel: String { t("Lösenord igen", "Password again") }
    var initialPasswordHint: String {
        t(
            "Minst 10 tecken. Ge lösenordet till personen på ett säkert sätt; hen kan byta det under Mitt konto.",
            "At least 10 characters. Give it to the person safely; they can change it under My account.")
    }
    var setPasswordHeading: String { t("Nytt lösenord (frivilligt)", "New password (optional)") }
    var setPasswordHint: String {
        t(
            "Lämna tomt för att behålla det nuvarande. Ett nytt lösenord loggar ut personen på alla enheter.",
            "Leave empty to keep the current one. A new password signs the person out on every device.")
    }
    var createButton: String { t("Skapa användare", "Create user") }
    var saveButton: String { t("Spara", "Save") }
    var statusHeading: String { t("Konto", "Account") }
    var deactivateText: String {
        t(
            "Inaktivering avslutar alla personens inloggningar direkt. Historiken finns kvar.",
            "Deactivating ends all of the person's sessions at once. The history stays.")
    }
    var inactiveText: String {
        t("Kontot är inaktiverat och kan inte logga in.", "The account is deactivated and cannot sign in.")
    }
    var resetTwoStepText: String {
        t(
            "Har användaren tappat bort telefonen och reservkoderna: stäng av tvåstegsverifieringen. Inloggningarna avslutas och användaren slår på den igen.",
            "If the user lost the phone and the recovery codes: turn two-step verification off. Their sessions end and they turn it on again."
        )
    }
    var resetTwoStep: String { t("Stäng av tvåstegsverifiering", "Turn off two-step verification") }

    // MARK: User validation and refusals

    public var emailInvalid: String {
        t(
            "Skriv en giltig e-postadress, till exempel namn@foretag.se.",
            "Enter a valid email address, for example name@company.com.")
    }
    public var emailTaken: String {
        t("Det finns redan en användare med den e-postadressen.", "There is already a user with this email address.")
    }
    public var nameTooLong: String { t("Namnet får ha högst 200 tecken.", "The name can have at most 200 characters.") }
    public var roleInvalid: String { t("Välj en av rollerna.", "Choose one of the roles.") }
    public var languageInvalid: String { t("Välj svenska eller engelska.", "Choose Swedish or English.") }
    public var lastAdmin: String {
        t(
            "Det måste finnas minst en aktiv administratör. Gör någon annan till administratör först.",
            "There must be at least one active admin. Make someone else an admin first.")
    }
    public var cannotDeactivateSelf: String {
        t(
            "Du kan inte inaktivera ditt eget konto. Be en annan administratör göra det.",
            "You cannot deactivate your own account. Ask another admin to do it.")
    }
}

extension Strings {
    /// The users feature's strings.
    public var users: UserStrings { UserStrings(language) }
}
