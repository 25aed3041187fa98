import Domain
import Routing

/// The emails about a quotation, booking or customer: when, to whom, what, and whether it went
/// out (with the reason when it did not), with "send again" for those that can be repeated
/// (`EmailResend`), for members who may. From the mailer's own events.
enum EmailLogCard {
    static func card(_ emails: [EmailRecord], _ admin: AdminPage, back: Route) -> Node {
        let s = admin.strings
        return section(.class("card"), .id("emails")) {
            h2 { s.emailLogHeading }
            if emails.isEmpty {
                p { s.emailLogEmpty }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list emails")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { s.emailLogTime }
                                th(.attr("scope", "col")) { s.emailLogTo }
                                th(.attr("scope", "col")) { s.emailLogSubject }
                                th(.attr("scope", "col")) { s.emailLogStatus }
                                th(.attr("scope", "col")) { "" }
                            }
                        }
                        tbody {
                            for email in emails {
                                tr {
                                    td { DisplayFormat.dateTime(email.at) }
                                    td { email.to }
                                    td { email.subject }
                                    td {
                                        if let bounce = email.bounce {
                                            StateBadge.badge(s.emailLogBounced, .bad)
                                            small { " " + bounce }
                                        } else if email.sent {
                                            StateBadge.badge(s.emailLogSent, .ok)
                                        } else {
                                            StateBadge.badge(s.emailLogFailed, .bad)
                                            if let error = email.error { small { " " + error } }
                                        }
                                    }
                                    td(.class("actions-cell")) { resend(email, admin, back: back) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func resend(_ email: EmailRecord, _ admin: AdminPage, back: Route) -> Node {
        let route = Route.admin(.automation(.resendEmail(email.eventID)))
        guard EmailResend.canResend(email), admin.may(route) else { return .fragment([]) }
        return Fields.postButton(
            route, admin.strings.emailLogResend, csrf: admin.csrfToken, fields: [("back", back.path)])
    }
}
