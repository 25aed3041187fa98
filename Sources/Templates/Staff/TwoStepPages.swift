public import Domain
public import Foundation
public import Routing

/// `/admin/login/code`: the code after the password, for members with two-step verification.
public enum LoginCodePage {
    public static func render(form: FormState, context: PageContext) -> [UInt8] {
        let s = context.strings
        return Layout.page(title: s.staff.codeTitle, context: context) {
            section(.class("login card")) {
                h1 { s.staff.codeTitle }
                p { s.staff.codeText }
                Fields.summary(form, s)
                element(
                    "form",
                    [
                        .class("admin-form"), .attr("method", "post"),
                        .action(SafeURL(.admin(.account(.loginCodeSubmit)))),
                    ]
                ) {
                    Fields.text(
                        "code", s.staff.codeLabel, form, required: true, hint: s.staff.codeHint,
                        extra: [
                            .attr("autocomplete", "one-time-code"), .attr("autofocus", "autofocus"),
                            .attr("autocapitalize", "characters"), .attr("spellcheck", "false"),
                        ])
                    button(.class("button"), .attr("type", "submit")) { s.staff.codeButton }
                }
                p { a(.href(SafeURL(.admin(.account(.login(next: nil)))))) { s.staff.codeStartOver } }
            }
        }.rendered()
    }
}

/// `/admin/account/two-step`: set up two-step verification with an authenticator app, see
/// that it is on and how many recovery codes are left, turn it off; the recovery codes once.
public enum TwoStepPage {
    /// Where the member stands.
    public enum State: Sendable {
        case off(required: Bool)
        /// Being set up: the QR code's modules, the secret in base32 for typing in by hand.
        case settingUp(qr: QRModules, secret: String)
        case on(since: Date, recoveryCodesLeft: Int)
        /// Just turned on: the recovery codes, shown this once.
        case justEnabled(recoveryCodes: [String])
    }

    /// A QR code's dark modules, row by row (from `Passwords.QRCode`).
    public struct QRModules: Sendable {
        public let width: Int
        public let dark: [Bool]
        public init(width: Int, dark: [Bool]) {
            self.width = width
            self.dark = dark
        }
    }

    public static func render(_ state: State, form: FormState, admin: AdminPage) -> [UInt8] {
        let s = admin.strings
        let csrf = admin.csrfToken
        return AdminLayout.page(title: s.staff.twoStepTitle, admin) {
            h1 { s.staff.twoStepTitle }
            p { s.staff.twoStepText }
            section(.class("card two-step")) {
                Fields.summary(form, s)
                switch state {
                case .off(let required):
                    if required {
                        div(.class("flash warning"), .attr("role", "status")) { p { s.staff.twoStepRequired } }
                    }
                    p { s.staff.twoStepOff }
                    Fields.post(.admin(.account(.twoStepBegin)), csrf: csrf) {
                        button(.class("button"), .attr("type", "submit")) { s.staff.twoStepBegin }
                    }
                case .settingUp(let qr, let secret):
                    ol {
                        li { s.staff.twoStepScan }
                        li { s.staff.twoStepTypeCode }
                    }
                    qrCode(qr, label: s.staff.twoStepQRLabel)
                    p {
                        "\(s.staff.twoStepSecret) "
                        code(.class("two-step-secret")) { grouped(secret) }
                    }
                    Fields.post(.admin(.account(.twoStepConfirm)), csrf: csrf) {
                        Fields.text(
                            "code", s.staff.codeLabel, form, required: true,
                            extra: [.attr("autocomplete", "one-time-code"), .attr("inputmode", "numeric")])
                        button(.class("button"), .attr("type", "submit")) { s.staff.twoStepConfirm }
                    }
                case .justEnabled(let codes):
                    div(.class("flash"), .attr("role", "status")) { p { strong { s.staff.twoStepEnabled } } }
                    p { s.staff.recoveryCodesShownOnce }
                    ul(.class("recovery-codes")) { for code in codes { li { element("code", []) { code } } } }
                case .on(let since, let left):
                    p { s.staff.twoStepOn(since: DisplayFormat.date(since), recoveryCodesLeft: left) }
                    h2 { s.staff.twoStepDisableHeading }
                    Fields.post(.admin(.account(.twoStepDisable)), csrf: csrf) {
                        Fields.text(
                            "current_password", s.staff.currentPasswordLabel, form, type: "password", required: true,
                            extra: [.attr("autocomplete", "current-password")])
                        Fields.text(
                            "code", s.staff.codeLabel, form, required: true, hint: s.staff.codeHint,
                            extra: [.attr("autocomplete", "one-time-code")])
                        button(.class("button secondary"), .attr("type", "submit")) { s.staff.twoStepDisable }
                    }
                }
            }
        }.rendered()
    }

    /// The QR code as inline SVG: one path of unit squares, a quiet zone of four modules.
    static func qrCode(_ qr: QRModules, label: String) -> Node {
        var path = ""
        for row in 0..<qr.width {
            for column in 0..<qr.width where qr.dark[row * qr.width + column] {
                path += "M\(column + 4) \(row + 4)h1v1h-1z"
            }
        }
        let size = qr.width + 8
        return element(
            "svg",
            [
                .class("qr-code"), .attr("viewBox", "0 0 \(size) \(size)"), .attr("role", "img"),
                .attr("aria-label", label), .attr("xmlns", "http://www.w3.org/2000/svg"),
                .attr("shape-rendering", "crispEdges"),
            ]
        ) {
            void("rect", [.attr("width", String(size)), .attr("height", String(size)), .attr("fill", "#fff")])
            void("path", [.attr("d", path), .attr("fill", "#000")])
        }
    }

    /// `ABCD EFGH IJKL …`: a secret in groups of four, easier to type.
    static func grouped(_ secret: String) -> String {
        var groups: [Substring] = []
        var rest = Substring(secret)
        while !rest.isEmpty {
            groups.append(rest.prefix(4))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }
}
