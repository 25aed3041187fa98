import Database
import Documents
import Domain
import Foundation
import HTTP
import Routing
import Sanitizer
import Templates

/// `/admin/inbox…`: the conversations, a conversation's page, replying, sorting (state and
/// assignment), making the sender a customer, and downloads. The proposed quotation lives in
/// `InboxHandler+Proposal`.
enum InboxHandler {
    static func handle(_ route: InboxRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .list(let query): try list(query, admin)
        case .show(let id): try show(id, admin)
        case .reply(let id): try reply(id, admin)
        case .setState(let id): try setState(id, admin)
        case .assign(let id): try assign(id, admin)
        case .createCustomer(let id): try createCustomer(id, admin)
        case .acceptProposal(let id): try acceptProposal(id, admin)
        case .attachment(let id): try attachment(id, admin)
        case .raw(let id): try raw(id, admin)
        }
    }

    static let pageSize = 50

    static func list(_ query: InboxQuery, _ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        var rows = try InboxStore.conversations(
            db, .inbox(query.view, user: admin.user.id), limit: pageSize + 1, offset: (query.page - 1) * pageSize)
        let hasMore = rows.count > pageSize
        if hasMore { rows.removeLast() }
        let unthreaded = query.view == .open && query.page == 1 ? try InboxStore.unthreaded(db) : []
        return admin.html(
            InboxPage.render(
                query: query, conversations: rows, counts: try InboxStore.counts(db, user: admin.user.id),
                unthreaded: unthreaded, hasMore: hasMore, admin: try admin.page()))
    }

    /// The page; opening it marks its received messages read.
    static func show(
        _ id: Int64, _ admin: AdminContext, forms: ConversationPage.Forms = ConversationPage.Forms(),
        status: HTTPStatus = .ok
    ) throws -> Response {
        let db = try admin.connection()
        guard let detail = try InboxStore.conversation(db, id: id) else { throw HTTPError(.notFound) }
        if detail.summary.unread > 0 { try InboxStore.markRead(db, conversation: id) }
        var html: [Int64: SanitizedHTML] = [:]
        for message in detail.messages {
            // Stored sanitised; sanitising again is idempotent and keeps the rule in one place.
            if let markup = message.htmlBody, !markup.isEmpty { html[message.id] = try? HTMLSanitizer.sanitize(markup) }
        }
        return admin.html(
            ConversationPage.render(
                detail, html: html, assignees: try InboxStore.assignees(db),
                proposal: try proposal(detail, db, admin), forms: forms, admin: try admin.page()),
            status: status)
    }

    /// Longest reply text, in characters; largest attachments in all.
    static let replyLimit = 50_000
    static let attachmentLimit = 10 << 20

    static func reply(_ id: Int64, _ admin: AdminContext) throws -> Response {
        let s = admin.strings.inbox
        let request = admin.request
        var form = FormState(values: admin.formValues(["text", "attach_offer"]))
        let text = (request.form["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            form.errors["text"] = s.replyEmpty
        } else if text.count > replyLimit {
            form.errors["text"] = s.replyTooLong
        }
        let uploads = request.form.files.filter { $0.fieldName == "files" && !$0.bytes.isEmpty }
        var files = uploads.map { file in
            ReceivedMail.Attachment(
                filename: Self.fileName(file.filename), contentType: Self.mediaType(file.contentType),
                size: file.bytes.count, sha256: SHA256.hexDigest(file.bytes), bytes: file.bytes)
        }
        let db = try admin.connection()
        if request.form["attach_offer"] == "yes", let offer = try offerPDF(conversation: id, db, admin) {
            files.append(offer)
        }
        if files.reduce(0, { $0 + $1.size }) > attachmentLimit { form.errors["files"] = s.replyTooLarge }
        guard form.errors.isEmpty else {
            return try show(id, admin, forms: ConversationPage.Forms(reply: form), status: .badRequest)
        }
        switch try InboxStore.reply(
            db, conversation: id, reply: InboxStore.Reply(text: text, files: files), actor: admin.actor)
        {
        case .queued: return admin.redirect(to: .admin(.inbox(.show(id))), flash: .emailQueued)
        case .notFound: throw HTTPError(.notFound)
        case .noAddress:
            form.formError = s.noAddress
            return try show(id, admin, forms: ConversationPage.Forms(reply: form), status: .unprocessableContent)
        }
    }

    /// RFC 5987's attr-char: ASCII letters, digits and `!#$&+-.^_`|~`; everything else is %-encoded.
    static let attrChar = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~")

    /// An uploaded file's name as an email may carry it: no path, quotes, backslashes or control
    /// characters; "attachment" when nothing is left.
    static func fileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(
            String.UnicodeScalarView(
                last.unicodeScalars.filter { $0.properties.generalCategory != .control && $0 != "\"" })
        ).trimmingCharacters(in: .whitespaces)
        return clean.isEmpty ? "attachment" : String(clean.prefix(150))
    }

    /// A browser's `type/subtype` when it is one, else `application/octet-stream`.
    static func mediaType(_ text: String) -> String {
        let value = text.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let parts = value.split(separator: "/")
        let token = { (part: Substring) in
            !part.isEmpty && part.count <= 60
                && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        }
        return parts.count == 2 && token(parts[0]) && token(parts[1]) ? value : "application/octet-stream"
    }

    /// The PDF of the newest version sent of the conversation's quotation, in the customer's
    /// language as the signing page shows it (rendered once per version, `DocumentCache`).
    static func offerPDF(
        conversation: Int64, _ db: Connection, _ admin: AdminContext
    ) throws
        -> ReceivedMail.Attachment?
    {
        guard let detail = try InboxStore.conversation(db, id: conversation), let quotation = detail.quotationID,
            let newest = try QuotationStore.versions(db, quotationID: quotation).first,
            let version = try QuotationStore.versionDetail(db, quotationID: quotation, number: newest.number)
        else { return nil }
        let context = admin.base
        let frozen = try context.caches.frozenVersion(sha256: version.summary.sha256) { version.snapshotJSON }
        let language = try InboxStore.customerLanguage(db, conversation: conversation) ?? .default
        let pdf = try context.services.documents.offerPDF(sha256: version.summary.sha256, language: language) {
            try AgreementRenderer.render(
                AgreementDocument(
                    snapshot: frozen.snapshot, terms: RichTextReader.blocks(frozen.terms), language: language))
        }
        return ReceivedMail.Attachment(
            filename: "\(version.quotationNumber).pdf", contentType: "application/pdf", size: pdf.count,
            sha256: SHA256.hexDigest(pdf), bytes: pdf)
    }

    static func setState(_ id: Int64, _ admin: AdminContext) throws -> Response {
        guard let state = admin.request.form["state"].flatMap(ConversationState.init(rawValue:)) else {
            throw HTTPError(.badRequest, reason: admin.strings.inbox.badField)
        }
        switch try InboxStore.setState(try admin.connection(), conversation: id, to: state, actor: admin.actor) {
        case .done: return admin.redirect(to: .admin(.inbox(.show(id))), flash: .saved)
        case .notFound: throw HTTPError(.notFound)
        }
    }

    static func assign(_ id: Int64, _ admin: AdminContext) throws -> Response {
        let text = admin.request.form["user"] ?? ""
        var user: UserID?
        if !text.isEmpty {
            guard let raw = Int64(text) else {
                throw HTTPError(.badRequest, reason: admin.strings.inbox.badField)
            }
            user = UserID(rawValue: raw)
        }
        switch try InboxStore.assign(try admin.connection(), conversation: id, to: user, actor: admin.actor) {
        case .done: return admin.redirect(to: .admin(.inbox(.show(id))), flash: .saved)
        case .notFound: throw HTTPError(.notFound)
        }
    }

    static func createCustomer(_ id: Int64, _ admin: AdminContext) throws -> Response {
        let s = admin.strings.inbox
        var form = FormState(values: admin.formValues(["name", "company", "phone"]))
        let db = try admin.connection()
        guard let detail = try InboxStore.conversation(db, id: id) else { throw HTTPError(.notFound) }
        if form["name"].isEmpty { form.errors["name"] = s.nameMissing }
        if form["name"].count > 200 { form.errors["name"] = s.nameTooLong }
        if form["company"].count > 200 { form.errors["company"] = s.nameTooLong }
        if form["phone"].count > 50 { form.errors["phone"] = s.nameTooLong }
        guard form.errors.isEmpty else {
            return try show(id, admin, forms: ConversationPage.Forms(customer: form), status: .badRequest)
        }
        let company = form["company"]
        let details = CustomerDetails(
            kind: company.isEmpty ? .person : .company, name: form["name"], companyName: company,
            email: detail.summary.partyAddress, phone: form["phone"])
        do {
            guard
                try InboxStore.createCustomer(
                    db, conversation: id, details: details, language: inquiryLanguage(detail), actor: admin.actor)
                    != nil
            else {
                return admin.redirect(to: .admin(.inbox(.show(id))))
            }
        } catch let error as DatabaseError {
            guard case .checkViolation = error.kind else { throw error }
            form.errors["name"] = s.noAddress
            return try show(id, admin, forms: ConversationPage.Forms(customer: form), status: .unprocessableContent)
        }
        return admin.redirect(to: .admin(.inbox(.show(id))), flash: .created)
    }

    static func attachment(_ id: Int64, _ admin: AdminContext) throws -> Response {
        guard let file = try InboxStore.attachment(try admin.connection(), id: id) else {
            throw HTTPError(.notFound)
        }
        // Always a download, never shown inline: a received file is untrusted. The name as ASCII
        // for old clients, and whole in UTF-8 (RFC 6266) for the rest.
        let ascii = String(
            file.filename.unicodeScalars.filter {
                $0.isASCII
                    && ($0.properties.isAlphabetic || $0.properties.numericType != nil
                        || ".-_ ".unicodeScalars.contains($0))
            }
            .prefix(150))
        let name = ascii.trimmingCharacters(in: .whitespaces).isEmpty ? "attachment" : ascii
        var disposition = "attachment; filename=\"\(name)\""
        if let encoded = file.filename.prefix(150).addingPercentEncoding(withAllowedCharacters: Self.attrChar),
            !file.filename.isEmpty
        {
            disposition += "; filename*=UTF-8''\(encoded)"
        }
        return Response(
            status: .ok,
            headers: [
                ("Content-Type", "application/octet-stream"), ("Cache-Control", "no-store"),
                ("X-Content-Type-Options", "nosniff"), ("Content-Disposition", disposition),
            ],
            body: file.bytes)
    }

    static func raw(_ id: Int64, _ admin: AdminContext) throws -> Response {
        guard let bytes = try InboxStore.raw(try admin.connection(), messageID: id) else { throw HTTPError(.notFound) }
        return Response(
            status: .ok,
            headers: [
                ("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store"),
                ("X-Content-Type-Options", "nosniff"),
                ("Content-Disposition", "inline; filename=\"message-\(id).eml\""),
            ],
            body: bytes)
    }
}
