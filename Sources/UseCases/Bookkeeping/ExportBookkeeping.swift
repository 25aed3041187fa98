public import Database
public import Domain

/// Exporting a period's bookkeeping as SIE 4I, in one transaction: the mapping, the seller and the
/// period's documents and payments are read; the file is written (`SIEExport`) with the stored
/// mapping; its balances are read back from the file's bytes; the export is recorded with the
/// file's SHA-256 and those balances, with its audit row and the `bookkeeping.exported` event; and,
/// when asked, the books are locked through the period's last day in the same transaction (so a
/// refused lock stores no export either; a period locked already is exported again as it is).
public enum ExportBookkeeping {
    public struct Export: Sendable {
        public let id: Int64
        public let file: [UInt8]
        public let sha256: String
        public let balances: [Int: Money]
        /// The lock after the export (the period's end when it was locked).
        public let lockedThrough: CalendarDate?
    }

    public enum Outcome: Sendable {
        case exported(Export)
        /// The lock was asked for and cannot be set: nothing is stored.
        case lockRefused(BooksLockRules.LockRefusal)
    }

    /// The file for `period` with the stored mapping, not recorded (the reconciliation reads it).
    /// - Returns: the bytes and the number of vouchers.
    public static func file(
        _ connection: Connection, period: BookkeepingPeriod, generated: CalendarDate
    ) throws -> (bytes: [UInt8], vouchers: Int, mapping: BASMapping) {
        let mapping = try BookkeepingStore.mapping(connection)
        let settings = try InvoiceStore.settings(connection)
        let books = try InvoiceStore.bookkeeping(connection, from: period.from, to: period.to)
        let bytes = SIEExport.file(
            companyName: settings.seller.party.legalName, organisationNumber: settings.seller.party.organisationNumber,
            generated: generated, fiscalYear: period.fiscalYear, documents: books.documents, payments: books.payments,
            reminders: books.reminders, mapping: mapping)
        return (bytes, books.documents.count + books.payments.count + books.reminders.count, mapping)
    }

    /// - Parameters:
    ///   - lock: lock the books through `period.to` after exporting.
    ///   - today: the `#GEN` date and the latest day that may be locked (Stockholm).
    /// - Throws: `DatabaseError`; `SIEExportError.unreadable` if the written file did not read back.
    public static func run(
        _ connection: Connection, period: BookkeepingPeriod, lock: Bool, by user: UserID?, actor: AuditActor,
        today: CalendarDate
    ) throws -> Outcome {
        try connection.transaction { tx -> Outcome in
            let current = try BooksLockStore.lockForUpdate(tx)
            // A period locked already (through its end or later) is exported again as it is.
            let lock = lock && current.map { period.to > $0 } ?? lock
            if lock,
                let refusal = BooksLockRules.lockRefusal(
                    through: period.to, current: current, today: today,
                    exported: try BooksLockStore.exportsCover(
                        tx, current: current, through: period.to, also: (period.from, period.to)))
            {
                return .lockRefused(refusal)
            }
            let file = try file(tx, period: period, generated: today)
            guard let balances = SIEExport.balances(ofFile: file.bytes) else { throw SIEExportError.unreadable }
            let id = try BookkeepingStore.recordExport(
                tx, from: period.from, to: period.to, file: file.bytes, vouchers: file.vouchers, balances: balances,
                by: user, actor: actor)
            if lock {
                try BooksLockStore.lock(tx, through: period.to, previous: current, by: user, actor: actor)
            }
            return .exported(
                Export(
                    id: id, file: file.bytes, sha256: SHA256.hexDigest(file.bytes), balances: balances,
                    lockedThrough: lock ? period.to : current))
        }
    }
}

public enum SIEExportError: Error, Sendable, Equatable {
    /// The file just written did not read back (a bug, never the user's input).
    case unreadable
}
