public import Domain
public import Foundation
public import Routing

/// `/admin/activity`: the audit log, newest first, fifty at a time, with filters by user, entity
/// type and id, and dates; each row shows who, when, what, and the changed fields before and after.
public enum ActivityPage {
    public struct Entry: Sendable {
        public enum Actor: Sendable {
            case user(UserID, name: String)
            /// `customer`, `system` or `worker`.
            case other(kind: String)
        }

        public let id: Int64
        public let at: Date
        public let actor: Actor
        public let ip: String?
        public let entityType: String
        public let entityID: Int64?
        public let action: String
        public let before: [String: String]
        public let after: [String: String]

        public init(
            id: Int64, at: Date, actor: Actor, ip: String?, entityType: String, entityID: Int64?, action: String,
            before: [String: String], after: [String: String]
        ) {
            self.id = id
            self.at = at
            self.actor = actor
            self.ip = ip
            self.entityType = entityType
            self.entityID = entityID
            self.action = action
            self.before = before
            self.after = after
        }
    }

    /// The longest value shown in a before/after cell; a terms template can be pages long.
    static let maximumValueLength = 400

    /// - Parameters:
    ///   - query: the page's query as requested (the filter form shows it, the pager extends it).
    ///   - filters: the filter values and any errors next to them.
    ///   - staff: the people for the user filter, `(id, name)`.
    ///   - nextBefore: the cursor of the next (older) page, when there is one.
    public static func render(
        entries: [Entry], query: ActivityQuery, filters: FormState, staff: [(id: UserID, name: String)],
        entityTypes: [String],
        nextBefore: Int64?, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings
        return AdminLayout.page(title: s.activity.title, admin) {
            div(.class("page-head")) { h1 { s.activity.title } }
            p(.class("lead")) { s.activity.lead }
            filterForm(filters, staff: staff, entityTypes: entityTypes, s: s)
            if entries.isEmpty {
                p { s.activity.none }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list activity")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { s.activity.when }
                                th(.attr("scope", "col")) { s.activity.who }
                                th(.attr("scope", "col")) { s.activity.what }
                                th(.attr("scope", "col")) { s.activity.changes }
                            }
                        }
                        tbody {
                            for entry in entries { row(entry, admin: admin) }
                        }
                    }
                }
            }
            nav(.class("pager"), .attr("aria-label", s.activity.title)) {
                if query.before != nil {
                    a(.href(SafeURL(.admin(.activity(.list(query.with(\.before, nil))))))) { s.activity.newest }
                }
                if let nextBefore {
                    a(
                        .attr("rel", "next"),
                        .href(SafeURL(.admin(.activity(.list(query.with(\.before, String(nextBefore)))))))
                    ) { s.activity.older }
                }
            }
        }.rendered()
    }

    private static func filterForm(
        _ form: FormState, staff: [(id: UserID, name: String)], entityTypes: [String], s: Strings
    ) -> Node {
        let users =
            [(value: "", label: s.activity.anyone)] + staff.map { (value: String($0.id.rawValue), label: $0.name) }
        let types =
            [(value: "", label: s.activity.anyType)] + entityTypes.map { (value: $0, label: s.activity.entityName($0)) }
        return element(
            "form",
            [.class("filters"), .attr("method", "get"), .action(SafeURL(.admin(.activity(.list(ActivityQuery())))))]
        ) {
            Fields.select("user", s.activity.userLabel, form, options: users)
            Fields.select("entity", s.activity.entityLabel, form, options: types)
            Fields.text(
                "entity_id", s.activity.entityIDLabel, form, extra: [.attr("inputmode", "numeric"), .attr("size", "8")])
            Fields.text("from", s.activity.fromLabel, form, type: "date")
            Fields.text("to", s.activity.toLabel, form, type: "date")
            div(.class("field")) {
                button(.class("button"), .attr("type", "submit")) { s.activity.filter }
                " "
                a(.href(SafeURL(.admin(.activity(.list(ActivityQuery())))))) { s.activity.clear }
            }
        }
    }

    private static func row(_ entry: Entry, admin: AdminPage) -> Node {
        let s = admin.strings
        return tr(.id("activity-\(entry.id)")) {
            td(.class("when")) { time(entry.at) }
            td {
                switch entry.actor {
                case .user(let id, let name):
                    if admin.may(.admin(.users(.edit(id)))) {
                        a(.href(SafeURL(.admin(.users(.edit(id)))))) { name }
                    } else {
                        name
                    }
                case .other(let kind):
                    s.activity.actorKindName(kind)
                }
                if let ip = entry.ip { small(.class("muted")) { " · \(ip)" } }
            }
            td {
                what(entry, admin: admin)
            }
            td { changes(entry, s: s) }
        }
    }

    private static func what(_ entry: Entry, admin: AdminPage) -> Node {
        let s = admin.strings
        let label = s.activity.entityName(entry.entityType) + (entry.entityID.map { " #\($0)" } ?? "")
        let route = entityRoute(entry).flatMap { admin.may($0) ? $0 : nil }
        return span {
            strong { s.activity.actionName(entry.action) }
            " · "
            if let route { a(.href(SafeURL(route))) { label } } else { label }
            if let id = entry.entityID {
                small {
                    " ("
                    a(
                        .href(
                            SafeURL(
                                .admin(.activity(.list(ActivityQuery(entity: entry.entityType, entityID: String(id))))))
                        )
                    ) {
                        s.activity.history
                    }
                    ")"
                }
            }
        }
    }

    /// The admin page of the entity a row is about, where there is one.
    static func entityRoute(_ entry: Entry) -> Route? {
        if entry.entityType == "settings" { return .admin(.settings(.show)) }
        guard let id = entry.entityID else { return nil }
        switch entry.entityType {
        case "customer": return .admin(.customers(.show(CustomerID(rawValue: id))))
        case "product": return .admin(.products(.show(ProductID(rawValue: id), ProductQuery())))
        case "addon": return .admin(.addons(.edit(AddonID(rawValue: id))))
        case "quotation": return .admin(.quotations(.show(QuotationID(rawValue: id))))
        case "booking": return .admin(.bookings(.show(BookingID(rawValue: id))))
        case "user": return .admin(.users(.edit(UserID(rawValue: id))))
        default: return nil
        }
    }

    private static func changes(_ entry: Entry, s: Strings) -> Node {
        let keys = Set(entry.before.keys).union(entry.after.keys).sorted()
        guard !keys.isEmpty else { return .fragment([]) }
        let hasBefore = !entry.before.isEmpty
        return table(.class("changes")) {
            thead {
                tr {
                    th(.attr("scope", "col")) { s.activity.field }
                    if hasBefore { th(.attr("scope", "col")) { s.activity.before } }
                    th(.attr("scope", "col")) { s.activity.after }
                }
            }
            tbody {
                for key in keys {
                    tr {
                        th(.attr("scope", "row")) { s.activity.auditFieldName(key) }
                        if hasBefore { td(.class("before")) { value(entry.before[key], s: s) } }
                        td(.class("after")) { value(entry.after[key], s: s) }
                    }
                }
            }
        }
    }

    private static func value(_ text: String?, s: Strings) -> Node {
        guard let text else { return .text("—") }
        if text.isEmpty { return span(.class("muted")) { s.activity.emptyValue } }
        if text.count > maximumValueLength { return .text(String(text.prefix(maximumValueLength)) + "…") }
        return .text(text)
    }

    /// `2026-12-24 14:05:09`, in Stockholm (the column header names the zone).
    static func time(_ date: Date) -> String {
        let time = BusinessCalendar.timeOfDay(date)
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(DisplayFormat.date(date)) \(pad(time.hour)):\(pad(time.minute)):\(pad(time.second))"
    }
}
