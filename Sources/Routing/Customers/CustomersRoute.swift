public import Domain

/// Customers: the list, the record and its history.
public enum CustomersRoute: Hashable, Sendable {
    /// `/admin/customers?q=&after=&archived=1`
    case list(CustomerListQuery)
    /// `/admin/customers/new`
    case new
    /// `POST /admin/customers`
    case create
    /// `/admin/customers/{id}` — details and history.
    case show(CustomerID)
    /// `/admin/customers/{id}/edit`
    case edit(CustomerID)
    /// `POST /admin/customers/{id}`
    case update(CustomerID)
    /// `POST /admin/customers/{id}/archive`
    case archive(CustomerID)
}

/// The customer list's search, cursor and "show archived" switch.
public struct CustomerListQuery: RouteQuery {
    /// `q`: search text.
    public var search: String?
    /// `after`: the cursor as printed by the previous page (the handler checks it, 400 otherwise).
    public var after: String?
    /// `archived=1`: archived customers too.
    public var archived: Bool
    /// The custom-field filters (`cf_<key>`, `cf_<key>_from`, `cf_<key>_to`): the handler reads
    /// them for the fields that are filters, so the route does not know their names.
    public var custom: [String: String] = [:]

    public init(search: String? = nil, after: String? = nil, archived: Bool = false) {
        self.search = nonEmpty(search)
        self.after = nonEmpty(after)
        self.archived = archived
    }

    public init(reading query: (String) -> String?) {
        self.init(search: query("q"), after: query("after"), archived: query("archived") == "1")
    }

    public var items: [String: String] {
        custom.merging(["q": search ?? "", "after": after ?? "", "archived": archived ? "1" : ""]) { _, own in own }
    }
}

extension CustomersRoute: FeatureRoute {
    public var endpoint: Endpoint<CustomersRoute> {
        let access = Access.customerCare
        return switch self {
        case .list(let query):
            Endpoint(.get, ["admin", "customers"], query: query.items, access: access) { c in
                .list(CustomerListQuery(reading: c.query))
            }
        case .new: Endpoint(.get, ["admin", "customers", "new"], access: access) { _ in .new }
        case .create: Endpoint(.post, ["admin", "customers"], access: access) { _ in .create }
        case .show(let id):
            Endpoint(.get, ["admin", "customers", .id(id.rawValue)], access: access) { c in
                .show(CustomerID(rawValue: c.ids[0]))
            }
        case .edit(let id):
            Endpoint(.get, ["admin", "customers", .id(id.rawValue), "edit"], access: access) { c in
                .edit(CustomerID(rawValue: c.ids[0]))
            }
        case .update(let id):
            Endpoint(.post, ["admin", "customers", .id(id.rawValue)], access: access) { c in
                .update(CustomerID(rawValue: c.ids[0]))
            }
        case .archive(let id):
            Endpoint(.post, ["admin", "customers", .id(id.rawValue), "archive"], access: access) { c in
                .archive(CustomerID(rawValue: c.ids[0]))
            }
        }
    }

    public static let samples: [CustomersRoute] = [
        .list(CustomerListQuery()), .new, .create,
        .show(CustomerID(rawValue: 1)), .edit(CustomerID(rawValue: 1)), .update(CustomerID(rawValue: 1)),
        .archive(CustomerID(rawValue: 1)),
    ]
}
