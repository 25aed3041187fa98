import Domain
import Routing

/// The friendly page for 400, 403, 404, 405, 413, 429, 500 and 503: what happened in the user's
/// language, the reason when there is one (400, 413), and the request ID to quote to support.
/// Nothing internal (no error text, no stack) ever reaches it.
public enum ErrorPage {
    public static func render(status: Int, reason: String? = nil, requestID: String, context: PageContext) -> [UInt8] {
        let s = context.strings
        return Layout.page(title: s.errorTitle(status), context: context) {
            section(.class("error-page")) {
                p(.class("status-code")) { String(status) }
                h1 { s.errorTitle(status) }
                p { s.errorText(status) }
                if let reason {
                    p(.class("reason")) {
                        strong { "\(s.errorReasonHeading): " }
                        reason
                    }
                }
                p(.class("request-id")) {
                    small {
                        "\(s.errorRequestID): "
                        code { requestID }
                    }
                }
                p { a(.class("button"), .href(SafeURL(.site(.home)))) { s.backToHome } }
            }
        }.rendered()
    }
}
