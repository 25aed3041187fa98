import Domain

/// The emails about a quotation, booking or customer: when, to whom, what, and whether it went
/// out (with the reason when it did not). From the mailer's own events.
enum EmailLogCard {
    static func card(_ emails: [EmailRecord], _ s: Strings) -> Node {
        section(.class("card"), .id("emails")) {
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
                            }
                        }
                        tbody {
                            for email in emails {
                                tr {
                                    td { DisplayFormat.dateTime(email.at) }
                                    td { email.to }
                                    td { email.subject }
                                    td {
                                        if email.sent {
                                            StateBadge.badge(s.emailLogSent, .ok)
                                        } else {
                                            StateBadge.badge(s.emailLogFailed, .bad)
                                            if let error = email.error { small { " " + error } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
