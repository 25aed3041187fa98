public import Domain

/// Staff accounts: who may sign in, with which role.
public enum UsersRoute: Hashable, Sendable {
    /// `/admin/users`
    case list
    /// `/admin/users/new`
    case new
    /// `POST /admin/users`
    case create
    /// `/admin/users/{id}/edit`
    case edit(UserID)
    /// `POST /admin/users/{id}` — name and role.
    case update(UserID)
    /// `POST /admin/users/{id}/deactivate` — their sessions end at once.
    case deactivate(UserID)
    /// `POST /admin/users/{id}/reactivate`
    case reactivate(UserID)
    /// `POST /admin/users/{id}/two-step/reset` — turns off two-step verification of someone who
    /// lost their phone and their recovery codes; their sessions end.
    case resetTwoStep(UserID)
}

extension UsersRoute: FeatureRoute {
    public var endpoint: Endpoint<UsersRoute> {
        let access = Access.adminOnly
        return switch self {
        case .list: Endpoint(.get, ["admin", "users"], access: access) { _ in .list }
        case .new: Endpoint(.get, ["admin", "users", "new"], access: access) { _ in .new }
        case .create: Endpoint(.post, ["admin", "users"], access: access) { _ in .create }
        case .edit(let id):
            Endpoint(.get, ["admin", "users", .id(id.rawValue), "edit"], access: access) { c in
                .edit(UserID(rawValue: c.ids[0]))
            }
        case .update(let id):
            Endpoint(.post, ["admin", "users", .id(id.rawValue)], access: access) { c in
                .update(UserID(rawValue: c.ids[0]))
            }
        case .deactivate(let id):
            Endpoint(.post, ["admin", "users", .id(id.rawValue), "deactivate"], access: access) { c in
                .deactivate(UserID(rawValue: c.ids[0]))
            }
        case .reactivate(let id):
            Endpoint(.post, ["admin", "users", .id(id.rawValue), "reactivate"], access: access) { c in
                .reactivate(UserID(rawValue: c.ids[0]))
            }
        case .resetTwoStep(let id):
            Endpoint(.post, ["admin", "users", .id(id.rawValue), "two-step", "reset"], access: access) { c in
                .resetTwoStep(UserID(rawValue: c.ids[0]))
            }
        }
    }

    public static let samples: [UsersRoute] = [
        .list, .new, .create, .edit(UserID(rawValue: 1)), .update(UserID(rawValue: 1)),
        .deactivate(UserID(rawValue: 1)),
        .reactivate(UserID(rawValue: 1)), .resetTwoStep(UserID(rawValue: 1)),
    ]
}
