import Domain
public import Routing

/// `/admin/login`: email and password, in the public layout (nobody is signed in yet).
public enum LoginPage {
    public static func render(
        form: FormState, loginToken: String, next: LocalPath?, flash: Flash?, context: PageContext
    ) -> [UInt8] {
        let s = context.strings
        return Layout.page(title: s.staff.loginTitle, context: context) {
            section(.class("login card")) {
                h1 { s.staff.loginTitle }
                if let flash { div(.class("flash"), .attr("role", "status")) { s.flashText(flash) } }
                Fields.summary(form, s)
                element(
                    "form",
                    [.class("admin-form"), .attr("method", "post"), .action(SafeURL(.admin(.account(.loginSubmit))))]
                ) {
                    Fields.hidden("_login", loginToken)
                    if let next { Fields.hidden("next", next.value) }
                    Fields.text(
                        "email", s.staff.emailLabel, form, type: "email", required: true,
                        extra: [.attr("autocomplete", "username"), .attr("autofocus", "autofocus")])
                    Fields.text(
                        "password", s.staff.passwordLabel, form, type: "password", required: true,
                        extra: [.attr("autocomplete", "current-password")])
                    button(.class("button"), .attr("type", "submit")) { s.staff.loginButton }
                }
            }
        }.rendered()
    }
}
