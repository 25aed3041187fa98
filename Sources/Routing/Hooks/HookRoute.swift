/// Endpoints other programs post to. The token in the path names the hook; each message must
/// also carry a Standard Webhooks signature made with the hook's secret.
public enum HookRoute: Hashable, Sendable {
    /// `POST /hooks/{token}` — one JSON message (a website's lead form, a CRM's event).
    case receive(token: String)
}

extension HookRoute: FeatureRoute {
    public var endpoint: Endpoint<HookRoute> {
        switch self {
        case .receive(let token):
            Endpoint(.post, ["hooks", .text(token)], access: .anyone) { c in .receive(token: c.texts[0]) }
        }
    }

    public static let samples: [HookRoute] = [.receive(token: "t")]
}
