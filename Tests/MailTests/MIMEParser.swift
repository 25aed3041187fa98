import Foundation
import Mail
import TestSupport

/// A rendered message as Python's `email` package (policy.default, a real MIME parser) reads it.
struct ParsedMail: Decodable {
    struct Mailbox: Decodable, Equatable {
        let name: String
        let address: String
    }
    struct Part: Decodable {
        let type: String
        let filename: String?
        let charset: String?
        let cte: String?
    }
    struct Attachment: Decodable {
        let filename: String?
        let type: String
        let b64: String
        var bytes: [UInt8] { Array(Data(base64Encoded: b64) ?? Data()) }
    }

    let subject: String
    let from: [Mailbox]
    let to: [Mailbox]
    let replyTo: [Mailbox]
    let date: String?
    let dateTimestamp: Double?
    let messageID: String?
    let mimeVersion: String?
    let contentType: String
    let headers: [[String]]
    let plain: String?
    let html: String?
    let parts: [Part]
    let attachments: [Attachment]
    let defects: [String]
    let maxLineLength: Int
    let rawHeaderLines: [String]

    enum CodingKeys: String, CodingKey {
        case subject, from, to
        case replyTo = "reply_to"
        case date
        case dateTimestamp = "date_ts"
        case messageID = "message_id"
        case mimeVersion = "mime_version"
        case contentType = "content_type"
        case headers, plain, html, parts, attachments
        case defects
        case maxLineLength = "max_line"
        case rawHeaderLines = "raw_header_lines"
    }

    func header(_ name: String) -> String? { headers.first { $0[0].lowercased() == name.lowercased() }?[1] }

    static func parse(_ bytes: [UInt8]) throws -> ParsedMail {
        let result = try run("/usr/bin/python3", ["-c", script], input: Data(bytes))
        guard result.status == 0 else { throw TestFailure("parse_mail failed: \(result.errorOutput)") }
        return try JSONDecoder().decode(ParsedMail.self, from: result.stdout)
    }

    /// Text as Python decodes it, with CRLF turned back into LF for comparison.
    static func lf(_ text: String?) -> String? { text?.replacingOccurrences(of: "\r\n", with: "\n") }

    private static let script = #"""
        import base64, json, sys
        from email import policy
        from email.parser import BytesParser

        raw = sys.stdin.buffer.read()
        msg = BytesParser(policy=policy.default).parsebytes(raw)

        def mailboxes(name):
            value = msg[name]
            return [] if value is None else [{"name": a.display_name, "address": a.addr_spec} for a in value.addresses]

        defects = [repr(d) for part in msg.walk() for d in part.defects]
        for name in msg.keys():
            defects += [name + ": " + repr(d) for d in getattr(msg[name], "defects", ())]
        plain = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        lines = [line[:-1] if line.endswith(b"\r") else line for line in raw.split(b"\n")]
        header_end = lines.index(b"") if b"" in lines else len(lines)
        date = msg["date"]
        print(json.dumps({
            "subject": str(msg["subject"]),
            "from": mailboxes("from"),
            "to": mailboxes("to"),
            "reply_to": mailboxes("reply-to"),
            "date": None if date is None else str(date),
            "date_ts": None if date is None or date.datetime is None else date.datetime.timestamp(),
            "message_id": msg["message-id"],
            "mime_version": msg["mime-version"],
            "content_type": msg.get_content_type(),
            "headers": [[k, str(v)] for k, v in msg.items()],
            "plain": None if plain is None else plain.get_content(),
            "html": None if html is None else html.get_content(),
            "parts": [{"type": p.get_content_type(), "filename": p.get_filename(), "charset": p.get_content_charset(),
                       "cte": p.get("content-transfer-encoding")} for p in msg.walk()],
            "attachments": [{"filename": a.get_filename(), "type": a.get_content_type(),
                             "b64": base64.b64encode(a.get_payload(decode=True)).decode()} for a in msg.iter_attachments()],
            "defects": defects,
            "max_line": max(len(line) for line in lines),
            "raw_header_lines": [line.decode("ascii") for line in lines[:header_end]],
        }))
        """#
}

/// Messages the tests send: Swedish text, a PDF, and content that tries to break the encoding.
enum Fixtures {
    static let subject =
        "Ditt hyresavtal för partytältet är klart – signera före fredag, Åsa Öberg-Ärlig (order 2026-117)"
    static let plain = """
        Hej Åsa!

        Tack för din bokning av partytält 6×12 m, 24 bänkar och ljusslinga. En rad som är mycket längre än sjuttiosex tecken, så att den måste brytas med mjuka radbrytningar någonstans i mitten.
        .En rad som börjar med punkt
        .
        Pris: 4 500 kr = 450 000 öre   
        --=_eg_alt_fake boundary-lookalike
        Tab\tslut\t
        Hälsningar,
        EventGaraget
        """
    static let html = """
        <!doctype html><html><body><p>Hej Åsa!</p><p>Signera här: <a href="https://eventgaraget.se/avtal/117?token=a=b&amp;c=d">länk</a></p>
        <p>\(String(repeating: "ÅÄÖ åäö ", count: 20))</p></body></html>
        """

    /// Not a real PDF but every byte value and more, which is what matters for the round trip.
    static let pdf: [UInt8] = {
        var bytes = Array("%PDF-1.7\n%âãÏÓ\n".utf8) + (0...255).map { UInt8($0) }
        var generator = SystemRandomNumberGenerator()
        bytes += (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes += Array("\r\n.\r\n--=_eg_mix_x\r\n%%EOF\n".utf8)
        return bytes
    }()

    static func message(attachments: Bool = true, to: [EmailAddress]? = nil) throws -> EmailMessage {
        try EmailMessage(
            from: EmailAddress("bokning@eventgaraget.se", displayName: "EventGaraget Bokning"),
            to: to ?? [
                EmailAddress("asa.oberg@example.se", displayName: "Åsa Öberg-Ärlig"),
                EmailAddress("kontor@example.com"),
            ],
            replyTo: EmailAddress("hej@eventgaraget.se", displayName: "EventGaraget, kundtjänst"),
            subject: subject,
            textBody: plain,
            htmlBody: html,
            attachments: attachments
                ? [
                    EmailMessage.Attachment(
                        filename: "Hyresavtal 2026-117 signerat.pdf", mimeType: "application/pdf", bytes: pdf)
                ]
                : [],
            extraHeaders: [EmailMessage.Header(name: "Auto-Submitted", value: "auto-generated")]
        )
    }
}
