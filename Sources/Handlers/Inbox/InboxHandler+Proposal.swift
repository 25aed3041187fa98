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
    /// The stored extraction, as the documented JSON has it (only what the page shows).
    struct StoredInquiry: Decodable {
        struct Customer: Decodable {
            let name: String?
            let email: String?
            let phone: String?
            let company: String?
            let organisationNumber: String?
        }
        struct Period: Decodable {
            let start: String
            let end: String
        }
        struct Address: Decodable {
            let line1: String?
            let postalCode: String?
            let city: String?
        }
        struct Line: Decodable {
            let productId: Int64?
            let addonId: Int64?
            let quantity: Int?
            let confidence: Double?
            let source: String?
        }
        let language: String?
        let customer: Customer?
        let period: Period?
        let guests: Int?
        let deliveryAddress: Address?
        let lines: [Line]?
        let confidence: [String: Double]?
        let sources: [String: String]?
    }

    /// The proposal for the conversation's newest inquiry, or nil when it has none.
    static func proposal(
        _ detail: ConversationDetail, _ db: Connection, _ admin: AdminContext
    ) throws
        -> InquiryProposalView?
    {
        guard let message = detail.inquiry,
            let data = message.extractionJSON?.data(using: .utf8),
            let stored = try? JSONDecoder().decode(StoredInquiry.self, from: data)
        else { return nil }
        var values: [String: String] = [
            "name": stored.customer?.name ?? message.fromName ?? "",
            "email": stored.customer?.email ?? message.fromAddress ?? "",
            "phone": stored.customer?.phone ?? "", "company": stored.customer?.company ?? "",
            "organisationNumber": stored.customer?.organisationNumber ?? "",
            "start": stored.period?.start ?? "", "end": stored.period?.end ?? "",
            "guests": stored.guests.map(String.init) ?? "",
            "line1": stored.deliveryAddress?.line1 ?? "", "postalCode": stored.deliveryAddress?.postalCode ?? "",
            "city": stored.deliveryAddress?.city ?? "",
        ]
        values = values.mapValues { String($0.prefix(500)) }
        let period = try? RentalPeriod(
            start: try CalendarDate(iso: values["start"] ?? ""), end: try CalendarDate(iso: values["end"] ?? ""))
        let proposed = (stored.lines ?? []).filter {
            ($0.productId != nil || $0.addonId != nil) && ($0.quantity ?? 0) > 0
        }
        var free: [ProductID: Availability] = [:]
        if let period {
            free = try StockStore.availability(
                db, products: proposed.compactMap { $0.productId.map(ProductID.init(rawValue:)) }, period: period)
        }
        let lines = proposed.map { line in
            InquiryProposalView.Line(
                item: line.productId.map { "product:\($0)" } ?? line.addonId.map { "addon:\($0)" } ?? "",
                quantity: line.quantity ?? 1, confidence: line.confidence ?? 1, source: line.source ?? "",
                available: line.productId.flatMap { free[ProductID(rawValue: $0)]?.available })
        }
        let number = try message.quotationID.flatMap { id in
            try InboxStore.quotationNumber(db, id: id).map { (id: id, number: $0) }
        }
        return InquiryProposalView(
            messageID: message.id, values: values, confidence: stored.confidence ?? [:], sources: stored.sources ?? [:],
            lines: lines, items: try InboxStore.itemChoices(db), quotation: number, language: admin.strings.language)
    }

    /// The language the conversation's inquiry was written in (Swedish when unknown).
    static func inquiryLanguage(_ detail: ConversationDetail) -> Language {
        guard let data = detail.inquiry?.extractionJSON?.data(using: .utf8),
            let stored = try? JSONDecoder().decode(StoredInquiry.self, from: data)
        else { return .default }
        return stored.language.flatMap(Language.init(rawValue:)) ?? .default
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
