public import Domain
import Foundation
public import Routing

/// `/admin/customers/{id}`: contact facts, addresses, notes, and the history — quotations,
/// bookings and recent activity — with the actions the member's role allows.
public enum CustomerDetailPage {
    public static func render(
        record: CustomerRecord, history: CustomerHistory, emails: [EmailRecord] = [], invoices: [InvoiceSummary] = [],
        conversations: [ConversationSummary] = [], tasks: TasksCardData? = nil,
        customFields: [CustomFieldDefinition] = [],
        admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings
        let details = record.profile.details
        let id = record.id
        let archived = record.archivedAt != nil
        return AdminLayout.page(title: details.displayName, admin) {
            RecordListParts.head(
                details.displayName, badges: archived ? [StateBadge.badge(s.recordArchivedBadge, .warn)] : []
            ) {
                if admin.may(.admin(.customers(.edit(id)))) {
                    a(.class("button"), .href(SafeURL(.admin(.customers(.edit(id)))))) { s.edit }
                }
                let newQuotation = Route.admin(.quotations(.new(QuotationNewQuery(customer: id))))
                if !archived, admin.may(newQuotation) {
                    a(.class("button secondary"), .href(SafeURL(newQuotation))) { s.customers.newQuotation }
                }
                if admin.may(.admin(.customers(.archive(id)))) {
                    if archived {
                        Fields.postButton(
                            .admin(.customers(.archive(id))), s.customers.restore, csrf: admin.csrfToken,
                            fields: [("restore", "yes")])
                    } else {
                        Fields.postButton(.admin(.customers(.archive(id))), s.customers.archive, csrf: admin.csrfToken)
                    }
                }
            }
            if archived { div(.class("flash warning"), .attr("role", "note")) { s.customers.archivedNote } }

            div(.class("cards record-cards")) {
                section(.class("card")) {
                    h2 { s.customers.contactHeading }
                    dl(.class("facts")) {
                        fact(s.customers.kind, s.customers.kindName(details.kind))
                        if details.kind == .company {
                            fact(s.customers.companyName, details.companyName)
                            fact(s.customers.name, details.name)
                            if !details.organisationNumber.isEmpty {
                                fact(s.customers.orgNumber, details.organisationNumber)
                            }
                            if !details.vatNumber.isEmpty { fact(s.customers.vatNumber, details.vatNumber) }
                        } else {
                            fact(s.customers.name, details.name)
                        }
                        if !details.email.isEmpty {
                            dt { s.customers.email }
                            dd { a(.href(SafeURL(mailto: details.email))) { details.email } }
                        }
                        if !details.phone.isEmpty { fact(s.customers.phone, details.phone) }
                        fact(s.customers.locale, record.profile.locale == .sv ? "Svenska" : "English")
                        fact(s.customers.since, DisplayFormat.date(record.createdAt))
                    }
                }
                section(.class("card")) {
                    h2 { s.customers.addressesHeading }
                    h3 { s.customers.billing }
                    addressLines(details.billingAddress, empty: s.customers.noAddress)
                    h3 { s.customers.delivery }
                    if record.profile.deliveryAddress.printedLines.isEmpty {
                        p(.class("hint")) { s.customers.sameAsBilling }
                    } else {
                        addressLines(record.profile.deliveryAddress, empty: s.customers.noAddress)
                    }
                }
            }
            section(.class("card")) {
                h2 { s.customers.notes }
                if record.profile.notes.isEmpty {
                    p(.class("hint")) { s.customers.noNotes }
                } else {
                    p(.class("notes")) { record.profile.notes }
                }
                CustomFieldInputs.details(customFields, record.custom, s)
            }
            quotations(history, admin)
            bookings(history, id: id, admin)
            if let tasks { tasks.card(admin) }
            InvoicesCard.card(invoices, owner: .customer(id), today: BusinessCalendar.today(), admin: admin)
            ConversationList.card(conversations, admin: admin)
            EmailLogCard.card(emails, admin, back: .admin(.customers(.show(id))))
            activity(history, admin)
        }.rendered()
    }

    static func fact(_ term: String, _ value: String) -> Node {
        .fragment([dt { term }, dd { value }])
    }

    static func addressLines(_ address: PostalAddress, empty: String) -> Node {
        let lines = address.printedLines
        guard !lines.isEmpty else { return p(.class("hint")) { empty } }
        return p {
            for (index, line) in lines.enumerated() {
                if index > 0 { void("br", []) }
                line
            }
        }
    }

    static func quotations(_ history: CustomerHistory, _ admin: AdminPage) -> Node {
        let s = admin.strings
        let rows = history.quotations.map { quotation in
            HistoryRow(
                number: quotation.number, route: .admin(.quotations(.show(quotation.id))), title: quotation.title,
                state: StateBadge.badge(s.quotations.quotationState(quotation.state), tone(quotation.state)),
                period: quotation.period, total: quotation.total, created: quotation.createdAt)
        }
        return historyTable(
            id: "quotations", heading: s.customers.quotationsHeading, empty: s.customers.noQuotations, rows: rows,
            createdColumn: true, limit: history.limit, admin
        ) {}
    }

    static func bookings(_ history: CustomerHistory, id: CustomerID, _ admin: AdminPage) -> Node {
        let s = admin.strings
        let all = Route.admin(.bookings(.list(BookingListQuery(customer: String(id.rawValue)))))
        let rows = history.bookings.map { booking in
            HistoryRow(
                number: booking.number, route: .admin(.bookings(.show(booking.id))), title: booking.title,
                state: StateBadge.badge(s.bookings.stateName(booking.state), tone(booking.state)),
                period: booking.period, total: booking.total, created: nil)
        }
        return historyTable(
            id: "bookings", heading: s.customers.bookingsHeading, empty: s.customers.noBookings, rows: rows,
            createdColumn: false, limit: history.limit, admin
        ) {
            if admin.may(all) { p { a(.href(SafeURL(all))) { s.customers.allBookings } } }
        }
    }

    /// One quotation or booking of the customer's history.
    struct HistoryRow {
        let number: String
        let route: Route
        let title: String
        let state: Node
        let period: RentalPeriod
        let total: Money
        let created: Date?
    }

    /// The customer's quotations or bookings: number (linked when the member may open it), title,
    /// state, period, total and, with `createdColumn`, the day it was made; a hint when the list
    /// stops at the history's limit, then `footer`.
    static func historyTable(
        id: String, heading: String, empty: String, rows: [HistoryRow], createdColumn: Bool, limit: Int,
        _ admin: AdminPage, @NodeBuilder footer: () -> [Node]
    ) -> Node {
        let s = admin.strings
        return section(.class("card"), .id(id)) {
            h2 { heading }
            if rows.isEmpty {
                p(.class("hint")) { empty }
            } else {
                DataTable.render(.class("list")) {
                    DataTable.column(s.customers.columnNumber)
                    DataTable.column(s.customers.columnTitle)
                    DataTable.column(s.customers.columnState)
                    DataTable.column(s.customers.columnPeriod)
                    DataTable.column(s.customers.columnTotal, numeric: true)
                    if createdColumn { DataTable.column(s.customers.columnCreated) }
                } rows: {
                    for row in rows {
                        tr {
                            td(.class("nowrap")) { admin.link(row.number, to: row.route) }
                            td { row.title }
                            td { row.state }
                            td { s.periodText(row.period) }
                            RecordListParts.td(number: true) { row.total.formatted(admin.language) }
                            if createdColumn, let created = row.created {
                                td(.class("nowrap")) { DisplayFormat.date(created) }
                            }
                        }
                    }
                }
                if rows.count >= limit { p(.class("hint")) { s.customers.latest(limit) } }
                footer()
            }
        }
    }

    static func activity(_ history: CustomerHistory, _ admin: AdminPage) -> Node {
        let s = admin.strings
        return section(.class("card"), .id("activity")) {
            h2 { s.customers.activityHeading }
            if history.activity.isEmpty {
                p(.class("hint")) { s.customers.noActivity }
            } else {
                ol(.class("activity")) {
                    for entry in history.activity { activityItem(entry, admin) }
                }
            }
        }
    }

    /// What happened, to which quotation or booking (linked when the member may open it), who and
    /// when; an edit of the customer lists the fields with old and new values.
    static func activityItem(_ entry: CustomerHistory.Activity, _ admin: AdminPage) -> Node {
        let s = admin.strings
        var subjectRoute: Route?
        if let id = entry.entityID {
            if entry.entityType == "quotation" { subjectRoute = .admin(.quotations(.show(QuotationID(rawValue: id)))) }
            if entry.entityType == "booking" { subjectRoute = .admin(.bookings(.show(BookingID(rawValue: id)))) }
        }
        return li {
            strong { s.customers.historyActivity(entity: entry.entityType, action: entry.action) }
            if !entry.subject.isEmpty {
                " "
                if let route = subjectRoute, admin.may(route) {
                    a(.href(SafeURL(route))) { entry.subject }
                } else {
                    entry.subject
                }
            }
            " · \(s.customers.historyActor(name: entry.actorName, kind: entry.actorKind)) · "
            element("time", []) { DisplayFormat.dateTime(entry.at) }
            if entry.entityType == "customer", entry.action == "updated", !entry.changes.isEmpty {
                ul(.class("changes")) {
                    for change in entry.changes.prefix(20) {
                        li {
                            span(.class("field-name")) { s.customers.fieldName(change.field) }
                            ": "
                            element("del", []) { shorten(change.before) }
                            " → "
                            element("ins", []) { shorten(change.after) }
                        }
                    }
                }
            }
        }
    }

    static func shorten(_ text: String) -> String {
        text.count > 120 ? String(text.prefix(119)) + "…" : (text.isEmpty ? "–" : text)
    }

    static func tone(_ state: QuotationState) -> BadgeTone {
        switch state {
        case .signed: .ok
        case .sent: .warn
        case .declined, .expired, .void: .bad
        case .draft: .neutral
        }
    }

    static func tone(_ state: BookingState) -> BadgeTone {
        switch state {
        case .confirmed, .packed, .delivered: .ok
        case .returned, .closed: .neutral
        case .cancelled: .bad
        }
    }
}
