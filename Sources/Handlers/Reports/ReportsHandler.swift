import Database
import Domain
import HTTP
import Routing
import Templates

/// `/admin/reports…`: each report read through `ReportStore` for the asked period and shown as a
/// page or written as a CSV file with the same figures.
enum ReportsHandler {
    static func handle(_ route: ReportsRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .index: admin.html(ReportPages.index(admin: try admin.page()))
        case .show(let kind, let query): try show(kind, query, admin)
        case .csv(let kind, let query): try csv(kind, query, admin)
        case .saved(let route): try SavedReportsHandler.handle(route, admin)
        }
    }

    static func period(_ query: ReportQuery) -> ReportPeriod {
        ReportPeriod.reading(from: query.from, to: query.to, today: BusinessCalendar.today())
    }

    static func show(_ kind: ReportKind, _ query: ReportQuery, _ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        let period = period(query)
        let page = try admin.page()
        return switch kind {
        case .revenue:
            admin.html(
                ReportPages.revenue(
                    RevenueReport(parts: try ReportStore.revenueParts(db, period: period), months: period.months),
                    period: period, admin: page))
        case .utilisation:
            admin.html(
                ReportPages.utilisation(try ReportStore.utilisation(db, period: period), period: period, admin: page))
        case .receivables:
            admin.html(ReportPages.receivables(try ReportStore.receivables(db, asOf: asOf(query)), admin: page))
        case .customers:
            admin.html(
                ReportPages.customers(try ReportStore.topCustomers(db, period: period), period: period, admin: page))
        case .conversion:
            admin.html(
                ReportPages.conversion(try ReportStore.conversion(db, period: period), period: period, admin: page))
        }
    }

    /// Receivables are as of one day: the form's `to`, else today.
    static func asOf(_ query: ReportQuery) -> CalendarDate {
        query.to.flatMap { try? CalendarDate(iso: $0) } ?? BusinessCalendar.today()
    }

    static func csv(_ kind: ReportKind, _ query: ReportQuery, _ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        var period = period(query)
        let strings = admin.strings
        let body: [UInt8]
        switch kind {
        case .revenue:
            body = ReportCSV.revenue(
                RevenueReport(parts: try ReportStore.revenueParts(db, period: period), months: period.months), strings)
        case .utilisation:
            body = ReportCSV.utilisation(
                try ReportStore.utilisation(db, period: period), strings,
                fields: try CustomFieldStore.active(db, .product))
        case .receivables:
            let day = asOf(query)
            period = ReportPeriod(from: day, to: day)
            body = ReportCSV.receivables(try ReportStore.receivables(db, asOf: day), strings)
        case .customers:
            body = ReportCSV.customers(
                try ReportStore.topCustomers(db, period: period), strings,
                fields: try CustomFieldStore.active(db, .customer))
        case .conversion: body = ReportCSV.conversion(try ReportStore.conversion(db, period: period), strings)
        }
        return Response(
            status: .ok,
            headers: [
                ("Content-Type", "text/csv; charset=utf-8"),
                ("Content-Disposition", "attachment; filename=\"\(ReportCSV.fileName(kind, period: period))\""),
                ("Cache-Control", "private, no-store"),
            ],
            body: body)
    }
}
