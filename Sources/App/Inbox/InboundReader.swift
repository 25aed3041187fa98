import Domain
import Foundation
import Mail
import Sanitizer

/// Reads one received message for the inbox: the MIME parse (`Mail`), the readable text (the HTML
/// rendered as text when there is no text part), the new text apart from quoted history and the
/// signature, the sanitised HTML, the kind, and the inquiry in it. The one path both the MTA pipe
/// (`ingest-email`) and the IMAP poll take; it never fails: what cannot be read is a problem
/// listed with the message, which is kept as it came.
struct InboundReader {
    /// Largest raw message, and largest attachment, kept in the database; bigger ones are stored
    /// as their size and SHA-256 only.
    let keepBytes: Int

    /// The message as the store takes it, and the inquiry read from it.
    struct Reading {
        var mail: ReceivedMail
        var extraction: InquiryExtraction
    }

    func read(
        _ raw: [UInt8], source: ReceivedMail.Source, catalogue: [InquiryCatalogueItem], now: Date = Date()
    ) -> Reading {
        let message = InboundMessage.parse(raw)
        var problems = message.problems
        let text = Self.readableText(message)
        let parts = ReplySplitter.split(text)
        var sanitized: String?
        if let html = message.htmlBody, !html.isEmpty {
            do {
                sanitized = try HTMLSanitizer.sanitize(html).markup
            } catch {
                problems.append("the HTML version could not be kept: \(error)")
            }
        }
        let kind = Self.kind(message)
        var bounce: ReceivedMail.Bounce?
        if case .deliveryReport(let report) = message.classification {
            let failed = report.recipients.first { $0.action == .failed } ?? report.recipients.first
            bounce = ReceivedMail.Bounce(
                originalMessageID: report.originalMessageID, recipient: failed?.address,
                reason: [failed?.status, failed?.diagnosticCode].compactMap { $0 }.joined(separator: " ")
                    .nonEmpty ?? "undeliverable")
        }
        let sentAt = message.date ?? now
        // The reader is given the whole text: it sets quoted history aside itself, and reads a
        // forwarded inquiry (its sender, its date) where the forward says it begins.
        let extraction = InquiryExtractor.extract(
            InquiryInput(
                subject: message.subject, text: text, signature: "",
                fromName: message.from?.displayName, fromAddress: message.from?.address, sentAt: sentAt, kind: kind),
            catalogue: catalogue)
        let keep = raw.count <= keepBytes
        var named: (address: String, name: String?)?
        if let email = extraction.customer.email?.lowercased(), email != message.from?.address.lowercased(),
            EmailAddressRule.isValid(email)
        {
            named = (email, extraction.customer.name)
        }
        if !keep {
            problems.append("the message is \(raw.count) bytes, over the \(keepBytes) kept; only its SHA-256 is")
        }
        let mail = ReceivedMail(
            kind: kind.rawValue, messageID: message.messageID.flatMap(Self.usableID),
            inReplyTo: message.inReplyTo.compactMap(Self.usableID),
            references: message.references.compactMap(Self.usableID),
            fromAddress: message.from?.address, fromName: message.from?.displayName.map(Self.singleLine),
            to: Self.singleLine((message.to + message.cc).map(\.description).joined(separator: ", ")),
            subject: Self.singleLine(message.subject),
            sentAt: message.date, source: source, textBody: text, newText: parts.newText, signature: parts.signature,
            htmlBody: sanitized, raw: keep ? raw : nil, rawSHA256: SHA256.hexDigest(raw), rawSize: raw.count,
            problems: problems,
            attachments: message.attachments.map { file in
                ReceivedMail.Attachment(
                    filename: file.filename ?? "", contentType: file.contentType, size: file.size, sha256: file.sha256,
                    bytes: file.size <= keepBytes ? file.bytes : nil)
            }, bounce: bounce,
            extractionJSON: kind == .inquiry || kind == .reply ? extraction.jsonText() : nil)
        var stored = mail
        stored.namedCustomer = named
        return Reading(mail: stored, extraction: extraction)
    }

    /// The message as a person reads it: its text (the HTML rendered as text when there is no
    /// text part), then each message forwarded as an attachment the way a mail client quotes a
    /// forward inline, so the forwarded inquiry's sender and date are read as well.
    static func readableText(_ message: InboundMessage) -> String {
        var text = message.textBody ?? ""
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, let html = message.htmlBody {
            text = HTMLText.plainText(fromHTML: html)
        }
        for forwarded in message.forwarded.prefix(5) {
            let body = readableText(forwarded)
            // A message whose own text already is the forward's (nothing of its own) has it once.
            guard !body.isEmpty, !text.contains(body) else { continue }
            var header = ["---------- Forwarded message ---------"]
            if let from = forwarded.from { header.append("From: \(from.description)") }
            if let date = forwarded.date { header.append("Date: \(RFC5322Date.format(date))") }
            header.append("Subject: \(forwarded.subject)")
            if !forwarded.to.isEmpty { header.append("To: \(forwarded.to.map(\.description).joined(separator: ", "))") }
            text += (text.isEmpty ? "" : "\n\n") + header.joined(separator: "\n") + "\n\n" + body
        }
        return text
    }

    /// A Message-ID the inbox keeps and can answer in `References`: printable ASCII without
    /// brackets or spaces, at most 250 characters (others are dropped; the message is then found
    /// again by its bytes).
    static func usableID(_ id: String) -> String? {
        guard !id.isEmpty, id.utf8.count <= 250,
            id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") })
        else { return nil }
        return id
    }

    /// A header's text as one line: control characters (a line break an encoded word carried, a
    /// C1 byte) become spaces, so a reply's subject can always be written.
    static func singleLine(_ text: String) -> String {
        String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// What the headers say the message is: a delivery report, an automatic answer, an answer to
    /// an earlier message (`In-Reply-To`, or "Re:"/"SV:" in the subject), a new inquiry, or —
    /// without a sender to answer — other. The store makes an inquiry a reply when it threads by
    /// a quotation's number.
    static func kind(_ message: InboundMessage) -> InboundKind {
        switch message.classification {
        case .deliveryReport: return .bounce
        case .autoReply: return .autoReply
        case .message: break
        }
        guard let from = message.from?.address, EmailAddressRule.isValid(from) else { return .other }
        if !message.inReplyTo.isEmpty || MailThreading.looksLikeReply(message.subject) { return .reply }
        return .inquiry
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
