public import Domain
public import Foundation
import Routing
public import Sanitizer

/// `/admin/quotations/{id}`: the editor for a draft (admin, manager), the read view otherwise;
/// the signing link's state (never the link), the actions (send, resend, reopen, void,
/// duplicate) and the sent versions.
///
/// The editor is one form that works without JavaScript: every button is a submit button with
/// `name=action` (`save`, `add_line`, `remove_line_N`, `find_customer`, `preview`), so adding a
/// line saves what was typed and shows the new totals and availability.
public enum QuotationEditorPage {
    public struct Header: Sendable {
        public let id: QuotationID
        public let number: String
        public let state: QuotationState
        public let version: Int
        public let createdBy: String
        public let createdAt: Date
        public let updatedAt: Date
        public let bookingID: BookingID?
        public let bookingNumber: String?

        public init(
            id: QuotationID, number: String, state: QuotationState, version: Int, createdBy: String, createdAt: Date,
            updatedAt: Date, bookingID: BookingID?, bookingNumber: String?
        ) {
            self.id = id
            self.number = number
            self.state = state
            self.version = version
            self.createdBy = createdBy
            self.createdAt = createdAt
            self.updatedAt = updatedAt
            self.bookingID = bookingID
            self.bookingNumber = bookingNumber
        }
    }

    public struct Customer: Sendable {
        public let id: CustomerID
        public let name: String
        public let detail: String
        public let archived: Bool

        public init(id: CustomerID, name: String, detail: String, archived: Bool = false) {
            self.id = id
            self.name = name
            self.detail = detail
            self.archived = archived
        }
    }

    /// The live signing link, as staff may see it (never the link itself).
    public struct Link: Sendable {
        public let versionNo: Int
        public let recipient: String
        public let createdAt: Date
        public let expiresAt: Date
        public let expired: Bool
        public let firstViewedAt: Date?
        public let viewCount: Int
        public let email: EmailDelivery

        public init(
            versionNo: Int, recipient: String, createdAt: Date, expiresAt: Date, expired: Bool, firstViewedAt: Date?,
            viewCount: Int, email: EmailDelivery
        ) {
            self.email = email
            self.versionNo = versionNo
            self.recipient = recipient
            self.createdAt = createdAt
            self.expiresAt = expiresAt
            self.expired = expired
            self.firstViewedAt = firstViewedAt
            self.viewCount = viewCount
        }
    }

    /// A product line's stock for the period (all lines of the product together).
    public struct Stock: Sendable {
        public let requested: Int
        public let stock: Int
        public let maxReserved: Int
        public let available: Int

        public init(requested: Int, stock: Int, maxReserved: Int, available: Int) {
            self.requested = requested
            self.stock = stock
            self.maxReserved = maxReserved
            self.available = available
        }

        public var isShort: Bool { requested > available }
    }

    /// What the page knows about line N besides what the form holds.
    public struct LineInfo: Sendable {
        /// Days charged and the amount, when the line is valid.
        public let days: Int?
        public let total: Money?
        public let stock: Stock?

        public init(days: Int?, total: Money?, stock: Stock?) {
            self.days = days
            self.total = total
            self.stock = stock
        }
    }

    /// A product or add-on in the "add a line" list. `value` is `product:ID`, `addon:ID` or `custom`.
    public struct ItemOption: Sendable {
        public let value: String
        public let label: String
        /// The `<optgroup>`: a product category, or the add-ons.
        public let group: String

        public init(value: String, label: String, group: String) {
            self.value = value
            self.label = label
            self.group = group
        }
    }

    public struct Version: Sendable {
        public let number: Int
        public let state: QuotationVersionState
        public let sentAt: Date?
        public let total: Money
        public let sha256: String
        public let sentBy: String?
        /// Declined by the customer (also once superseded).
        public let declined: Bool

        public init(
            number: Int, state: QuotationVersionState, sentAt: Date?, total: Money, sha256: String, sentBy: String?,
            declined: Bool = false
        ) {
            self.declined = declined
            self.number = number
            self.state = state
            self.sentAt = sentAt
            self.total = total
            self.sha256 = sha256
            self.sentBy = sentBy
        }
    }

    /// The customer's signature, for a signed quotation.
    public struct Signed: Sendable {
        public let version: Int
        public let signerName: String
        public let signedAt: Date

        public init(version: Int, signerName: String, signedAt: Date) {
            self.version = version
            self.signerName = signerName
            self.signedAt = signedAt
        }
    }

    /// A product short for the period, for the send panel.
    public struct Shortage: Sendable {
        public let name: String
        public let requested: Int
        public let available: Int

        public init(name: String, requested: Int, available: Int) {
            self.name = name
            self.requested = requested
            self.available = available
        }
    }

    public struct Model: Sendable {
        public var header: Header
        /// The customer the form names now.
        public var customer: Customer?
        /// Search results to pick another customer from.
        public var customerResults: [Customer]
        public var searched: Bool
        /// Every field by name; lines as `line_count` and `line_N_…`.
        public var form: FormState
        /// By line index.
        public var lines: [LineInfo]
        /// The money of what is shown (nil when the lines are not valid yet).
        public var totals: QuotationTotals?
        /// The totals are of unsaved input.
        public var preview: Bool
        public var items: [ItemOption]
        public var link: Link?
        public var signed: Signed?
        public var versions: [Version]
        /// The emails about this quotation, its links and its booking.
        public var emails: [EmailRecord] = []
        /// The conversations about this quotation.
        public var conversations: [ConversationSummary] = []
        /// The tasks about this quotation.
        public var tasks: TasksCardData?
        /// The quotations' active custom fields, and this quotation's stored values.
        public var customFields: [CustomFieldDefinition] = []
        public var customValues: [String: JSONValue] = [:]
        /// The terms for the read view, sanitised.
        public var terms: SanitizedHTML
        /// A draft, and the member may change it.
        public var editable: Bool
        /// The member may send, void, reopen, duplicate.
        public var mayManage: Bool
        /// The send panel's form (`shortage_reason`) and its errors.
        public var sendForm: FormState
        public var shortages: [Shortage]
        /// The customer's address now differs from the one the last link went to (from, to): a
        /// new link needs a reason (finding M5).
        public var recipientChange: RecipientChange?

        public struct RecipientChange: Sendable {
            public let from: String
            public let to: String
            public init(from: String, to: String) {
                self.from = from
                self.to = to
            }
        }

        public init(
            header: Header, customer: Customer?, customerResults: [Customer] = [], searched: Bool = false,
            form: FormState,
            lines: [LineInfo], totals: QuotationTotals?, preview: Bool = false, items: [ItemOption], link: Link?,
            signed: Signed? = nil, versions: [Version], terms: SanitizedHTML, editable: Bool, mayManage: Bool,
            sendForm: FormState = FormState(),
            shortages: [Shortage] = []
        ) {
            self.header = header
            self.customer = customer
            self.customerResults = customerResults
            self.searched = searched
            self.form = form
            self.lines = lines
            self.totals = totals
            self.preview = preview
            self.items = items
            self.link = link
            self.signed = signed
            self.versions = versions
            self.terms = terms
            self.editable = editable
            self.mayManage = mayManage
            self.sendForm = sendForm
            self.shortages = shortages
        }

        var lineCount: Int { min(1000, max(0, Int(form["line_count"]) ?? 0)) }
    }

    public static func render(_ model: Model, admin: AdminPage) -> [UInt8] {
        let s = admin.strings
        let h = model.header
        return AdminLayout.page(title: s.quotations.title(h.number), admin) {
            div(.class("page-head")) {
                h1 {
                    s.quotations.title(h.number)
                    " "
                    QuotationBits.badge(h.state, s)
                }
                a(.href(SafeURL(.admin(.quotations(.list(QuotationListQuery())))))) { s.navQuotations }
            }
            p(.class("meta")) {
                "\(s.quotations.createdBy) \(h.createdBy) · \(DisplayFormat.date(h.createdAt)) · \(s.quotations.updated) \(DisplayFormat.dateTime(h.updatedAt))"
                if let bookingID = h.bookingID, let number = h.bookingNumber {
                    " · \(s.quotations.booking) "
                    a(.href(SafeURL(.admin(.bookings(.show(bookingID))))), .data("data-booking", number)) { number }
                }
            }
            if let signed = model.signed {
                section(.class("card signed-state")) {
                    h2 { s.quotations.signedHeading }
                    p {
                        s.quotations.signedBy(
                            signed.signerName, DisplayFormat.dateTime(signed.signedAt), version: signed.version)
                        " "
                        a(.href(SafeURL(.admin(.quotations(.version(h.id, version: signed.version)))))) {
                            s.quotations.seeEvidence
                        }
                    }
                    if let bookingID = h.bookingID, let number = h.bookingNumber {
                        p {
                            "\(s.quotations.booking) "
                            a(.class("button secondary"), .href(SafeURL(.admin(.bookings(.show(bookingID)))))) {
                                number
                            }
                        }
                    }
                }
            } else if let link = model.link, h.state == .sent {
                linkCard(link, model, admin)
            }
            if model.editable {
                editor(model, admin)
            } else {
                if h.state == .draft { p(.class("hint")) { s.quotations.readOnlyDraft } }
                Fields.summary(model.form, s)
                readView(model, admin)
            }
            if model.mayManage { actions(model, admin) }
            versions(model, admin)
            if let tasks = model.tasks { tasks.card(admin) }
            if !model.conversations.isEmpty { ConversationList.card(model.conversations, admin: admin) }
            if h.state != .draft { EmailLogCard.card(model.emails, admin, back: .admin(.quotations(.show(h.id)))) }
        }.rendered()
    }

    // MARK: - Field helpers

    static func invalid(_ name: String, _ form: FormState) -> [Attribute] {
        form.errors[name] == nil ? [] : [.attr("aria-invalid", "true"), .attr("aria-describedby", "error-\(name)")]
    }

    static func fieldError(_ name: String, _ form: FormState) -> Node {
        guard let message = form.errors[name] else { return .fragment([]) }
        return p(.class("field-error"), .id("error-\(name)")) { message }
    }
}
