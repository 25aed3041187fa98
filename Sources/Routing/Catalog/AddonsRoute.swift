public import Domain

/// Add-ons: extras offered with products (delivery, set-up).
public enum AddonsRoute: Hashable, Sendable {
    /// `/admin/addons?q=&after=&inactive=1`
    case list(CatalogListQuery)
    /// `/admin/addons/new`
    case new
    /// `POST /admin/addons`
    case create
    /// `/admin/addons/{id}/edit`
    case edit(AddonID)
    /// `POST /admin/addons/{id}`
    case update(AddonID)
    /// `POST /admin/addons/{id}/deactivate`
    case deactivate(AddonID)
}

extension AddonsRoute: FeatureRoute {
    public var endpoint: Endpoint<AddonsRoute> {
        switch self {
        case .list(let query):
            Endpoint(.get, ["admin", "addons"], query: query.items, access: .everyone) { c in
                .list(CatalogListQuery(reading: c.query))
            }
        case .new: Endpoint(.get, ["admin", "addons", "new"], access: .management) { _ in .new }
        case .create: Endpoint(.post, ["admin", "addons"], access: .management) { _ in .create }
        case .edit(let id):
            Endpoint(.get, ["admin", "addons", .id(id.rawValue), "edit"], access: .management) { c in
                .edit(AddonID(rawValue: c.ids[0]))
            }
        case .update(let id):
            Endpoint(.post, ["admin", "addons", .id(id.rawValue)], access: .management) { c in
                .update(AddonID(rawValue: c.ids[0]))
            }
        case .deactivate(let id):
            Endpoint(.post, ["admin", "addons", .id(id.rawValue), "deactivate"], access: .management) { c in
                .deactivate(AddonID(rawValue: c.ids[0]))
            }
        }
    }

    public static let samples: [AddonsRoute] = [
        .list(CatalogListQuery()), .new, .create, .edit(AddonID(rawValue: 1)), .update(AddonID(rawValue: 1)),
        .deactivate(AddonID(rawValue: 1)),
    ]
}
