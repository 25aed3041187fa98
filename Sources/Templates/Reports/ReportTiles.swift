public import Domain
import Routing

/// The dashboard's report tiles, for the roles that see reports: open receivables (with the part
/// past due) and the share of quotations signed over the last 90 days, each linking to its report.
public struct ReportTiles: Sendable {
    public var receivables: (total: Money, overdue: Money)
    public var conversion: ConversionReport.Figures

    public init(receivables: (total: Money, overdue: Money), conversion: ConversionReport.Figures) {
        self.receivables = receivables
        self.conversion = conversion
    }

    func render(_ admin: AdminPage) -> Node {
        let s = admin.strings.reports
        let language = admin.language
        return .fragment([
            section(.class("card"), .id("receivables-tile")) {
                h2 { s.receivablesTile }
                dl(.class("totals")) {
                    dt { s.totalOutstanding }
                    dd(.class("grand")) { receivables.total.formatted(language) }
                    dt { s.overdue }
                    dd { receivables.overdue.formatted(language) }
                }
                p { a(.href(SafeURL(.admin(.reports(.show(.receivables, ReportQuery())))))) { s.openReport } }
            },
            section(.class("card"), .id("conversion-tile")) {
                h2 { s.conversionTile }
                div(.class("stat-value")) {
                    conversion.rate.map { ChartData.Unit.percent.format($0, language) } ?? s.none
                }
                p { s.conversionTileText(sent: conversion.sent, signed: conversion.signed) }
                p { a(.href(SafeURL(.admin(.reports(.show(.conversion, ReportQuery())))))) { s.openReport } }
            },
        ])
    }
}
