import Domain
import Routing

/// `/help/signing`: for customers who received a signing link.
public enum SigningHelpPage {
    public static func render(_ context: PageContext) -> [UInt8] {
        let s = context.strings
        let company = context.company
        return Layout.page(title: s.signingHelpTitle, context: context) {
            h1 { s.signingHelpTitle }
            ol(.class("steps")) {
                for step in s.signingHelpSteps { li { step } }
            }
            p { s.signingHelpExpired }
            if !company.email.isEmpty || !company.phone.isEmpty {
                p {
                    strong { "\(s.footerContact): " }
                    if !company.email.isEmpty { a(.href(SafeURL(mailto: company.email))) { company.email } }
                    if !company.email.isEmpty && !company.phone.isEmpty { " · " }
                    if !company.phone.isEmpty { company.phone }
                }
            }
        }.rendered()
    }
}
