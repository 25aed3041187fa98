import Domain
import Foundation
import Routing

/// The signing link's state, the buttons that change the state, and the sent versions.
extension QuotationEditorPage {
    // MARK: - The link, the actions, the versions

    static func linkCard(_ link: Link, _ model: Model, _ admin: AdminPage) -> Node {
        let s = admin.strings
        return section(.class("card link-state")) {
            h2 { s.quotations.linkHeading }
            p { s.quotations.linkSentTo(link.recipient, version: link.versionNo) }
            switch link.email {
            case .failed(let error):
                div(.class("notice bad"), .attr("role", "alert")) {
                    p { strong { s.quotations.linkEmailFailed } }
                    p { "\(s.quotations.linkEmailReason): \(error)" }
                    p { s.quotations.linkEmailFix }
                }
            case .pending(let error?):
                p(.class("notice")) { "\(s.quotations.linkEmailRetrying) \(s.quotations.linkEmailReason): \(error)" }
            case .pending(nil):
                p(.class("hint")) { s.quotations.linkEmailQueued }
            case .sent, .unknown:
                p(.class("hint")) { s.quotations.linkEmailSent }
            }
            p {
                "\(s.quotations.linkValidUntil) \(DisplayFormat.dateTime(link.expiresAt))"
                if link.expired {
                    " "
                    span(.class("badge bad")) { s.quotations.linkExpired }
                }
            }
            p {
                if let first = link.firstViewedAt {
                    s.quotations.linkOpened(link.viewCount, first: DisplayFormat.dateTime(first))
                } else {
                    s.quotations.linkNotOpened
                }
            }
        }
    }

    static func actions(_ model: Model, _ admin: AdminPage) -> Node {
        let s = admin.strings
        let h = model.header
        let state = h.state
        let csrf = admin.csrfToken
        let version = [("version", String(h.version))]
        return section(.class("card quotation-actions"), .id("send")) {
            Fields.summary(model.sendForm, s)
            if state == .draft {
                h2 { s.quotations.sendHeading }
                p(.class("hint")) { s.quotations.sendText }
                sendForm(model, admin, label: s.quotations.sendButton, style: "button")
            }
            if state == .sent, let link = model.link, !link.expired {
                div(.class("action")) {
                    p(.class("hint")) { s.quotations.resendText }
                    if let change = model.recipientChange {
                        Fields.post(.admin(.quotations(.resend(h.id))), csrf: csrf) {
                            recipientReason(change, model, admin)
                            button(.class("button secondary"), .attr("type", "submit")) { s.quotations.resend }
                        }
                    } else {
                        Fields.postButton(.admin(.quotations(.resend(h.id))), s.quotations.resend, csrf: csrf)
                    }
                }
            }
            if state.editingMakesNewVersion {
                div(.class("action")) {
                    p(.class("hint")) { s.quotations.reopenText }
                    Fields.postButton(
                        .admin(.quotations(.update(h.id))), s.quotations.reopen, csrf: csrf,
                        style: state == .sent ? "button secondary" : "button",
                        fields: version + [("action", "reopen")])
                }
                div(.class("action")) {
                    p(.class("hint")) { s.quotations.sendNewVersionText }
                    sendForm(model, admin, label: s.quotations.sendNewVersion, style: "button secondary")
                }
            }
            element("details", [.class("more-actions")]) {
                element("summary", []) { s.quotations.moreActions }
                div(.class("action")) {
                    Fields.postButton(.admin(.quotations(.duplicate(h.id))), s.quotations.duplicate, csrf: csrf)
                }
                if state.canTransition(to: .void) {
                    div(.class("action")) {
                        p(.class("hint")) { s.quotations.voidText }
                        Fields.postButton(
                            .admin(.quotations(.void(h.id))), s.quotations.void, csrf: csrf, style: "button danger")
                    }
                }
            }
        }
    }

    /// The send form: the version the page shows and, when stock is short, the reason.
    static func sendForm(_ model: Model, _ admin: AdminPage, label: String, style: String) -> Node {
        let s = admin.strings
        let h = model.header
        return Fields.post(.admin(.quotations(.send(h.id))), csrf: admin.csrfToken) {
            Fields.hidden("version", String(h.version))
            if !model.shortages.isEmpty {
                div(.class("flash warning"), .attr("role", "status")) {
                    p { strong { s.quotations.shortageHeading } }
                    ul {
                        for item in model.shortages {
                            li { s.quotations.shortageItem(item.name, requested: item.requested, free: item.available) }
                        }
                    }
                }
                Fields.textarea(
                    "shortage_reason", s.quotations.shortageReason, model.sendForm, rows: 3,
                    hint: s.quotations.shortageReasonHint)
            }
            if let change = model.recipientChange { recipientReason(change, model, admin) }
            button(.class(style), .attr("type", "submit")) { label }
        }
    }

    /// The warning and the reason field when the link would go to another address than before.
    static func recipientReason(_ change: Model.RecipientChange, _ model: Model, _ admin: AdminPage) -> Node {
        let s = admin.strings
        return .fragment([
            div(.class("flash warning"), .attr("role", "status")) {
                p { s.quotations.recipientChanged(from: change.from, to: change.to) }
            },
            Fields.textarea("recipient_reason", s.quotations.recipientReasonLabel, model.sendForm, rows: 2),
        ])
    }

    static func versions(_ model: Model, _ admin: AdminPage) -> Node {
        let s = admin.strings
        return section(.class("card versions"), .id("versions")) {
            h2 { s.quotations.versionsHeading }
            if model.versions.isEmpty {
                p(.class("hint")) { s.quotations.versionsNone }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { s.quotations.versionColumn }
                                th(.attr("scope", "col")) { s.quotations.columnState }
                                th(.attr("scope", "col")) { s.quotations.sentColumn }
                                th(.attr("scope", "col")) { s.quotations.sentByColumn }
                                th(.attr("scope", "col"), .class("number")) { s.quotations.columnTotal }
                                th(.attr("scope", "col")) { "SHA-256" }
                            }
                        }
                        tbody {
                            for version in model.versions {
                                tr {
                                    td {
                                        a(
                                            .href(
                                                SafeURL(
                                                    .admin(
                                                        .quotations(.version(model.header.id, version: version.number)))
                                                ))
                                        ) {
                                            "\(s.quotations.versionColumn) \(version.number)"
                                        }
                                    }
                                    td {
                                        QuotationBits.badge(version.state, s)
                                        if version.declined && version.state != .declined {
                                            " "
                                            span(.class("badge bad")) { s.quotations.versionState(.declined) }
                                        }
                                    }
                                    td { version.sentAt.map(DisplayFormat.dateTime) ?? "–" }
                                    td { version.sentBy ?? "" }
                                    td(.class("number")) { version.total.formatted(admin.language) }
                                    td { code(.class("sha")) { version.sha256 } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
