public import Domain
public import Foundation
import Routing

/// An incoming hook: what it turns messages into, its URL and secret once after it is made or
/// renewed, the actions, and the messages it received with what each became.
public enum IncomingHookPage {
    /// Shown once: the full URL (with its token) and the secret.
    public struct Credentials: Sendable {
        public let url: String
        public let secret: String

        public init(url: String, secret: String) {
            self.url = url
            self.secret = secret
        }
    }

    public static func render(
        hook: IncomingHook, messages: [IncomingHookMessage], credentials: Credentials? = nil, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.automation
        return AdminLayout.page(title: "\(s.hooks): \(hook.name)", admin) {
            div(.class("page-head")) {
                h1 { hook.name }
                div(.class("actions")) {
                    Fields.postButton(
                        .admin(.automation(.setHookActive(hook.id))), hook.active ? s.disable : s.enable,
                        csrf: admin.csrfToken, fields: [("active", hook.active ? "0" : "1")])
                    Fields.postButton(.admin(.automation(.renewHook(hook.id))), s.renew, csrf: admin.csrfToken)
                    Fields.postButton(
                        .admin(.automation(.removeHook(hook.id))), s.remove, csrf: admin.csrfToken,
                        style: "button danger")
                }
            }
            if let credentials {
                div(.class("notice"), .attr("role", "status")) {
                    h2 { s.hookURLTitle }
                    p { code(.class("secret")) { credentials.url } }
                    p { code(.class("secret")) { credentials.secret } }
                    p { s.hookURLOnce }
                }
            }
            dl(.class("facts")) {
                dt { s.hookKind }
                dd { s.kindName(hook.kind) }
                dt { s.status }
                dd { hook.active ? StateBadge.badge(s.active, .ok) : StateBadge.badge(s.disabled, .bad) }
                dt { s.received }
                dd { String(hook.receivedCount) }
                dt { s.lastReceived }
                dd { hook.lastReceivedAt.map(DisplayFormat.dateTime) ?? s.never }
                if hook.kind == .lead {
                    for field in LeadMapping.Field.allCases {
                        dt { s.leadField(field) }
                        dd {
                            if let path = hook.mapping.paths[field] { code { path } } else { "—" }
                        }
                    }
                }
            }
            h2 { s.messages }
            if messages.isEmpty {
                p { s.noMessages }
            } else {
                div(.class("table-scroll")) {
                    table(.class("list")) {
                        thead {
                            tr {
                                th(.attr("scope", "col")) { s.time }
                                th(.attr("scope", "col")) { s.messageID }
                                th(.attr("scope", "col")) { s.event }
                                th(.attr("scope", "col")) { s.became }
                            }
                        }
                        tbody {
                            for message in messages {
                                tr {
                                    td { DisplayFormat.dateTime(message.receivedAt) }
                                    td { code { message.messageID } }
                                    td { "#\(message.eventID)" }
                                    td { became(message, s: s) }
                                }
                            }
                        }
                    }
                }
            }
        }.rendered()
    }

    static func became(_ message: IncomingHookMessage, s: AutomationStrings) -> Node {
        var parts: [Node] = []
        if let customer = message.customerID {
            parts.append(a(.href(SafeURL(.admin(.customers(.show(CustomerID(rawValue: customer))))))) { s.customer })
        }
        if let quotation = message.quotationID {
            parts += [
                .text(" · "),
                a(.href(SafeURL(.admin(.quotations(.show(QuotationID(rawValue: quotation))))))) {
                    message.quotationNumber ?? s.quotation
                },
            ]
        } else if message.note != nil {
            parts.append(.text(" · " + s.noQuotationNoDate))
        }
        return .fragment(parts)
    }
}

/// `/admin/automation/hooks/new`: a name, what messages become, and for a lead where each field is.
public enum IncomingHookFormPage {
    public static let fieldNames = ["name", "kind"] + LeadMapping.Field.allCases.map { "path_" + $0.rawValue }

    /// The form for a new hook: a lead hook reading each field at the top level.
    public static var blank: FormState {
        var values = ["kind": IncomingHook.Kind.lead.rawValue]
        for field in LeadMapping.Field.allCases { values["path_" + field.rawValue] = field.rawValue }
        return FormState(values: values)
    }

    public static func render(form: FormState, admin: AdminPage) -> [UInt8] {
        let s = admin.strings.automation
        return AdminLayout.page(title: s.newHook, admin) {
            h1 { s.newHook }
            p(.class("lead")) { s.hooksLead }
            Fields.summary(form, admin.strings)
            Fields.post(.admin(.automation(.createHook)), csrf: admin.csrfToken) {
                Fields.text("name", s.name, form, required: true)
                Fields.select(
                    "kind", s.hookKind, form,
                    options: IncomingHook.Kind.allCases.map { ($0.rawValue, s.kindName($0)) })
                fieldset {
                    legend { s.mapping }
                    p(.class("hint")) { s.mappingHint }
                    for field in LeadMapping.Field.allCases {
                        Fields.text("path_" + field.rawValue, s.leadField(field), form)
                    }
                }
                button(.class("button"), .attr("type", "submit")) { s.create }
            }
        }.rendered()
    }
}
