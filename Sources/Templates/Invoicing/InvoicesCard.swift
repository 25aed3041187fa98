public import Domain
import Routing

/// The invoices of a booking or a customer, on their pages, with what can be invoiced next: for a
/// booking the whole, a deposit or the final invoice after a deposit; for a customer a
/// stand-alone invoice. Nothing for those who may not read invoices (the warehouse).
public enum InvoicesCard {
    public enum Owner: Sendable {
        /// The deposit's percentage from the settings, for the button's label.
        case booking(BookingID, depositPercent: Int)
        case customer(CustomerID)
    }

    public static func card(_ invoices: [InvoiceSummary], owner: Owner, today: CalendarDate, admin: AdminPage) -> Node {
        guard admin.may(.admin(.invoices(.list))) else { return .fragment([]) }
        let s = admin.strings.invoices
        let language = admin.language
        // What still stands: not wholly credited (drafts included).
        let standing = invoices.filter { $0.kind == .invoice && !$0.credited }
        return section(.class("card"), .id("invoices")) {
            h2 { s.title }
            if invoices.isEmpty {
                p { s.noneHere }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { s.number }
                                th(.attr("scope", "col")) { s.purpose }
                                th(.attr("scope", "col")) { s.issueDate }
                                th(.attr("scope", "col"), .class("num")) { s.toPay }
                                th(.attr("scope", "col")) { s.status }
                            }
                        }
                        tbody {
                            for invoice in invoices {
                                tr {
                                    td {
                                        a(.href(SafeURL(.admin(.invoices(.show(invoice.id)))))) {
                                            invoice.number ?? s.draftTitle(invoice.id)
                                        }
                                    }
                                    td {
                                        invoice.kind == .creditNote
                                            ? s.kindName(.creditNote) : s.purposeName(invoice.purpose)
                                    }
                                    td { invoice.issueDate?.iso ?? "" }
                                    td(.class("num")) { invoice.payable.map { $0.formatted(language) } ?? "" }
                                    td { InvoicePage.badge(invoice, today: today, s: s) }
                                }
                            }
                        }
                    }
                }
            }
            if admin.may(.admin(.invoices(.create))) {
                div(.class("actions")) {
                    switch owner {
                    case .booking(let booking, let percent):
                        let invoiced = standing.contains { $0.purpose == .full || $0.purpose == .final }
                        let deposits = standing.filter { $0.purpose == .deposit }
                        let fields = [("booking_id", String(booking.rawValue))]
                        if !invoiced, deposits.isEmpty {
                            Fields.postButton(
                                .admin(.invoices(.create)), s.createFromBooking, csrf: admin.csrfToken,
                                style: "button", fields: fields + [("purpose", "full")])
                            Fields.postButton(
                                .admin(.invoices(.create)), s.createDeposit(percent), csrf: admin.csrfToken,
                                fields: fields + [("purpose", "deposit")])
                        } else if !invoiced, deposits.allSatisfy({ $0.state == "issued" }) {
                            Fields.postButton(
                                .admin(.invoices(.create)), s.createFinal, csrf: admin.csrfToken, style: "button",
                                fields: fields + [("purpose", "final")])
                        }
                        if !standing.contains(where: { $0.purpose == .securityDeposit }) {
                            form(
                                .class("inline-form"), .attr("method", "post"),
                                .action(SafeURL(.admin(.invoices(.create))))
                            ) {
                                Fields.csrf(admin.csrfToken)
                                Fields.hidden("booking_id", String(booking.rawValue))
                                Fields.hidden("purpose", InvoicePurpose.securityDeposit.rawValue)
                                label(.attr("for", "security-deposit-amount")) { s.securityDepositAmount }
                                void(
                                    "input",
                                    [
                                        .attr("type", "text"), .id("security-deposit-amount"), .attr("name", "amount"),
                                        .attr("inputmode", "decimal"), .attr("size", "8"), .flag("required"),
                                    ])
                                button(.class("button secondary"), .attr("type", "submit")) {
                                    s.createSecurityDeposit
                                }
                            }
                        }
                    case .customer(let customer):
                        Fields.postButton(
                            .admin(.invoices(.create)), s.createStandalone, csrf: admin.csrfToken,
                            fields: [("customer_id", String(customer.rawValue))])
                    }
                }
            }
        }
    }
}
