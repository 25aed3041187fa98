import Routing

/// Form controls for staff pages: a label, the control with what was typed, and the error next
/// to it (`aria-invalid`, `aria-describedby`). Server-side validation fills `FormState.errors`.
enum Fields {
    /// The hidden CSRF field every state-changing form carries.
    static func csrf(_ token: String) -> Node {
        void("input", [.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", token)])
    }

    static func hidden(_ name: String, _ value: String) -> Node {
        void("input", [.attr("type", "hidden"), .attr("name", name), .attr("value", value)])
    }

    private static func invalid(_ name: String, _ form: FormState) -> [Attribute] {
        form.errors[name] == nil ? [] : [.attr("aria-invalid", "true"), .attr("aria-describedby", "error-\(name)")]
    }

    private static func error(_ name: String, _ form: FormState) -> Node {
        guard let message = form.errors[name] else { return .fragment([]) }
        return p(.class("field-error"), .id("error-\(name)")) { message }
    }

    private static func hintNode(_ hint: String?) -> Node {
        guard let hint else { return .fragment([]) }
        return p(.class("hint")) { hint }
    }

    /// `<input>` of `type` (text, email, number, date, password, search, tel, url). `id` is for a
    /// page with the same form many times (one per row); `f-name` otherwise.
    static func text(
        _ name: String, _ labelText: String, _ form: FormState, type: String = "text", required: Bool = false,
        hint: String? = nil, extra: [Attribute] = [], id: String? = nil
    ) -> Node {
        let id = id ?? "f-\(name)"
        var attributes: [Attribute] = [.attr("type", type), .id(id), .attr("name", name)]
        if type != "password" { attributes.append(.attr("value", form[name])) }
        if required { attributes.append(.flag("required")) }
        attributes += invalid(name, form) + extra
        return div(.class("field")) {
            label(.attr("for", id)) { labelText }
            void("input", attributes)
            hintNode(hint)
            error(name, form)
        }
    }

    static func textarea(
        _ name: String, _ labelText: String, _ form: FormState, rows: Int = 4, hint: String? = nil
    ) -> Node {
        div(.class("field")) {
            label(.attr("for", "f-\(name)")) { labelText }
            element(
                "textarea", [.id("f-\(name)"), .attr("name", name), .attr("rows", String(rows))] + invalid(name, form)
            ) {
                form[name]
            }
            hintNode(hint)
            error(name, form)
        }
    }

    static func select(
        _ name: String, _ labelText: String, _ form: FormState, options: [(value: String, label: String)],
        hint: String? = nil
    ) -> Node {
        let selected = form[name]
        return div(.class("field")) {
            label(.attr("for", "f-\(name)")) { labelText }
            // Spelled out: inside `Fields`, `select(…)` is this builder.
            element("select", [.id("f-\(name)"), .attr("name", name)] + invalid(name, form)) {
                for choice in options {
                    option(value: choice.value, selected: choice.value == selected) {
                        choice.label
                    }
                }
            }
            hintNode(hint)
            error(name, form)
        }
    }

    static func checkbox(_ name: String, _ labelText: String, _ form: FormState) -> Node {
        div(.class("field checkbox")) {
            void(
                "input",
                [.attr("type", "checkbox"), .id("f-\(name)"), .attr("name", name), .attr("value", "yes")]
                    + (form[name] == "yes" ? [.flag("checked")] : []))
            label(.attr("for", "f-\(name)")) { labelText }
            error(name, form)
        }
    }

    /// The summary above a form that failed validation, or the form-wide error.
    static func summary(_ form: FormState, _ s: Strings) -> Node {
        if let message = form.formError {
            return div(.class("form-errors"), .attr("role", "alert")) { p { message } }
        }
        guard !form.errors.isEmpty else { return .fragment([]) }
        return div(.class("form-errors"), .attr("role", "alert")) { p { s.formHasErrors } }
    }

    /// A one-button form that POSTs to `route` with the CSRF token (archive, send, approve, …).
    static func postButton(
        _ route: Route, _ text: String, csrf token: String, style: String = "button secondary",
        fields: [(String, String)] = []
    ) -> Node {
        form(.class("inline-form"), .attr("method", "post"), .action(SafeURL(route))) {
            csrf(token)
            for (name, value) in fields { hidden(name, value) }
            button(.class(style), .attr("type", "submit")) { text }
        }
    }

    /// A form that POSTs to `route`, with the CSRF token first.
    static func post(
        _ route: Route, csrf token: String, multipart: Bool = false, @NodeBuilder content: () -> [Node]
    ) -> Node {
        var attributes: [Attribute] = [.class("admin-form"), .attr("method", "post"), .action(SafeURL(route))]
        if multipart { attributes.append(.attr("enctype", "multipart/form-data")) }
        return element("form", attributes) {
            csrf(token)
            content()
        }
    }
}
