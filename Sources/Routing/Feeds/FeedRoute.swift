/// Feeds that programs subscribe to. The token in the path is the credential.
public enum FeedRoute: Hashable, Sendable {
    /// `/calendar/{token}.ics` — a staff member's iCalendar feed.
    case calendar(token: String)
}

extension FeedRoute: FeatureRoute {
    public var endpoint: Endpoint<FeedRoute> {
        switch self {
        case .calendar(let token):
            Endpoint(.get, ["calendar", .text(token, suffix: ".ics")], access: .anyone) { c in
                .calendar(token: c.texts[0])
            }
        }
    }

    public static let samples: [FeedRoute] = [.calendar(token: "t")]
}
