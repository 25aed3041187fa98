public import Domain

/// The staff feature's strings (`strings.staff`).
public struct StaffStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    // MARK: Sign-in

    var loginTitle: String { t("Logga in", "Sign in") }
    var emailLabel: String { t("E-post", "Email") }
    var passwordLabel: String { t("Lösenord", "Password") }
    var loginButton: String { t("Logga in", "Sign in") }
    public var loginFailed: String { t("Fel e-post eller lösenord.", "Wrong email or password.") }
    public func loginSlowDown(seconds: Int) -> String {
        t(
            "För många misslyckade försök. Vänta \(seconds) sekunder och försök igen.",
            "Too many failed attempts. Wait \(seconds) seconds and try again.")
    }
    public func loginLocked(minutes: Int) -> String {
        t(
            "För många misslyckade försök. Inloggningen är spärrad i \(minutes) minuter.",
            "Too many failed attempts. Signing in is blocked for \(minutes) minutes.")
    }
    public var loginFormExpired: String {
        t(
            "Formuläret har gått ut. Ladda om sidan och logga in igen.",
            "The form has expired. Reload the page and sign in again.")
    }
    public var staffForbidden: String {
        t("Din roll har inte behörighet till den här sidan.", "Your role does not allow this page.")
    }
    public var staffCrossSite: String {
        t(
            "Begäran kom inte från våra egna sidor och har stoppats. Ladda om sidan och försök igen.",
            "The request did not come from our own pages and was stopped. Reload the page and try again.")
    }
    public var staffNotSignedIn: String {
        t(
            "Du är inte inloggad längre. Logga in och försök igen.",
            "You are no longer signed in. Sign in and try again.")
    }

    // MARK: Account

    var accountTitle: String { t("Mitt konto", "My account") }
    var sessionsHeading: String { t("Mina inloggningar", "My sessions") }
    var sessionStarted: String { t("Inloggad", "Signed in") }
    var sessionLastSeen: String { t("Senast aktiv", "Last active") }
    var sessionDevice: String { t("Enhet", "Device") }
    var sessionThisDevice: String { t("Den här enheten", "This device") }
    var sessionRevoke: String { t("Logga ut", "Sign out") }
    var changePasswordHeading: String { t("Byt lösenord", "Change password") }
    var currentPasswordLabel: String { t("Nuvarande lösenord", "Current password") }
    var newPasswordLabel: String { t("Nytt lösenord", "New password") }
    var confirmPasswordLabel: String { t("Nytt lösenord igen", "New password again") }
    var changePasswordButton: String { t("Byt lösenord", "Change password") }
    public var passwordRule: String {
        t(
            "Minst 10 tecken. En fras med flera ord är lätt att minnas.",
            "At least 10 characters. A phrase of several words is easy to remember.")
    }
    public var currentPasswordWrong: String {
        t("Det nuvarande lösenordet stämmer inte.", "The current password is not right.")
    }
    public var passwordsDiffer: String { t("Lösenorden är inte lika.", "The passwords do not match.") }
    public var passwordTooShort: String {
        t("Lösenordet måste ha minst 10 tecken.", "The password needs at least 10 characters.")
    }
    public var passwordTooLong: String {
        t("Lösenordet får ha högst 256 tecken.", "The password can have at most 256 characters.")
    }
    public var passwordIsEmail: String {
        t("Lösenordet får inte vara din e-postadress.", "The password cannot be your email address.")
    }
    public var passwordPersonal: String {
        t(
            "Lösenordet får inte innehålla namnet, e-postadressen eller företagets namn.",
            "The password cannot contain the name, the email address or the company's name.")
    }
    public var passwordGuessable: String {
        t(
            "Lösenordet är för lätt att gissa (ett vanligt ord, ett tangentbordsmönster eller upprepningar). Välj en längre fras.",
            "The password is too easy to guess (a common word, a keyboard pattern or repetition). Choose a longer phrase."
        )
    }
    /// The words for a refused password, next to its field.
    public func passwordProblem(_ problem: PasswordPolicy.Problem) -> String {
        switch problem {
        case .tooShort: passwordTooShort
        case .tooLong: passwordTooLong
        case .sameAsEmail: passwordIsEmail
        case .containsPersonalWord: passwordPersonal
        case .easyToGuess: passwordGuessable
        }
    }

    var codeTitle: String { t("Tvåstegsverifiering", "Two-step verification") }
    var codeText: String {
        t(
            "Skriv koden som appen för tvåstegsverifiering visar just nu.",
            "Type the code your two-step verification app shows right now.")
    }
    var codeLabel: String { t("Kod", "Code") }
    var codeHint: String {
        t(
            "Sex siffror, eller en av dina reservkoder (ABCDE-12345).",
            "Six digits, or one of your recovery codes (ABCDE-12345).")
    }
    var codeButton: String { t("Verifiera", "Verify") }
    var codeStartOver: String { t("Börja om med lösenordet", "Start over with the password") }
    public var codeWrong: String { t("Koden stämmer inte.", "The code is not right.") }
    public var codeExpired: String {
        t(
            "Det tog för lång tid. Logga in med lösenordet igen.",
            "That took too long. Sign in with your password again.")
    }
    var twoStepTitle: String { t("Tvåstegsverifiering", "Two-step verification") }
    var twoStepText: String {
        t(
            "Efter lösenordet frågar inloggningen efter en kod från en app i din telefon (till exempel Google Authenticator, Microsoft Authenticator eller 1Password). Den som bara har ditt lösenord kommer inte in.",
            "After the password, signing in asks for a code from an app on your phone (Google Authenticator, Microsoft Authenticator or 1Password, for example). Someone with only your password cannot get in."
        )
    }
    var twoStepRequired: String {
        t(
            "Din roll måste använda tvåstegsverifiering. Slå på den för att fortsätta.",
            "Your role must use two-step verification. Turn it on to continue.")
    }
    var twoStepOff: String { t("Tvåstegsverifiering är avstängd.", "Two-step verification is off.") }
    var twoStepBegin: String { t("Slå på tvåstegsverifiering", "Turn on two-step verification") }
    var twoStepScan: String {
        t("Skanna QR-koden med appen (eller skriv in nyckeln).", "Scan the QR code with the app (or type the key).")
    }
    var twoStepTypeCode: String { t("Skriv koden som appen visar.", "Type the code the app shows.") }
    var twoStepQRLabel: String { t("QR-kod för appen", "QR code for the app") }
    var twoStepSecret: String { t("Nyckel:", "Key:") }
    var twoStepConfirm: String { t("Slå på", "Turn on") }
    var twoStepEnabled: String { t("Tvåstegsverifiering är påslagen.", "Two-step verification is on.") }
    var recoveryCodesShownOnce: String {
        t(
            "Spara reservkoderna nu, till exempel utskrivna: de visas bara den här gången. Varje kod fungerar en gång om telefonen inte finns till hands.",
            "Keep the recovery codes now, printed for instance: they are shown only this once. Each works once when the phone is not at hand."
        )
    }
    func twoStepOn(since: String, recoveryCodesLeft: Int) -> String {
        t(
            "Tvåstegsverifiering är påslagen sedan \(since). \(recoveryCodesLeft) reservkoder kvar.",
            "Two-step verification is on since \(since). \(recoveryCodesLeft) recovery codes left.")
    }
    var twoStepDisableHeading: String { t("Stäng av", "Turn off") }
    var twoStepDisable: String { t("Stäng av tvåstegsverifiering", "Turn off two-step verification") }
    public var twoStepRequiredFirst: String {
        t(
            "Din roll måste använda tvåstegsverifiering: slå på den under Mitt konto först.",
            "Your role must use two-step verification: turn it on under My account first.")
    }
    public var twoStepOnShort: String { t("Påslagen", "On") }
    public var twoStepOffShort: String { t("Avstängd", "Off") }
    var twoStepManage: String { t("Hantera tvåstegsverifiering", "Manage two-step verification") }

    var feedsHeading: String { t("Kalenderprenumeration", "Calendar subscription") }
    var feedsText: String {
        t(
            "Prenumerera på leveranser, hämtningar och hyresperioder i Google Kalender eller Outlook med en hemlig länk. Länken gäller ett år och kan förnyas; den slutar gälla när ditt lösenord byts eller kontot stängs. Ta bort länken om den har kommit i fel händer.",
            "Subscribe to deliveries, pickups and rental periods in Google Calendar or Outlook with a secret link. A link is valid for a year and can be renewed; it stops working when your password changes or the account is closed. Revoke the link if it got into the wrong hands."
        )
    }
    var feedShownOnce: String {
        t("Kopiera länken nu – den visas bara en gång:", "Copy the link now – it is shown only once:")
    }
    var feedCreated: String { t("skapad", "created") }
    var feedLastUsed: String { t("senast hämtad", "last fetched") }
    var feedRevoke: String { t("Ta bort", "Revoke") }
    var feedRenew: String { t("Förnya ett år", "Renew for a year") }
    var feedNeverUsed: String { t("aldrig hämtad", "never fetched") }
    var feedValidUntil: String { t("gäller till", "valid until") }
    var feedExpired: String { t("Har gått ut", "Expired") }
    var feedNameLabel: String { t("Namn på länken", "Name of the link") }
    public var feedDefaultName: String { t("Min kalender", "My calendar") }
    var feedCreate: String { t("Skapa kalenderlänk", "Create calendar link") }
}

extension Strings {
    /// The staff feature's strings.
    public var staff: StaffStrings { StaffStrings(language) }
}
