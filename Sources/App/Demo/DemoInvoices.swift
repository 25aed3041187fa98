import Database
import Documents
import Domain
import Foundation
import UseCases

/// The demo's invoices, through the same store and use case as the pages: every booking behind
/// us is invoiced the day after it ended; most are paid in full, one in part, one is overdue and
/// unpaid, one was credited in full. So a fresh `scripts/run` shows every status.
enum DemoInvoices {
    static func seed(_ tx: Connection, staff: UserID) throws {
        let actor = AuditActor(kind: .user, userID: staff)
        let today = BusinessCalendar.today()
        let finished = try SeedStore.finishedBookings(tx)
        for (index, booking) in finished.enumerated() {
            guard
                case .created(let id) = try InvoiceStore.draftFromBooking(
                    tx, bookingID: booking.id, createdBy: staff, actor: actor)
            else { continue }
            // The oldest is invoiced long enough ago to be overdue.
            let issued = index == 0 ? try today.adding(days: -40) : min(try booking.lastDay.adding(days: 1), today)
            guard
                case .issued = try IssueInvoice.run(
                    tx, id: id, issuedBy: staff, actor: actor, today: issued, renderPDF: InvoiceRenderer.render),
                let invoice = try InvoiceStore.find(tx, id: id), let payable = invoice.payable
            else { continue }
            let paidOn = min(try issued.adding(days: 8), today)
            switch index % 6 {
            case 0: break  // overdue (the first) or simply not paid yet
            case 1:
                // Paid in part by Swish.
                _ = try InvoiceStore.registerPayment(
                    tx, invoiceID: id,
                    payment: InvoicePayment(
                        paidOn: paidOn, amount: Money(ore: payable.ore / 2), method: .swish, reference: "Swish",
                        source: "manual"),
                    registeredBy: staff, actor: actor)
            case 2 where index < 6:
                // Credited in full: the customer cancelled after the invoice went out.
                if case .created(let note) = try InvoiceStore.draftCredit(
                    tx, invoiceID: id, createdBy: staff, actor: actor)
                {
                    _ = try IssueInvoice.run(
                        tx, id: note, issuedBy: staff, actor: actor, today: paidOn, renderPDF: InvoiceRenderer.render)
                }
            default:
                _ = try InvoiceStore.registerPayment(
                    tx, invoiceID: id,
                    payment: InvoicePayment(
                        paidOn: paidOn, amount: payable, method: .bankgiro, reference: invoice.ocr ?? "",
                        source: "manual"),
                    registeredBy: staff, actor: actor)
            }
        }
    }
}
