public import Domain

/// Custom fields on customers, products, quotations and bookings: only admins define them (the
/// records' own pages show and save the values, with those pages' roles).
public enum CustomFieldsRoute: Hashable, Sendable {
    /// `/admin/fields` — every record type's fields, in order, archived ones apart.
    case list
    /// `/admin/fields/new` — the form for a new field.
    case new
    /// `POST /admin/fields` — `entity`, `key`, `kind`, `label`, `help`, `options`, `required`,
    /// `default_value`, `list_column`, `filterable`, `customer_visible`.
    case create
    /// `/admin/fields/{id}` — edit the field.
    case edit(CustomFieldID)
    /// `POST /admin/fields/{id}` — as create, without `entity`, `key` and `kind`.
    case update(CustomFieldID)
    /// `POST /admin/fields/{id}/archive` — archives; `restore=yes` restores.
    case archive(CustomFieldID)
    /// `POST /admin/fields/{id}/move` — `direction=up` or `down`.
    case move(CustomFieldID)
}

extension CustomFieldsRoute: FeatureRoute {
    public var endpoint: Endpoint<CustomFieldsRoute> {
        let base: [PathPart] = ["admin", "fields"]
        switch self {
        case .list: return Endpoint(.get, base, access: .adminOnly) { _ in .list }
        case .new: return Endpoint(.get, base + ["new"], access: .adminOnly) { _ in .new }
        case .create: return Endpoint(.post, base, access: .adminOnly) { _ in .create }
        case .edit(let id):
            return Endpoint(.get, base + [.id(id.rawValue)], access: .adminOnly) { c in
                .edit(CustomFieldID(rawValue: c.ids[0]))
            }
        case .update(let id):
            return Endpoint(.post, base + [.id(id.rawValue)], access: .adminOnly) { c in
                .update(CustomFieldID(rawValue: c.ids[0]))
            }
        case .archive(let id):
            return Endpoint(.post, base + [.id(id.rawValue), "archive"], access: .adminOnly) { c in
                .archive(CustomFieldID(rawValue: c.ids[0]))
            }
        case .move(let id):
            return Endpoint(.post, base + [.id(id.rawValue), "move"], access: .adminOnly) { c in
                .move(CustomFieldID(rawValue: c.ids[0]))
            }
        }
    }

    public static let samples: [CustomFieldsRoute] = [
        .list, .new, .create, .edit(CustomFieldID(rawValue: 1)), .update(CustomFieldID(rawValue: 1)),
        .archive(CustomFieldID(rawValue: 1)), .move(CustomFieldID(rawValue: 1)),
    ]
}
