public import Domain

/// The inbox's strings (`strings.inbox`): conversations, replies and the proposed quotation.
public struct InboxStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var title: String { t("Inkorg", "Inbox") }
    var lead: String {
        t(
            "Kundernas e-post samlad i konversationer. Svara härifrån; en förfrågan blir ett förslag till offert som du granskar innan något skickas.",
            "Customer email gathered into conversations. Reply from here; an inquiry becomes a proposed quotation you review before anything is sent."
        )
    }
    func viewName(_ view: InboxView) -> String {
        switch view {
        case .open: t("Öppna", "Open")
        case .unread: t("Olästa", "Unread")
        case .mine: t("Mina", "Assigned to me")
        case .waiting: t("Väntar på kund", "Waiting for customer")
        case .closed: t("Avslutade", "Closed")
        }
    }
    func stateName(_ state: ConversationState) -> String {
        switch state {
        case .open: t("Öppen", "Open")
        case .waiting: t("Väntar på kund", "Waiting for customer")
        case .closed: t("Avslutad", "Closed")
        }
    }
    func kindName(_ kind: String) -> String {
        switch kind {
        case "inquiry": t("Förfrågan", "Inquiry")
        case "reply": t("Svar", "Reply")
        case "auto-reply": t("Autosvar", "Auto-reply")
        case "bounce": t("Studs", "Bounce")
        case "staff": t("Vårt svar", "Our reply")
        default: t("Meddelande", "Message")
        }
    }
    func deliveryName(_ delivery: String) -> String {
        switch delivery {
        case "queued": t("I kö", "Queued")
        case "sent": t("Skickat", "Sent")
        case "bounced": t("Studsade", "Bounced")
        default: t("Misslyckades", "Failed")
        }
    }
    var empty: String { t("Inga konversationer här.", "No conversations here.") }
    var from: String { t("Från", "From") }
    var subject: String { t("Ämne", "Subject") }
    var customer: String { t("Kund", "Customer") }
    var latest: String { t("Senast", "Latest") }
    var state: String { t("Läge", "State") }
    var assigned: String { t("Ansvarig", "Assigned") }
    var nobody: String { t("Ingen", "Nobody") }
    func unread(_ count: Int) -> String { t("\(count) olästa", "\(count) unread") }
    func messages(_ count: Int) -> String {
        count == 1 ? t("1 meddelande", "1 message") : t("\(count) meddelanden", "\(count) messages")
    }
    var noSubject: String { t("(inget ämne)", "(no subject)") }
    var quotedHistory: String { t("Visa citerad historik", "Show quoted history") }
    var htmlVersion: String { t("Visa HTML-versionen", "Show the HTML version") }
    var attachments: String { t("Bilagor", "Attachments") }
    var notKept: String { t("för stor, inte sparad", "too large, not kept") }
    var problems: String { t("Problem när meddelandet lästes", "Problems reading the message") }
    var rawMessage: String { t("Originalmeddelandet", "Original message") }
    var rawNotKept: String { t("Originalet var för stort för att sparas.", "The original was too large to keep.") }
    var replyHeading: String { t("Svara", "Reply") }
    var replyText: String { t("Meddelande", "Message") }
    var replyHint: String {
        t(
            "Skickas från företagets adress med företagets signatur, i samma tråd som kundens meddelande.",
            "Sent from the company's address with its signature, in the same thread as the customer's message.")
    }
    var replyFiles: String { t("Bifoga filer", "Attach files") }
    var attachOffer: String { t("Bifoga offerten som PDF", "Attach the offer as a PDF") }
    var send: String { t("Skicka svar", "Send reply") }
    public var replyEmpty: String { t("Skriv ett meddelande.", "Write a message.") }
    public var replyTooLong: String { t("Meddelandet är för långt.", "The message is too long.") }
    public var replyTooLarge: String {
        t("Bilagorna är för stora (högst 10 MB).", "The attachments are too large (at most 10 MB).")
    }
    public var noAddress: String {
        t("Avsändarens adress går inte att svara till.", "The sender's address cannot be replied to.")
    }
    var replied: String { t("Svaret är köat och skickas strax.", "The reply is queued and will be sent shortly.") }
    var markOpen: String { t("Öppna igen", "Reopen") }
    var markWaiting: String { t("Väntar på kund", "Waiting for customer") }
    var markClosed: String { t("Avsluta", "Close") }
    var assign: String { t("Tilldela", "Assign") }
    var createCustomer: String { t("Gör till kund", "Make a customer") }
    var createCustomerHint: String {
        t("Avsändaren finns inte som kund än.", "The sender is not a customer yet.")
    }
    var name: String { t("Namn", "Name") }
    var company: String { t("Företag", "Company") }
    var phone: String { t("Telefon", "Phone") }
    var email: String { t("E-post", "Email") }
    public var nameMissing: String { t("Ange ett namn.", "Enter a name.") }
    public var nameTooLong: String { t("Högst 200 tecken (telefon 50).", "At most 200 characters (phone 50).") }
    var quotation: String { t("Offert", "Quotation") }
    var booking: String { t("Bokning", "Booking") }
    var conversationsHeading: String { t("Konversationer", "Conversations") }
    var unthreadedHeading: String {
        t(
            "Leveransrapporter och autosvar utan konversation",
            "Delivery reports and auto-replies without a conversation")
    }
    public var badField: String {
        t("Formuläret skickade ett värde som inte finns.", "The form sent a value that does not exist.")
    }
    var writtenBy: String { t("Skrivet av", "Written by") }
    var sentAt: String { t("Skickat", "Sent") }
    var receivedVia: String { t("Mottaget via", "Received via") }
}

extension Strings {
    /// The inbox's strings.
    public var inbox: InboxStrings { InboxStrings(language) }
}
