public import Database
public import Domain

/// A period's reconciliation: the balances the database's issued documents and payments give per
/// account (SQL of its own, `BookkeepingStore.databaseBalances`) next to the balances read back
/// from the SIE file written for the same period with the stored mapping. Read only: nothing is
/// recorded. Both are read in one transaction, so they see the same documents.
public enum ReconcileBookkeeping {
    /// - Throws: `DatabaseError`; `SIEExportError.unreadable` if the written file did not read back.
    public static func run(
        _ connection: Connection, period: BookkeepingPeriod, today: CalendarDate
    ) throws -> Reconciliation {
        try connection.transaction(isolation: .repeatableRead) { tx in
            let file = try ExportBookkeeping.file(tx, period: period, generated: today)
            guard let fileBalances = SIEExport.balances(ofFile: file.bytes) else { throw SIEExportError.unreadable }
            return Reconciliation(
                database: try BookkeepingStore.databaseBalances(tx, from: period.from, to: period.to),
                file: fileBalances, mapping: file.mapping)
        }
    }
}
