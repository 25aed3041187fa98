import Domain
import Routing

/// The staff layout: the same document shell as the public pages, with the section navigation
/// (only what the member's role may open), the member's name, the sign-out button and the flash.
enum AdminLayout {
    /// The sections of the navigation, in order: where each leads (printed once, it never changes)
    /// and who may open it.
    struct Section: Sendable {
        let route: Route
        let path: String
        let access: Access
        let label: @Sendable (Strings) -> String
    }

    static let sections: [Section] = [
        section(.admin(.dashboard(.show))) { $0.navDashboard },
        section(.admin(.tasks(.mine(.open)))) { $0.tasks.myTasks },
        section(.admin(.inbox(.list(InboxQuery())))) { $0.inbox.title },
        section(.admin(.quotations(.list(QuotationListQuery())))) { $0.navQuotations },
        section(.admin(.bookings(.list(BookingListQuery())))) { $0.navBookings },
        section(.admin(.bookings(.calendar(CalendarQuery())))) { $0.navCalendar },
        section(.admin(.invoices(.list))) { $0.navInvoices },
        section(.admin(.reports(.index))) { $0.navReports },
        section(.admin(.bookkeeping(.show(ReportQuery())))) { $0.bookkeeping.title },
        section(.admin(.customers(.list(CustomerListQuery())))) { $0.navCustomers },
        section(.admin(.products(.list(CatalogListQuery())))) { $0.navProducts },
        section(.admin(.addons(.list(CatalogListQuery())))) { $0.navAddons },
        section(.admin(.activity(.list(ActivityQuery())))) { $0.navActivity },
        section(.admin(.automation(.overview(eventType: nil)))) { $0.navAutomation },
        section(.admin(.structure(.tree))) { $0.structure.title },
        section(.admin(.forms(.list))) { $0.tasks.formsTitle },
        section(.admin(.fields(.list))) { $0.customFields.title },
        section(.admin(.users(.list))) { $0.navUsers },
        section(.admin(.settings(.show))) { $0.navSettings },
    ]

    private static func section(_ route: Route, label: @escaping @Sendable (Strings) -> String) -> Section {
        Section(route: route, path: route.path, access: route.access, label: label)
    }

    /// - Parameter live: the page refreshes its content when something changes (`/admin/live`,
    ///   an EventSource that `app.js` opens; without JavaScript the page is simply static).
    static func page(
        title pageTitle: String, _ admin: AdminPage, live: Bool = false, @NodeBuilder content: () -> [Node]
    ) -> Node {
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
                element(
                    "body", [.class("admin")] + (live ? [.attr("data-live", Route.admin(.dashboard(.live)).path)] : [])
                ) {
                    a(.class("skip-link"), .href(SafeURL(fragment: "main"))) { s.skipToContent }
                    header(.class("site-header admin-header")) {
                        a(.class("brand"), .href(SafeURL(.admin(.dashboard(.show))))) {
                            if let logo = SafeURL.logo(context.company) {
                                void("img", [.src(logo), .attr("alt", ""), .class("brand-logo")])
                            }
                            context.company.name
                        }
                        nav(.class("admin-nav"), .attr("aria-label", s.navLabel)) {
                            for section in sections where section.access.allows(admin.user.role) {
                                let path = section.path
                                let isCurrent = path == "/admin" ? current == "/admin" : current.hasPrefix(path)
                                a(
                                    .href(SafeURL(printed: section.route, path: path)),
                                    isCurrent ? .attr("aria-current", "page") : .class("")
                                ) {
                                    section.label(s)
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
