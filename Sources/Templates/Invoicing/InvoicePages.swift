public import Domain
import Routing

/// `/admin/invoices`: every invoice and draft, newest first.
public enum InvoiceListPage {
    /// What the list shows: a status, a search text, the page (from 1) and whether more follow.
    public struct Filter: Sendable {
        public let status: InvoiceStatus?
        public let search: String
        public let page: Int
        public let more: Bool

        public init(status: InvoiceStatus?, search: String, page: Int, more: Bool) {
            self.status = status
            self.search = search
            self.page = page
            self.more = more
        }

        var isEmpty: Bool { status == nil && search.isEmpty }

        /// The list's address with these filters on `page` (the search text percent-encoded).
        func href(page: Int) -> SafeURL {
            var parts: [String] = []
            if let status { parts.append("status=\(status.rawValue)") }
            if !search.isEmpty { parts.append("q=\(PercentEncoding.encodeQueryValue(search))") }
            if page > 1 { parts.append("page=\(page)") }
            return SafeURL(
                unchecked: SafeURL(.admin(.invoices(.list))).value
                    + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&")))
        }
    }

    public static func render(
        _ invoices: [InvoiceSummary], filter: Filter = Filter(status: nil, search: "", page: 1, more: false),
        today: CalendarDate, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.invoices
        return AdminLayout.page(title: s.title, admin) {
            div(.class("page-head")) { h1 { s.title } }
            p(.class("lead")) { s.lead }
            if admin.may(.admin(.payments(.list))) {
                p { a(.href(SafeURL(.admin(.payments(.list))))) { admin.strings.payments.linkFromInvoices } }
            }
            form(.class("filters"), .attr("method", "get"), .action(SafeURL(.admin(.invoices(.list))))) {
                label(.attr("for", "f-status")) { s.status }
                element("select", [.id("f-status"), .attr("name", "status")]) {
                    option(value: "", selected: filter.status == nil) { s.allStatuses }
                    for status in InvoiceStatus.allCases {
                        option(value: status.rawValue, selected: filter.status == status) { s.statusName(status) }
                    }
                }
                label(.attr("for", "f-q")) { s.searchLabel }
                void(
                    "input",
                    [
                        .attr("type", "search"), .id("f-q"), .attr("name", "q"), .attr("value", filter.search),
                        .attr("maxlength", "100"),
                    ])
                button(.class("button secondary"), .attr("type", "submit")) { s.filter }
            }
            if invoices.isEmpty {
                p { filter.isEmpty && filter.page == 1 ? s.none : s.noneMatch }
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
            if filter.page > 1 || filter.more {
                nav(.class("pager"), .attr("aria-label", s.pages)) {
                    if filter.page > 1 {
                        a(.attr("rel", "prev"), .href(filter.href(page: filter.page - 1))) { s.previousPage }
                    }
                    if filter.more {
                        a(.attr("rel", "next"), .href(filter.href(page: filter.page + 1))) { s.nextPage }
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
        payments: [InvoicePayment] = [], reminders: [InvoiceReminder] = [], paymentForm: FormState = FormState(),
        editor: FormState = FormState(),
        issueError: String? = nil, emails: [EmailRecord] = [], today: CalendarDate, admin: AdminPage
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
                dt { s.purpose }
                dd { s.purposeName(summary.purpose) }
                if !summary.creditedAmount.isZero {
                    dt { s.credited }
                    dd { summary.creditedAmount.formatted(language) }
                }
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
                        if draft.lines.isEmpty {
                            tr { td(.attr("colspan", "6")) { s.noLinesYet } }
                        }
                        for (index, line) in draft.lines.enumerated() {
                            tr {
                                td { line.description }
                                td(.class("num")) { "\(line.quantity) \(s.unitName(line.unit))" }
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
                remindersSection(summary, reminders: reminders, today: today, admin: admin)
            }
            if summary.state == "issued", summary.kind == .invoice, !summary.credited,
                admin.may(.admin(.invoices(.credit(summary.id))))
            {
                p(.class("hint")) { s.creditHint }
                Fields.postButton(.admin(.invoices(.credit(summary.id))), s.credit, csrf: admin.csrfToken)
            }
            if summary.state == "issued" {
                EmailLogCard.card(emails, admin, back: .admin(.invoices(.show(summary.id))))
            }
            if summary.state == "draft", admin.may(.admin(.invoices(.editLines(summary.id)))) {
                editorSection(summary.id, editor, admin: admin)
            }
            if summary.state == "draft" {
                if let issueError {
                    div(.class("form-errors"), .attr("role", "alert"), .id("issue-error")) { p { issueError } }
                }
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

    /// The draft's lines and discounts as a form, open when it has errors or no lines yet. "+"
    /// and "remove" post the form back unsaved, so it works without JavaScript.
    static func editorSection(_ id: Int64, _ form: FormState, admin: AdminPage) -> Node {
        let s = admin.strings.invoices
        let lineCount = min(200, max(0, Int(form["line_count"]) ?? 0))
        let allowanceCount = min(20, max(0, Int(form["allowance_count"]) ?? 0))
        let open = !form.isValid || lineCount == 0 || form["_unsaved"] == "yes"
        let rates = [2500, 1200, 600, 0]
        func input(_ name: String, _ label: String, extra: [Attribute] = []) -> Node {
            var attributes: [Attribute] = [
                .attr("type", "text"), .attr("name", name), .attr("value", form[name]), .attr("aria-label", label),
            ]
            if let error = form.errors[name] {
                attributes += [.attr("aria-invalid", "true"), .attr("title", error)]
            }
            return div(.class("cell-field")) {
                void("input", attributes + extra)
                if let error = form.errors[name] { p(.class("field-error")) { error } }
            }
        }
        func vatSelect(_ name: String, _ label: String) -> Node {
            element("select", [.attr("name", name), .attr("aria-label", label)]) {
                for bp in rates {
                    option(value: String(bp), selected: form[name] == String(bp)) {
                        ((try? VATRate(basisPoints: bp))?.formatted(admin.language)) ?? ""
                    }
                }
            }
        }
        return element("details", [.class("card"), .id("edit-lines")] + (open ? [.flag("open")] : [])) {
            element("summary", []) { s.editLines }
            p(.class("hint")) { s.editHint }
            Fields.summary(form, admin.strings)
            Fields.post(.admin(.invoices(.editLines(id))), csrf: admin.csrfToken) {
                // The first submit button is the one Enter presses: save.
                button(
                    .class("default-submit"), .attr("type", "submit"), .attr("name", "action"), .attr("value", "save"),
                    .attr("tabindex", "-1"), .attr("aria-hidden", "true")
                ) { s.saveLines }
                Fields.hidden("line_count", String(lineCount))
                Fields.hidden("allowance_count", String(allowanceCount))
                div(.class("table-scroll")) {
                    table(.class("list editor")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { s.description }
                                th(.attr("scope", "col")) { s.quantity }
                                th(.attr("scope", "col")) { s.unit }
                                th(.attr("scope", "col")) { s.unitPrice }
                                th(.attr("scope", "col")) { s.discount }
                                th(.attr("scope", "col")) { s.vat }
                                th(.attr("scope", "col")) { "" }
                            }
                        }
                        tbody {
                            for index in 0..<lineCount {
                                let p = "line_\(index)_"
                                let n = index + 1
                                tr {
                                    td {
                                        input(
                                            p + "description", s.lineLabel(n, s.description),
                                            extra: [.attr("maxlength", "300")])
                                    }
                                    td(.class("qty")) {
                                        input(
                                            p + "quantity", s.lineLabel(n, s.quantity),
                                            extra: [.attr("inputmode", "numeric")])
                                    }
                                    td {
                                        element(
                                            "select",
                                            [.attr("name", p + "unit"), .attr("aria-label", s.lineLabel(n, s.unit))]
                                        ) {
                                            for unit in [InvoiceLine.Unit.each, .day] {
                                                option(
                                                    value: unit.rawValue, selected: form[p + "unit"] == unit.rawValue
                                                ) {
                                                    s.unitName(unit)
                                                }
                                            }
                                        }
                                    }
                                    td(.class("price")) {
                                        input(
                                            p + "unit_price", s.lineLabel(n, s.unitPrice),
                                            extra: [.attr("inputmode", "decimal")])
                                    }
                                    td(.class("price")) {
                                        input(
                                            p + "discount", s.lineLabel(n, s.discount),
                                            extra: [.attr("inputmode", "decimal")])
                                    }
                                    td { vatSelect(p + "vat", s.lineLabel(n, s.vat)) }
                                    td {
                                        button(
                                            .class("link-button"), .attr("type", "submit"), .attr("name", "action"),
                                            .attr("value", "remove_line_\(index)"), .flag("formnovalidate"),
                                            .attr("aria-label", s.lineLabel(n, s.remove))
                                        ) { s.remove }
                                    }
                                }
                            }
                            for index in 0..<allowanceCount {
                                let p = "allowance_\(index)_"
                                let n = index + 1
                                tr(.class("allowance")) {
                                    td(.attr("colspan", "4")) {
                                        input(
                                            p + "reason", s.allowanceLabel(n, s.reason),
                                            extra: [.attr("maxlength", "200")])
                                    }
                                    td(.class("price")) {
                                        input(
                                            p + "amount", s.allowanceLabel(n, s.discount),
                                            extra: [.attr("inputmode", "decimal")])
                                    }
                                    td { vatSelect(p + "vat", s.allowanceLabel(n, s.vat)) }
                                    td {
                                        button(
                                            .class("link-button"), .attr("type", "submit"), .attr("name", "action"),
                                            .attr("value", "remove_allowance_\(index)"), .flag("formnovalidate"),
                                            .attr("aria-label", s.allowanceLabel(n, s.remove))
                                        ) { s.remove }
                                    }
                                }
                            }
                        }
                    }
                }
                div(.class("actions")) {
                    button(.class("button"), .attr("type", "submit"), .attr("name", "action"), .attr("value", "save")) {
                        s.saveLines
                    }
                    button(
                        .class("button secondary"), .attr("type", "submit"), .attr("name", "action"),
                        .attr("value", "add_line"), .flag("formnovalidate")
                    ) { s.addLine }
                    button(
                        .class("button secondary"), .attr("type", "submit"), .attr("name", "action"),
                        .attr("value", "add_allowance"), .flag("formnovalidate")
                    ) { s.addAllowance }
                }
            }
        }
    }

    /// The reminders sent and what each claimed; "Send a reminder now" while it is overdue.
    static func remindersSection(
        _ summary: InvoiceSummary, reminders: [InvoiceReminder], today: CalendarDate, admin: AdminPage
    ) -> Node {
        let s = admin.strings.invoices
        let language = admin.language
        let overdue = summary.status(today: today) == .overdue
        guard overdue || !reminders.isEmpty else { return .fragment([]) }
        return section(.class("card"), .id("reminders")) {
            h2 { s.reminders }
            if reminders.isEmpty {
                p { s.noReminders }
            } else {
                table(.class("list")) {
                    thead {
                        tr {
                            th(.attr("scope", "col")) { s.reminder }
                            th(.attr("scope", "col")) { s.remindedOn }
                            th(.attr("scope", "col"), .class("num")) { s.left }
                            th(.attr("scope", "col"), .class("num")) { s.reminderFee }
                            th(.attr("scope", "col"), .class("num")) { s.compensation }
                            th(.attr("scope", "col"), .class("num")) { s.interest }
                            th(.attr("scope", "col"), .class("num")) { s.toPay }
                        }
                    }
                    tbody {
                        for reminder in reminders {
                            tr {
                                td { String(reminder.sequence) }
                                td { reminder.remindedOn.iso }
                                td(.class("num")) { reminder.outstanding.formatted(language) }
                                td(.class("num")) { reminder.fee.formatted(language) }
                                td(.class("num")) { reminder.compensation.formatted(language) }
                                td(.class("num")) { reminder.interest.formatted(language) }
                                td(.class("num")) { reminder.total.formatted(language) }
                            }
                        }
                    }
                }
            }
            if overdue, admin.may(.admin(.invoices(.remind(summary.id)))) {
                p(.class("hint")) { s.remindHint }
                Fields.postButton(.admin(.invoices(.remind(summary.id))), s.remindNow, csrf: admin.csrfToken)
            }
        }
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
        let left = Money(ore: payable.ore - summary.creditedAmount.ore - summary.paid.ore)
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
