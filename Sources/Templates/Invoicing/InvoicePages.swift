public import Domain
import Routing

/// `/admin/invoices`: every invoice and draft, newest first.
public enum InvoiceListPage {
    public static func render(_ invoices: [InvoiceSummary], today: CalendarDate, admin: AdminPage) -> [UInt8] {
        let s = admin.strings.invoices
        return AdminLayout.page(title: s.title, admin) {
            div(.class("page-head")) { h1 { s.title } }
            p(.class("lead")) { s.lead }
            if admin.may(.admin(.payments(.list))) {
                p { a(.href(SafeURL(.admin(.payments(.list))))) { admin.strings.payments.linkFromInvoices } }
            }
            if invoices.isEmpty {
                p { s.none }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { s.number }
                                th(.attr("scope", "col")) { s.customer }
                                th(.attr("scope", "col")) { s.booking }
                                th(.attr("scope", "col")) { s.issueDate }
                                th(.attr("scope", "col")) { s.dueDate }
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
                                    td { invoice.customerName }
                                    td { invoice.bookingNumber ?? "" }
                                    td { invoice.issueDate?.iso ?? "" }
                                    td { invoice.dueDate?.iso ?? "" }
                                    td(.class("num")) { invoice.payable.map { $0.formatted(admin.language) } ?? "" }
                                    td { InvoicePage.badge(invoice, today: today, s: s) }
                                }
                            }
                        }
                    }
                }
            }
        }.rendered()
    }
}

/// One invoice: who, what, VAT per rate and the amount to pay; for a draft what it still lacks
/// and "Issue"; for an issued one its number, OCR reference and the UBL file.
public enum InvoicePage {
    public static func render(
        summary: InvoiceSummary, draft: InvoiceDraft, totals: InvoiceTotals?, problems: [InvoiceRequirements.Problem],
        payments: [InvoicePayment] = [], paymentForm: FormState = FormState(), emails: [EmailRecord] = [],
        today: CalendarDate, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.invoices
        let language = admin.language
        let title = summary.number.map { "\(s.kindName(summary.kind)) \($0)" } ?? s.draftTitle(summary.id)
        return AdminLayout.page(title: title, admin) {
            div(.class("page-head")) {
                h1 { title }
                div(.class("actions")) {
                    if summary.state == "issued", admin.may(.admin(.invoices(.email(summary.id)))) {
                        Fields.postButton(.admin(.invoices(.email(summary.id))), s.emailIt, csrf: admin.csrfToken)
                    }
                    if summary.state == "issued", admin.may(.admin(.invoices(.pdf(summary.id)))) {
                        a(.class("button"), .href(SafeURL(.admin(.invoices(.pdf(summary.id)))))) { s.downloadPDF }
                    }
                    if summary.state == "issued", admin.may(.admin(.invoices(.ubl(summary.id)))) {
                        a(.class("button secondary"), .href(SafeURL(.admin(.invoices(.ubl(summary.id)))))) {
                            s.downloadUBL
                        }
                    }
                }
            }
            dl(.class("facts")) {
                dt { s.status }
                dd { badge(summary, today: today, s: s) }
                if let credited = draft.credited {
                    dt { s.kindName(.creditNote) }
                    dd { s.credits(credited.number) }
                }
                dt { s.customer }
                dd {
                    admin.link(
                        summary.customerName, to: .admin(.customers(.show(CustomerID(rawValue: summary.customerID)))))
                }
                if let booking = summary.bookingID, let number = summary.bookingNumber {
                    dt { s.booking }
                    dd { admin.link(number, to: .admin(.bookings(.show(BookingID(rawValue: booking))))) }
                }
                if let period = draft.period {
                    dt { s.period }
                    dd { "\(period.start.iso) – \(period.end.iso)" }
                }
                if let issue = summary.issueDate, let due = summary.dueDate, let ocr = summary.ocr {
                    dt { s.issueDate }
                    dd { issue.iso }
                    dt { s.dueDate }
                    dd { due.iso }
                    dt { s.ocr }
                    dd { code { ocr } }
                }
                dt { s.buyer }
                dd {
                    for line in [draft.buyer.legalName] + draft.buyer.address.printedLines
                        + [draft.buyer.organisationNumber, draft.buyer.vatNumber].filter({ !$0.isEmpty })
                    {
                        line
                        br()
                    }
                }
            }
            h2 { s.lines }
            div(.class("table-scroll")) {
                table(.class("list")) {
                    thead {
                        tr {
                            th(.attr("scope", "col")) { s.description }
                            th(.attr("scope", "col"), .class("num")) { s.quantity }
                            th(.attr("scope", "col"), .class("num")) { s.unitPrice }
                            th(.attr("scope", "col"), .class("num")) { s.discount }
                            th(.attr("scope", "col"), .class("num")) { s.vat }
                            th(.attr("scope", "col"), .class("num")) { s.net }
                        }
                    }
                    tbody {
                        for (index, line) in draft.lines.enumerated() {
                            tr {
                                td { line.description }
                                td(.class("num")) {
                                    "\(line.quantity) \(line.unit == .day ? (language == .sv ? "dagar" : "days") : (language == .sv ? "st" : "pcs"))"
                                }
                                td(.class("num")) { line.unitPrice.formatted(language) }
                                td(.class("num")) { line.discount.isZero ? "" : line.discount.formatted(language) }
                                td(.class("num")) { line.vatRate.formatted(language) }
                                td(.class("num")) { totals.map { $0.lineNets[index].formatted(language) } ?? "" }
                            }
                        }
                    }
                    if let totals {
                        tfoot {
                            for allowance in draft.allowances {
                                tr {
                                    th(.attr("scope", "row"), .attr("colspan", "5")) { allowance.reason }
                                    td(.class("num")) { "−" + allowance.amount.formatted(language) }
                                }
                            }
                            tr {
                                th(.attr("scope", "row"), .attr("colspan", "5")) { s.netTotal }
                                td(.class("num")) { totals.taxExclusive.formatted(language) }
                            }
                            for rate in totals.rates {
                                tr {
                                    th(.attr("scope", "row"), .attr("colspan", "5")) {
                                        s.vatAt(rate.rate.formatted(language))
                                    }
                                    td(.class("num")) { rate.vat.formatted(language) }
                                }
                            }
                            if !totals.rounding.isZero {
                                tr {
                                    th(.attr("scope", "row"), .attr("colspan", "5")) { s.rounding }
                                    td(.class("num")) { totals.rounding.formatted(language) }
                                }
                            }
                            tr(.class("total")) {
                                th(.attr("scope", "row"), .attr("colspan", "5")) { s.toPay }
                                td(.class("num")) { strong { totals.payable.formatted(language) } }
                            }
                        }
                    }
                }
            }
            if summary.state == "issued", summary.kind == .invoice, let payable = summary.payable {
                paymentsSection(summary, payable: payable, payments: payments, form: paymentForm, admin: admin)
            }
            if summary.state == "issued", summary.kind == .invoice, admin.may(.admin(.invoices(.credit(summary.id)))) {
                p(.class("hint")) { s.creditHint }
                Fields.postButton(.admin(.invoices(.credit(summary.id))), s.credit, csrf: admin.csrfToken)
            }
            if summary.state == "issued" {
                EmailLogCard.card(emails, admin, back: .admin(.invoices(.show(summary.id))))
            }
            if summary.state == "draft" {
                if !problems.isEmpty {
                    div(.class("form-errors"), .attr("role", "alert"), .id("missing")) {
                        p { strong { s.missingTitle } }
                        ul { for problem in problems { li { s.problem(problem) } } }
                    }
                } else if admin.may(.admin(.invoices(.issue(summary.id)))) {
                    p(.class("hint")) { s.issueHint }
                    Fields.postButton(
                        .admin(.invoices(.issue(summary.id))), s.issue, csrf: admin.csrfToken, style: "button")
                }
            }
        }.rendered()
    }

    static func badge(_ invoice: InvoiceSummary, today: CalendarDate, s: InvoiceStrings) -> Node {
        let status = invoice.status(today: today)
        let tone: BadgeTone =
            switch status {
            case .paid: .ok
            case .overdue: .bad
            case .draft, .partlyPaid: .warn
            case .issued, .credited: .neutral
            }
        return StateBadge.badge(s.statusName(status), tone, kind: "invoice-status", state: status.rawValue)
    }

    /// What was paid and what is left, each payment, and the form to register one.
    static func paymentsSection(
        _ summary: InvoiceSummary, payable: Money, payments: [InvoicePayment], form: FormState, admin: AdminPage
    ) -> Node {
        let s = admin.strings.invoices
        let language = admin.language
        let left = Money(ore: payable.ore - summary.paid.ore)
        return section(.class("card"), .id("payments")) {
            h2 { s.payments }
            dl(.class("facts")) {
                dt { s.paid }
                dd { summary.paid.formatted(language) }
                dt { left.isNegative ? s.overpaid : s.left }
                dd { Money(ore: abs(left.ore)).formatted(language) }
            }
            if payments.isEmpty {
                p { s.noPayments }
            } else {
                table(.class("list")) {
                    thead {
                        tr {
                            th(.attr("scope", "col")) { s.paidOn }
                            th(.attr("scope", "col")) { s.method }
                            th(.attr("scope", "col")) { s.reference }
                            th(.attr("scope", "col"), .class("num")) { s.amount }
                        }
                    }
                    tbody {
                        for payment in payments {
                            tr {
                                td { payment.paidOn.iso }
                                td { s.methodName(payment.method) }
                                td { payment.reference }
                                td(.class("num")) { payment.amount.formatted(language) }
                            }
                        }
                    }
                }
            }
            if admin.may(.admin(.invoices(.registerPayment(summary.id)))), !summary.credited {
                Fields.summary(form, admin.strings)
                Fields.post(.admin(.invoices(.registerPayment(summary.id))), csrf: admin.csrfToken) {
                    div(.class("grid")) {
                        Fields.text("paid_on", s.paidOn, form, type: "date", required: true)
                        Fields.text("amount", s.amount, form, required: true, extra: [.attr("inputmode", "decimal")])
                        Fields.select(
                            "method", s.method, form,
                            options: PaymentMethod.allCases.map { ($0.rawValue, s.methodName($0)) })
                        Fields.text("reference", s.reference, form)
                    }
                    button(.class("button secondary"), .attr("type", "submit")) { s.register }
                }
            }
        }
    }
}
