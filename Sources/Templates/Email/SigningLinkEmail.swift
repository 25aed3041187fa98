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
        link: String, expiresAt: Date, contactEmail: String, contactPhone: String
    ) {
        let s = Strings(language)
        let expires = Self.date(expiresAt)
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

        text = [greeting, intro, link, validity + " " + personal, questions, companyName].joined(separator: "\n\n") + "\n"

        var buffer: [UInt8] = []
        Node.fragment([
            .literal("<!doctype html>"),
            Templates.html(.attr("lang", language.rawValue)) {
                head { meta(.attr("charset", "utf-8")) }
                body {
                    p { greeting }
                    p { intro }
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

    /// `2026-12-24`: unambiguous in both languages, the day in Europe/Stockholm.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func pad(_ n: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
        return "\(pad(parts.year ?? 0, 4))-\(pad(parts.month ?? 0, 2))-\(pad(parts.day ?? 0, 2))"
    }
}
