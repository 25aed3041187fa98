import Domain
import Routing

/// `/`: what the product is, where customers with a signing link get help, where staff sign in.
public enum HomePage {
    public static func render(_ context: PageContext) -> [UInt8] {
        let s = context.strings
        return Layout.page(title: s.homeTitle, context: context) {
            section(.class("hero")) {
                h1 { context.company.name }
                p(.class("lead")) { s.homeLead }
            }
            div(.class("cards")) {
                section(.class("card")) {
                    h2 { s.homeCustomersHeading }
                    p { s.homeCustomersText }
                    a(.class("button"), .href(SafeURL(.site(.signingHelp)))) { s.homeCustomersLink }
                }
                section(.class("card")) {
                    h2 { s.homeStaffHeading }
                    p { s.homeStaffText }
                    a(.class("button secondary"), .href(SafeURL(.admin(.account(.login(next: nil)))))) {
                        s.homeStaffLink
                    }
                }
            }
        }.rendered()
    }
}
