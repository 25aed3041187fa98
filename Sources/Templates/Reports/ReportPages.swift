public import Domain
import Routing

/// `/admin/reports`: the index and the five reports. Each report page has its period form (GET,
/// so a report is a link), a chart with its data table behind a toggle, and "Download CSV" for
/// the same figures (``ReportCSV``).
public enum ReportPages {
    public static func index(admin: AdminPage) -> [UInt8] {
        let s = admin.strings.reports
        return AdminLayout.page(title: s.title, admin) {
            div(.class("page-head")) { h1 { s.title } }
            p(.class("lead")) { s.lead }
            ul(.class("report-list")) {
                for kind in ReportKind.allCases {
                    li {
                        a(.href(SafeURL(.admin(.reports(.show(kind, ReportQuery())))))) { s.name(kind) }
                        p(.class("muted")) { s.about(kind) }
                    }
                }
                li {
                    a(.href(SafeURL(.admin(.reports(.saved(.list)))))) { admin.strings.savedReports.title }
                    p(.class("muted")) { admin.strings.savedReports.lead }
                }
            }
        }.rendered()
    }

    public static func revenue(_ report: RevenueReport, period: ReportPeriod, admin: AdminPage) -> [UInt8] {
        let s = admin.strings.reports
        let data = revenueChart(report, s)
        let chart = Chart(
            kind: .stackedBars, data: data, id: "revenue-chart", title: s.name(.revenue),
            summary: s.revenueSummary(
                ChartData.Unit.money.format(report.total, admin.language), months: report.months.count))
        return frame(.revenue, period: period, admin: admin) {
            ChartView.figure(chart, admin.strings)
        }
    }

    static func revenueChart(_ report: RevenueReport, _ s: ReportStrings) -> ChartData {
        ChartData(
            labels: report.months.map(s.month),
            series: report.rows.map { ChartData.Series(name: $0.category ?? s.noCategory, values: $0.amounts) },
            unit: .money)
    }

    /// The chart shows this many products (the busiest); the table and the file have them all.
    static let productsInChart = 15

    public static func utilisation(
        _ products: [ProductUtilisation], period: ReportPeriod, admin: AdminPage
    )
        -> [UInt8]
    {
        let s = admin.strings.reports
        let shown = Array(products.filter { $0.daysOnHire > 0 }.prefix(productsInChart))
        let data = ChartData(
            labels: shown.map(\.name),
            series: [ChartData.Series(name: s.utilisation, values: shown.map { $0.rate ?? 0 })],
            unit: .percent)
        let chart = Chart(
            kind: .groupedBars, data: data, id: "utilisation-chart", title: s.name(.utilisation),
            summary: s.utilisationSummary(shown.count, busiest: shown.first?.name))
        return frame(.utilisation, period: period, admin: admin) {
            ChartView.figure(chart, admin.strings)
            if !products.isEmpty {
                DataTable.render(.class("list")) {
                    DataTable.column(s.product)
                    DataTable.column(s.category)
                    DataTable.column(s.stock, numeric: true)
                    DataTable.column(s.daysOnHire, numeric: true)
                    DataTable.column(s.daysAvailable, numeric: true)
                    DataTable.column(s.utilisation, numeric: true)
                } rows: {
                    for product in products {
                        tr {
                            td { product.name }
                            td { product.category ?? "" }
                            td(.class("num")) { ChartData.Unit.count.format(Int64(product.stock), admin.language) }
                            td(.class("num")) { ChartData.Unit.count.format(product.daysOnHire, admin.language) }
                            td(.class("num")) { ChartData.Unit.count.format(product.daysAvailable, admin.language) }
                            td(.class("num")) {
                                product.rate.map { ChartData.Unit.percent.format($0, admin.language) } ?? s.none
                            }
                        }
                    }
                }
            }
        }
    }

    public static func receivables(_ report: ReceivablesReport, admin: AdminPage) -> [UInt8] {
        let s = admin.strings.reports
        let language = admin.language
        let ages = report.byAge
        let data = ChartData(
            labels: ages.map { s.ageName($0.age) },
            series: [ChartData.Series(name: s.outstanding, values: ages.map(\.amount))], unit: .money)
        let chart = Chart(
            kind: .groupedBars, data: data, id: "receivables-chart", title: s.name(.receivables),
            summary: s.receivablesSummary(
                report.total.formatted(language), overdue: report.overdue.formatted(language),
                count: report.items.count))
        return frame(.receivables, period: ReportPeriod(from: report.asOf, to: report.asOf), admin: admin) {
            dl(.class("totals receivables"), .id("receivables-totals")) {
                dt { s.totalOutstanding }
                dd(.class("grand"), .data("data-ore", String(report.total.ore))) { report.total.formatted(language) }
                dt { s.overdue }
                dd(.data("data-ore", String(report.overdue.ore))) { report.overdue.formatted(language) }
            }
            ChartView.figure(chart, admin.strings)
            h2 { s.openInvoices }
            if report.items.isEmpty {
                p(.class("empty")) { s.noOpenInvoices }
            } else {
                DataTable.render(.class("list"), .id("open-invoices")) {
                    DataTable.column(s.invoice)
                    DataTable.column(s.customer)
                    DataTable.column(s.dueDate)
                    DataTable.column(s.daysPastDue, numeric: true)
                    DataTable.column(s.age)
                    DataTable.column(s.outstanding, numeric: true)
                } rows: {
                    for item in report.items {
                        tr(.data("data-age", item.age.rawValue)) {
                            td {
                                admin.link(item.number, to: .admin(.invoices(.show(item.invoiceID))))
                            }
                            td { item.customerName }
                            td { item.dueDate.iso }
                            td(.class("num")) { String(item.daysPastDue) }
                            td { s.ageName(item.age) }
                            td(.class("num")) { item.outstanding.formatted(language) }
                        }
                    }
                }
            }
        }
    }

    public static func customers(_ customers: [CustomerRevenue], period: ReportPeriod, admin: AdminPage) -> [UInt8] {
        let s = admin.strings.reports
        let data = ChartData(
            labels: customers.map(\.name),
            series: [ChartData.Series(name: s.netExclVAT, values: customers.map(\.net.ore))], unit: .money)
        let chart = Chart(
            kind: .groupedBars, data: data, id: "customers-chart", title: s.name(.customers),
            summary: s.customersSummary(customers.count, top: customers.first?.name))
        return frame(.customers, period: period, admin: admin) {
            ChartView.figure(chart, admin.strings)
            if !customers.isEmpty {
                DataTable.render(.class("list"), .id("top-customers")) {
                    DataTable.column(s.customer)
                    DataTable.column(s.invoices, numeric: true)
                    DataTable.column(s.netExclVAT, numeric: true)
                } rows: {
                    for customer in customers {
                        tr {
                            td {
                                admin.link(
                                    customer.name,
                                    to: .admin(.customers(.show(CustomerID(rawValue: customer.customerID)))))
                            }
                            td(.class("num")) { String(customer.invoices) }
                            td(.class("num")) { customer.net.formatted(admin.language) }
                        }
                    }
                }
            }
        }
    }

    public static func conversion(_ report: ConversionReport, period: ReportPeriod, admin: AdminPage) -> [UInt8] {
        let s = admin.strings.reports
        let language = admin.language
        let labels = report.months.map(s.month)
        let counts = Chart(
            kind: .groupedBars,
            data: ChartData(
                labels: labels,
                series: [
                    ChartData.Series(name: s.sent, values: report.byMonth.map { Int64($0.sent) }),
                    ChartData.Series(name: s.signed, values: report.byMonth.map { Int64($0.signed) }),
                ], unit: .count),
            id: "conversion-counts", title: s.sentAndSigned,
            summary: s.conversionSummary(
                sent: report.overall.sent, signed: report.overall.signed,
                rate: report.overall.rate.map { ChartData.Unit.percent.format($0, language) } ?? s.none))
        let rates = Chart(
            kind: .lines,
            data: ChartData(
                labels: labels, series: [ChartData.Series(name: s.rate, values: report.byMonth.map { $0.rate ?? 0 })],
                unit: .percent),
            id: "conversion-rate", title: s.ratePerMonth, summary: s.ratePerMonth)
        let overall = report.overall
        return frame(.conversion, period: period, admin: admin) {
            dl(.class("totals conversion"), .id("conversion-totals")) {
                dt { s.sent }
                dd { String(overall.sent) }
                dt { s.signed }
                dd { String(overall.signed) }
                dt { s.rate }
                dd(.class("grand")) { overall.rate.map { ChartData.Unit.percent.format($0, language) } ?? s.none }
                dt { s.medianDays }
                dd { overall.medianDays.map { ChartData.Unit.tenthsOfDays.format($0, language) } ?? s.none }
                dt { s.meanDays }
                dd { overall.meanDays.map { ChartData.Unit.tenthsOfDays.format($0, language) } ?? s.none }
            }
            p(.class("hint")) { s.conversionNote }
            ChartView.figure(counts, admin.strings)
            if overall.sent > 0 { ChartView.figure(rates, admin.strings) }
        }
    }

    /// What every report page has around its figures: the heading, the CSV link, what it shows,
    /// and the period form (a single "as of" day for receivables).
    static func frame(
        _ kind: ReportKind, period: ReportPeriod, admin: AdminPage, @NodeBuilder content: () -> [Node]
    ) -> [UInt8] {
        let s = admin.strings.reports
        let query = kind == .receivables ? ReportQuery(to: period.to.iso) : ReportQuery(period)
        let form = FormState(values: ["from": period.from.iso, "to": period.to.iso])
        return AdminLayout.page(title: s.name(kind), admin) {
            div(.class("page-head")) {
                h1 { s.name(kind) }
                div(.class("actions")) {
                    a(
                        .class("button secondary"), .href(SafeURL(.admin(.reports(.csv(kind, query))))),
                        .attr("download", "")
                    ) { s.downloadCSV }
                }
            }
            p(.class("lead")) { s.about(kind) }
            element(
                "form",
                [
                    .class("filters no-print"), .attr("method", "get"),
                    .action(SafeURL(.admin(.reports(.show(kind, ReportQuery()))))),
                ]
            ) {
                if kind == .receivables {
                    Fields.text("to", s.asOf, form, type: "date")
                } else {
                    Fields.text("from", s.from, form, type: "date")
                    Fields.text("to", s.to, form, type: "date")
                }
                div(.class("field")) {
                    button(.class("button"), .attr("type", "submit")) { s.show }
                    " "
                    a(.href(SafeURL(.admin(.reports(.show(kind, ReportQuery())))))) { s.lastTwelveMonths }
                }
            }
            p(.class("report-period")) { kind == .receivables ? "\(s.asOf) \(period.to.iso)" : s.periodText(period) }
            content()
            p(.class("hint")) { s.csvNote }
            p(.class("no-print")) { a(.href(SafeURL(.admin(.reports(.index))))) { s.allReports } }
        }.rendered()
    }
}
