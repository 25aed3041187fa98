public import Domain

/// Quotations: the list, the editor, sending and the frozen versions.
public enum QuotationsRoute: Hashable, Sendable {
    /// `/admin/quotations?state=&q=&after=`
    case list(QuotationListQuery)
    /// `/admin/quotations/new?customer=`
    case new(QuotationNewQuery)
    /// `POST /admin/quotations`
    case create
    /// `/admin/quotations/{id}` — the editor (drafts) or the read view.
    case show(QuotationID)
    /// `POST /admin/quotations/{id}` — save the editor.
    case update(QuotationID)
    /// `POST /admin/quotations/{id}/send`
    case send(QuotationID)
    /// `POST /admin/quotations/{id}/resend` — a new link, the old one voided.
    case resend(QuotationID)
    /// `POST /admin/quotations/{id}/void`
    case void(QuotationID)
    /// `POST /admin/quotations/{id}/duplicate`
    case duplicate(QuotationID)
    /// `/admin/quotations/{id}/versions/{n}` — a frozen version and, once signed, its evidence.
    case version(QuotationID, version: Int)
}

/// The quotation list's state tab, search and cursor. An unknown state or a cursor that is not a
/// number shows the list unfiltered, from the start.
public struct QuotationListQuery: RouteQuery {
    /// `state`: the tab; nil for all.
    public var state: QuotationState?
    /// `q`: search text.
    public var search: String?
    /// `after`: the cursor as printed by the previous page.
    public var after: String?

    public init(state: QuotationState? = nil, search: String? = nil, after: String? = nil) {
        self.state = state
        self.search = nonEmpty(search)
        self.after = nonEmpty(after)
    }

    public init(reading query: (String) -> String?) {
        self.init(
            state: query("state").flatMap(QuotationState.init(rawValue:)), search: query("q"),
            after: query("after"))
    }

    /// The custom-field filters (`cf_<key>`…), read by the handler for the fields that are filters.
    public var custom: [String: String] = [:]

    public var items: [String: String] {
        custom.merging(["state": state?.rawValue ?? "", "q": search ?? "", "after": after ?? ""]) { _, own in own }
    }
}

/// The customer a new quotation starts with (from the customer's page), if any.
public struct QuotationNewQuery: RouteQuery {
    public var customer: CustomerID?

    public init(customer: CustomerID? = nil) { self.customer = customer }

    public init(reading query: (String) -> String?) {
        let id = query("customer").flatMap { Int64($0) }.flatMap { $0 > 0 ? $0 : nil }
        self.init(customer: id.map(CustomerID.init(rawValue:)))
    }

    public var items: [String: String] { ["customer": customer.map { String($0.rawValue) } ?? ""] }
}

extension QuotationsRoute: FeatureRoute {
    public var endpoint: Endpoint<QuotationsRoute> {
        switch self {
        case .list(let query):
            Endpoint(.get, ["admin", "quotations"], query: query.items, access: .quotationReaders) { c in
                .list(QuotationListQuery(reading: c.query))
            }
        case .new(let query):
            Endpoint(.get, ["admin", "quotations", "new"], query: query.items, access: .management) { c in
                .new(QuotationNewQuery(reading: c.query))
            }
        case .create: Endpoint(.post, ["admin", "quotations"], access: .management) { _ in .create }
        case .show(let id):
            Endpoint(.get, ["admin", "quotations", .id(id.rawValue)], access: .quotationReaders) { c in
                .show(QuotationID(rawValue: c.ids[0]))
            }
        case .update(let id):
            Endpoint(.post, ["admin", "quotations", .id(id.rawValue)], access: .management) { c in
                .update(QuotationID(rawValue: c.ids[0]))
            }
        case .send(let id):
            Endpoint(.post, ["admin", "quotations", .id(id.rawValue), "send"], access: .management) { c in
                .send(QuotationID(rawValue: c.ids[0]))
            }
        case .resend(let id):
            Endpoint(.post, ["admin", "quotations", .id(id.rawValue), "resend"], access: .management) { c in
                .resend(QuotationID(rawValue: c.ids[0]))
            }
        case .void(let id):
            Endpoint(.post, ["admin", "quotations", .id(id.rawValue), "void"], access: .management) { c in
                .void(QuotationID(rawValue: c.ids[0]))
            }
        case .duplicate(let id):
            Endpoint(.post, ["admin", "quotations", .id(id.rawValue), "duplicate"], access: .management) { c in
                .duplicate(QuotationID(rawValue: c.ids[0]))
            }
        case .version(let id, let version):
            Endpoint(
                .get, ["admin", "quotations", .id(id.rawValue), "versions", .id(Int64(version))],
                access: .quotationReaders
            ) { c in
                guard let version = Int(exactly: c.ids[1]) else { return nil }
                return .version(QuotationID(rawValue: c.ids[0]), version: version)
            }
        }
    }

    public static let samples: [QuotationsRoute] = [
        .list(QuotationListQuery()), .new(QuotationNewQuery()), .create, .show(QuotationID(rawValue: 1)),
        .update(QuotationID(rawValue: 1)), .send(QuotationID(rawValue: 1)), .resend(QuotationID(rawValue: 1)),
        .void(QuotationID(rawValue: 1)), .duplicate(QuotationID(rawValue: 1)),
        .version(QuotationID(rawValue: 1), version: 1),
    ]
}
