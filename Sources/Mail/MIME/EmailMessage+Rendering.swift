public import Foundation

extension EmailMessage {
    /// The message as RFC 5322 bytes with CRLF line endings, ready for SMTP `DATA`.
    ///
    /// Structure: `multipart/alternative` (text/plain + text/html, UTF-8, quoted-printable), wrapped
    /// in `multipart/mixed` with base64 attachments when there are any. Boundaries start with
    /// `=_`, which neither quoted-printable nor base64 can produce, so they cannot collide with
    /// content.
    ///
    /// - Parameter messageID: `id@domain` without angle brackets (see `makeMessageID()`); must be
    ///   printable ASCII without spaces or angle brackets (a programming error otherwise).
    public func rendered(date: Date, messageID: String) -> [UInt8] {
        precondition(
            !messageID.isEmpty
                && messageID.utf8.allSatisfy {
                    $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">")
                },
            "messageID must be printable ASCII without spaces or angle brackets")
        var output: [UInt8] = []
        var fields = [
            HeaderField("From", tokens: HeaderEncoding.mailboxes([from])),
            HeaderField("To", tokens: HeaderEncoding.mailboxes(to)),
        ]
        if let replyTo { fields.append(HeaderField("Reply-To", tokens: HeaderEncoding.mailboxes([replyTo]))) }
        fields += [
            HeaderField("Subject", tokens: HeaderEncoding.unstructured(subject)),
            HeaderField("Date", RFC5322Date.format(date)),
            HeaderField("Message-ID", "<\(messageID)>"),
            HeaderField("MIME-Version", "1.0"),
        ]
        for header in extraHeaders {
            fields.append(
                HeaderField(header.name, tokens: HeaderEncoding.unstructured(header.value, maxPlainWord: 900)))
        }
        for field in fields { field.render(into: &output) }

        let alternativeBoundary = Self.makeBoundary("alt")
        var alternative: [UInt8] = []
        Self.appendPart(
            to: &alternative, boundary: alternativeBoundary,
            headers: [
                HeaderField("Content-Type", tokens: ["text/plain;", "charset=utf-8"]),
                HeaderField("Content-Transfer-Encoding", "quoted-printable"),
            ], body: QuotedPrintable.encode(textBody) + [0x0D, 0x0A])
        Self.appendPart(
            to: &alternative, boundary: alternativeBoundary,
            headers: [
                HeaderField("Content-Type", tokens: ["text/html;", "charset=utf-8"]),
                HeaderField("Content-Transfer-Encoding", "quoted-printable"),
            ], body: QuotedPrintable.encode(htmlBody) + [0x0D, 0x0A])
        alternative += Array("--\(alternativeBoundary)--\r\n".utf8)
        let alternativeType = HeaderField(
            "Content-Type", tokens: ["multipart/alternative;", "boundary=\"\(alternativeBoundary)\""])

        guard !attachments.isEmpty else {
            alternativeType.render(into: &output)
            output += Array("\r\n".utf8)
            output += alternative
            return output
        }

        let mixedBoundary = Self.makeBoundary("mix")
        HeaderField("Content-Type", tokens: ["multipart/mixed;", "boundary=\"\(mixedBoundary)\""]).render(into: &output)
        output += Array("\r\nThis is a multi-part message in MIME format.\r\n".utf8)
        Self.appendPart(to: &output, boundary: mixedBoundary, headers: [alternativeType], body: alternative)
        for attachment in attachments {
            Self.appendPart(
                to: &output, boundary: mixedBoundary,
                headers: [
                    HeaderField("Content-Type", attachment.mimeType),
                    HeaderField(
                        "Content-Disposition",
                        tokens: ["attachment;"] + HeaderEncoding.filenameParameter(attachment.filename)),
                    HeaderField("Content-Transfer-Encoding", "base64"),
                ], body: Base64.mimeBody(attachment.bytes))
        }
        output += Array("--\(mixedBoundary)--\r\n".utf8)
        return output
    }

    /// `body` must end with CRLF; the CRLF before the next delimiter belongs to the delimiter.
    private static func appendPart(to output: inout [UInt8], boundary: String, headers: [HeaderField], body: [UInt8]) {
        output += Array("--\(boundary)\r\n".utf8)
        for header in headers { header.render(into: &output) }
        output += [0x0D, 0x0A]
        output += body
    }

    private static func makeBoundary(_ kind: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return "=_eg_\(kind)_" + String(generator.next() as UInt64, radix: 36)
            + String(generator.next() as UInt64, radix: 36)
    }
}
