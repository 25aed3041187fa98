public import Domain
import Routing

/// The customer's tasks in the portal: the "To do" list on the home page, and one task's form to
/// fill (file uploads included) or, once done, the answers given. One column and large controls, as
/// the rest of the portal; the form posts without JavaScript (a field shown only for a given answer
/// says so and is ignored when that answer is not given).
public enum PortalTaskPages {
    static func list(_ tasks: [TaskSummary], _ s: Strings) -> Node {
        section(.class("portal-section"), .id("tasks")) {
            h2 { s.portal.tasks }
            if tasks.isEmpty { p(.class("muted")) { s.portal.noTasks } }
            ul(.class("portal-list")) {
                for task in tasks {
                    li(.class("card"), .data("data-task", String(task.id.rawValue))) {
                        h3 { task.title }
                        p {
                            StateBadge.badge(
                                task.state == .open ? s.portal.taskToDoBadge : s.portal.taskDoneBadge,
                                task.state == .open ? .warn : .ok, state: task.state.rawValue)
                        }
                        if let number = task.bookingNumber ?? task.quotationNumber {
                            p(.class("hint")) { "\(s.portal.taskAbout): \(number)" }
                        }
                        if task.state == .open, let due = task.dueOn { p { s.portal.taskDue(due.iso) } }
                        p {
                            a(
                                .class(task.state == .open ? "button" : ""),
                                .href(SafeURL(.portal(.task(task.id.rawValue))))
                            ) {
                                task.state == .open ? s.portal.taskOpen : s.portal.taskShow
                            }
                        }
                    }
                }
            }
        }
    }

    /// One task: the form (with what was sent and each field's problem after a refusal), or the
    /// answers once done.
    public static func task(
        _ task: TaskDetail, customerName: String, values: [String: [String]], errors: [String: String],
        notice: String?, csrf: String, context: PageContext
    ) -> [UInt8] {
        let s = context.strings
        let summary = task.summary
        return Layout.page(title: summary.title, context: context) {
            div(.class("portal-header")) {
                h1 { s.portal.greeting(customerName) }
                Fields.postButton(.portal(.logout), s.portal.signOut, csrf: csrf)
            }
            p { a(.href(SafeURL(.portal(.home)))) { s.portal.backHome } }
            section(.class("portal-section card"), .id("task")) {
                h2 { summary.title }
                if let number = summary.bookingNumber ?? summary.quotationNumber {
                    p(.class("hint")) { "\(s.portal.taskAbout): \(number)" }
                }
                if summary.state == .open, let due = summary.dueOn { p { s.portal.taskDue(due.iso) } }
                if let notice { div(.class("form-errors"), .attr("role", "alert")) { p { notice } } }
                switch summary.state {
                case .done, .cancelled:
                    h3 { s.portal.taskAnswers }
                    FormFill.answers(
                        task.form.definition, task.answers ?? [:], files: task.files, language: context.language,
                        fileRoute: { .portal(.taskFile($0.rawValue)) })
                case .open:
                    if !errors.isEmpty {
                        div(.class("form-errors"), .attr("role", "alert")) {
                            p { s.portal.taskErrors }
                            ul {
                                for field in task.form.definition.fields {
                                    if let message = errors[field.key] { li { "\(field.label): \(message)" } }
                                }
                            }
                        }
                    }
                    p(.class("hint")) { s.portal.taskRequiredHint }
                    Fields.post(.portal(.completeTask(summary.id.rawValue)), csrf: csrf, multipart: true) {
                        div(.class("task-form"), .data("data-conditional-form", "")) {
                            FormFill.fields(
                                task.form.definition, values: values, errors: errors, language: context.language)
                        }
                        button(.class("button"), .attr("type", "submit")) { s.portal.taskSubmit }
                    }
                }
            }
        }.rendered()
    }
}
