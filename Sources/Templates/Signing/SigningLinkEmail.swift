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
        subject = s.email.signingLinkSubject(about: about, company: companyName)
        let greeting = s.email.greeting(customerName)
        let intro = s.email.signingLinkIntro(about: about)
        let validity = s.email.signingLinkValidity(expires)
        let personal = s.email.signingLinkPersonal
        let contact = [contactEmail, contactPhone].filter { !$0.isEmpty }.joined(separator: " · ")
        let questions = s.email.signingLinkQuestions(contact: contact)
        let button = s.email.signingLinkButton

        let note = message.trimmingCharacters(in: .whitespacesAndNewlines)
        text =
            ([greeting, intro] + (note.isEmpty ? [] : [note]) + [
                link, validity + " " + personal, questions, companyName,
            ])
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
