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

extension ErrorPage {
    /// The statuses nginx answers itself, from files in static/errors.
    public static let staticStatuses = [400, 413, 429, 503]

    /// The page nginx sends itself for `status` (400, 413, 429 and 503), rendered ahead of time
    /// by `eventgaraget error-pages` into static/errors: a request nginx refuses never reaches
    /// the responder, and when the responder is down there is nobody else to render it. The
    /// same layout and words as `render`, in both languages on one page (nginx does not know
    /// the visitor's), with the neutral company name and no request ID (the response's
    /// `X-Request-ID` header carries it). The 413 page names `maxBodyBytes`, which must be
    /// nginx's `client_max_body_size`.
    public static func renderStatic(status: Int, maxBodyBytes: Int, assets: AssetCatalog) -> [UInt8] {
        let context = PageContext(language: .sv, currentPath: .root, assets: assets, company: .fallback)
        let sv = Strings(.sv)
        let en = Strings(.en)
        return Layout.page(title: "\(sv.errorTitle(status)) · \(en.errorTitle(status))", context: context) {
            section(.class("error-page")) {
                p(.class("status-code")) { String(status) }
                h1 { sv.errorTitle(status) }
                p { sv.errorText(status) }
                if status == 413 { p(.class("reason")) { sv.reasonTooLarge(limitBytes: maxBodyBytes) } }
                h2(.attr("lang", "en")) { en.errorTitle(status) }
                p(.attr("lang", "en")) { en.errorText(status) }
                if status == 413 {
                    p(.class("reason"), .attr("lang", "en")) { en.reasonTooLarge(limitBytes: maxBodyBytes) }
                }
                p { a(.class("button"), .href(SafeURL(.site(.home)))) { "\(sv.backToHome) · \(en.backToHome)" } }
            }
        }.rendered()
    }
}
