public import Domain

/// The form builder: admins make and publish the forms tasks are filled with.
public enum FormsRoute: Hashable, Sendable {
    /// `/admin/forms` — every form, its newest version and open tasks.
    case list
    /// `/admin/forms/new` — a name for a new form.
    case new
    /// `POST /admin/forms` — `name`; the builder opens with one empty section.
    case create
    /// `/admin/forms/{id}` — the builder with the preview beside it.
    case edit(FormID)
    /// `POST /admin/forms/{id}` — the whole builder (see `FormBuilder`) and `op`: `save`, `publish`,
    /// `preview`, or an edit (`add:0`, `remove:3`, `up:3`, `down:3`, `section`, `remove_section:1`).
    case update(FormID)
}

extension FormsRoute: FeatureRoute {
    public var endpoint: Endpoint<FormsRoute> {
        let base: [PathPart] = ["admin", "forms"]
        switch self {
        case .list: return Endpoint(.get, base, access: .adminOnly) { _ in .list }
        case .new: return Endpoint(.get, base + ["new"], access: .adminOnly) { _ in .new }
        case .create: return Endpoint(.post, base, access: .adminOnly) { _ in .create }
        case .edit(let id):
            return Endpoint(.get, base + [.id(id.rawValue)], access: .adminOnly) { c in
                .edit(FormID(rawValue: c.ids[0]))
            }
        case .update(let id):
            return Endpoint(.post, base + [.id(id.rawValue)], access: .adminOnly) { c in
                .update(FormID(rawValue: c.ids[0]))
            }
        }
    }

    public static let samples: [FormsRoute] = [
        .list, .new, .create, .edit(FormID(rawValue: 1)), .update(FormID(rawValue: 1)),
    ]
}
