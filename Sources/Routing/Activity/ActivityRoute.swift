/// The activity log: who changed what, when.
public enum ActivityRoute: Hashable, Sendable {
    /// `/admin/activity?user=&entity=&entity_id=&from=&to=&before=`
    case list(ActivityQuery)
}

/// The activity log's filters and cursor, as typed: the page explains a bad filter next to its
/// field; a cursor that is not a row id starts from the newest.
public struct ActivityQuery: RouteQuery {
    public var user: String?
    /// The kind of record (`customer`, `quotation`, …).
    public var entity: String?
    /// `entity_id`: one record of that kind.
    public var entityID: String?
    public var from: String?
    public var to: String?
    public var before: String?

    public init(
        user: String? = nil, entity: String? = nil, entityID: String? = nil, from: String? = nil, to: String? = nil,
        before: String? = nil
    ) {
        self.user = nonEmpty(user)
        self.entity = nonEmpty(entity)
        self.entityID = nonEmpty(entityID)
        self.from = nonEmpty(from)
        self.to = nonEmpty(to)
        self.before = nonEmpty(before)
    }

    public init(reading query: (String) -> String?) {
        self.init(
            user: query("user"), entity: query("entity"), entityID: query("entity_id"),
            from: query("from"), to: query("to"), before: query("before"))
    }

    public var items: [String: String] {
        [
            "user": user ?? "", "entity": entity ?? "", "entity_id": entityID ?? "", "from": from ?? "", "to": to ?? "",
            "before": before ?? "",
        ]
    }
}

extension ActivityRoute: FeatureRoute {
    public var endpoint: Endpoint<ActivityRoute> {
        switch self {
        case .list(let query):
            Endpoint(.get, ["admin", "activity"], query: query.items, access: .management) { c in
                .list(ActivityQuery(reading: c.query))
            }
        }
    }

    public static let samples: [ActivityRoute] = [.list(ActivityQuery())]
}
