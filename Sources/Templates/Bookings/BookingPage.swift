public import Domain
import Routing

/// `/admin/bookings/{id}`: the booking with its customer, address, period, lines and totals; the
/// workflow with the buttons the member's role allows; approval; internal notes; the history.
public enum BookingPage {
    /// - Parameters:
    ///   - notice: why the last change was refused (409/400), shown above everything.
    ///   - cancelForm: the cancel form as submitted, with its error.
    ///   - notesForm: the notes form; nil for the booking's current notes and version.
    ///   - unsavedNotes: text typed on an outdated page, shown so it is not lost.
    ///   - customFields: the bookings' active custom fields, filled in with the notes.
    public static func render(
        booking: BookingDetail, history: [BookingHistoryEntry], admin: AdminPage, notice: String? = nil,
        cancelForm: FormState = FormState(), notesForm: FormState? = nil, unsavedNotes: String? = nil,
        emails: [EmailRecord] = [], invoices: [InvoiceSummary] = [], depositPercent: Int = 30,
        conversations: [ConversationSummary] = [], tasks: TasksCardData? = nil, flows: FlowCard.Model? = nil,
        customFields: [CustomFieldDefinition] = []
    ) -> [UInt8] {
        let s = admin.strings
        let language = s.language
        let notes =
            notesForm
            ?? FormState(
                values: ["notes": booking.notes].merging(CustomFieldValues.formValues(booking.custom, customFields)) {
                    a, _ in a
                })
        let hasLineDiscounts = booking.lines.contains { !$0.discount.isZero }
        return AdminLayout.page(title: s.bookings.heading(booking.number), admin, live: true) {
            div(.class("page-head")) {
                h1 {
                    s.bookings.heading(booking.number)
                    " "
                    BookingComponents.stateBadge(booking.state, s)
                }
                div(.class("actions")) {
                    if admin.may(.admin(.bookings(.packingList(booking.id)))) {
                        a(.class("button secondary"), .href(SafeURL(.admin(.bookings(.packingList(booking.id)))))) {
                            s.bookings.packingListLink
                        }
                    }
                    a(.href(SafeURL(.admin(.bookings(.list(BookingListQuery())))))) { s.bookings.backToBookings }
                }
            }
            if let notice {
                div(.class("form-errors"), .attr("role", "alert"), .id("notice")) { p { notice } }
            }
            if let title = booking.title { p(.class("event-title")) { title } }

            section(.class("card"), .id("workflow")) {
                h2 { s.bookings.statusHeading }
                workflow(booking.state, s)
                if booking.state == .cancelled {
                    p {
                        s.bookings.cancelledText(booking.cancelledAt.map(DisplayFormat.dateTime) ?? "")
                        if let reason = booking.cancelReason { " \(s.bookings.cancelReasonHeading): \(reason)" }
                    }
                }
                actions(booking, admin: admin, cancelForm: cancelForm)
            }

            section(.class("card"), .id("approval")) {
                h2 { s.bookings.approvalHeading }
                if let at = booking.approvedAt {
                    p { s.bookings.approvedText(by: booking.approvedBy ?? "?", at: DisplayFormat.dateTime(at)) }
                } else if booking.state == .cancelled {
                    p { s.bookings.approvalNotPossible }
                } else {
                    p { span(.class("badge warn")) { s.bookings.notApprovedYet } }
                    if admin.may(.admin(.bookings(.approve(booking.id)))) {
                        Fields.postButton(
                            .admin(.bookings(.approve(booking.id))), s.bookings.approveButton, csrf: admin.csrfToken,
                            style: "button")
                    }
                }
            }

            div(.class("booking-facts")) {
                section(.class("card")) {
                    h2 { s.bookings.contactHeading }
                    dl(.class("facts")) {
                        if booking.contact.isCompany, let company = booking.contact.companyName {
                            dt { s.bookings.companyLabel }
                            dd {
                                if admin.may(.admin(.customers(.show(booking.contact.id)))) {
                                    a(.href(SafeURL(.admin(.customers(.show(booking.contact.id)))))) { company }
                                } else {
                                    company
                                }
                            }
                        }
                        dt { s.bookings.contactPerson }
                        dd {
                            if !booking.contact.isCompany, admin.may(.admin(.customers(.show(booking.contact.id)))) {
                                a(.href(SafeURL(.admin(.customers(.show(booking.contact.id)))))) {
                                    booking.contact.name
                                }
                            } else {
                                booking.contact.name
                            }
                        }
                        if let email = booking.contact.email {
                            dt { s.staff.emailLabel }
                            dd { a(.href(SafeURL(mailto: email))) { email } }
                        }
                        if let phone = booking.contact.phone {
                            dt { s.bookings.phoneLabel }
                            dd { phone }
                        }
                    }
                }
                section(.class("card")) {
                    h2 { s.bookings.deliveryAddressHeading }
                    BookingComponents.address(booking.deliveryAddress, empty: s.bookings.noAddress)
                }
                section(.class("card")) {
                    h2 { s.bookings.periodHeading }
                    dl(.class("facts")) {
                        dt { s.bookings.deliveryLabel }
                        dd { s.bookings.dayWithWeekday(booking.period.start) }
                        dt { s.bookings.pickupLabel }
                        dd { s.bookings.dayWithWeekday(booking.period.end) }
                        dt { s.bookings.periodHeading }
                        dd { s.bookings.dayCount(booking.period.days) }
                        dt { s.bookings.quotationLabel }
                        dd {
                            let text = s.bookings.quotationVersionText(
                                booking.quotationNumber, booking.quotationVersion)
                            if admin.may(
                                .admin(.quotations(.version(booking.quotationID, version: booking.quotationVersion))))
                            {
                                a(
                                    .href(
                                        SafeURL(
                                            .admin(
                                                .quotations(
                                                    .version(booking.quotationID, version: booking.quotationVersion)))))
                                ) { text }
                            } else {
                                text
                            }
                        }
                        dt { s.bookings.createdLabel }
                        dd { DisplayFormat.dateTime(booking.createdAt) }
                    }
                }
            }

            section(.class("card"), .id("lines")) {
                h2 { s.bookings.linesHeading }
                div(.class("table-scroll")) {
                    table(.class("lines")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { s.bookings.columnDescription }
                                th(.attr("scope", "col"), .class("num")) { s.bookings.columnQuantity }
                                th(.attr("scope", "col"), .class("num")) { s.bookings.columnDays }
                                th(.attr("scope", "col"), .class("num unit")) { s.bookings.columnUnitPrice }
                                if hasLineDiscounts {
                                    th(.attr("scope", "col"), .class("num")) { s.bookings.columnDiscount }
                                }
                                th(.attr("scope", "col"), .class("num")) { s.bookings.columnAmount }
                            }
                        }
                        tbody {
                            for line in booking.lines {
                                tr {
                                    td {
                                        line.description
                                        if case .product(_, let sku) = line.kind {
                                            small(.class("sub")) {
                                                [sku, s.bookings.reservedNote].compactMap { $0 }.joined(
                                                    separator: " · ")
                                            }
                                        }
                                    }
                                    td(.class("num")) { String(line.quantity) }
                                    td(.class("num")) { line.pricing == .perDay ? String(line.days) : "–" }
                                    td(.class("num unit")) { line.unitPrice.formatted(language) }
                                    if hasLineDiscounts {
                                        td(.class("num")) {
                                            line.discount.isZero ? "–" : "−" + line.discount.formatted(language)
                                        }
                                    }
                                    td(.class("num")) { line.total.formatted(language) }
                                }
                            }
                        }
                    }
                }
                dl(.class("totals")) {
                    dt { s.bookings.subtotalLabel }
                    dd { booking.linesSubtotal.formatted(language) }
                    if !booking.discount.isZero {
                        dt { s.bookings.discountLabel }
                        dd { "−" + booking.discount.formatted(language) }
                    }
                    if !booking.shipping.isZero {
                        dt { s.bookings.shippingLabel }
                        dd { booking.shipping.formatted(language) }
                    }
                    dt { s.bookings.netLabel }
                    dd { booking.net.formatted(language) }
                    dt { s.bookings.vatLabel(booking.vatRate) }
                    dd { booking.vat.formatted(language) }
                    dt(.class("grand")) { s.bookings.totalLabel }
                    dd(.class("grand")) { booking.total.formatted(language) }
                }
            }

            section(.class("card"), .id("notes")) {
                h2 { s.bookings.notesHeading }
                if admin.may(.admin(.bookings(.notes(booking.id)))) {
                    Fields.summary(notes, s)
                    Fields.post(.admin(.bookings(.notes(booking.id))), csrf: admin.csrfToken) {
                        Fields.hidden("version", String(booking.version))
                        Fields.textarea("notes", s.bookings.notesLabel, notes, rows: 5)
                        CustomFieldInputs.section(customFields, notes, s)
                        button(.class("button secondary"), .attr("type", "submit")) { s.bookings.notesSave }
                    }
                    if let unsavedNotes {
                        element("details", [.attr("open", "open")]) {
                            element("summary", []) { s.bookings.unsavedTextHeading }
                            element("pre", [.class("unsaved")]) { unsavedNotes }
                        }
                    }
                } else {
                    if !booking.notes.isEmpty { element("pre", [.class("notes")]) { booking.notes } }
                    CustomFieldInputs.details(customFields, booking.custom, s)
                }
            }

            if let tasks { tasks.card(admin) }
            InvoicesCard.card(
                invoices, owner: .booking(booking.id, depositPercent: depositPercent), today: BusinessCalendar.today(),
                admin: admin)
            FlowCard.card(flows, admin: admin)
            ConversationList.card(conversations, admin: admin)
            EmailLogCard.card(emails, admin, back: .admin(.bookings(.show(booking.id))))
            section(.class("card"), .id("history")) {
                h2 { s.bookings.historyHeading }
                if history.isEmpty {
                    p { s.bookings.historyEmpty }
                } else {
                    ol(.class("history")) {
                        for entry in history {
                            li {
                                element("time", [.attr("datetime", DisplayFormat.date(entry.at))]) {
                                    DisplayFormat.dateTime(entry.at)
                                }
                                " · "
                                strong { actor(entry, s) }
                                " · "
                                s.bookings.historyText(entry)
                            }
                        }
                    }
                }
            }
        }.rendered()
    }

    /// The forward workflow as steps, the reached one marked.
    static func workflow(_ state: BookingState, _ s: Strings) -> Node {
        let reached = state.workflowStep ?? 0
        return ol(
            .class(state == .cancelled ? "workflow cancelled" : "workflow"),
            .attr("aria-label", s.bookings.workflowLabel)
        ) {
            for step in BookingState.workflow {
                let number = step.workflowStep ?? 0
                if number == reached {
                    li(.class("current"), .attr("aria-current", "step")) { s.bookings.stateName(step) }
                } else {
                    li(.class(number < reached ? "done" : "todo")) { s.bookings.stateName(step) }
                }
            }
        }
    }

    /// The buttons for the next steps this member may take, and the cancel form with its reason.
    static func actions(_ booking: BookingDetail, admin: AdminPage, cancelForm: FormState) -> Node {
        let s = admin.strings
        let next = booking.state.nextStates
        let allowed = next.filter { admin.may(.admin(.bookings(.transition(booking.id, to: $0)))) }
        let seen = [("from", booking.state.rawValue)]
        return .fragment([
            div(.class("workflow-actions")) {
                if next.isEmpty {
                    p { s.bookings.noFurtherSteps }
                } else if allowed.isEmpty {
                    p { s.bookings.noStepsForRole }
                }
                for target in allowed where target != .cancelled {
                    Fields.postButton(
                        .admin(.bookings(.transition(booking.id, to: target))), s.bookings.transitionButton(target),
                        csrf: admin.csrfToken,
                        style: "button", fields: seen)
                }
            },
            allowed.contains(.cancelled)
                ? element(
                    "details", [.class("cancel-booking")] + (cancelForm.errors.isEmpty ? [] : [.attr("open", "open")])
                ) {
                    element("summary", []) { s.bookings.cancelFormHeading }
                    Fields.post(.admin(.bookings(.transition(booking.id, to: .cancelled))), csrf: admin.csrfToken) {
                        Fields.hidden("from", booking.state.rawValue)
                        Fields.textarea(
                            "reason", s.bookings.cancelReasonLabel, cancelForm, rows: 3, hint: s.bookings.cancelHint)
                        button(.class("button danger"), .attr("type", "submit")) {
                            s.bookings.transitionButton(.cancelled)
                        }
                    }
                }
                : .fragment([]),
        ])
    }

    static func actor(_ entry: BookingHistoryEntry, _ s: Strings) -> String {
        if let name = entry.actorName { return name }
        return entry.actorKind == "customer" ? s.bookings.actorCustomer : s.bookings.actorSystem
    }
}
