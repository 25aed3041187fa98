public import Domain

/// The customer portal's strings (`strings.portal`).
public struct PortalStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var title: String { t("Mina sidor", "My pages") }
    var signInLead: String {
        t(
            "Se dina offerter, bokningar, fakturor och meddelanden. Skriv e-postadressen du har gett oss, så mejlar vi en inloggningslänk – inget lösenord behövs.",
            "See your quotations, bookings, invoices and messages. Enter the email address you gave us and we will email you a sign-in link – no password needed."
        )
    }
    var emailLabel: String { t("E-postadress", "Email address") }
    var sendLink: String { t("Skicka inloggningslänk", "Send me a sign-in link") }
    public var errorEmail: String { t("Skriv en giltig e-postadress.", "Enter a valid email address.") }
    var checkTitle: String { t("Titta i din e-post", "Check your email") }
    func checkText(minutes: Int) -> String {
        t(
            "Om adressen finns hos oss har vi skickat en inloggningslänk dit. Länken fungerar en gång och i \(minutes) minuter. Hittar du inget mejl? Titta i skräpposten, eller kontakta oss.",
            "If we have this address, we have sent a sign-in link to it. The link works once, for \(minutes) minutes. No email? Check your spam folder, or contact us."
        )
    }
    var linkTitle: String { t("Logga in på Mina sidor", "Sign in to My pages") }
    var linkText: String { t("Tryck på knappen för att logga in.", "Press the button to sign in.") }
    var linkButton: String { t("Logga in", "Sign in") }
    var linkDeadTitle: String { t("Länken fungerar inte längre", "The link no longer works") }
    var linkDeadText: String {
        t(
            "En inloggningslänk fungerar en gång och i 15 minuter. Be om en ny länk här nedan.",
            "A sign-in link works once, for 15 minutes. Ask for a new link below.")
    }
    var askAgain: String { t("Be om en ny länk", "Ask for a new link") }
    func greeting(_ name: String) -> String { t("Hej \(name)!", "Hello \(name)!") }
    var signOut: String { t("Logga ut", "Sign out") }
    var signedOut: String { t("Du är utloggad.", "You are signed out.") }

    var quotations: String { t("Offerter", "Quotations") }
    var noQuotations: String { t("Inga offerter ännu.", "No quotations yet.") }
    var bookings: String { t("Bokningar", "Bookings") }
    var noBookings: String { t("Inga bokningar ännu.", "No bookings yet.") }
    var invoices: String { t("Fakturor", "Invoices") }
    var noInvoices: String { t("Inga fakturor.", "No invoices.") }
    var conversations: String { t("Meddelanden", "Messages") }
    var noConversations: String { t("Inga meddelanden ännu.", "No messages yet.") }

    var number: String { t("Nummer", "Number") }
    var status: String { t("Status", "Status") }
    var period: String { t("Hyresperiod", "Rental period") }
    var total: String { t("Summa inkl. moms", "Total incl. VAT") }
    var delivery: String { t("Leverans", "Delivery") }
    var pickup: String { t("Hämtning", "Pickup") }
    var address: String { t("Adress", "Address") }
    var amount: String { t("Belopp", "Amount") }
    var dueDate: String { t("Förfaller", "Due") }
    var pdf: String { t("PDF", "PDF") }
    func linkValid(until: String) -> String {
        t("Signeringslänken gäller till \(until).", "The signing link is valid until \(until).")
    }
    var resendLink: String { t("Mejla signeringslänken igen", "Email me the signing link again") }
    var resent: String {
        t(
            "Vi har mejlat en ny signeringslänk. Den tidigare länken fungerar inte längre.",
            "We have emailed a new signing link. The earlier link no longer works.")
    }
    var notResendable: String {
        t(
            "Den här offerten kan inte signeras längre. Kontakta oss så hjälper vi dig.",
            "This quotation can no longer be signed. Contact us and we will help you.")
    }
    var tasks: String { t("Att göra", "To do") }
    var noTasks: String { t("Inget att göra just nu.", "Nothing to do right now.") }
    func taskDue(_ day: String) -> String { t("Senast \(day)", "By \(day)") }
    var taskOpen: String { t("Fyll i", "Fill in") }
    var taskShow: String { t("Visa svaren", "See the answers") }
    var taskDoneBadge: String { t("Klar", "Done") }
    var taskToDoBadge: String { t("Att göra", "To do") }
    var taskSubmit: String { t("Skicka", "Send") }
    var taskDone: String { t("Tack! Vi har fått dina svar.", "Thank you! We have received your answers.") }
    var taskAbout: String { t("Gäller", "About") }
    var taskAnswers: String { t("Dina svar", "Your answers") }
    public var taskNotOpen: String {
        t("Uppgiften är redan klar eller avbruten.", "The task is already done or cancelled.")
    }
    var taskRequiredHint: String { t("Fält med * måste fyllas i.", "Fields marked * are required.") }
    var taskErrors: String { t("Några svar behöver rättas:", "Some answers need fixing:") }
    var lastMessage: String { t("Senast", "Last message") }
    var open: String { t("Visa", "Open") }
    var backHome: String { t("Tillbaka till Mina sidor", "Back to My pages") }
    var fromYou: String { t("Du", "You") }
    var replyLabel: String { t("Ditt svar", "Your reply") }
    var replyButton: String { t("Skicka", "Send") }
    var replySent: String { t("Tack! Vi har fått ditt meddelande.", "Thank you! We have received your message.") }
    public var errorReplyEmpty: String { t("Skriv ett meddelande.", "Write a message.") }
    public func errorReplyTooLong(_ limit: Int) -> String {
        t("Meddelandet får vara högst \(limit) tecken.", "The message can be at most \(limit) characters.")
    }
    public var sessionMissing: String {
        t("Logga in på Mina sidor för att fortsätta.", "Sign in to My pages to continue.")
    }
    public var crossSite: String {
        t(
            "Formuläret kom inte från våra sidor. Ladda om sidan och försök igen.",
            "The form did not come from our pages. Reload the page and try again.")
    }

    // MARK: The sign-in email.
    func emailSubject(company: String) -> String {
        t("Din inloggningslänk till \(company)", "Your sign-in link for \(company)")
    }
    func emailIntro(company: String) -> String {
        t(
            "Här är länken för att logga in på Mina sidor hos \(company):",
            "Here is the link to sign in to My pages at \(company):")
    }
    func emailValidity(_ until: String) -> String {
        t(
            "Länken fungerar en gång och till \(until). Bad du inte om den? Då kan du bortse från det här mejlet.",
            "The link works once, until \(until). Did you not ask for it? Then you can ignore this email.")
    }
}

extension Strings {
    /// The customer portal's strings.
    public var portal: PortalStrings { PortalStrings(language) }
}
