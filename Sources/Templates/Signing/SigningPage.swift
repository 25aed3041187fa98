public import Domain
public import Foundation
public import Routing
public import Sanitizer

/// `/sign/{token}`: the agreement exactly as frozen in the version the link is bound to, or the
/// page for the link's state. Mobile first: one column, the table scrolls inside itself on
/// narrow screens, nothing on the page needs JavaScript.
public enum SigningPage {
    /// The link's state as the page shows it.
    public enum LinkState: Sendable, Equatable {
        case valid
        case signed(bookingNumber: String, signedAt: Date)
        case declined
        case expired
        case voided
    }

    /// What the signing form shows: the values typed so far and the errors next to their fields.
    public struct Form: Sendable {
        public enum Field: String, Sendable, Hashable { case name, email, typed, strokes, consent, form }
        public var action: Route
        public var formToken: String
        public var name: String
        public var email: String
        public var typed: String
        public var consent: Bool
        public var errors: [Field: String]

        public init(
            action: Route, formToken: String, name: String, email: String, typed: String = "", consent: Bool = false,
            errors: [Field: String] = [:]
        ) {
            self.action = action
            self.formToken = formToken
            self.name = name
            self.email = email
            self.typed = typed
            self.consent = consent
            self.errors = errors
        }
    }

    /// The page. `agreementHTML`, when given, is `agreementHTML(…)` of the same version and
    /// language rendered earlier (the frozen agreement never changes, so callers may keep it).
    public static func render(
        state: LinkState, snapshot: QuotationSnapshot, snapshotSHA256: String, terms: SanitizedHTML,
        agreementHTML: RenderedHTML? = nil, form: Form? = nil, context: PageContext
    ) -> [UInt8] {
        let s = context.strings
        let title = "\(s.signing.quotation) \(snapshot.number)"
        let agreement =
            agreementHTML.map(Node.rendered)
            ?? agreement(snapshot, sha256: snapshotSHA256, terms: terms, s: s, language: context.language)
        return Layout.page(title: title, context: context) {
            switch state {
            case .valid:
                agreement
                if case .signing(.submit(let token))? = form?.action {
                    p { a(.href(SafeURL(.signing(.offer(token: token))))) { s.signing.offerLink } }
                }
                if let form {
                    signingForm(form, company: snapshot.company.name, s: s)
                    declineForm(form, s: s)
                }
            case .signed(let booking, let signedAt):
                notice(s.signing.signedTitle, s.signing.signedText(booking, DisplayFormat.dateTime(signedAt)), context)
                if case .signing(.submit(let token))? = form?.action {
                    p {
                        a(.class("button"), .href(SafeURL(.signing(.document(token: token))))) {
                            s.signing.documentLink
                        }
                    }
                }
                agreement
            case .declined:
                notice(s.signing.declinedTitle, s.signing.declinedText, context)
            case .expired:
                notice(s.signing.expiredTitle, s.signing.expiredText, context)
            case .voided:
                notice(s.signing.voidedTitle, s.signing.voidedText, context)
            }
        }.rendered()
    }

    /// After signing: thanks and the booking number.
    /// Thanks, the signed PDF, and a check of a copy of it: the customer uploads the file they
    /// were given and learns whether the company's seal on it holds (`check`, after an upload).
    public static func renderDone(
        bookingNumber: String, document: Route, verify: Route, check: SealCheckView? = nil,
        checkError: String? = nil, context: PageContext
    ) -> [UInt8] {
        let s = context.strings
        return Layout.page(title: s.signing.doneTitle, context: context) {
            notice(s.signing.doneTitle, s.signing.doneText(bookingNumber), context)
            p { a(.class("button"), .href(SafeURL(document))) { s.signing.documentLink } }
            section(.class("seal-check"), .id("check")) {
                h2 { s.signing.checkHeading }
                p { s.signing.checkIntro }
                if let check { sealResult(check, s: s) }
                if let checkError { p(.class("field-error"), .attr("role", "alert")) { checkError } }
                element(
                    "form",
                    [
                        .action(SafeURL(verify)), .attr("method", "post"), .attr("enctype", "multipart/form-data"),
                    ]
                ) {
                    div(.class("field")) {
                        label(.attr("for", "document")) { s.signing.checkFile }
                        void(
                            "input",
                            [
                                .attr("type", "file"), .id("document"), .attr("name", "document"),
                                .attr("accept", "application/pdf,.pdf"), .attr("required", ""),
                            ])
                    }
                    button(.attr("type", "submit")) { s.signing.checkButton }
                }
            }
        }.rendered()
    }

    private static func sealResult(_ check: SealCheckView, s: Strings) -> Node {
        let good = check.verdict == .valid && check.matchesThisAgreement
        return div(.class(good ? "seal-result seal-valid" : "seal-result seal-invalid"), .attr("role", "status")) {
            p { strong { s.signing.checkVerdict(check.verdict, matches: check.matchesThisAgreement) } }
            if check.verdict == .valid {
                dl {
                    dt { s.signing.checkSealedBy }
                    dd { check.signer }
                    if let time = check.sealedAt {
                        dt { s.signing.checkSealedAt }
                        dd { DisplayFormat.dateTime(time) + " (" + check.sealedAtUTC + ")" }
                    }
                    if let hash = check.versionSHA256 {
                        dt { s.signing.documentHash }
                        dd(.class("hash")) { hash }
                    }
                }
            }
        }
    }

    /// The signed PDF is still being rendered by the worker.
    public static func renderPreparing(context: PageContext) -> [UInt8] {
        let s = context.strings
        return Layout.page(title: s.signing.preparingTitle, context: context) {
            notice(s.signing.preparingTitle, s.signing.preparingText, context)
        }.rendered()
    }

    /// Signing refused because stock ran out between sending and signing.
    public static func renderUnavailable(context: PageContext) -> [UInt8] {
        let s = context.strings
        return Layout.page(title: s.signing.unavailableTitle, context: context) {
            notice(s.signing.unavailableTitle, s.signing.unavailableText, context)
        }.rendered()
    }

    /// Typed signature, consent, sign: works without JavaScript. Errors stand next to their fields.
    private static func signingForm(_ form: Form, company: String, s: Strings) -> Node {
        func error(_ field: Form.Field) -> Node {
            guard let message = form.errors[field] else { return .fragment([]) }
            return p(.class("field-error"), .id("error-\(field.rawValue)")) { message }
        }
        func described(_ field: Form.Field) -> [Attribute] {
            form.errors[field] == nil
                ? [] : [.attr("aria-describedby", "error-\(field.rawValue)"), .attr("aria-invalid", "true")]
        }
        return section(.class("sign-form"), .id("sign")) {
            h2 { s.signing.formHeading }
            if !form.errors.isEmpty {
                div(.class("form-errors"), .attr("role", "alert")) {
                    p { strong { s.signing.errorsHeading } }
                    error(.form)
                }
            }
            element("form", [.action(SafeURL(form.action)), .attr("method", "post"), .attr("novalidate", "")]) {
                void("input", [.attr("type", "hidden"), .attr("name", "form_token"), .attr("value", form.formToken)])
                void("input", [.attr("type", "hidden"), .attr("name", "method"), .attr("value", "typed")])
                void("input", [.attr("type", "hidden"), .attr("name", "strokes"), .attr("value", "")])
                div(.class("field")) {
                    label(.attr("for", "signer_name")) { s.signing.name }
                    void(
                        "input",
                        [
                            .attr("type", "text"), .id("signer_name"), .attr("name", "signer_name"),
                            .attr("autocomplete", "name"), .attr("value", form.name), .attr("maxlength", "200"),
                        ] + described(.name))
                    error(.name)
                }
                div(.class("field")) {
                    label(.attr("for", "signer_email")) { s.signing.email }
                    void(
                        "input",
                        [
                            .attr("type", "email"), .id("signer_email"), .attr("name", "signer_email"),
                            .attr("autocomplete", "email"), .attr("value", form.email), .attr("maxlength", "254"),
                        ] + described(.email))
                    error(.email)
                }
                // Filled by static/app.js when JavaScript runs; hidden otherwise.
                div(
                    .class("field signature-pad"), .attr("hidden", ""), .data("data-signature-pad", ""),
                    .data("data-canvas-label", s.signing.drawLabel), .data("data-undo-label", s.signing.undo),
                    .data("data-clear-label", s.signing.clear)
                ) {
                    p { strong { s.signing.draw } }
                    error(.strokes)
                }
                div(.class("field")) {
                    label(.attr("for", "typed_signature")) { s.signing.typed }
                    void(
                        "input",
                        [
                            .attr("type", "text"), .id("typed_signature"), .attr("name", "typed_signature"),
                            .class("typed-signature"), .attr("autocomplete", "off"), .attr("value", form.typed),
                            .attr("maxlength", "200"),
                        ] + described(.typed))
                    p(.class("hint")) { s.signing.typedHint }
                    error(.typed)
                }
                div(.class("field consent")) {
                    void(
                        "input",
                        [.attr("type", "checkbox"), .id("consent"), .attr("name", "consent"), .attr("value", "yes")]
                            + (form.consent ? [.flag("checked")] : []) + described(.consent))
                    label(.attr("for", "consent")) { s.signing.consent(company) }
                    error(.consent)
                }
                button(.attr("type", "submit"), .class("button sign-button")) { s.signing.button }
            }
        }
    }

    /// Declining, folded away under the sign form; works without JavaScript (`<details>`).
    private static func declineForm(_ form: Form, s: Strings) -> Node {
        guard case .signing(.submit(let token)) = form.action else { return .fragment([]) }
        return element("details", [.class("decline")]) {
            element("summary", []) { s.signing.declineSummary }
            element("form", [.action(SafeURL(.signing(.decline(token: token)))), .attr("method", "post")]) {
                void("input", [.attr("type", "hidden"), .attr("name", "form_token"), .attr("value", form.formToken)])
                div(.class("field")) {
                    label(.attr("for", "decline_reason")) { s.signing.declineReason }
                    element(
                        "textarea",
                        [
                            .id("decline_reason"), .attr("name", "reason"), .attr("rows", "3"),
                            .attr("maxlength", "2000"),
                        ]
                    ) {}
                }
                button(.attr("type", "submit"), .class("button secondary")) { s.signing.declineButton }
            }
        }
    }

    /// A link that matches nothing (wrong or never issued: the same page for both).
    public static func renderUnknown(context: PageContext) -> [UInt8] {
        let s = context.strings
        return Layout.page(title: s.signing.unknownTitle, context: context) {
            notice(s.signing.unknownTitle, s.signing.unknownText, context)
        }.rendered()
    }

    private static func notice(_ heading: String, _ text: String, _ context: PageContext) -> Node {
        let company = context.company
        return section(.class("notice")) {
            h1 { heading }
            p { text }
            if !company.email.isEmpty || !company.phone.isEmpty {
                p {
                    "\(context.strings.signing.contact): "
                    if !company.email.isEmpty { a(.href(SafeURL(mailto: company.email))) { company.email } }
                    if !company.email.isEmpty && !company.phone.isEmpty { " · " }
                    if !company.phone.isEmpty { company.phone }
                }
            }
        }
    }

    /// The frozen agreement in `language`, rendered for `render(…agreementHTML:)`.
    public static func agreementHTML(
        _ snapshot: QuotationSnapshot, sha256: String, terms: SanitizedHTML, language: Language
    ) -> RenderedHTML {
        agreement(snapshot, sha256: sha256, terms: terms, s: Strings(language), language: language).renderedFragment()
    }

    /// The frozen agreement as the customer reads it; the staff's version page shows the same.
    static func agreement(
        _ snapshot: QuotationSnapshot, sha256: String, terms: SanitizedHTML, s: Strings, language: Language
    ) -> Node {
        let totals = snapshot.totals
        let money = { (amount: Money) in amount.formatted(language) }
        return element("article", [.class("agreement")]) {
            header(.class("agreement-head")) {
                p(.class("company")) { snapshot.company.name }
                h1 {
                    "\(s.signing.quotation) \(snapshot.number)"
                    small { " · \(s.signing.version) \(snapshot.version)" }
                }
                if let title = snapshot.title, !title.isEmpty { p(.class("event-title")) { title } }
            }
            dl(.class("facts")) {
                dt { s.signing.customer }
                dd {
                    snapshot.customer.displayName
                    if snapshot.customer.kind == .company && !snapshot.customer.name.isEmpty {
                        void("br", [])
                        snapshot.customer.name
                    }
                }
                dt { s.signing.period }
                dd {
                    "\(snapshot.period.start.iso) – \(snapshot.period.end.iso) (\(s.signing.days(snapshot.period.days)))"
                }
                dt { s.signing.deliveryAddress }
                dd { snapshot.deliveryAddress.printedLines.joined(separator: ", ") }
                // The customer-visible custom fields, as frozen into this version.
                for field in snapshot.customFields ?? [] {
                    dt { field.label }
                    dd(.data("data-custom-field", field.key)) { field.value }
                }
            }
            div(.class("table-scroll")) {
                table(.class("lines")) {
                    thead {
                        tr {
                            th(.attr("scope", "col")) { s.signing.item }
                            th(.attr("scope", "col"), .class("num")) { s.signing.quantity }
                            th(.attr("scope", "col"), .class("num")) { s.signing.daysColumn }
                            th(.attr("scope", "col"), .class("num unit")) { s.signing.unitPrice }
                            th(.attr("scope", "col"), .class("num")) { s.signing.lineTotal }
                        }
                    }
                    tbody {
                        for priced in totals.lines {
                            tr {
                                td { priced.line.description }
                                td(.class("num")) { String(priced.line.quantity) }
                                td(.class("num")) { String(priced.days) }
                                td(.class("num unit")) { money(priced.line.unitPrice) }
                                td(.class("num")) { money(priced.total) }
                            }
                        }
                    }
                }
            }
            dl(.class("totals")) {
                dt { s.signing.subtotal }
                dd { money(totals.linesSubtotal) }
                if !totals.discount.isZero {
                    dt { s.signing.discount }
                    dd { "−" + money(totals.discount) }
                }
                if !totals.shipping.isZero {
                    dt { s.signing.shipping }
                    dd { money(totals.shipping) }
                }
                dt { s.signing.net }
                dd { money(totals.net) }
                dt { s.signing.vat(totals.vatRate.formatted(language)) }
                dd { money(totals.vat) }
                dt(.class("grand")) { s.signing.total }
                dd(.class("grand")) { money(totals.total) }
            }
            p(.class("valid-until")) { "\(s.signing.validUntil) \(snapshot.validUntil.iso)." }
            if !terms.markup.isEmpty {
                section(.class("terms")) {
                    h2 { s.signing.terms }
                    Node.sanitized(terms)
                }
            }
            p(.class("checksum")) {
                small {
                    "\(s.signing.documentHash): "
                    code { sha256 }
                }
            }
        }
    }
}
