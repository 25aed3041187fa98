public import Foundation

/// A recorded SIE export as the bookkeeping page lists it (`bookkeeping_exports`).
public struct BookkeepingExport: Sendable, Equatable {
    public let id: Int64
    public let from: CalendarDate
    public let to: CalendarDate
    public let sha256: String
    public let byteCount: Int
    public let vouchers: Int
    public let exportedBy: String?
    public let exportedAt: Date
    /// The balance per account the file wrote.
    public let balances: [Int: Money]

    public init(
        id: Int64, from: CalendarDate, to: CalendarDate, sha256: String, byteCount: Int, vouchers: Int,
        exportedBy: String?, exportedAt: Date, balances: [Int: Money]
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.sha256 = sha256
        self.byteCount = byteCount
        self.vouchers = vouchers
        self.exportedBy = exportedBy
        self.exportedAt = exportedAt
        self.balances = balances
    }
}
