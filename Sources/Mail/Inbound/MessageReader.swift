import Domain
import Foundation

/// The walk behind `InboundMessage.parse`: header section, MIME tree, bodies and attachments.
///
/// Everything works on one byte array and index ranges into it; a part is copied only when it
/// is decoded. Each level of nesting scans its own bytes once for its boundary, so the work is
/// at most the input size times `InboundLimits.maximumDepth`.
enum MessageReader {
    /// State shared by a message and the messages attached to it. Used on one thread only.
    final class Context {
        let limits: InboundLimits
        var problems: [String] = []
        var partsRead = 0
        private var reported: Set<String> = []

        init(limits: InboundLimits) { self.limits = limits }

        /// Notes `problem` once per `key` (the depth and part limits are reported once only).
        func once(_ key: String, _ problem: String) {
            if reported.insert(key).inserted { problems.append(problem) }
        }

        func unknownCharsets(_ labels: Set<String>, where place: String) {
            for label in labels.sorted() {
                once("charset " + label, "unknown charset \(label) in \(place); read as Windows-1252")
            }
        }
    }

    /// What a subtree holds, gathered bottom-up.
    struct Collected {
        var texts: [String] = []
        var htmls: [String] = []
        var attachments: [InboundAttachment] = []
        var forwarded: [InboundMessage] = []
        var deliveryStatus: [[UInt8]] = []
        var returnedMessageIDs: [String] = []

        mutating func add(_ other: Collected, texts: Bool = true) {
            if texts {
                self.texts += other.texts
                htmls += other.htmls
            }
            attachments += other.attachments
            forwarded += other.forwarded
            deliveryStatus += other.deliveryStatus
            returnedMessageIDs += other.returnedMessageIDs
        }
    }

    static func read(_ bytes: [UInt8], depth: Int, context: Context) -> InboundMessage {
        // The top message also reports what `parse` noted before reading (the size limit).
        let firstProblem = depth == 0 ? 0 : context.problems.count
        let section = HeaderSection(bytes, in: 0..<bytes.count, label: depth == 0 ? "message" : "attached message")
        context.problems += section.problems
        var unknown: Set<String> = []
        let headers = section.fields.map {
            InboundHeader(name: $0.name, value: HeaderEncoding.decodeEncodedWords($0.text, unknownCharsets: &unknown))
        }
        func mailboxes(_ key: String) -> [InboundMailbox] {
            section.all(key).flatMap { AddressList.mailboxes($0.text, unknownCharsets: &unknown) }
        }
        let subject = section.first("subject").map {
            HeaderEncoding.decodeEncodedWords($0.text, unknownCharsets: &unknown)
        }
        let from = mailboxes("from").first
        let to = mailboxes("to")
        let cc = mailboxes("cc")
        let replyTo = mailboxes("reply-to")
        context.unknownCharsets(unknown, where: "the headers")

        var collected = Collected()
        walk(
            bytes, section, section.bodyStart..<bytes.count, depth: depth, defaultType: "text/plain",
            context: context, into: &collected)

        var textBody = collected.texts.isEmpty ? nil : collected.texts.joined(separator: "\n")
        var htmlBody = collected.htmls.isEmpty ? nil : collected.htmls.joined(separator: "\n")
        let ownTextIsBlank =
            (textBody?.allSatisfy(\.isWhitespace) ?? true) && !(htmlBody.map(Self.hasVisibleText) ?? false)
        if ownTextIsBlank,
            let forwarded = collected.forwarded.first(where: { $0.textBody != nil || $0.htmlBody != nil })
        {
            textBody = forwarded.textBody
            htmlBody = forwarded.htmlBody
        }
        let contentType = section.first("content-type").map {
            ContentField($0.text, unknownCharsets: &unknown)
        }
        let classification = InboundClassifier.classify(
            section: section, subject: subject ?? "", from: from, contentType: contentType, collected: collected,
            textBody: textBody)
        return InboundMessage(
            messageID: section.first("message-id").flatMap { AddressList.messageIDs($0.text).first },
            inReplyTo: section.all("in-reply-to").flatMap { AddressList.messageIDs($0.text) },
            references: section.all("references").flatMap { AddressList.messageIDs($0.text) },
            from: from, to: to, cc: cc, replyTo: replyTo, subject: subject ?? "",
            date: section.first("date").flatMap { RFC5322Date.parse($0.text) },
            headers: headers, textBody: textBody, htmlBody: htmlBody, attachments: collected.attachments,
            forwarded: collected.forwarded, classification: classification,
            problems: Array(context.problems[firstProblem...]))
    }

    // MARK: - The MIME tree

    private static func walk(
        _ bytes: [UInt8], _ section: HeaderSection, _ body: Range<Int>, depth: Int, defaultType: String,
        context: Context, into collected: inout Collected
    ) {
        context.partsRead += 1
        let number = context.partsRead
        let limits = context.limits
        guard number <= limits.maximumParts else {
            context.once("parts", "more than \(limits.maximumParts) MIME parts; the rest are ignored")
            return
        }
        var unknown: Set<String> = []
        let typeField = section.first("content-type").map { ContentField($0.text, unknownCharsets: &unknown) }
        var type = typeField?.value ?? defaultType
        if type.split(separator: "/").count != 2 {
            context.problems.append("part \(number) has a malformed Content-Type; read as text/plain")
            type = "text/plain"
        }
        let parameters = typeField?.parameters ?? [:]
        let disposition = section.first("content-disposition").map {
            ContentField($0.text, unknownCharsets: &unknown)
        }
        context.unknownCharsets(unknown, where: "the headers of part \(number)")
        let leaf = Leaf(
            number: number, type: type, parameters: parameters, disposition: disposition, section: section,
            body: bytes[body])

        if type.hasPrefix("multipart/") {
            guard depth < limits.maximumDepth else {
                context.once("depth", "nesting deeper than \(limits.maximumDepth) levels; inner parts kept as raw")
                collected.attachments.append(leaf.attachment(bytes: Array(leaf.body)))
                return
            }
            guard let boundary = parameters["boundary"], !boundary.isEmpty else {
                context.problems.append("multipart part \(number) has no boundary; read as text")
                readLeaf(leaf.asText, context: context, into: &collected)
                return
            }
            let (parts, closed) = split(bytes, body, boundary: Array(boundary.utf8))
            guard !parts.isEmpty else {
                context.problems.append("multipart part \(number) never uses its boundary; read as text")
                readLeaf(leaf.asText, context: context, into: &collected)
                return
            }
            if !closed {
                context.problems.append("multipart part \(number) has no closing boundary; read to the end")
            }
            let childType = type == "multipart/digest" ? "message/rfc822" : "text/plain"
            var children: [Collected] = []
            for part in parts {
                let childSection = HeaderSection(
                    bytes, in: part, label: "part \(context.partsRead + 1)", needsEnd: false)
                context.problems += childSection.problems
                var child = Collected()
                walk(
                    bytes, childSection, childSection.bodyStart..<part.upperBound, depth: depth + 1,
                    defaultType: childType, context: context, into: &child)
                children.append(child)
            }
            if type == "multipart/alternative" {
                // Plain text is preferred for reading, the last (richest) HTML for showing.
                collected.texts += children.first { !$0.texts.isEmpty }?.texts ?? []
                collected.htmls += children.last { !$0.htmls.isEmpty }?.htmls ?? []
                for child in children { collected.add(child, texts: false) }
            } else {
                for child in children { collected.add(child) }
            }
            return
        }
        readLeaf(leaf, depth: depth, context: context, into: &collected)
    }

    private static func readLeaf(_ leaf: Leaf, depth: Int = 0, context: Context, into collected: inout Collected) {
        let decoded = transferDecoded(leaf, context: context)
        switch leaf.type {
        case "text/plain" where !leaf.isAttachment:
            collected.texts.append(text(decoded, leaf, context: context))
        case "text/html" where !leaf.isAttachment:
            collected.htmls.append(text(decoded, leaf, context: context))
        case "message/rfc822", "message/global":
            guard depth < context.limits.maximumDepth else {
                context.once(
                    "depth", "nesting deeper than \(context.limits.maximumDepth) levels; inner parts kept as raw")
                collected.attachments.append(leaf.attachment(bytes: decoded))
                return
            }
            let inner = read(decoded, depth: depth + 1, context: context)
            collected.forwarded.append(inner)
            collected.attachments.append(leaf.attachment(bytes: decoded))
            if let id = inner.messageID { collected.returnedMessageIDs.append(id) }
        case "message/delivery-status", "message/global-delivery-status":
            collected.deliveryStatus.append(decoded)
        case "text/rfc822-headers", "message/global-headers":
            let section = HeaderSection(decoded, in: 0..<decoded.count, label: "returned headers")
            if let field = section.first("message-id"), let id = AddressList.messageIDs(field.text).first {
                collected.returnedMessageIDs.append(id)
            }
            collected.attachments.append(leaf.attachment(bytes: decoded))
        default:
            collected.attachments.append(leaf.attachment(bytes: decoded))
        }
    }

    private static func transferDecoded(_ leaf: Leaf, context: Context) -> [UInt8] {
        let encoding = leaf.section.first("content-transfer-encoding").map {
            $0.text.lowercased().trimmingCharacters(in: .whitespaces)
        }
        switch encoding ?? "" {
        case "base64":
            let decoded = Base64.decode(leaf.body)
            guard decoded.strayCount > 0 else { return decoded.bytes }
            if decoded.strayCount * 10 > decoded.alphabetCount {
                context.problems.append("base64 part \(leaf.number) is broken; kept as raw bytes")
                return Array(leaf.body)
            }
            context.problems.append(
                "base64 part \(leaf.number) has \(decoded.strayCount) stray characters; they were skipped")
            return decoded.bytes
        case "quoted-printable":
            return QuotedPrintable.decode(leaf.body)
        case "", "7bit", "8bit", "binary":
            return Array(leaf.body)
        case let other:
            context.problems.append(
                "part \(leaf.number) has the unknown transfer encoding \(other.prefix(40)); kept as it came")
            return Array(leaf.body)
        }
    }

    /// Decoded text with LF line endings, in the part's charset.
    private static func text(_ bytes: [UInt8], _ leaf: Leaf, context: Context) -> String {
        var normalised: [UInt8] = []
        normalised.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                normalised.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                normalised.append(byte)
            }
            index += 1
        }
        var charset = Charset.guess
        if let label = leaf.parameters["charset"] {
            if let known = Charset(label: label) {
                charset = known
            } else {
                let shown = String(
                    label.lowercased().unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F }.prefix(40).map(
                        Character.init))
                context.problems.append("unknown charset \(shown) in part \(leaf.number); read as Windows-1252")
                charset = .windows1252
            }
        }
        return charset.decode(normalised)
    }

    /// The body ranges between the delimiter lines of `boundary`, and whether the closing
    /// delimiter was found. The line break before a delimiter belongs to it, not to the part.
    static func split(_ bytes: [UInt8], _ range: Range<Int>, boundary: [UInt8]) -> (parts: [Range<Int>], closed: Bool) {
        var parts: [Range<Int>] = []
        var partStart: Int?
        var lineStart = range.lowerBound
        let dash = UInt8(ascii: "-")
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let markerEnd = lineStart + 2 + boundary.count
            if markerEnd <= lineEnd, bytes[lineStart] == dash, bytes[lineStart + 1] == dash,
                bytes[(lineStart + 2)..<markerEnd].elementsEqual(boundary)
            {
                let closing =
                    markerEnd + 1 < lineEnd && bytes[markerEnd] == dash && bytes[markerEnd + 1] == dash
                    || markerEnd + 2 == lineEnd && bytes[markerEnd] == dash && bytes[markerEnd + 1] == dash
                let restStart = closing ? markerEnd + 2 : markerEnd
                if bytes[restStart..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    if let start = partStart {
                        var end = lineStart
                        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
                        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                        parts.append(start..<max(start, end))
                    }
                    if closing { return (parts, true) }
                    partStart = min(lineEnd + 1, range.upperBound)
                }
            }
            lineStart = lineEnd + 1
        }
        if let start = partStart { parts.append(start..<range.upperBound) }
        return (parts, false)
    }

    /// True when `html` has text a reader would see: letters or digits outside tags, entities,
    /// and `style`/`script`/`head` content. A rough check, used only to tell an empty body.
    static func hasVisibleText(_ html: String) -> Bool {
        let lower = Array(html.lowercased().utf8)
        var index = 0
        while index < lower.count {
            let byte = lower[index]
            if byte == UInt8(ascii: "<") {
                for hidden in ["style", "script", "head"] where Self.matches(lower, index + 1, hidden) {
                    let close = Array("</\(hidden)".utf8)
                    var end = index + 1
                    while end < lower.count, !Self.matches(lower, end, String(decoding: close, as: UTF8.self)) {
                        end += 1
                    }
                    index = end
                }
                while index < lower.count, lower[index] != UInt8(ascii: ">") { index += 1 }
            } else if byte == UInt8(ascii: "&") {
                while index < lower.count, lower[index] != UInt8(ascii: ";"), lower[index] != 0x20 { index += 1 }
            } else if byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) {
                return true
            }
            index += 1
        }
        return false
    }

    private static func matches(_ bytes: [UInt8], _ at: Int, _ word: String) -> Bool {
        let word = Array(word.utf8)
        return at + word.count <= bytes.count && bytes[at..<(at + word.count)].elementsEqual(word)
    }
}

/// One MIME part's declared facts and raw body.
struct Leaf {
    let number: Int
    let type: String
    let parameters: [String: String]
    let disposition: ContentField?
    let section: HeaderSection
    let body: ArraySlice<UInt8>

    /// A text part the sender marked as a file (a `.txt` attachment) is an attachment.
    var isAttachment: Bool {
        disposition?.value == "attachment" || disposition?.parameters["filename"] != nil
            || parameters["name"] != nil && disposition?.value != "inline"
    }

    /// The same part read as plain text (for a multipart whose boundary cannot be found).
    var asText: Leaf {
        Leaf(number: number, type: "text/plain", parameters: parameters, disposition: nil, section: section, body: body)
    }

    func attachment(bytes: [UInt8]) -> InboundAttachment {
        let kind: InboundAttachment.Disposition =
            switch disposition?.value {
            case "attachment": .attachment
            case "inline": .inline
            default: .unspecified
            }
        let contentID = section.first("content-id").flatMap {
            AddressList.messageIDs($0.text).first ?? ($0.text.isEmpty ? nil : $0.text)
        }
        return InboundAttachment(
            filename: Self.filename(disposition?.parameters["filename"] ?? parameters["name"]), contentType: type,
            bytes: bytes, sha256: SHA256.hexDigest(bytes), contentID: contentID, disposition: kind)
    }

    /// The last path component, without control characters or surrounding spaces.
    private static func filename(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var name = ""
        for scalar in last.unicodeScalars
        where !(scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)) {
            name.unicodeScalars.append(scalar)
        }
        name = name.trimmingCharacters(in: .whitespaces)
        return name.isEmpty || name == "." || name == ".." ? nil : name
    }
}
