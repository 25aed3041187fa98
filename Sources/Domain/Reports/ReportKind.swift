/// The reports under `/admin/reports` (issue 12), each a page with a chart, its table and a CSV
/// file. The raw value is the report's path segment and the stem of its CSV file's name.
public enum ReportKind: String, Sendable, Hashable, CaseIterable {
    /// Revenue excluding VAT by month and category, from issued invoices less issued credit notes.
    case revenue
    /// Days on hire against days available, per product.
    case utilisation
    /// What customers owe, by days past the due date.
    case receivables
    /// Customers by what they were invoiced, net of credit notes.
    case customers = "top-customers"
    /// Quotations sent and signed, and how long signing took.
    case conversion
}
