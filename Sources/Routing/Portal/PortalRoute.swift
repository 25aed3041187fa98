/// The customer portal: a customer signs in with a link emailed to them and sees their own
/// quotations, bookings, invoices and conversations. Every route but the way in needs a customer
/// session (`Access.customer`); a staff session never opens one, and a customer's never opens `/admin`.
public enum PortalRoute: Hashable, Sendable {
    /// `/portal` — the sign-in form: an email address.
    case signIn
    /// `POST /portal` — "send me a link"; the answer is the same whether the address is known or not.
    case requestLink
    /// `/portal/login/{token}` — the emailed link: a button that signs in (a mail scanner that
    /// fetches the link does not use it up).
    case link(token: String)
    /// `POST /portal/login/{token}` — uses the link once and starts the session.
    case consume(token: String)
    /// `/portal/home` — the customer's tasks, quotations, bookings, invoices and conversations.
    case home
    /// `POST /portal/quotations/{id}/link` — a new signing link for a sent quotation, by email.
    case resendSigningLink(Int64)
    /// `/portal/invoices/{id}/pdf` — an issued invoice's archived PDF.
    case invoicePDF(Int64)
    /// `/portal/conversations/{id}` — one conversation's messages, with a reply form.
    case conversation(Int64)
    /// `POST /portal/conversations/{id}` — the customer's message in that conversation.
    case reply(Int64)
    /// `/portal/tasks/{id}` — a task given to the customer: its form to fill, or the answers once done.
    case task(Int64)
    /// `POST /portal/tasks/{id}` — multipart: the form's fields, files under their keys.
    case completeTask(Int64)
    /// `/portal/tasks/files/{id}` — a file the customer uploaded for one of their tasks.
    case taskFile(Int64)
    /// `POST /portal/logout` — ends the session.
    case logout
}

extension PortalRoute: FeatureRoute {
    public var endpoint: Endpoint<PortalRoute> {
        switch self {
        case .signIn:
            Endpoint(.get, ["portal"], access: .anyone) { _ in .signIn }
        case .requestLink:
            Endpoint(.post, ["portal"], access: .anyone) { _ in .requestLink }
        case .link(let token):
            Endpoint(.get, ["portal", "login", .text(token)], access: .anyone) { c in .link(token: c.texts[0]) }
        case .consume(let token):
            Endpoint(.post, ["portal", "login", .text(token)], access: .anyone) { c in .consume(token: c.texts[0]) }
        case .home:
            Endpoint(.get, ["portal", "home"], access: .customer) { _ in .home }
        case .resendSigningLink(let id):
            Endpoint(.post, ["portal", "quotations", .id(id), "link"], access: .customer) { c in
                .resendSigningLink(c.ids[0])
            }
        case .invoicePDF(let id):
            Endpoint(.get, ["portal", "invoices", .id(id), "pdf"], access: .customer) { c in .invoicePDF(c.ids[0]) }
        case .conversation(let id):
            Endpoint(.get, ["portal", "conversations", .id(id)], access: .customer) { c in .conversation(c.ids[0]) }
        case .reply(let id):
            Endpoint(.post, ["portal", "conversations", .id(id)], access: .customer) { c in .reply(c.ids[0]) }
        case .task(let id):
            Endpoint(.get, ["portal", "tasks", .id(id)], access: .customer) { c in .task(c.ids[0]) }
        case .completeTask(let id):
            Endpoint(.post, ["portal", "tasks", .id(id)], access: .customer) { c in .completeTask(c.ids[0]) }
        case .taskFile(let id):
            Endpoint(.get, ["portal", "tasks", "files", .id(id)], access: .customer) { c in .taskFile(c.ids[0]) }
        case .logout:
            Endpoint(.post, ["portal", "logout"], access: .customer) { _ in .logout }
        }
    }

    public static let samples: [PortalRoute] = [
        .signIn, .requestLink, .link(token: "t"), .consume(token: "t"), .home, .resendSigningLink(1), .invoicePDF(1),
        .conversation(1), .reply(1), .task(1), .completeTask(1), .taskFile(1), .logout,
    ]
}
