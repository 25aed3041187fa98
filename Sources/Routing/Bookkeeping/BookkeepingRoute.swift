/// Bookkeeping (issue 12): the SIE export, the account mapping, the lock on exported periods and
/// the reconciliation. Admin and Manager export and lock; Support reads; only an admin edits the
/// mapping or moves the lock back; the warehouse sees none of it.
public enum BookkeepingRoute: Hashable, Sendable {
    /// `/admin/bookkeeping?from=&to=` — the mapping, the export form, past exports, the lock, and
    /// the period's reconciliation (the year so far by default). The period query is the reports'.
    case show(ReportQuery)
    /// `POST /admin/bookkeeping/export` — the SIE file of `from`–`to` as a download, recorded;
    /// `lock=yes` also locks the books through `to`.
    case export
    /// `POST /admin/bookkeeping/lock` — lock the books through `through` (a day an export covers).
    case lock
    /// `POST /admin/bookkeeping/unlock` — move the lock back to `through` (empty: nothing locked),
    /// with a `reason`.
    case unlock
    /// `POST /admin/bookkeeping/mapping` — the account and name of every key (`account_KEY`, `name_KEY`).
    case mapping
}

extension BookkeepingRoute: FeatureRoute {
    public var endpoint: Endpoint<BookkeepingRoute> {
        switch self {
        case .show(let query):
            Endpoint(.get, ["admin", "bookkeeping"], query: query.items, access: .quotationReaders) { c in
                .show(ReportQuery(reading: c.query))
            }
        case .export: Endpoint(.post, ["admin", "bookkeeping", "export"], access: .management) { _ in .export }
        case .lock: Endpoint(.post, ["admin", "bookkeeping", "lock"], access: .management) { _ in .lock }
        case .unlock: Endpoint(.post, ["admin", "bookkeeping", "unlock"], access: .adminOnly) { _ in .unlock }
        case .mapping: Endpoint(.post, ["admin", "bookkeeping", "mapping"], access: .adminOnly) { _ in .mapping }
        }
    }

    public static let samples: [BookkeepingRoute] = [.show(ReportQuery()), .export, .lock, .unlock, .mapping]
}
