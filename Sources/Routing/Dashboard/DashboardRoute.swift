/// The staff start page.
public enum DashboardRoute: Hashable, Sendable {
    /// `/admin` — the dashboard.
    case show
    /// `/admin/live` — the live pages' EventSource: nginx's nchan holds it (the answer is an
    /// `X-Accel-Redirect`), so no responder thread waits on it.
    case live
}

extension DashboardRoute: FeatureRoute {
    public var endpoint: Endpoint<DashboardRoute> {
        switch self {
        case .show: Endpoint(.get, ["admin"], access: .everyone) { _ in .show }
        case .live: Endpoint(.get, ["admin", "live"], access: .everyone) { _ in .live }
        }
    }

    public static let samples: [DashboardRoute] = [.show, .live]
}
