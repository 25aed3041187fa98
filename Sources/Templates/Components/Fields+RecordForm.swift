import Routing

extension Fields {
    /// A record's create or edit form (customer, product, add-on): the problem summary, then a POST
    /// to `action` with the CSRF token, the `version` an edit was loaded at, the fields, and Save and
    /// Cancel (back to `back`).
    static func recordForm(
        _ action: Route, editing: Bool, form: FormState, save: String, back: Route, _ admin: AdminPage,
        @NodeBuilder fields: () -> [Node]
    ) -> Node {
        let s = admin.strings
        return .fragment([
            summary(form, s),
            post(action, csrf: admin.csrfToken) {
                if editing { hidden("version", form["version"]) }
                fields()
                div(.class("actions")) {
                    button(.class("button"), .attr("type", "submit")) { save }
                    a(.class("button secondary"), .href(SafeURL(back))) { s.cancel }
                }
            },
        ])
    }
}
