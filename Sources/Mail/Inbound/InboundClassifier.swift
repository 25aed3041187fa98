/// Tells people's mail from automatic answers and bounces, by headers first and subject second.
enum InboundClassifier {
    static func classify(
        section: HeaderSection, subject: String, from: InboundMailbox?, contentType: ContentField?,
        collected: MessageReader.Collected, textBody: String?
    ) -> InboundClassification {
        if let report = deliveryReport(section, subject, from, contentType, collected, textBody) {
            return .deliveryReport(report)
        }
        if let reason = autoReplyReason(section, subject) { return .autoReply(reason: reason) }
        return .message
    }

    // MARK: - Automatic replies

    /// Subject starts that out-of-office and other automatic answers use (compared in lower case).
    static let autoReplySubjects = [
        "automatic reply", "auto reply", "auto-reply", "autoreply", "auto:", "auto response", "autoresponse",
        "out of office", "out of the office", "autosvar", "automatiskt svar", "frånvaro", "frånvarande",
        "abwesenheit", "automatische antwort", "automatisk svar", "autosvar", "fraværende", "fravær",
        "poissaolo", "automaattinen vastaus", "réponse automatique", "respuesta automática",
    ]

    private static func autoReplyReason(_ section: HeaderSection, _ subject: String) -> String? {
        if let value = section.first("auto-submitted")?.text, firstWord(value) != "no", !value.isEmpty {
            return "Auto-Submitted: \(firstWord(value))"
        }
        if let value = section.first("precedence")?.text,
            ["bulk", "junk", "auto_reply", "list"].contains(firstWord(value))
        {
            return "Precedence: \(firstWord(value))"
        }
        for name in ["x-autoreply", "x-autorespond"] {
            if let field = section.first(name), !["no", "false", "0"].contains(firstWord(field.text)) {
                return "\(field.name): \(field.text.prefix(40))"
            }
        }
        // Outlook also sets this on some messages people write; only the values that ask to
        // suppress out-of-office answers mark an automatic one.
        if let field = section.first("x-auto-response-suppress") {
            let value = field.text.lowercased()
            if value.contains("all") || value.contains("oof") || value.contains("autoreply") {
                return "X-Auto-Response-Suppress: \(field.text.prefix(40))"
            }
        }
        let lower = subject.lowercased().trimmingPrefix { $0 == " " || $0 == "\t" }
        if let match = autoReplySubjects.first(where: { lower.hasPrefix($0) }) {
            let after = lower.dropFirst(match.count).first
            if after == nil || !(after!.isLetter) {
                return "subject \"\(subject.prefix(60))\""
            }
        }
        return nil
    }

    private static func firstWord(_ text: String) -> String {
        String(text.lowercased().split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\t" }).first ?? "")
    }

    // MARK: - Bounces

    /// Subject starts of bounces that are not RFC 3464 reports (compared in lower case).
    static let bounceSubjects = [
        "undelivered mail returned to sender", "delivery status notification (failure)",
        "delivery status notification (delay)", "undeliverable:", "undeliverable mail", "olevererbart",
        "kan inte levereras", "ej levererat", "mail delivery failed", "mail delivery failure",
        "returned mail:", "delivery failure", "failure notice", "mail system error", "unzustellbar",
        "nondeliverable mail", "delivery has failed",
    ]

    private static func deliveryReport(
        _ section: HeaderSection, _ subject: String, _ from: InboundMailbox?, _ contentType: ContentField?,
        _ collected: MessageReader.Collected, _ textBody: String?
    ) -> DeliveryReport? {
        let isReport =
            contentType?.value == "multipart/report"
            && contentType?.parameters["report-type"]?.lowercased().hasSuffix("delivery-status") == true
        if isReport || !collected.deliveryStatus.isEmpty {
            var recipients: [DeliveryReport.Recipient] = []
            var reportingMTA: String?
            for status in collected.deliveryStatus {
                let groups = statusGroups(status)
                if let first = groups.first, let mta = first.first("reporting-mta") { reportingMTA = typed(mta.text) }
                for group in groups {
                    guard let recipient = group.first("final-recipient") ?? group.first("original-recipient") else {
                        continue
                    }
                    recipients.append(
                        DeliveryReport.Recipient(
                            address: typed(recipient.text),
                            action: DeliveryReport.Action(group.first("action")?.text ?? ""),
                            status: group.first("status").map { firstWord($0.text) },
                            diagnosticCode: group.first("diagnostic-code")?.text))
                }
            }
            return DeliveryReport(
                recipients: recipients,
                originalMessageID: collected.returnedMessageIDs.first ?? quotedMessageID(textBody),
                reportingMTA: reportingMTA, isStandard: true)
        }
        let sender = from?.address.lowercased() ?? ""
        let lowerSubject = subject.lowercased()
        let fromDaemon = sender.hasPrefix("mailer-daemon") || sender.hasPrefix("postmaster@")
        guard fromDaemon || bounceSubjects.contains(where: { lowerSubject.hasPrefix($0) }) else { return nil }
        var recipients: [DeliveryReport.Recipient] = []
        for line in (textBody ?? "").split(separator: "\n").prefix(200) {
            // qmail and Exim list each failed address as `<someone@example.com>:` on a line of its own.
            let trimmed = line.trimmingPrefix { $0 == " " }
            if trimmed.hasPrefix("<"), trimmed.hasSuffix(">:"), trimmed.contains("@") {
                recipients.append(
                    DeliveryReport.Recipient(
                        address: String(trimmed.dropFirst().dropLast(2)), action: .failed, status: nil,
                        diagnosticCode: nil))
            }
        }
        let quoted =
            collected.returnedMessageIDs.first ?? quotedMessageID(textBody)
            ?? collected.forwarded.lazy.compactMap { quotedMessageID($0.textBody) }.first
        // A subject alone is not enough: a customer may well write "Ej levererat – tältet kom
        // aldrig". Without a mail system as the sender, the report must name a recipient or
        // quote the returned message.
        guard fromDaemon || !recipients.isEmpty || quoted != nil else { return nil }
        return DeliveryReport(recipients: recipients, originalMessageID: quoted, reportingMTA: nil, isStandard: false)
    }

    /// The blank-line-separated field groups of a `message/delivery-status` body.
    private static func statusGroups(_ bytes: [UInt8]) -> [HeaderSection] {
        var groups: [HeaderSection] = []
        var start = 0
        while start < bytes.count, groups.count < 500 {
            while start < bytes.count, bytes[start] == 0x0D || bytes[start] == 0x0A { start += 1 }
            guard start < bytes.count else { break }
            let section = HeaderSection(bytes, in: start..<bytes.count, label: "delivery status", needsEnd: false)
            groups.append(section)
            guard section.bodyStart > start else { break }
            start = section.bodyStart
        }
        return groups
    }

    /// `rfc822; someone@example.com` → `someone@example.com`.
    private static func typed(_ value: String) -> String {
        guard let semicolon = value.firstIndex(of: ";") else { return value }
        return String(value[value.index(after: semicolon)...]).trimmingPrefix { $0 == " " || $0 == "\t" }
            .description
    }

    /// The first `Message-ID:` quoted in a bounce's text.
    private static func quotedMessageID(_ text: String?) -> String? {
        guard let text else { return nil }
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingPrefix { $0 == " " || $0 == ">" || $0 == "\t" }
            guard trimmed.lowercased().hasPrefix("message-id:") else { continue }
            if let id = AddressList.messageIDs(String(trimmed.dropFirst("message-id:".count))).first { return id }
        }
        return nil
    }
}
