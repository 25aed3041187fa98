public import Domain
public import Foundation

/// The email that brings a customer their signing link: subject, plain text and HTML, in the
/// customer's language. HTML is built with the same escaping DSL as the pages.
public struct SigningLinkEmail: Sendable {
    public let subject: String
    public let text: String
    public let html: String

    public init(
        language: Language, customerName: String, companyName: String, quotationNumber: String, title: String,
        link: String, expiresAt: Date, contactEmail: String, contactPhone: String, message: String = ""
    ) {
        let s = Strings(language)
        let expires = DisplayFormat.date(expiresAt)
        let about = title.isEmpty ? quotationNumber : "\(quotationNumber) – \(title)"
        subject = s.t("Offert \(about) från \(companyName)", "Quotation \(about) from \(companyName)")
        let greeting = s.t("Hej \(customerName)!", "Hello \(customerName),")
        let intro = s.t(
            "Här är vår offert \(about). Öppna länken för att läsa avtalet och signera det på mobilen eller datorn.",
            "Here is our quotation \(about). Open the link to read the agreement and sign it on your phone or computer.")
        let validity = s.t("Länken gäller till och med \(expires).", "The link is valid until \(expires).")
        let personal = s.t("Länken är personlig – dela den inte.", "The link is personal – please do not share it.")
        let contact = [contactEmail, contactPhone].filter { !$0.isEmpty }.joined(separator: " · ")
        let questions = s.t("Frågor? Svara på det här mejlet", "Questions? Reply to this email")
            + (contact.isEmpty ? "." : s.t(" eller kontakta oss: \(contact).", " or contact us: \(contact)."))
        let button = s.t("Läs och signera offerten", "Read and sign the quotation")

        let note = message.trimmingCharacters(in: .whitespacesAndNewlines)
        text = ([greeting, intro] + (note.isEmpty ? [] : [note]) + [link, validity + " " + personal, questions, companyName])
            .joined(separator: "\n\n") + "\n"

        var buffer: [UInt8] = []
        Node.fragment([
            .literal("<!doctype html>"),
            Templates.html(.attr("lang", language.rawValue)) {
                head { meta(.attr("charset", "utf-8")) }
                body {
                    p { greeting }
                    p { intro }
                    if !note.isEmpty {
                        // The staff's own words, paragraph by paragraph, escaped like everything else.
                        for paragraph in note.split(separator: "\n", omittingEmptySubsequences: true) {
                            p { String(paragraph) }
                        }
                    }
                    p { a(.href(SafeURL(unchecked: link))) { button } }
                    p { small { link } }
                    p { "\(validity) \(personal)" }
                    p { questions }
                    p { strong { companyName } }
                }
            },
        ]).render(into: &buffer)
        html = String(decoding: buffer, as: UTF8.self)
    }
}
