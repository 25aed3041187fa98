/// One product's use over a report's period: piece-days on hire (each booked piece counts each
/// day of its booking line inside the period) against piece-days available (stock × the days).
public struct ProductUtilisation: Sendable, Hashable {
    public var productID: Int64
    public var name: String
    public var category: String?
    public var stock: Int
    public var daysOnHire: Int64
    public var daysAvailable: Int64
    /// The product's custom fields' values (the CSV's extra columns).
    public var custom: [String: JSONValue] = [:]

    public init(
        productID: Int64, name: String, category: String?, stock: Int, daysOnHire: Int64, daysAvailable: Int64
    ) {
        self.productID = productID
        self.name = name
        self.category = category
        self.stock = stock
        self.daysOnHire = daysOnHire
        self.daysAvailable = daysAvailable
    }

    /// On hire of available in basis points (can pass 100 % when stock was lowered after booking);
    /// nil without stock.
    public var rate: Int64? {
        daysAvailable > 0 ? Int64((Double(daysOnHire) * 10_000 / Double(daysAvailable)).rounded()) : nil
    }
}

/// A customer and what they were invoiced in a period, net of credit notes, excluding VAT.
public struct CustomerRevenue: Sendable, Hashable {
    public var customerID: Int64
    public var name: String
    /// Invoices issued in the period (credit notes not counted).
    public var invoices: Int
    public var net: Money
    /// The customer's custom fields' values (the CSV's extra columns).
    public var custom: [String: JSONValue] = [:]

    public init(customerID: Int64, name: String, invoices: Int, net: Money) {
        self.customerID = customerID
        self.name = name
        self.invoices = invoices
        self.net = net
    }
}
