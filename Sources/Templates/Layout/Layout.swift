import Domain
import Routing

/// The one layout: doctype, language, viewport, one stylesheet, deferred scripts, header, main,
/// footer. Every page, error pages included, is rendered inside it.
enum Layout {
    static func page(title pageTitle: String, context: PageContext, @NodeBuilder content: () -> [Node]) -> Node {
        let s = context.strings
        return .fragment([
            .literal("<!doctype html>"),
            html(.attr("lang", context.language.rawValue)) {
                head {
                    meta(.attr("charset", "utf-8"))
                    meta(.attr("name", "viewport"), .attr("content", "width=device-width, initial-scale=1"))
                    title("\(pageTitle) · \(context.company.name)")
                    link(.attr("rel", "stylesheet"), .href(SafeURL(asset: "app.css", catalog: context.assets)))
                    element("script", [.src(SafeURL(asset: "app.js", catalog: context.assets)), .flag("defer")]) {}
                }
                body {
                    a(.class("skip-link"), .href(SafeURL(fragment: "main"))) { s.skipToContent }
                    header(.class("site-header")) {
                        a(.class("brand"), .href(SafeURL(.site(.home)))) {
                            if let logo = SafeURL.logo(context.company) {
                                void("img", [.src(logo), .attr("alt", ""), .class("brand-logo")])
                            }
                            context.company.name
                        }
                        nav(.attr("aria-label", s.t("Språk", "Language"))) {
                            a(
                                .href(SafeURL(.site(.switchLanguage(s.otherLanguage, returnTo: context.currentPath)))),
                                .attr("hreflang", s.otherLanguage.rawValue), .attr("lang", s.otherLanguage.rawValue)
                            ) { s.switchLanguageLabel }
                        }
                    }
                    main(.id("main"), .attr("tabindex", "-1")) { content() }
                    footer(.class("site-footer")) { companyFooter(context) }
                }
            },
        ])
    }

    private static func companyFooter(_ context: PageContext) -> [Node] {
        let company = context.company
        let s = context.strings
        return [
            p {
                strong { company.name }
                if !company.organisationNumber.isEmpty {
                    " · \(s.organisationNumberLabel) \(company.organisationNumber)"
                }
            },
            p {
                if !company.address.isEmpty { span { company.address } }
                if company.address.isEmpty && company.email.isEmpty && company.phone.isEmpty { s.footerTagline }
                if !company.email.isEmpty {
                    " · "
                    a(.href(SafeURL(mailto: company.email))) { company.email }
                }
                if !company.phone.isEmpty { " · \(company.phone)" }
            },
        ]
    }
}
