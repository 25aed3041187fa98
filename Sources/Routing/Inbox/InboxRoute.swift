public import Domain

/// The inbox: customer email as conversations. Admin, Manager and Support read, answer and sort
/// them; turning an inquiry into a draft quotation is for those who make quotations (Admin and
/// Manager). The warehouse does not see customer email.
public enum InboxRoute: Hashable, Sendable {
    /// `/admin/inbox?view=open|unread|mine|waiting|closed` — the conversations of a view, newest first.
    case list(InboxQuery)
    /// `/admin/inbox/{id}` — the messages, the reply form, and for an inquiry the proposed
    /// quotation beside it. Opening it marks its received messages read.
    case show(Int64)
    /// `POST /admin/inbox/{id}/reply` — `text` (multipart, with `files` and `attach_offer`).
    case reply(Int64)
    /// `POST /admin/inbox/{id}/state` — `state`: `open`, `waiting` or `closed`.
    case setState(Int64)
    /// `POST /admin/inbox/{id}/assign` — `user` (empty: nobody).
    case assign(Int64)
    /// `POST /admin/inbox/{id}/customer` — the sender becomes a customer (`name`, `company`, `phone`).
    case createCustomer(Int64)
    /// `POST /admin/inbox/{id}/quotation` — the proposal, as staff corrected it, becomes a draft quotation.
    case acceptProposal(Int64)
    /// `/admin/inbox/attachments/{id}` — a received or sent attachment, as a download.
    case attachment(Int64)
    /// `/admin/inbox/messages/{id}/raw` — a received message exactly as it came, as text.
    case raw(Int64)
}

/// The inbox list's query: which view, and which page of 50.
public struct InboxQuery: RouteQuery {
    /// `view`: open (the default), unread, mine, waiting or closed.
    public var view: InboxView
    /// `page`: 1 and up.
    public var page: Int

    public init(view: InboxView = .open, page: Int = 1) {
        self.view = view
        self.page = max(1, page)
    }

    public init(reading query: (String) -> String?) {
        self.init(
            view: query("view").flatMap(InboxView.init(rawValue:)) ?? .open,
            page: query("page").flatMap { Int($0) }.map { min($0, 10_000) } ?? 1)
    }

    public var items: [String: String] {
        ["view": view == .open ? "" : view.rawValue, "page": page == 1 ? "" : String(page)]
    }
}

extension InboxRoute: FeatureRoute {
    public var endpoint: Endpoint<InboxRoute> {
        switch self {
        case .list(let query):
            Endpoint(.get, ["admin", "inbox"], query: query.items, access: .customerCare) { c in
                .list(InboxQuery(reading: c.query))
            }
        case .show(let id): Endpoint(.get, ["admin", "inbox", .id(id)], access: .customerCare) { c in .show(c.ids[0]) }
        case .reply(let id):
            Endpoint(.post, ["admin", "inbox", .id(id), "reply"], access: .customerCare) { c in .reply(c.ids[0]) }
        case .setState(let id):
            Endpoint(.post, ["admin", "inbox", .id(id), "state"], access: .customerCare) { c in .setState(c.ids[0]) }
        case .assign(let id):
            Endpoint(.post, ["admin", "inbox", .id(id), "assign"], access: .customerCare) { c in .assign(c.ids[0]) }
        case .createCustomer(let id):
            Endpoint(.post, ["admin", "inbox", .id(id), "customer"], access: .customerCare) { c in
                .createCustomer(c.ids[0])
            }
        case .acceptProposal(let id):
            Endpoint(.post, ["admin", "inbox", .id(id), "quotation"], access: .management) { c in
                .acceptProposal(c.ids[0])
            }
        case .attachment(let id):
            Endpoint(.get, ["admin", "inbox", "attachments", .id(id)], access: .customerCare) { c in
                .attachment(c.ids[0])
            }
        case .raw(let id):
            Endpoint(.get, ["admin", "inbox", "messages", .id(id), "raw"], access: .customerCare) { c in
                .raw(c.ids[0])
            }
        }
    }

    public static let samples: [InboxRoute] = [
        .list(InboxQuery()), .list(InboxQuery(view: .unread, page: 2)), .show(1), .reply(1), .setState(1), .assign(1),
        .createCustomer(1), .acceptProposal(1), .attachment(1),
        .raw(1),
    ]
}
