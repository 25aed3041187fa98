import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates

/// `/admin/quotations?state=&q=&after=`. An unknown state shows all; a malformed cursor the first page.
enum QuotationListHandler {
    static func show(_ query: QuotationListQuery, _ admin: AdminContext) throws -> Response {
        let state = query.state
        let search = (query.search ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefixForLimits(100)
        let after = query.after.flatMap(Int64.init).flatMap { $0 > 0 ? $0 : nil }
        let fields = try CustomFieldForms(admin, .quotation)
        let filters = fields.filters
        let page = try QuotationStore.page(
            try admin.connection(), state: state, search: search, after: after, filters: filters.filters)
        let rows = page.rows.map {
            var row = QuotationListPage.Row(
                id: $0.id, number: $0.number, state: $0.state, customer: $0.customerName, title: $0.title,
                period: $0.period, total: $0.total, updatedAt: $0.updatedAt)
            row.custom = $0.custom
            return row
        }
        return admin.html(
            QuotationListPage.render(
                rows: rows, state: state, search: search, nextCursor: page.nextCursor, isFirstPage: after == nil,
                fields: fields.definitions, filters: filters.items, admin: try admin.page()))
    }
}
