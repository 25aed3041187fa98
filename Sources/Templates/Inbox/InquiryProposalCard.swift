public import Domain
import Routing

/// The quotation an inquiry proposes, as a form beside the email: contact, period, guests,
/// delivery address and lines, each field marked when the reading was unsure (below 0.6) with
/// the words it came from, and the stock free in the period for each line. Accepting makes an
/// ordinary draft quotation; nothing is sent.
public struct InquiryProposalView: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        /// `product:ID` or `addon:ID`; empty when the words matched nothing.
        public let item: String
        public let quantity: Int
        public let confidence: Double
        /// The words it came from.
        public let source: String
        /// Units free on every day of the period (products only; nil without a period).
        public let available: Int?

        public init(item: String, quantity: Int, confidence: Double, source: String, available: Int?) {
            self.item = item
            self.quantity = quantity
            self.confidence = confidence
            self.source = source
            self.available = available
        }
    }

    public let messageID: Int64
    /// The field values as read: name, email, phone, company, organisationNumber, start, end,
    /// guests, line1, postalCode, city.
    public let values: [String: String]
    /// Per field, 0…1.
    public let confidence: [String: Double]
    /// Per field, the words it came from.
    public let sources: [String: String]
    public let lines: [Line]
    /// Everything a line may be: products (with SKU) and add-ons.
    public let items: [(value: String, label: String)]
    /// The draft it became, once accepted.
    public let quotation: (id: QuotationID, number: String)?
    public let language: Language

    public init(
        messageID: Int64, values: [String: String], confidence: [String: Double], sources: [String: String],
        lines: [Line], items: [(value: String, label: String)], quotation: (id: QuotationID, number: String)?,
        language: Language
    ) {
        self.messageID = messageID
        self.values = values
        self.confidence = confidence
        self.sources = sources
        self.lines = lines
        self.items = items
        self.quotation = quotation
        self.language = language
    }

    public var name: String? { values["name"].flatMap { $0.isEmpty ? nil : $0 } }
    public var company: String? { values["company"].flatMap { $0.isEmpty ? nil : $0 } }
    public var phone: String? { values["phone"].flatMap { $0.isEmpty ? nil : $0 } }

    /// Below this a field is marked for review.
    public static let unsure = 0.6
    /// The most line rows the form has (what the reading proposed, plus blank ones).
    public static let maximumRows = 60

    public static func == (lhs: InquiryProposalView, rhs: InquiryProposalView) -> Bool {
        lhs.messageID == rhs.messageID && lhs.values == rhs.values && lhs.lines == rhs.lines
    }
}

enum InquiryProposalCard {
    /// Blank rows offered below the proposed lines, for what the reading missed.
    static let extraRows = 3

    static func card(_ view: InquiryProposalView, conversation: Int64, form: FormState, admin: AdminPage) -> Node {
        let s = admin.strings.inquiry
        var form = form
        if form.values.isEmpty {
            form.values = view.values
            for (index, line) in view.lines.enumerated() {
                form.values["line_\(index)_item"] = line.item
                form.values["line_\(index)_quantity"] = String(line.quantity)
            }
        }
        let rows = min(
            max(view.lines.count + extraRows, Int(form["lines"]) ?? 0), InquiryProposalView.maximumRows)
        return section(.class("card proposal"), .id("proposal"), .data("data-message", String(view.messageID))) {
            h2 { s.heading }
            if let quotation = view.quotation {
                p(.class("notice ok")) {
                    s.accepted + " "
                    a(.href(SafeURL(.admin(.quotations(.show(quotation.id)))))) { quotation.number }
                }
            } else {
                p(.class("hint")) { s.lead }
            }
            Fields.summary(form, admin.strings)
            Fields.post(.admin(.inbox(.acceptProposal(conversation))), csrf: admin.csrfToken) {
                Fields.hidden("message", String(view.messageID))
                Fields.hidden("lines", String(rows))
                fieldset {
                    legend { s.contact }
                    field("name", s.name, view, form)
                    field("email", s.email, view, form, type: "email")
                    field("phone", s.phone, view, form, type: "tel")
                    field("company", s.company, view, form)
                    field("organisationNumber", s.organisationNumber, view, form)
                }
                fieldset {
                    legend { s.period }
                    field("start", s.start, view, form, type: "date", confidenceKey: "period")
                    field("end", s.end, view, form, type: "date", confidenceKey: "period")
                    field("guests", s.guests, view, form, type: "number")
                }
                fieldset {
                    legend { s.address }
                    field("line1", s.street, view, form, confidenceKey: "deliveryAddress")
                    field("postalCode", s.postalCode, view, form, confidenceKey: "deliveryAddress")
                    field("city", s.city, view, form, confidenceKey: "deliveryAddress")
                }
                fieldset {
                    legend { s.lines }
                    div(.class("table-scroll")) {
                        table(.class("list proposal-lines")) {
                            thead {
                                tr {
                                    th(.attr("scope", "col")) { s.item }
                                    th(.attr("scope", "col"), .class("num")) { s.quantity }
                                    th(.attr("scope", "col"), .class("num")) { s.available }
                                }
                            }
                            tbody {
                                for index in 0..<rows {
                                    lineRow(
                                        index, view.lines.indices.contains(index) ? view.lines[index] : nil, view, form)
                                }
                            }
                        }
                    }
                }
                if view.quotation == nil, admin.may(.admin(.inbox(.acceptProposal(conversation)))) {
                    button(.class("button"), .attr("type", "submit")) { s.accept }
                }
            }
        }
    }

    /// A field, marked `unsure` with the words it came from when the reading was not sure.
    static func field(
        _ name: String, _ text: String, _ view: InquiryProposalView, _ form: FormState, type: String = "text",
        confidenceKey: String? = nil
    ) -> Node {
        let key = confidenceKey ?? name
        let confidence = view.confidence[key]
        let unsure = (confidence ?? 1) < InquiryProposalView.unsure && !(view.values[name] ?? "").isEmpty
        var hint: String?
        if let source = view.sources[key], !source.isEmpty { hint = "« \(source) »" }
        return div(.class(unsure ? "proposal-field unsure" : "proposal-field"), .data("data-field", name)) {
            Fields.text(
                name, unsure ? "\(text) ⚠" : text, form, type: type, hint: hint,
                extra: unsure ? [.attr("aria-describedby", "unsure-\(name)")] : [], id: "f-proposal-\(name)")
            if unsure {
                p(.class("hint unsure-note"), .id("unsure-\(name)")) {
                    view.language == .sv ? "Osäker – kontrollera." : "Unsure – check it."
                }
            }
        }
    }

    static func lineRow(
        _ index: Int, _ line: InquiryProposalView.Line?, _ view: InquiryProposalView, _ form: FormState
    )
        -> Node
    {
        let unsure = (line?.confidence ?? 1) < InquiryProposalView.unsure
        let itemName = "line_\(index)_item"
        let selected = form[itemName]
        return tr(.class(unsure ? "unsure" : ""), .data("data-line", String(index))) {
            td {
                element(
                    "select", [.id("f-\(itemName)"), .attr("name", itemName), .attr("aria-label", "#\(index + 1)")]
                ) {
                    option(value: "", selected: selected.isEmpty) { "–" }
                    for item in view.items {
                        option(value: item.value, selected: item.value == selected) { item.label }
                    }
                }
                if let line, !line.source.isEmpty { p(.class("hint")) { "« \(line.source) »" + (unsure ? " ⚠" : "") } }
            }
            td(.class("num")) {
                void(
                    "input",
                    [
                        .attr("type", "number"), .attr("min", "0"), .attr("max", "10000"),
                        .attr("name", "line_\(index)_quantity"), .attr("value", form["line_\(index)_quantity"]),
                        .attr("aria-label", "#\(index + 1)"), .class("qty"),
                    ])
            }
            td(.class("num")) {
                if let available = line?.available {
                    let short = available < (line?.quantity ?? 0)
                    StateBadge.badge(String(available), short ? .bad : .ok)
                }
            }
        }
    }
}
