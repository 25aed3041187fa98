import Domain
import Foundation
import Mail
import Testing

@Suite("Received email, read from real-looking messages")
struct InboundMessageTests {
    @Test("A customer's complaint with a bounce-like subject is a message, not a delivery report")
    func complaintIsNoBounce() {
        let raw = Array(
            "From: Kund <kund@example.se>\r\nSubject: Ej levererat - tältet kom aldrig\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHej, tältet kom aldrig i lördags!\r\n"
                .utf8)
        #expect(InboundMessage.parse(raw).classification == .message)
    }

    @Test("Outlook: Windows-1252 quoted-printable, encoded-word subject and names, threading headers")
    func outlook() throws {
        let message = InboundMessage.parse(InboundSamples.outlook)
        #expect(message.problems == [])
        #expect(message.subject == "Hyra av tält")
        #expect(message.from == InboundMailbox(address: "Eva.Aberg@example.se", displayName: "Eva Åberg"))
        #expect(message.to == [InboundMailbox(address: "hej@eventgaraget.se", displayName: "EventGaraget")])
        #expect(
            message.cc == [
                InboundMailbox(address: "kontor@example.se", displayName: nil),
                InboundMailbox(address: "par@example.se", displayName: "Pär Nilsson"),
            ])
        #expect(message.messageID == "DB9PR07MB1234ABCD@DB9PR07MB1234.eurprd07.prod.outlook.com")
        #expect(message.inReplyTo == ["q-117.1@eventgaraget.se"])
        #expect(message.references == ["q-117.0@eventgaraget.se", "q-117.1@eventgaraget.se"])
        #expect(message.date == Date(timeIntervalSince1970: 1_780_384_441))
        #expect(message.header("thread-topic") == "Hyra av tält")
        #expect(message.header("Received")?.contains("\n") == false)
        #expect(message.header("Received")?.hasSuffix("+0200 (CEST)") == true)
        let text = try #require(message.textBody)
        #expect(text.contains("Vi skulle vilja hyra ett tält för 80 personer den 14 juni, pris max 20 000 €. Går det?"))
        #expect(text.contains("Med vänliga hälsningar\nEva Åberg\n"))
        #expect(!text.contains("\r"))
        #expect(message.htmlBody?.contains("<p>Vi skulle vilja hyra ett tält.</p>") == true)
        #expect(message.attachments.isEmpty)
        #expect(message.classification == .message)
    }

    @Test("Gmail: base64 UTF-8 alternatives, a subject split inside a character, the history kept")
    func gmail() throws {
        let message = InboundMessage.parse(InboundSamples.gmail)
        #expect(message.problems == [])
        #expect(message.subject == "Offertförfrågan – tält")
        #expect(message.from?.displayName == "Per Persson")
        #expect(message.messageID == "CAF=abc123+XyZ@mail.gmail.com")
        #expect(message.textBody?.hasPrefix("Hej,\nVi vill hyra 40 stolar till lördag.\n\nMvh Per\n") == true)
        #expect(message.textBody?.contains("> Tack för din fråga!") == true)
        #expect(
            message.htmlBody?.contains("<blockquote class=\"gmail_quote\">Tack för din fråga!</blockquote>") == true)
        #expect(message.date == Date(timeIntervalSince1970: 1_780_474_364))
    }

    @Test("Apple Mail: ISO-8859-1 base64 text, an inline image, an RFC 2231 file name")
    func appleMail() throws {
        let message = InboundMessage.parse(InboundSamples.appleMail)
        #expect(message.problems == [])
        #expect(message.subject == "Tält till midsommar")
        #expect(message.from?.displayName == "Åsa Öberg")
        #expect(
            message.textBody
                == "Hej!\n\nJag undrar om ni har ett tält för 60 personer ledigt den 14 juni.\nVänliga hälsningar\nÅsa Öberg\n"
        )
        #expect(message.htmlBody == nil)
        #expect(message.attachments.count == 2)
        let image = message.attachments[0]
        #expect(image.filename == "skiss.png")
        #expect(image.contentType == "image/png")
        #expect(image.disposition == .inline)
        #expect(image.contentID == "7C1D2E3F@example.com")
        #expect(image.bytes == Array(0..<60))
        #expect(image.size == 60)
        #expect(image.sha256 == SHA256.hexDigest(Array(UInt8(0)..<60)))
        let pdf = message.attachments[1]
        #expect(pdf.filename == "Offert för tält – midsommar.pdf")
        #expect(pdf.disposition == .attachment)
        #expect(pdf.bytes == Array("%PDF-1.4\n".utf8))
    }

    @Test("a forward as message/rfc822: an attachment, and its text is the message's text")
    func forwardedAttachment() throws {
        let message = InboundMessage.parse(InboundSamples.forwardedAsAttachment)
        #expect(message.problems == [])
        #expect(message.subject == "Fwd: Fest i augusti")
        #expect(message.textBody == "Hej, vi behöver ett tält och 50 stolar den 8 augusti.\n/Lisa, 070-765 43 21")
        #expect(message.attachments.map(\.contentType) == ["message/rfc822"])
        #expect(message.attachments.first?.filename == "Fest i augusti.eml")
        let attached = String(decoding: message.attachments.first?.bytes ?? [], as: UTF8.self)
        #expect(attached.hasPrefix("From: Lisa Lind"))
        let forwarded = try #require(message.forwarded.first)
        #expect(forwarded.from == InboundMailbox(address: "lisa@example.org", displayName: "Lisa Lind"))
        #expect(forwarded.messageID == "orig-1@example.org")
        #expect(message.classification == .message)
    }

    @Test("Postfix's RFC 3464 bounce: the failed recipient, status, diagnostic and our Message-ID")
    func postfixBounce() throws {
        let message = InboundMessage.parse(InboundSamples.postfixBounce)
        #expect(message.problems == [])
        #expect(
            message.from
                == InboundMailbox(address: "MAILER-DAEMON@mx.eventgaraget.se", displayName: "Mail Delivery System"))
        guard case .deliveryReport(let report) = message.classification else {
            Issue.record("not a delivery report: \(message.classification)")
            return
        }
        #expect(report.isStandard)
        #expect(report.isFailure)
        #expect(report.reportingMTA == "mx.eventgaraget.se")
        #expect(report.originalMessageID == "q-118.1@eventgaraget.se")
        #expect(
            report.recipients == [
                DeliveryReport.Recipient(
                    address: "nobody@example.se", action: .failed, status: "5.1.1",
                    diagnosticCode: "smtp; 550 5.1.1 <nobody@example.se>: Recipient address    rejected: User unknown")
            ])
        #expect(message.textBody?.contains("could not\nbe delivered") == true)
    }

    @Test("a bounce that is no report is still one, with the quoted Message-ID and the failed address")
    func nonStandardBounce() throws {
        let message = InboundMessage.parse(InboundSamples.swedishBounce)
        guard case .deliveryReport(let report) = message.classification else {
            Issue.record("not a delivery report: \(message.classification)")
            return
        }
        #expect(!report.isStandard)
        #expect(report.isFailure)
        #expect(report.originalMessageID == "q-119.1@eventgaraget.se")
        #expect(report.recipients.map(\.address) == ["kund@example.se"])
        #expect(message.problems.contains { $0.contains("header section has no end") } == false)
    }

    @Test("Exchange's out-of-office answer is an automatic reply")
    func exchangeOutOfOffice() {
        let message = InboundMessage.parse(InboundSamples.exchangeOutOfOffice)
        #expect(message.subject == "Automatiskt svar: Din offert")
        #expect(message.classification == .autoReply(reason: "Auto-Submitted: auto-generated"))
        #expect(message.textBody == "Jag är ledig till och med 20 juni.")
    }

    @Test(
        "automatic replies are told by header or subject, in Swedish and English; people's mail is not",
        arguments: [
            ("Precedence: bulk\nSubject: Nyhetsbrev", true),
            ("X-Autoreply: yes\nSubject: Re: Offert", true),
            ("X-Autorespond: Offert\nSubject: Offert", true),
            ("Auto-Submitted: no\nSubject: Re: Offert", false),
            ("Subject: Autosvar: Offert 117", true),
            ("Subject: Automatic reply: Your quotation", true),
            ("Subject: Out of Office: Your quotation", true),
            ("Subject: Frånvaro: Offert", true),
            ("Subject: Abwesenheit: Angebot", true),
            ("Subject: Auto: Offert", true),
            ("Subject: =?utf-8?Q?Fr=C3=A5nvaromeddelande?=", false),
            ("Subject: Automobilutställning i juni", false),
            ("Subject: Re: Hyra av tält", false),
            ("X-Auto-Response-Suppress: DR, RN, NRN\nSubject: Offert", false),
        ])
    func autoReplies(headers: String, automatic: Bool) {
        let message = InboundMessage.parse(InboundSamples.crlf("From: a@example.se\n\(headers)\n\nHej"))
        if case .autoReply = message.classification {
            #expect(automatic)
        } else {
            #expect(!automatic)
        }
    }

    @Test(
        "dates in the forms mailers write them",
        arguments: [
            ("Tue, 2 Jun 2026 09:14:01 +0200", 1_780_384_441.0),
            ("2 Jun 2026 09:14:01 +0200", 1_780_384_441),
            ("Tue, 02 Jun 2026 07:14:01 GMT", 1_780_384_441),
            ("Tue, 2 Jun 2026 03:14:01 EDT", 1_780_384_441),
            ("Tue, 2 Jun 26 07:14:01 UT", 1_780_384_441),
            ("Tue, 2 June 2026 09:14:01 +0200 (CEST)", 1_780_384_441),
            ("Tue,  2 Jun 2026 09:14 CEST", 1_780_384_440),
            ("Tue Jun 2 07:14:01 2026", 1_780_384_441),
            ("Tue, 2 Jun 2026 07:14:01 Z", 1_780_384_441),
        ])
    func dates(text: String, seconds: Double) {
        let message = InboundMessage.parse(InboundSamples.crlf("Date: \(text)\n\nx"))
        #expect(message.date == Date(timeIntervalSince1970: seconds))
    }

    @Test("no date, or nonsense, is nil")
    func badDates() {
        for text in ["", "yesterday", "32 Jan 2026 10:00 +0000", "Tue, 2 Foo 2026"] {
            #expect(InboundMessage.parse(Array("Date: \(text)\n\nx".utf8)).date == nil)
        }
    }

    @Test("encoded-words: Q and B, Latin-1 and UTF-8, whitespace between them dropped, bad ones kept")
    func encodedWords() {
        let cases: [(String, String)] = [
            ("=?iso-8859-1?Q?Hyra_av_t=E4lt?=", "Hyra av tält"),
            ("=?UTF-8?B?w4VzYQ==?= =?UTF-8?B?IMOWYmVyZw==?=", "Åsa Öberg"),
            ("Re: =?windows-1252?Q?=93Offert=94?= nu", "Re: “Offert” nu"),
            ("=?ISO-8859-15?Q?=A4?=", "€"),
            ("=?us-ascii?Q?plain?= text", "plain text"),
            ("=?utf-8?q?broken", "=?utf-8?q?broken"),
            ("=?utf-8*sv?Q?spr=C3=A5k?=", "språk"),
            ("Tält och stolar", "Tält och stolar"),
        ]
        for (raw, decoded) in cases {
            #expect(InboundMessage.parse(Array("Subject: \(raw)\n\nx".utf8)).subject == decoded)
        }
        // Latin-1 bytes straight in a header, as some old mailers send them.
        let latin1 = Array("Subject: T".utf8) + [0xE4] + Array("lt\n\nx".utf8)
        #expect(InboundMessage.parse(latin1).subject == "Tält")
    }

    @Test("bare LF, a quoted boundary, a part with no headers, a missing closing boundary")
    func tolerantStructure() {
        let raw = Array(
            """
            Subject: x
            Content-Type: multipart/mixed; boundary="a b"

            preamble
            --a b
            Hej utan rubriker.
            --a b
            Content-Type: application/octet-stream

            data
            """.utf8)
        let message = InboundMessage.parse(raw)
        #expect(message.textBody == "Hej utan rubriker.")
        #expect(message.attachments.map(\.bytes) == [Array("data".utf8)])
        #expect(message.problems == ["multipart part 1 has no closing boundary; read to the end"])
    }

    @Test("an unknown charset reads as Windows-1252 and says so")
    func unknownCharset() {
        let raw =
            Array("Content-Type: text/plain; charset=x-foo\nContent-Transfer-Encoding: 8bit\n\nT".utf8) + [0xE4]
            + Array("lt".utf8)
        let message = InboundMessage.parse(raw)
        #expect(message.textBody == "Tält")
        #expect(message.problems == ["unknown charset x-foo in part 1; read as Windows-1252"])
    }

    @Test("quoted-printable: soft breaks, lower-case hex, broken escapes kept as they were")
    func quotedPrintable() {
        let raw = InboundSamples.crlf(
            """
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            l=c3=a5ng rad som =
            forts=C3=A4tter =ZZ och 100% =3D klart=  
            slut=
            """)
        #expect(InboundMessage.parse(raw).textBody == "lång rad som fortsätter =ZZ och 100% = klartslut")
    }

    @Test("a message the product renders reads back with the same subject, text, HTML and files")
    func roundTrip() throws {
        let outgoing = try Fixtures.message()
        let date = Date(timeIntervalSince1970: 1_795_544_332)
        let message = InboundMessage.parse(outgoing.rendered(date: date, messageID: "rt-1@eventgaraget.se"))
        #expect(message.problems == [])
        #expect(message.subject == Fixtures.subject)
        #expect(message.textBody == Fixtures.plain)
        #expect(message.htmlBody == Fixtures.html)
        #expect(message.date == date)
        #expect(message.messageID == "rt-1@eventgaraget.se")
        #expect(message.from == InboundMailbox(address: "bokning@eventgaraget.se", displayName: "EventGaraget Bokning"))
        #expect(message.to.map(\.displayName) == ["Åsa Öberg-Ärlig", nil])
        #expect(message.replyTo.first?.displayName == "EventGaraget, kundtjänst")
        #expect(message.attachments.count == 1)
        #expect(message.attachments.first?.filename == "Hyresavtal 2026-117 signerat.pdf")
        #expect(message.attachments.first?.contentType == "application/pdf")
        #expect(message.attachments.first?.bytes == Fixtures.pdf)
        #expect(message.classification == .autoReply(reason: "Auto-Submitted: auto-generated"))

        for name in ["Ann-Sofie Ödmark-Åkesson Långnamnsdotter Från Östra Göinge", "\"Quoted\" name, Inc."] {
            let other = try EmailMessage(
                from: EmailAddress("a@eventgaraget.se", displayName: name), to: [EmailAddress("b@example.se")],
                subject: name, textBody: "x", htmlBody: "<p>x</p>",
                attachments: [EmailMessage.Attachment(filename: name + ".pdf", mimeType: "application/pdf", bytes: [1])]
            )
            let parsed = InboundMessage.parse(other.rendered(date: date, messageID: "rt-2@eventgaraget.se"))
            #expect(parsed.from?.displayName == name)
            #expect(parsed.subject == name)
            #expect(parsed.attachments.first?.filename == name + ".pdf")
        }
    }
}
