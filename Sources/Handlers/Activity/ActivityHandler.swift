import Database
import Domain
import HTTP
import Routing
import Templates

/// `/admin/activity` (Admin, Manager): the audit log with filters by user, entity type and id and
/// dates, fifty rows a page, keyset-paginated by id (`before`), never counted.
enum ActivityHandler {
    static func handle(_ route: ActivityRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .list(let query): try show(query, admin)
        }
    }

    static func show(_ query: ActivityQuery, _ admin: AdminContext) throws -> Response {
        let s = admin.strings
        let db = try admin.connection()
        let staff = try UserStore.all(db).map { (id: $0.member.id, name: $0.member.name) }.sorted { $0.name < $1.name }
        var types = try ActivityStore.entityTypes(db)

        var form = FormState(values: query.items.filter { !$0.value.isEmpty })
        var filter = ActivityFilter()
        if let text = query.user {
            if let id = Int64(text), staff.contains(where: { $0.id.rawValue == id }) {
                filter.user = UserID(rawValue: id)
            } else {
                form.errors["user"] = s.activity.badUser
            }
        }
        if let type = query.entity {
            if type.count <= 50, type.allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "_") }) {
                filter.entityType = type
                if !types.contains(type) { types.append(type) }
            } else {
                form.errors["entity"] = s.activity.badEntity
            }
        }
        if let text = query.entityID {
            if let id = Int64(text), id > 0 {
                filter.entityID = id
                // An id means nothing without its type (and would need a scan of the whole log).
                if filter.entityType == nil, form.errors["entity"] == nil {
                    form.errors["entity"] = s.activity.badEntity
                }
            } else {
                form.errors["entity_id"] = s.activity.badID
            }
        }
        for (key, value) in [("from", query.from), ("to", query.to)] {
            guard let text = value else { continue }
            do {
                let date = try CalendarDate(iso: text)
                if key == "from" { filter.from = date } else { filter.to = date }
            } catch {
                form.errors[key] = s.activity.badDate
            }
        }
        if let from = filter.from, let to = filter.to, to < from { form.errors["to"] = s.activity.badRange }
        // A cursor that is not a row id is ignored: the page starts from the newest.
        if let text = query.before, let before = Int64(text), before > 0 { filter.before = before }

        var entries: [ActivityPage.Entry] = []
        var nextBefore: Int64?
        if form.isValid {
            let page = try ActivityStore.page(db, filter: filter)
            nextBefore = page.nextBefore
            entries = page.entries.map { entry in
                let actor: ActivityPage.Entry.Actor =
                    if let id = entry.actorUserID { .user(id, name: entry.actorName ?? "#\(id.rawValue)") } else {
                        .other(kind: entry.actorKind.rawValue)
                    }
                return ActivityPage.Entry(
                    id: entry.id, at: entry.at, actor: actor, ip: entry.ip, entityType: entry.entityType,
                    entityID: entry.entityID, action: entry.action, before: entry.before, after: entry.after)
            }
        }
        return admin.html(
            ActivityPage.render(
                entries: entries, query: query, filters: form, staff: staff, entityTypes: types, nextBefore: nextBefore,
                admin: try admin.page()),
            status: form.isValid ? .ok : .badRequest)
    }
}
