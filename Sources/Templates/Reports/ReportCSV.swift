public import Domain

/// The reports as CSV files (``CSVWriter``: semicolons, decimal comma, UTF-8 with BOM, formula-safe
/// text), with headers in the member's language. Amounts are kronor with two decimals, rates per
/// cent with one, days with one; the figures are those of the page.
public enum ReportCSV {
    /// The file's name: `revenue-2025-06-01-2026-05-31.csv`, `receivables-2026-05-31.csv`.
    public static func fileName(_ kind: ReportKind, period: ReportPeriod) -> String {
        kind == .receivables
            ? "\(kind.rawValue)-\(period.to.iso).csv" : "\(kind.rawValue)-\(period.from.iso)-\(period.to.iso).csv"
    }

    /// One row per month and category (months without any revenue in a category are left out).
    public static func revenue(_ report: RevenueReport, _ strings: Strings) -> [UInt8] {
        let s = strings.reports
        var rows: [[CSVCell]] = []
        for (index, month) in report.months.enumerated() {
            for row in report.rows where row.amounts[index] != 0 {
                rows.append([.text(month), .text(row.category ?? s.noCategory), .money(Money(ore: row.amounts[index]))])
            }
        }
        return CSVWriter.document(header: [s.month, s.category, s.netExclVAT], rows: rows)
    }

    /// `fields`: the products' active custom fields, as extra columns after the report's own.
    public static func utilisation(
        _ products: [ProductUtilisation], _ strings: Strings, fields: [CustomFieldDefinition] = []
    ) -> [UInt8] {
        let s = strings.reports
        return CSVWriter.document(
            header: [s.product, s.category, s.stock, s.daysOnHire, s.daysAvailable, s.utilisation + " (%)"]
                + fields.map(\.label),
            rows: products.map { product in
                [
                    .text(product.name), product.category.map(CSVCell.text) ?? .empty, .integer(Int64(product.stock)),
                    .integer(product.daysOnHire), .integer(product.daysAvailable),
                    product.rate.map { .decimal($0, scale: 2) } ?? .empty,
                ] + customCells(fields, product.custom, strings.language)
            })
    }

    /// The custom fields' values as text cells, as the pages show them.
    static func customCells(
        _ fields: [CustomFieldDefinition], _ values: [String: JSONValue], _ language: Language
    )
        -> [CSVCell]
    {
        fields.map { field in
            values[field.key].map { .text(CustomFieldValues.display($0, field.kind, language)) } ?? .empty
        }
    }

    public static func receivables(_ report: ReceivablesReport, _ strings: Strings) -> [UInt8] {
        let s = strings.reports
        return CSVWriter.document(
            header: [s.invoice, s.customer, s.dueDate, s.daysPastDue, s.age, s.outstanding],
            rows: report.items.map { item in
                [
                    .text(item.number), .text(item.customerName), .date(item.dueDate),
                    .integer(Int64(item.daysPastDue)),
                    .text(s.ageName(item.age)), .money(item.outstanding),
                ]
            })
    }

    /// `fields`: the customers' active custom fields, as extra columns after the report's own.
    public static func customers(
        _ customers: [CustomerRevenue], _ strings: Strings, fields: [CustomFieldDefinition] = []
    ) -> [UInt8] {
        let s = strings.reports
        return CSVWriter.document(
            header: [s.customer, s.invoices, s.netExclVAT] + fields.map(\.label),
            rows: customers.map {
                [.text($0.name), .integer(Int64($0.invoices)), .money($0.net)]
                    + customCells(fields, $0.custom, strings.language)
            })
    }

    public static func conversion(_ report: ConversionReport, _ strings: Strings) -> [UInt8] {
        let s = strings.reports
        return CSVWriter.document(
            header: [s.month, s.sent, s.signed, s.rate + " (%)", s.medianDays, s.meanDays],
            rows: zip(report.months, report.byMonth).map { month, figures in
                [
                    .text(month), .integer(Int64(figures.sent)), .integer(Int64(figures.signed)),
                    figures.rate.map { .decimal($0, scale: 2) } ?? .empty,
                    figures.medianDays.map { .decimal($0, scale: 1) } ?? .empty,
                    figures.meanDays.map { .decimal($0, scale: 1) } ?? .empty,
                ]
            })
    }
}
