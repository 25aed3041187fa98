public import Domain

/// What the quotation editor page reads besides the quotation itself (`load`).
public struct QuotationEditorReads: Sendable {
    public let versions: [QuotationVersionSummary]
    /// The customer the form has chosen, if it exists.
    public let customer: CustomerChoice?
    /// The stock check of the lines over the period, when a period was given.
    public let stock: StockCheck?
    /// Active products and add-ons for adding a line; empty unless asked for.
    public let catalog: [CatalogChoice]
}

extension QuotationStore {
    /// The editor page's other reads in one round trip: the versions, the chosen customer, the
    /// availability of `stockLines`' products over `period` (nil: no stock check) and, when
    /// `catalog`, the catalogue to add lines from.
    /// - Throws: `DatabaseError`, `QuotationStoreError.corruptRow`.
    public static func editorReads(
        _ connection: Connection, quotationID: QuotationID, customer: CustomerID, stockLines: [QuotationLine],
        period: RentalPeriod?, catalog: Bool
    ) throws -> QuotationEditorReads {
        let products = stockLines.compactMap { line -> ProductID? in
            if case .product(let id) = line.item { return id }
            return nil
        }
        let ids = StockStore.idArray(products)
        var queries: [Query] = [versionsQuery(quotationID), customerChoiceQuery(customer)]
        let stockPeriod = ids == "{}" ? nil : period
        if let stockPeriod {
            queries += [
                StockStore.stockQuery(ids, locking: false), StockStore.reservationsQuery(ids, period: stockPeriod),
            ]
        }
        if catalog { queries.append(catalogChoicesQuery) }
        let results = try connection.pipeline(queries)

        var stock: StockCheck?
        if let period {
            var availability: [ProductID: Availability] = [:]
            if let stockPeriod {
                availability = StockStore.availability(
                    stock: try StockStore.stock(from: results[2]),
                    reserved: try StockStore.reservations(from: results[3]),
                    period: stockPeriod)
            }
            stock = StockCheck(lines: stockLines, availability: availability)
        }
        return QuotationEditorReads(
            versions: try results[0].map(versionSummary), customer: try results[1].first.map(customerChoice),
            stock: stock, catalog: catalog ? try catalogChoices(from: results[results.count - 1]) : [])
    }
}
