import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates

/// The proposed quotation beside an inquiry: read from the extraction stored with the message
/// (the JSON that `ingest-email --dry-run --json` prints), with the stock free in its period;
/// accepting it makes a draft quotation.
extension InboxHandler {
    /// The reading stored with the conversation's newest inquiry (nil when it has none).
    static func storedInquiry(_ detail: ConversationDetail) -> (MailMessageRecord, InquiryExtraction)? {
        guard let message = detail.inquiry, let data = message.extractionJSON?.data(using: .utf8),
            let extraction = try? JSONDecoder().decode(InquiryExtraction.self, from: data)
        else { return nil }
        return (message, extraction)
    }

    /// The proposal for the conversation's newest inquiry, or nil when it has none.
    static func proposal(
        _ detail: ConversationDetail, _ db: Connection, _ admin: AdminContext
    ) throws
        -> InquiryProposalView?
    {
        guard let (message, stored) = storedInquiry(detail) else { return nil }
        var values: [String: String] = [
            "name": stored.customer.name ?? message.fromName ?? "",
            "email": stored.customer.email ?? message.fromAddress ?? "",
            "phone": stored.customer.phone ?? "", "company": stored.customer.company ?? "",
            "organisationNumber": stored.customer.organisationNumber ?? "",
            "start": stored.period?.start.iso ?? "", "end": stored.period?.end.iso ?? "",
            "guests": stored.guests.map(String.init) ?? "",
            "line1": stored.deliveryAddress?.line1 ?? "", "postalCode": stored.deliveryAddress?.postalCode ?? "",
            "city": stored.deliveryAddress?.city ?? "",
        ]
        values = values.mapValues { String($0.prefix(500)) }
        let proposed = stored.lines.filter { ($0.productId != nil || $0.addonId != nil) && $0.quantity > 0 }
        var free: [ProductID: Availability] = [:]
        if let period = stored.period {
            free = try StockStore.availability(
                db, products: proposed.compactMap { $0.productId.map(ProductID.init(rawValue:)) }, period: period)
        }
        let lines = proposed.map { line in
            InquiryProposalView.Line(
                item: line.productId.map { "product:\($0)" } ?? line.addonId.map { "addon:\($0)" } ?? "",
                quantity: line.quantity, confidence: line.confidence, source: line.source,
                available: line.productId.flatMap { free[ProductID(rawValue: $0)]?.available })
        }
        let number = try message.quotationID.flatMap { id in
            try InboxStore.quotationNumber(db, id: id).map { (id: id, number: $0) }
        }
        return InquiryProposalView(
            messageID: message.id, values: values,
            confidence: Dictionary(uniqueKeysWithValues: stored.confidence.map { ($0.key.rawValue, $0.value) }),
            sources: Dictionary(uniqueKeysWithValues: stored.sources.map { ($0.key.rawValue, $0.value) }),
            lines: lines, items: try InboxStore.itemChoices(db), quotation: number, language: admin.strings.language)
    }

    /// The language the conversation's inquiry was written in (Swedish when unknown).
    static func inquiryLanguage(_ detail: ConversationDetail) -> Language {
        storedInquiry(detail)?.1.language ?? .default
    }

    static func acceptProposal(_ id: Int64, _ admin: AdminContext) throws -> Response {
        let s = admin.strings.inquiry
        let request = admin.request
        let rows = min(max(Int(request.form["lines"] ?? "") ?? 0, 0), InquiryProposalView.maximumRows)
        var names = [
            "message", "lines", "name", "email", "phone", "company", "organisationNumber", "start", "end",
            "guests", "line1", "postalCode", "city",
        ]
        for index in 0..<rows { names += ["line_\(index)_item", "line_\(index)_quantity"] }
        var form = FormState(values: admin.formValues(names))
        form.values["lines"] = String(rows)
        guard let message = Int64(form["message"]) else {
            throw HTTPError(.badRequest, reason: admin.strings.inbox.badField)
        }
        if form["name"].isEmpty || form["name"].count > 200 { form.errors["name"] = s.nameMissing }
        if !EmailAddressRule.isValid(form["email"]) { form.errors["email"] = s.emailInvalid }
        var period: RentalPeriod?
        do {
            period = try RentalPeriod(
                start: try CalendarDate(iso: form["start"]), end: try CalendarDate(iso: form["end"]))
        } catch {
            form.errors["start"] = s.periodInvalid
        }
        if form["organisationNumber"].count > 20 { form.errors["organisationNumber"] = s.organisationNumberInvalid }
        var lines: [(item: InboxStore.ProposalInput.Item, quantity: Int)] = []
        for index in 0..<rows {
            let item = form["line_\(index)_item"]
            let quantityText = form["line_\(index)_quantity"]
            guard !item.isEmpty else { continue }
            guard let quantity = Int(quantityText), (1...10_000).contains(quantity) else {
                form.errors["line_\(index)_quantity"] = s.quantityInvalid
                form.formError = s.quantityInvalid
                continue
            }
            let parts = item.split(separator: ":")
            guard parts.count == 2, let raw = Int64(parts[1]) else {
                form.formError = s.itemUnknown
                continue
            }
            switch parts[0] {
            case "product": lines.append((.product(ProductID(rawValue: raw)), quantity))
            case "addon": lines.append((.addon(AddonID(rawValue: raw)), quantity))
            default: form.formError = s.itemUnknown
            }
        }
        if lines.isEmpty, form.formError == nil { form.formError = s.noLines }
        guard form.errors.isEmpty, form.formError == nil, let period else {
            return try show(id, admin, forms: ConversationPage.Forms(proposal: form), status: .badRequest)
        }
        let db = try admin.connection()
        guard let detail = try InboxStore.conversation(db, id: id) else { throw HTTPError(.notFound) }
        let input = InboxStore.ProposalInput(
            name: form["name"], email: form["email"], phone: String(form["phone"].prefix(50)),
            company: String(form["company"].prefix(200)),
            organisationNumber: String(form["organisationNumber"].prefix(20)),
            period: period,
            address: PostalAddress(
                line1: String(form["line1"].prefix(200)), postalCode: String(form["postalCode"].prefix(20)),
                city: String(form["city"].prefix(100))),
            title: s.draftTitle(detail.summary.subject), lines: lines,
            language: Self.inquiryLanguage(detail))
        let accepted: InboxStore.Accepted
        do {
            accepted = try InboxStore.acceptProposal(
                db, conversation: id, message: message, input: input, actor: admin.actor)
        } catch is QuotationError {
            form.formError = s.quantityInvalid
            return try show(id, admin, forms: ConversationPage.Forms(proposal: form), status: .unprocessableContent)
        }
        switch accepted {
        case .created(let quotation): return admin.redirect(to: .admin(.quotations(.show(quotation))), flash: .created)
        case .notFound: throw HTTPError(.notFound)
        case .alreadyAccepted(let quotation):
            throw HTTPError(.conflict, reason: s.alreadyAccepted + " (\(quotation.rawValue))")
        case .unknownItem(let line):
            form.formError = s.itemUnknown + " (#\(line + 1))"
            return try show(id, admin, forms: ConversationPage.Forms(proposal: form), status: .unprocessableContent)
        }
    }
}
