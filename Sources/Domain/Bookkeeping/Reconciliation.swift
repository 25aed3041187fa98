/// A period's balances per account from two sides: what the database's issued documents and
/// payments add up to (computed in SQL, independently of the SIE writer), and what the SIE file
/// written for the same period says when its `#TRANS` rows are read back. They must be equal.
public struct Reconciliation: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let account: Int
        public let name: String
        public let database: Money
        public let file: Money

        /// The file less the database (zero when they match).
        public var difference: Money { Money(ore: file.ore - database.ore) }
        public var matches: Bool { file == database }
    }

    /// Every account either side has, by number.
    public let rows: [Row]

    public var matches: Bool { rows.allSatisfy(\.matches) }

    public init(database: [Int: Money], file: [Int: Money], mapping: BASMapping) {
        rows = Set(database.keys).union(file.keys).sorted().map { account in
            Row(
                account: account, name: mapping.name(of: account) ?? String(account),
                database: database[account] ?? Money(ore: 0), file: file[account] ?? Money(ore: 0))
        }
    }
}
