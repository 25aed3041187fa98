public import Domain

/// Products: the catalogue's rentable items, their stock and availability.
public enum ProductsRoute: Hashable, Sendable {
    /// `/admin/products?q=&after=&inactive=1`
    case list(CatalogListQuery)
    /// `/admin/products/new`
    case new
    /// `POST /admin/products`
    case create
    /// `/admin/products/{id}?from=&to=` — details and availability strip.
    case show(ProductID, ProductQuery)
    /// `/admin/products/{id}/edit`
    case edit(ProductID)
    /// `POST /admin/products/{id}`
    case update(ProductID)
    /// `POST /admin/products/{id}/stock` — the stock level alone (warehouse).
    case setStock(ProductID)
    /// `POST /admin/products/{id}/deactivate`
    case deactivate(ProductID)
}

/// The product and add-on lists' search, cursor and "show inactive" switch.
public struct CatalogListQuery: RouteQuery {
    /// `q`: search text.
    public var search: String?
    /// `after`: the cursor as printed by the previous page (the handler checks it, 400 otherwise).
    public var after: String?
    /// `inactive=1`: deactivated records too.
    public var inactive: Bool

    public init(search: String? = nil, after: String? = nil, inactive: Bool = false) {
        self.search = nonEmpty(search)
        self.after = nonEmpty(after)
        self.inactive = inactive
    }

    public init(reading query: (String) -> String?) {
        self.init(search: query("q"), after: query("after"), inactive: query("inactive") == "1")
    }

    /// The custom-field filters (`cf_<key>`…) of the products list, read by its handler.
    public var custom: [String: String] = [:]

    public var items: [String: String] {
        custom.merging(["q": search ?? "", "after": after ?? "", "inactive": inactive ? "1" : ""]) { _, own in own }
    }
}

/// The availability period on a product's page, as typed (the page explains a bad date).
public struct ProductQuery: RouteQuery {
    public var from: String?
    public var to: String?

    public init(from: String? = nil, to: String? = nil) {
        self.from = nonEmpty(from)
        self.to = nonEmpty(to)
    }

    public init(reading query: (String) -> String?) {
        self.init(from: query("from"), to: query("to"))
    }

    public var items: [String: String] { ["from": from ?? "", "to": to ?? ""] }
}

extension ProductsRoute: FeatureRoute {
    public var endpoint: Endpoint<ProductsRoute> {
        switch self {
        case .list(let query):
            Endpoint(.get, ["admin", "products"], query: query.items, access: .everyone) { c in
                .list(CatalogListQuery(reading: c.query))
            }
        case .new: Endpoint(.get, ["admin", "products", "new"], access: .management) { _ in .new }
        case .create: Endpoint(.post, ["admin", "products"], access: .management) { _ in .create }
        case .show(let id, let query):
            Endpoint(.get, ["admin", "products", .id(id.rawValue)], query: query.items, access: .everyone) { c in
                .show(ProductID(rawValue: c.ids[0]), ProductQuery(reading: c.query))
            }
        case .edit(let id):
            Endpoint(.get, ["admin", "products", .id(id.rawValue), "edit"], access: .management) { c in
                .edit(ProductID(rawValue: c.ids[0]))
            }
        case .update(let id):
            Endpoint(.post, ["admin", "products", .id(id.rawValue)], access: .management) { c in
                .update(ProductID(rawValue: c.ids[0]))
            }
        case .setStock(let id):
            Endpoint(.post, ["admin", "products", .id(id.rawValue), "stock"], access: .logistics) { c in
                .setStock(ProductID(rawValue: c.ids[0]))
            }
        case .deactivate(let id):
            Endpoint(.post, ["admin", "products", .id(id.rawValue), "deactivate"], access: .management) { c in
                .deactivate(ProductID(rawValue: c.ids[0]))
            }
        }
    }

    public static let samples: [ProductsRoute] = [
        .list(CatalogListQuery()), .new, .create, .show(ProductID(rawValue: 1), ProductQuery()),
        .edit(ProductID(rawValue: 1)),
        .update(ProductID(rawValue: 1)), .setStock(ProductID(rawValue: 1)), .deactivate(ProductID(rawValue: 1)),
    ]
}
