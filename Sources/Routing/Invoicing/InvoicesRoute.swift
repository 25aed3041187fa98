/// Invoices (issue 12): Admin and Manager make and issue them; Support reads them; the warehouse
/// does not see them.
public enum InvoicesRoute: Hashable, Sendable {
    /// `/admin/invoices` — every invoice and draft, newest first.
    case list
    /// `POST /admin/invoices` — a draft: from the posted `booking_id`'s signed version for
    /// `purpose` (`full`, `deposit`, `final`), or stand-alone for the posted `customer_id`.
    case create
    /// `/admin/invoices/{id}` — the document: lines, VAT per rate, totals, what it is missing.
    case show(Int64)
    /// `POST /admin/invoices/{id}/issue` — number, dates, OCR, UBL; then it cannot change.
    case issue(Int64)
    /// `/admin/invoices/{id}/ubl.xml` — the stored Peppol UBL of an issued invoice.
    case ubl(Int64)
    /// `POST /admin/invoices/{id}/credit` — a draft credit note for the whole invoice.
    case credit(Int64)
    /// `POST /admin/invoices/{id}/payments` — a payment: `paid_on`, `amount`, `method`, `reference`.
    case registerPayment(Int64)
    /// `/admin/invoices/{id}/invoice.pdf` — the archived PDF of an issued invoice.
    case pdf(Int64)
    /// `POST /admin/invoices/{id}/lines` — a draft's lines and discounts (`action`: `save`,
    /// `add_line`, `remove_line_N`, `add_allowance`, `remove_allowance_N`).
    case editLines(Int64)
    /// `POST /admin/invoices/{id}/remind` — a reminder of an overdue invoice now, whatever the rhythm.
    case remind(Int64)
    /// `POST /admin/invoices/{id}/email` — the PDF to the customer's address (the worker sends it).
    case email(Int64)
}

extension InvoicesRoute: FeatureRoute {
    public var endpoint: Endpoint<InvoicesRoute> {
        switch self {
        case .list: Endpoint(.get, ["admin", "invoices"], access: .quotationReaders) { _ in .list }
        case .create: Endpoint(.post, ["admin", "invoices"], access: .management) { _ in .create }
        case .show(let id):
            Endpoint(.get, ["admin", "invoices", .id(id)], access: .quotationReaders) { c in .show(c.ids[0]) }
        case .issue(let id):
            Endpoint(.post, ["admin", "invoices", .id(id), "issue"], access: .management) { c in .issue(c.ids[0]) }
        case .ubl(let id):
            Endpoint(.get, ["admin", "invoices", .id(id), "ubl.xml"], access: .quotationReaders) { c in .ubl(c.ids[0]) }
        case .credit(let id):
            Endpoint(.post, ["admin", "invoices", .id(id), "credit"], access: .management) { c in .credit(c.ids[0]) }
        case .pdf(let id):
            Endpoint(.get, ["admin", "invoices", .id(id), "invoice.pdf"], access: .quotationReaders) { c in
                .pdf(c.ids[0])
            }
        case .email(let id):
            Endpoint(.post, ["admin", "invoices", .id(id), "email"], access: .management) { c in .email(c.ids[0]) }
        case .registerPayment(let id):
            Endpoint(.post, ["admin", "invoices", .id(id), "payments"], access: .management) { c in
                .registerPayment(c.ids[0])
            }
        case .remind(let id):
            Endpoint(.post, ["admin", "invoices", .id(id), "remind"], access: .management) { c in .remind(c.ids[0]) }
        case .editLines(let id):
            Endpoint(.post, ["admin", "invoices", .id(id), "lines"], access: .management) { c in .editLines(c.ids[0]) }
        }
    }

    public static let samples: [InvoicesRoute] = [
        .list, .create, .show(1), .issue(1), .ubl(1), .credit(1), .registerPayment(1), .pdf(1), .email(1),
        .editLines(1), .remind(1),
    ]
}
