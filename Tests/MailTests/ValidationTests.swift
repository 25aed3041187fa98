import Mail
import Testing

@Suite("Validation: header injection and bad addresses are refused")
struct ValidationTests {
    static let injections = [
        "Hej\r\nBcc: victim@example.com", "Hej\nBcc: victim@example.com", "Hej\rX: y", "tail\r\n", "nul\u{0}byte",
        "line\u{2028}separator", "next\u{85}line",
    ]

    @Test("CR, LF and control characters in the subject are refused", arguments: injections)
    func subjectInjection(subject: String) throws {
        let from = try EmailAddress("a@eventgaraget.se")
        #expect {
            try EmailMessage(from: from, to: [from], subject: subject, textBody: "", htmlBody: "")
        } throws: { error in
            guard case .invalidHeader(let field, _) = error as? MailError else { return false }
            return field == "Subject"
        }
    }

    @Test("display names, extra headers and attachment names refuse line breaks too", arguments: injections)
    func otherHeaderInjection(value: String) {
        #expect(throws: MailError.self) { try EmailAddress("a@b.se", displayName: value) }
        #expect(throws: MailError.self) { try EmailMessage.Header(name: "X-Booking", value: value) }
        #expect(throws: MailError.self) {
            try EmailMessage.Attachment(filename: value, mimeType: "application/pdf", bytes: [])
        }
    }

    @Test("extra header names must be well-formed and not replace the message's own")
    func extraHeaderNames() {
        for name in ["From", "to", "Subject", "Message-ID", "Content-Type", "MIME-Version", "Bad:Name", "Bad Name", ""]
        {
            #expect(throws: MailError.self, "\(name)") { try EmailMessage.Header(name: name, value: "x") }
        }
        #expect(throws: Never.self) {
            try EmailMessage.Header(name: "List-Unsubscribe", value: "<mailto:u@eventgaraget.se>")
        }
    }

    @Test("MIME types must be type/subtype")
    func mimeTypes() {
        for type in ["application", "application/pdf; x=y", "a/b/c", "text/pl ain", "/pdf"] {
            #expect(throws: MailError.self, "\(type)") {
                try EmailMessage.Attachment(filename: "f", mimeType: type, bytes: [])
            }
        }
    }

    @Test(
        "invalid addresses are refused",
        arguments: [
            "", "plain", "a@", "@b.se", "a b@c.se", "a@b..se", "a..b@c.se", ".a@c.se", "a.@c.se", "<a@b.se>", "a@b.se>",
            "Eva <eva@b.se>", "a@b.se\r\nRCPT TO:<x@y.se>", "a@b.se\n", "å@c.se", "a@-b.se", "a@b-.se", "a@b_c.se",
            "\"quoted\"@b.se", "a(comment)@b.se", "a@[127.0.0.1]", String(repeating: "x", count: 65) + "@b.se",
        ])
    func invalidAddress(address: String) {
        #expect {
            try EmailAddress(address)
        } throws: { error in
            guard case .invalidAddress = error as? MailError else { return false }
            return true
        }
    }

    @Test(
        "ordinary addresses are accepted",
        arguments: [
            "eva@example.se", "first.last+tag@sub.example.co.uk", "root@localhost", "o'brien@x-y.example", "a_b=c@d.se",
        ])
    func validAddress(address: String) throws {
        #expect(try EmailAddress(address).address == address)
    }

    @Test("a message needs a recipient")
    func noRecipients() throws {
        let from = try EmailAddress("a@eventgaraget.se")
        #expect(throws: MailError.noRecipients) {
            try EmailMessage(from: from, to: [], subject: "x", textBody: "", htmlBody: "")
        }
    }

    @Test("error descriptions escape what they quote, so they cannot forge log lines")
    func descriptionsAreSafe() {
        do {
            _ = try EmailAddress("a@b.se\r\nFAKE LOG LINE")
            Issue.record("accepted")
        } catch {
            #expect(!"\(error)".contains("\r"))
            #expect(!"\(error)".contains("\n"))
        }
        do {
            _ = try EmailMessage.Header(name: "X-Secret", value: "token=hunter2\r\nBcc: x@y.se")
            Issue.record("accepted")
        } catch {
            #expect(!"\(error)".contains("hunter2"))
        }
    }
}
