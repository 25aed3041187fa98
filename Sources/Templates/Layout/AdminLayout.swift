import Domain
import Routing

/// The staff layout: the same document shell as the public pages, with the section navigation
/// (only what the member's role may open), the member's name, the sign-out button and the flash.
enum AdminLayout {
    /// The sections of the navigation, in order.
    static func sections(_ s: Strings) -> [(Route, String)] {
        [
            (.admin(.dashboard(.show)), s.navDashboard),
            (.admin(.quotations(.list(QuotationListQuery()))), s.navQuotations),
            (.admin(.bookings(.list(BookingListQuery()))), s.navBookings),
            (.admin(.bookings(.calendar(CalendarQuery()))), s.navCalendar),
            (.admin(.customers(.list(CustomerListQuery()))), s.navCustomers),
            (.admin(.products(.list(CatalogListQuery()))), s.navProducts),
            (.admin(.addons(.list(CatalogListQuery()))), s.navAddons),
            (.admin(.activity(.list(ActivityQuery()))), s.navActivity),
            (.admin(.users(.list)), s.navUsers), (.admin(.settings(.show)), s.navSettings),
        ]
    }

    static func page(title pageTitle: String, _ admin: AdminPage, @NodeBuilder content: () -> [Node]) -> Node {
        let s = admin.strings
        let context = admin.page
        let current = context.currentPath.value
        return .fragment([
            .literal("<!doctype html>"),
            html(.attr("lang", context.language.rawValue)) {
                head {
                    meta(.attr("charset", "utf-8"))
                    meta(.attr("name", "viewport"), .attr("content", "width=device-width, initial-scale=1"))
                    meta(.attr("name", "robots"), .attr("content", "noindex"))
                    title("\(pageTitle) · \(context.company.name)")
                    link(.attr("rel", "stylesheet"), .href(SafeURL(asset: "app.css", catalog: context.assets)))
                    element("script", [.src(SafeURL(asset: "app.js", catalog: context.assets)), .flag("defer")]) {}
                }
                body(.class("admin")) {
                    a(.class("skip-link"), .href(SafeURL(fragment: "main"))) { s.skipToContent }
                    header(.class("site-header admin-header")) {
                        a(.class("brand"), .href(SafeURL(.admin(.dashboard(.show))))) {
                            if let logo = SafeURL.logo(context.company) {
                                void("img", [.src(logo), .attr("alt", ""), .class("brand-logo")])
                            }
                            context.company.name
                        }
                        nav(.class("admin-nav"), .attr("aria-label", s.navLabel)) {
                            for (route, label) in sections(s) where admin.may(route) {
                                let path = route.path
                                let isCurrent = path == "/admin" ? current == "/admin" : current.hasPrefix(path)
                                a(.href(SafeURL(route)), isCurrent ? .attr("aria-current", "page") : .class("")) {
                                    label
                                }
                            }
                        }
                        div(.class("admin-user")) {
                            a(.href(SafeURL(.admin(.account(.show))))) { admin.user.name }
                            span(.class("role")) { " · \(s.roleName(admin.user.role))" }
                            a(
                                .href(SafeURL(.site(.switchLanguage(s.otherLanguage, returnTo: context.currentPath)))),
                                .attr("hreflang", s.otherLanguage.rawValue), .attr("lang", s.otherLanguage.rawValue)
                            ) { s.switchLanguageLabel }
                            Fields.postButton(
                                .admin(.account(.logout)), s.signOut, csrf: admin.csrfToken, style: "link-button")
                        }
                    }
                    main(.id("main"), .class("admin-main"), .attr("tabindex", "-1")) {
                        if let flash = admin.flash {
                            div(.class("flash"), .attr("role", "status")) { s.flashText(flash) }
                        }
                        content()
                    }
                }
            },
        ])
    }
}
