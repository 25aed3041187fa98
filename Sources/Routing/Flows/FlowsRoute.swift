public import Domain

/// Flows: admins build them; managers read them, try them in the simulator, start them on bookings
/// and stop runs.
public enum FlowsRoute: Hashable, Sendable {
    /// `/admin/flows` — the flows, their versions and running counts.
    case list
    /// `/admin/flows/new` — the editor, empty.
    case new
    /// `POST /admin/flows` — `name`, `description`, the editor's rows (`r_count`, `r_kind_N`, …);
    /// with `builder` an editor button (nothing saved).
    case create
    /// `/admin/flows/{id}` — the flow's levels as a route map, its runs; the editor for admins.
    case show(FlowID)
    /// `POST /admin/flows/{id}` — a new version (`version`: the one the page showed).
    case update(FlowID)
    /// `POST /admin/flows/{id}/archive` — `archived` (`yes`/`no`).
    case archive(FlowID)
    /// `/admin/flows/{id}/simulate?v_N=…` — the walk the flow would take with typed values; nothing made.
    case simulate(FlowID)
    /// `POST /admin/flows/runs` — `flow`, `booking`: start the flow on the booking.
    case start
    /// `POST /admin/flows/runs/{id}/cancel` — stop a run and its open tasks.
    case cancelRun(FlowRunID)
}

extension FlowsRoute: FeatureRoute {
    public var endpoint: Endpoint<FlowsRoute> {
        let base: [PathPart] = ["admin", "flows"]
        switch self {
        case .list: return Endpoint(.get, base, access: .management) { _ in .list }
        case .new: return Endpoint(.get, base + ["new"], access: .adminOnly) { _ in .new }
        case .create: return Endpoint(.post, base, access: .adminOnly) { _ in .create }
        case .show(let id):
            return Endpoint(.get, base + [.id(id.rawValue)], access: .management) { c in
                .show(FlowID(rawValue: c.ids[0]))
            }
        case .update(let id):
            return Endpoint(.post, base + [.id(id.rawValue)], access: .adminOnly) { c in
                .update(FlowID(rawValue: c.ids[0]))
            }
        case .archive(let id):
            return Endpoint(.post, base + [.id(id.rawValue), "archive"], access: .adminOnly) { c in
                .archive(FlowID(rawValue: c.ids[0]))
            }
        case .simulate(let id):
            return Endpoint(.get, base + [.id(id.rawValue), "simulate"], access: .management) { c in
                .simulate(FlowID(rawValue: c.ids[0]))
            }
        case .start: return Endpoint(.post, base + ["runs"], access: .management) { _ in .start }
        case .cancelRun(let id):
            return Endpoint(.post, base + ["runs", .id(id.rawValue), "cancel"], access: .management) { c in
                .cancelRun(FlowRunID(rawValue: c.ids[0]))
            }
        }
    }

    public static let samples: [FlowsRoute] = [
        .list, .new, .create, .show(FlowID(rawValue: 1)), .update(FlowID(rawValue: 1)),
        .archive(FlowID(rawValue: 1)), .simulate(FlowID(rawValue: 1)), .start,
        .cancelRun(FlowRunID(rawValue: 1)),
    ]
}
