import Foundation
import Mail
import Testing

@Suite("Rendering, read back by Python's email parser")
struct RenderingTests {
    let date = Date(timeIntervalSince1970: 1_795_544_332)  // Tue, 24 Nov 2026 18:18:52 UTC

    @Test("a message with a PDF: headers, both alternatives and the attachment survive a real MIME parser")
    func fullMessageRoundTrips() throws {
        let message = try Fixtures.message()
        let messageID = message.makeMessageID()
        let bytes = message.rendered(date: date, messageID: messageID)
        let parsed = try ParsedMail.parse(bytes)

        #expect(parsed.defects == [])
        #expect(parsed.subject == Fixtures.subject)
        #expect(parsed.from == [.init(name: "EventGaraget Bokning", address: "bokning@eventgaraget.se")])
        #expect(
            parsed.to == [
                .init(name: "Åsa Öberg-Ärlig", address: "asa.oberg@example.se"),
                .init(name: "", address: "kontor@example.com"),
            ])
        #expect(parsed.replyTo == [.init(name: "EventGaraget, kundtjänst", address: "hej@eventgaraget.se")])
        #expect(parsed.messageID == "<\(messageID)>")
        #expect(messageID.hasSuffix("@eventgaraget.se"))
        #expect(parsed.date == "Tue, 24 Nov 2026 18:18:52 +0000")
        #expect(parsed.dateTimestamp == date.timeIntervalSince1970)
        #expect(parsed.mimeVersion == "1.0")
        #expect(parsed.header("Auto-Submitted") == "auto-generated")

        #expect(parsed.contentType == "multipart/mixed")
        #expect(
            parsed.parts.map(\.type) == [
                "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/pdf",
            ])
        let textParts = parsed.parts.filter { $0.type.hasPrefix("text/") }
        #expect(textParts.allSatisfy { $0.charset == "utf-8" && $0.cte == "quoted-printable" })
        #expect(ParsedMail.lf(parsed.plain) == Fixtures.plain)
        #expect(ParsedMail.lf(parsed.html) == Fixtures.html)

        #expect(parsed.attachments.count == 1)
        #expect(parsed.attachments.first?.filename == "Hyresavtal 2026-117 signerat.pdf")
        #expect(parsed.attachments.first?.type == "application/pdf")
        #expect(parsed.attachments.first?.bytes == Fixtures.pdf)
    }

    @Test("lines stay within 78 characters, the Swedish subject is encoded, the raw text is ASCII with CRLF")
    func wireFormat() throws {
        let bytes = try Fixtures.message().rendered(date: date, messageID: "abc@eventgaraget.se")
        let parsed = try ParsedMail.parse(bytes)
        #expect(parsed.maxLineLength <= 78)
        #expect(bytes.allSatisfy { $0 < 0x80 })
        #expect(!bytes.indices.contains { bytes[$0] == 0x0A && ($0 == 0 || bytes[$0 - 1] != 0x0D) })
        let subjectLines = parsed.rawHeaderLines.drop { !$0.hasPrefix("Subject:") }.prefix {
            $0.hasPrefix("Subject:") || $0.hasPrefix(" ")
        }
        #expect(subjectLines.count > 1)
        #expect(subjectLines.joined().contains("=?UTF-8?B?"))
        // Body lines of base64 and quoted-printable stay within 76 (part headers are checked above).
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let bodyLines = lines.filter { !$0.contains(": ") && !$0.hasPrefix(" ") && !$0.hasPrefix("--=_eg_") }
        #expect(bodyLines.count > 300)
        #expect(bodyLines.allSatisfy { $0.utf8.count <= 76 })
    }

    @Test("without attachments the message is just multipart/alternative")
    func withoutAttachments() throws {
        let parsed = try ParsedMail.parse(
            try Fixtures.message(attachments: false).rendered(date: date, messageID: "x@y.se"))
        #expect(parsed.defects == [])
        #expect(parsed.contentType == "multipart/alternative")
        #expect(parsed.parts.map(\.type) == ["multipart/alternative", "text/plain", "text/html"])
        #expect(ParsedMail.lf(parsed.plain) == Fixtures.plain)
        #expect(parsed.attachments.isEmpty)
    }

    @Test(
        "display names and filenames with quotes, commas, non-ASCII and great length decode exactly",
        arguments: [
            ("Eva \"Evi\" Berg, AB", "avtal.pdf"),
            ("Åke Ängström", "Hyresavtal för Åke Ängström – signerat 2026-11-24.pdf"),
            ("Ett mycket långt företagsnamn AB med ännu längre avdelningsnamn och en kontaktperson", "a\"b;c.pdf"),
            ("=?UTF-8?B?ZmFrZQ==?= name", "=?UTF-8?B?ZmFrZQ==?=.pdf"),
            ("O'Brien", String(repeating: "långt-filnamn-", count: 10) + ".pdf"),
        ])
    func namesRoundTrip(name: String, filename: String) throws {
        let message = try EmailMessage(
            from: EmailAddress("bokning@eventgaraget.se", displayName: name),
            to: [EmailAddress("kund@example.se", displayName: name)],
            subject: name, textBody: "Hej", htmlBody: "<p>Hej</p>",
            attachments: [EmailMessage.Attachment(filename: filename, mimeType: "application/pdf", bytes: [1, 2, 3])])
        let parsed = try ParsedMail.parse(message.rendered(date: date, messageID: "n@eventgaraget.se"))
        #expect(parsed.defects == [])
        #expect(parsed.from.first?.name == name)
        #expect(parsed.to.first?.name == name)
        #expect(parsed.subject == name)
        #expect(parsed.attachments.first?.filename == filename)
        #expect(parsed.attachments.first?.bytes == [1, 2, 3])
        #expect(parsed.maxLineLength <= 78)
    }

    @Test(
        "the Date header is RFC 5322 in UTC for any moment",
        arguments: [
            (951_782_400.0, "Tue, 29 Feb 2000 00:00:00 +0000"), (946_684_799.9, "Fri, 31 Dec 1999 23:59:59 +0000"),
            (1_709_251_199.0, "Thu, 29 Feb 2024 23:59:59 +0000"), (-1.0, "Wed, 31 Dec 1969 23:59:59 +0000"),
        ])
    func dateHeader(seconds: Double, expected: String) throws {
        let message = try Fixtures.message(attachments: false)
        let parsed = try ParsedMail.parse(
            message.rendered(date: Date(timeIntervalSince1970: seconds), messageID: "d@e.se"))
        #expect(parsed.date == expected)
        #expect(parsed.dateTimestamp == seconds.rounded(.down))
    }

    @Test("an ASCII subject stays readable and folds at spaces")
    func asciiSubject() throws {
        let subject =
            "Your booking 117 is confirmed: tent, 24 benches, lights, delivery on Friday at 10:00 and pickup Monday"
        let message = try EmailMessage(
            from: EmailAddress("a@eventgaraget.se"), to: [EmailAddress("b@example.se")], subject: subject, textBody: "",
            htmlBody: "")
        let parsed = try ParsedMail.parse(message.rendered(date: date, messageID: "s@eventgaraget.se"))
        #expect(parsed.subject == subject)
        #expect(parsed.rawHeaderLines.contains { $0.hasPrefix("Subject: Your booking 117") })
        #expect(parsed.maxLineLength <= 78)
        #expect(ParsedMail.lf(parsed.plain) == "")
    }

    @Test("boundaries differ between renderings and never occur in the content")
    func boundariesAreFresh() throws {
        let message = try Fixtures.message()
        let first = String(decoding: message.rendered(date: date, messageID: "a@b.se"), as: UTF8.self)
        let second = String(decoding: message.rendered(date: date, messageID: "a@b.se"), as: UTF8.self)
        #expect(first != second)
    }
}
