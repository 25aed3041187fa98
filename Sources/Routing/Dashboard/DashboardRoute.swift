/// The staff start page.
public enum DashboardRoute: Hashable, Sendable {
    /// `/admin` — the dashboard.
    case show
}

extension DashboardRoute: FeatureRoute {
    public var endpoint: Endpoint<DashboardRoute> {
        switch self {
        case .show: Endpoint(.get, ["admin"], access: .everyone) { _ in .show }
        }
    }

    public static let samples: [DashboardRoute] = [.show]
}
