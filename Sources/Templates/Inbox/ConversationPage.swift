public import Domain
public import Routing
public import Sanitizer

/// `/admin/inbox/{id}`: a conversation's messages (new text first, quoted history and the HTML
/// version folded away, attachments, what could not be read), the reply form, the state and
/// assignment, "make a customer" for an unknown sender, and for an inquiry the proposed quotation
/// beside the email.
public enum ConversationPage {
    /// What the page's forms were given back with, after a refused post.
    public struct Forms: Sendable {
        public var reply: FormState
        public var customer: FormState
        public var proposal: FormState

        public init(
            reply: FormState = FormState(), customer: FormState = FormState(), proposal: FormState = FormState()
        ) {
            self.reply = reply
            self.customer = customer
            self.proposal = proposal
        }
    }

    public static func render(
        _ detail: ConversationDetail, html: [Int64: SanitizedHTML], assignees: [RecordOption],
        proposal: InquiryProposalView?, forms: Forms, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.inbox
        let c = detail.summary
        let title = c.subject.isEmpty ? s.noSubject : c.subject
        return AdminLayout.page(title: title, admin) {
            div(.class("page-head")) {
                h1 { title }
                StateBadge.badge(
                    s.stateName(c.state), c.state == .open ? .warn : c.state == .waiting ? .neutral : .ok,
                    state: c.state.rawValue)
            }
            p(.class("lead")) {
                c.partyName.map { "\($0) <\(c.partyAddress)>" } ?? c.partyAddress
                if let customer = detail.customerID, let name = c.customerName {
                    " · "
                    a(.href(SafeURL(.admin(.customers(.show(customer)))))) { name }
                }
                if let quotation = detail.quotationID, let number = c.quotationNumber {
                    " · \(s.quotation) "
                    a(.href(SafeURL(.admin(.quotations(.show(quotation)))))) { number }
                }
                if let booking = detail.bookingID, let number = c.bookingNumber {
                    " · \(s.booking) "
                    a(.href(SafeURL(.admin(.bookings(.show(booking)))))) { number }
                }
            }
            actions(detail, assignees: assignees, admin: admin)
            div(.class(proposal == nil ? "conversation" : "conversation with-proposal")) {
                div(.class("thread")) {
                    for message in detail.messages { messageCard(message, html: html[message.id], admin: admin) }
                    replyForm(detail, form: forms.reply, admin: admin)
                }
                if let proposal {
                    InquiryProposalCard.card(proposal, conversation: c.id, form: forms.proposal, admin: admin)
                }
            }
            if detail.customerID == nil, admin.may(.admin(.inbox(.createCustomer(c.id)))) {
                customerForm(detail, proposal: proposal, form: forms.customer, admin: admin)
            }
        }.rendered()
    }

    /// State buttons and the assignment.
    static func actions(_ detail: ConversationDetail, assignees: [RecordOption], admin: AdminPage) -> Node {
        let s = admin.strings.inbox
        let id = detail.summary.id
        return div(.class("actions conversation-actions")) {
            for (state, label) in [
                (ConversationState.open, s.markOpen), (.waiting, s.markWaiting), (.closed, s.markClosed),
            ] where state != detail.summary.state {
                Fields.postButton(
                    .admin(.inbox(.setState(id))), label, csrf: admin.csrfToken, fields: [("state", state.rawValue)])
            }
            element(
                "form",
                [.class("inline-form"), .attr("method", "post"), .action(SafeURL(.admin(.inbox(.assign(id)))))]
            ) {
                Fields.csrf(admin.csrfToken)
                label(.attr("for", "f-user"), .class("visually-hidden")) { s.assigned }
                element("select", [.id("f-user"), .attr("name", "user")]) {
                    option(value: "", selected: detail.assignedToID == nil) { s.nobody }
                    for member in assignees {
                        option(value: String(member.id), selected: detail.assignedToID?.rawValue == member.id) {
                            member.label
                        }
                    }
                }
                button(.class("button secondary"), .attr("type", "submit")) { s.assign }
            }
        }
    }

    /// - Parameter html: the message's HTML version, sanitised again for display.
    static func messageCard(_ m: MailMessageRecord, html: SanitizedHTML?, admin: AdminPage) -> Node {
        let s = admin.strings.inbox
        let received = m.direction == .received
        return element(
            "article",
            [
                .class(received ? "card message received" : "card message written"), .id("message-\(m.id)"),
                .data("data-message", String(m.id)), .data("data-kind", m.kind),
            ]
        ) {
            header(.class("message-head")) {
                strong {
                    received
                        ? (m.fromName.map { "\($0) <\(m.fromAddress ?? "")>" } ?? m.fromAddress ?? "–")
                        : (m.writtenBy ?? "")
                }
                " "
                StateBadge.badge(s.kindName(m.kind), m.kind == "inquiry" ? .warn : .neutral)
                if let delivery = m.delivery {
                    " "
                    StateBadge.badge(
                        s.deliveryName(delivery), delivery == "sent" ? .ok : delivery == "queued" ? .neutral : .bad,
                        state: delivery)
                    if let detail = m.deliveryDetail { small { " " + detail } }
                }
                p(.class("meta")) {
                    DisplayFormat.dateTime(m.sentAt ?? m.receivedAt)
                    if received { " · \(s.receivedVia) \(m.source)" }
                    if !m.subject.isEmpty { " · " + m.subject }
                }
            }
            div(.class("message-text prewrap")) { m.newText.isEmpty ? m.textBody : m.newText }
            if !m.signature.isEmpty { div(.class("message-signature prewrap meta")) { m.signature } }
            if received, m.hasHistory {
                element("details", []) {
                    element("summary", []) { s.quotedHistory }
                    div(.class("prewrap meta")) { m.textBody }
                }
            }
            if let html, !html.markup.isEmpty {
                element("details", []) {
                    element("summary", []) { s.htmlVersion }
                    div(.class("message-html rich-text")) { Node.sanitized(html) }
                }
            }
            if !m.attachments.isEmpty {
                div(.class("message-attachments")) {
                    strong { s.attachments + ": " }
                    for file in m.attachments {
                        if file.kept {
                            a(.href(SafeURL(.admin(.inbox(.attachment(file.id))))), .attr("download", file.filename)) {
                                file.filename.isEmpty ? file.contentType : file.filename
                            }
                        } else {
                            span { "\(file.filename) (\(s.notKept))" }
                        }
                        small(.class("meta")) { " \(file.contentType), \(size(file.size)) " }
                    }
                }
            }
            if !m.problems.isEmpty {
                div(.class("form-errors message-problems")) {
                    p { s.problems }
                    ul { for problem in m.problems { li { problem } } }
                }
            }
            if received {
                p(.class("meta")) {
                    if m.rawKept {
                        a(.href(SafeURL(.admin(.inbox(.raw(m.id)))))) { s.rawMessage }
                    } else {
                        s.rawNotKept
                    }
                    if let sha = m.rawSHA256 {
                        " · SHA-256 "
                        code(.class("sha")) { String(sha.prefix(16)) + "…" }
                    }
                }
            }
        }
    }

    static func replyForm(_ detail: ConversationDetail, form: FormState, admin: AdminPage) -> Node {
        let s = admin.strings.inbox
        let id = detail.summary.id
        return section(.class("card reply"), .id("reply")) {
            h2 { s.replyHeading }
            Fields.summary(form, admin.strings)
            Fields.post(.admin(.inbox(.reply(id))), csrf: admin.csrfToken, multipart: true) {
                Fields.textarea("text", s.replyText, form, rows: 8, hint: s.replyHint)
                Fields.text("files", s.replyFiles, form, type: "file", extra: [.flag("multiple")])
                if detail.quotationID != nil { Fields.checkbox("attach_offer", s.attachOffer, form) }
                button(.class("button"), .attr("type", "submit")) { s.send }
            }
        }
    }

    static func customerForm(
        _ detail: ConversationDetail, proposal: InquiryProposalView?, form: FormState, admin: AdminPage
    ) -> Node {
        let s = admin.strings.inbox
        var form = form
        if form.values.isEmpty {
            form.values = [
                "name": proposal?.name ?? detail.summary.partyName ?? "",
                "company": proposal?.company ?? "", "phone": proposal?.phone ?? "",
            ]
        }
        return section(.class("card"), .id("make-customer")) {
            h2 { s.createCustomer }
            p { s.createCustomerHint + " " + detail.summary.partyAddress }
            Fields.summary(form, admin.strings)
            Fields.post(.admin(.inbox(.createCustomer(detail.summary.id))), csrf: admin.csrfToken) {
                Fields.text("name", s.name, form, required: true, id: "f-customer-name")
                Fields.text("company", s.company, form, id: "f-customer-company")
                Fields.text("phone", s.phone, form, type: "tel", id: "f-customer-phone")
                button(.class("button secondary"), .attr("type", "submit")) { s.createCustomer }
            }
        }
    }

    /// `532 B`, `48 kB`, `2.4 MB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        if bytes < 1_000_000 { return "\(bytes / 1000) kB" }
        return "\(bytes / 1_000_000).\(bytes % 1_000_000 / 100_000) MB"
    }
}
