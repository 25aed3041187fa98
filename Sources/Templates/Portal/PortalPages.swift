public import Domain
public import Foundation
import Routing

/// The customer portal's pages, in the public layout: one column, cards instead of wide tables,
/// nothing that needs JavaScript. Every form POSTs with `_csrf`.
public enum PortalPages {
    /// `/portal`: the email address to send a link to.
    public static func signIn(form: FormState, csrf: String, flash: PortalFlash?, context: PageContext) -> [UInt8] {
        let s = context.strings
        return Layout.page(title: s.portal.title, context: context) {
            section(.class("portal card")) {
                h1 { s.portal.title }
                flashNode(flash, s)
                p { s.portal.signInLead }
                Fields.summary(form, s)
                Fields.post(.portal(.requestLink), csrf: csrf) {
                    Fields.text(
                        "email", s.portal.emailLabel, form, type: "email", required: true,
                        extra: [.attr("autocomplete", "email"), .attr("maxlength", "320")])
                    button(.class("button"), .attr("type", "submit")) { s.portal.sendLink }
                }
            }
        }.rendered()
    }

    /// After "send me a link": the same words whether the address is known or not.
    public static func checkEmail(context: PageContext) -> [UInt8] {
        let s = context.strings
        return Layout.page(title: s.portal.checkTitle, context: context) {
            section(.class("portal card notice")) {
                h1 { s.portal.checkTitle }
                p { s.portal.checkText(minutes: Int(PortalRules.linkLifetime / 60)) }
                p { a(.href(SafeURL(.portal(.signIn)))) { s.portal.askAgain } }
            }
        }.rendered()
    }

    /// `/portal/login/{token}`: a button that uses the link (`live`), or why it no longer works.
    public static func link(token: String, live: Bool, csrf: String, context: PageContext) -> [UInt8] {
        let s = context.strings
        return Layout.page(title: live ? s.portal.linkTitle : s.portal.linkDeadTitle, context: context) {
            section(.class("portal card notice")) {
                if live {
                    h1 { s.portal.linkTitle }
                    p { s.portal.linkText }
                    Fields.post(.portal(.consume(token: token)), csrf: csrf) {
                        button(.class("button"), .attr("type", "submit")) { s.portal.linkButton }
                    }
                } else {
                    h1 { s.portal.linkDeadTitle }
                    p { s.portal.linkDeadText }
                    p { a(.class("button"), .href(SafeURL(.portal(.signIn)))) { s.portal.askAgain } }
                }
            }
        }.rendered()
    }

    /// `/portal/home`: what the customer has to do (their tasks), then their quotations, bookings,
    /// invoices and conversations.
    public static func home(
        _ home: PortalHome, tasks: [TaskSummary] = [], customerName: String, csrf: String, flash: PortalFlash?,
        today: CalendarDate, context: PageContext
    ) -> [UInt8] {
        let s = context.strings
        let language = context.language
        return Layout.page(title: s.portal.title, context: context) {
            portalHeader(customerName: customerName, csrf: csrf, s)
            flashNode(flash, s)
            PortalTaskPages.list(tasks, s)
            section(.class("portal-section"), .id("quotations")) {
                h2 { s.portal.quotations }
                if home.quotations.isEmpty { p(.class("muted")) { s.portal.noQuotations } }
                ul(.class("portal-list")) {
                    for quotation in home.quotations {
                        li(.class("card"), .data("data-quotation", quotation.number)) {
                            h3 {
                                quotation.title.isEmpty ? quotation.number : "\(quotation.number) – \(quotation.title)"
                            }
                            p { StateBadge.badge(s.quotations.quotationState(quotation.state), .neutral) }
                            dl {
                                dt { s.portal.period }
                                dd { s.periodText(quotation.period) }
                                dt { s.portal.total }
                                dd { quotation.total.formatted(language) }
                            }
                            if quotation.state == .sent, let expires = quotation.linkExpiresAt {
                                p(.class("hint")) { s.portal.linkValid(until: DisplayFormat.date(expires)) }
                                Fields.postButton(
                                    .portal(.resendSigningLink(quotation.id.rawValue)), s.portal.resendLink,
                                    csrf: csrf)
                            }
                        }
                    }
                }
            }
            section(.class("portal-section"), .id("bookings")) {
                h2 { s.portal.bookings }
                if home.bookings.isEmpty { p(.class("muted")) { s.portal.noBookings } }
                ul(.class("portal-list")) {
                    for booking in home.bookings {
                        li(.class("card"), .data("data-booking", booking.number)) {
                            h3 { booking.title.isEmpty ? booking.number : "\(booking.number) – \(booking.title)" }
                            p { StateBadge.badge(s.bookings.stateName(booking.state), .neutral) }
                            dl {
                                dt { s.portal.delivery }
                                dd { booking.period.start.iso }
                                dt { s.portal.pickup }
                                dd { booking.period.end.iso }
                                if !booking.address.isEmpty {
                                    dt { s.portal.address }
                                    dd { booking.address.joined(separator: ", ") }
                                }
                                dt { s.portal.total }
                                dd { booking.total.formatted(language) }
                            }
                        }
                    }
                }
            }
            section(.class("portal-section"), .id("invoices")) {
                h2 { s.portal.invoices }
                if home.invoices.isEmpty { p(.class("muted")) { s.portal.noInvoices } }
                ul(.class("portal-list")) {
                    for invoice in home.invoices {
                        li(.class("card"), .data("data-invoice", invoice.number ?? "")) {
                            h3 { invoice.number ?? "" }
                            p { StateBadge.badge(s.invoices.statusName(invoice.status(today: today)), .neutral) }
                            dl {
                                dt { s.portal.amount }
                                dd { (invoice.payable ?? .zero).formatted(language) }
                                if let due = invoice.dueDate {
                                    dt { s.portal.dueDate }
                                    dd { due.iso }
                                }
                            }
                            p { a(.href(SafeURL(.portal(.invoicePDF(invoice.id))))) { s.portal.pdf } }
                        }
                    }
                }
            }
            section(.class("portal-section"), .id("messages")) {
                h2 { s.portal.conversations }
                if home.conversations.isEmpty { p(.class("muted")) { s.portal.noConversations } }
                ul(.class("portal-list")) {
                    for conversation in home.conversations {
                        li(.class("card")) {
                            h3 { conversation.subject }
                            p(.class("hint")) {
                                "\(s.portal.lastMessage): \(DisplayFormat.dateTime(conversation.lastMessageAt))"
                            }
                            p { a(.href(SafeURL(.portal(.conversation(conversation.id))))) { s.portal.open } }
                        }
                    }
                }
            }
        }.rendered()
    }

    /// One conversation: each message's own text (no quoted history, nothing staff-internal),
    /// oldest first, and the reply form.
    public static func conversation(
        _ detail: ConversationDetail, customerName: String, form: FormState, csrf: String, flash: PortalFlash?,
        context: PageContext
    ) -> [UInt8] {
        let s = context.strings
        return Layout.page(title: detail.summary.subject, context: context) {
            portalHeader(customerName: customerName, csrf: csrf, s)
            p { a(.href(SafeURL(.portal(.home)))) { s.portal.backHome } }
            flashNode(flash, s)
            section(.class("portal-section")) {
                h2 { detail.summary.subject }
                ul(.class("portal-messages")) {
                    for message in detail.messages where message.kind != "bounce" {
                        li(.class(message.direction == .received ? "card message-in" : "card message-out")) {
                            p(.class("hint")) {
                                strong {
                                    message.direction == .received
                                        ? s.portal.fromYou : context.company.name
                                }
                                " · \(DisplayFormat.dateTime(message.sentAt ?? message.receivedAt))"
                            }
                            for paragraph in paragraphs(message) { p { paragraph } }
                        }
                    }
                }
                Fields.summary(form, s)
                Fields.post(.portal(.reply(detail.summary.id)), csrf: csrf) {
                    Fields.textarea("text", s.portal.replyLabel, form, rows: 5)
                    button(.class("button"), .attr("type", "submit")) { s.portal.replyButton }
                }
            }
        }.rendered()
    }

    /// A message's new text (its whole text when nothing new was found), paragraph by paragraph.
    static func paragraphs(_ message: MailMessageRecord) -> [String] {
        let text = message.newText.isEmpty ? message.textBody : message.newText
        return text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    private static func portalHeader(customerName: String, csrf: String, _ s: Strings) -> Node {
        div(.class("portal-header")) {
            h1 { s.portal.greeting(customerName) }
            Fields.postButton(.portal(.logout), s.portal.signOut, csrf: csrf)
        }
    }

    private static func flashNode(_ flash: PortalFlash?, _ s: Strings) -> Node {
        guard let flash else { return .fragment([]) }
        return div(.class("flash"), .attr("role", "status")) { flash.text(s.portal) }
    }
}
