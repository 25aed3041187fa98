import Domain
import Foundation
import Routing
import Testing

@testable import Templates

/// The form builder, the task page and "My tasks" with hostile values in every place a person can
/// type: form and field names, help, options, conditions, answers, comments, file names.
@Suite("Escaping: forms and tasks")
struct TaskPagesEscapingTests {
    static func definition(_ value: String) -> FormDefinition {
        FormDefinition(sections: [
            FormSection(
                title: value,
                fields: [
                    FormField(
                        key: "a", label: value, kind: .choice, required: true, help: value, options: [value, "b"]),
                    FormField(
                        key: "b", label: value, kind: .longText, help: value,
                        visibleWhen: FieldCondition(field: "a", equals: value)),
                    FormField(key: "c", label: value, kind: .file),
                ])
        ])
    }

    @Test(arguments: EscapingTests.hostile)
    func everyFormAndTaskPageIsInert(_ value: String) throws {
        let admin = AdminPagesEscapingTests.admin(value)
        let definition = Self.definition(value)
        AdminPagesEscapingTests.expectInert(
            FormBuilderPage.render(
                FormBuilderPage.Model(
                    id: FormID(rawValue: 1), name: value, description: value, forCustomer: true, version: 2,
                    definition: definition, errors: ["name": value, "f0_label": value]),
                admin: admin))
        AdminPagesEscapingTests.expectInert(
            FormListPage.render(
                [
                    FormListItem(
                        id: FormID(rawValue: 1), name: value, forCustomer: true, archived: false, version: 1,
                        hasUnpublishedChanges: true, openTasks: 3)
                ], admin: admin))
        let summary = TaskSummary(
            id: TaskID(rawValue: 1), title: value, state: .open, formID: FormID(rawValue: 1),
            formVersionID: FormVersionID(rawValue: 1), formName: value, assignee: .user(UserID(rawValue: 1)),
            assigneeName: value, dueOn: try CalendarDate(iso: "2026-06-01"), bookingID: BookingID(rawValue: 1),
            bookingNumber: value, quotationID: nil, quotationNumber: nil, customerID: nil, customerName: value)
        let form = FormVersion(
            id: FormVersionID(rawValue: 1), formID: FormID(rawValue: 1), name: value, version: 1, definition: definition
        )
        let choices = TaskChoices(
            forms: [(FormID(rawValue: 1), value, false)], people: [(UserID(rawValue: 1), value)],
            departments: [(DepartmentID(rawValue: 1), value)], positions: [(PositionID(rawValue: 1), value)],
            customer: (CustomerID(rawValue: 1), value))
        for state in TaskState.allCases {
            let done = TaskSummary(
                id: summary.id, title: value, state: state, formID: summary.formID,
                formVersionID: summary.formVersionID, formName: value, assignee: .customer(CustomerID(rawValue: 1)),
                assigneeName: value, dueOn: summary.dueOn, bookingID: summary.bookingID, bookingNumber: value,
                quotationID: nil, quotationNumber: nil, customerID: nil, customerName: value)
            let detail = TaskDetail(
                summary: done, form: form,
                answers: ["a": .string(value), "b": .string(value), "c": .array([.string(value)])],
                files: [
                    TaskFileInfo(id: TaskFileID(rawValue: 1), field: "c", name: value, contentType: value, size: 3)
                ],
                comments: [TaskComment(authorName: value, byCustomer: false, body: value, createdAt: Date())],
                createdByName: value, completedAt: Date(), completedByName: value)
            AdminPagesEscapingTests.expectInert(
                TaskPage.render(
                    TaskPage.Model(
                        task: detail, mayComplete: true, values: ["a": [value], "b": [value]], errors: ["a": value],
                        notice: value, choices: choices, today: try CalendarDate(iso: "2026-06-10")),
                    commentForm: FormState(values: ["body": value], errors: ["body": value]), admin: admin))
        }
        AdminPagesEscapingTests.expectInert(
            MyTasksPage.render([summary], show: .overdue, today: try CalendarDate(iso: "2026-06-10"), admin: admin))
        AdminPagesEscapingTests.expectInert(
            NewTaskPage.render(
                owner: .booking(BookingID(rawValue: 1)), back: .admin(.bookings(.show(BookingID(rawValue: 1)))),
                tasks: [summary], choices: choices, form: FormState(values: ["title": value], errors: ["title": value]),
                admin: admin))
    }
}
