/// Payments from Bankgirot (issue 12): Admin and Manager import BgMax files and resolve what did
/// not match; Support reads; the warehouse does not see them (as the invoices).
public enum PaymentsRoute: Hashable, Sendable {
    /// `/admin/payments` — the imports with their counts and the queue of unmatched payments.
    case list
    /// `POST /admin/payments` — a BgMax file (multipart, field `file`), booked in one transaction.
    case importFile
    /// `POST /admin/payments/unmatched/{id}/attach` — to the issued invoice numbered `invoice`.
    case attach(Int64)
    /// `POST /admin/payments/unmatched/{id}/ignore` — left out of the books, with a `reason`.
    case ignore(Int64)
}

extension PaymentsRoute: FeatureRoute {
    public var endpoint: Endpoint<PaymentsRoute> {
        switch self {
        case .list: Endpoint(.get, ["admin", "payments"], access: .quotationReaders) { _ in .list }
        case .importFile: Endpoint(.post, ["admin", "payments"], access: .management) { _ in .importFile }
        case .attach(let id):
            Endpoint(.post, ["admin", "payments", "unmatched", .id(id), "attach"], access: .management) { c in
                .attach(c.ids[0])
            }
        case .ignore(let id):
            Endpoint(.post, ["admin", "payments", "unmatched", .id(id), "ignore"], access: .management) { c in
                .ignore(c.ids[0])
            }
        }
    }

    public static let samples: [PaymentsRoute] = [.list, .importFile, .attach(1), .ignore(1)]
}
