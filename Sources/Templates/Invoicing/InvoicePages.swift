public import Domain
import Routing

/// `/admin/invoices`: every invoice and draft, newest first.
public enum InvoiceListPage {
    public static func render(_ invoices: [InvoiceSummary], admin: AdminPage) -> [UInt8] {
        let s = admin.strings.invoices
        return AdminLayout.page(title: s.title, admin) {
            div(.class("page-head")) { h1 { s.title } }
            p(.class("lead")) { s.lead }
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
                                    td { InvoicePage.badge(invoice, s: s) }
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
        admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.invoices
        let language = admin.language
        let title = summary.number.map { "\(s.kindName(summary.kind)) \($0)" } ?? s.draftTitle(summary.id)
        return AdminLayout.page(title: title, admin) {
            div(.class("page-head")) {
                h1 { title }
                div(.class("actions")) {
                    if summary.state == "issued", admin.may(.admin(.invoices(.ubl(summary.id)))) {
                        a(.class("button secondary"), .href(SafeURL(.admin(.invoices(.ubl(summary.id)))))) {
                            s.downloadUBL
                        }
                    }
                }
            }
            dl(.class("facts")) {
                dt { s.status }
                dd { badge(summary, s: s) }
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
            if summary.state == "issued", summary.kind == .invoice, admin.may(.admin(.invoices(.credit(summary.id)))) {
                p(.class("hint")) { s.creditHint }
                Fields.postButton(.admin(.invoices(.credit(summary.id))), s.credit, csrf: admin.csrfToken)
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

    static func badge(_ invoice: InvoiceSummary, s: InvoiceStrings) -> Node {
        invoice.state == "issued"
            ? StateBadge.badge(s.issued, .ok, state: "issued") : StateBadge.badge(s.draft, .warn, state: "draft")
    }
}
