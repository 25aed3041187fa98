public import Domain
public import Routing

/// The forms' and tasks' strings (`strings.tasks`): the builder, "My tasks", the task page and the
/// tasks card on bookings, quotations and customers.
public struct TaskStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var formsTitle: String { t("Formulär", "Forms") }
    var formsLead: String {
        t(
            "Formulär är det som fylls i när en uppgift utförs: platsbesök, packkontroll, uppgifter från kunden. Publicera för att kunna skapa uppgifter; en ifylld uppgift behåller versionen den fylldes i.",
            "Forms are what is filled in when a task is done: site surveys, packing checks, details from the customer. Publish to create tasks from it; a completed task keeps the version it was filled in."
        )
    }
    var newForm: String { t("Nytt formulär", "New form") }
    var noForms: String { t("Inga formulär än.", "No forms yet.") }
    var name: String { t("Namn", "Name") }
    var description: String { t("Beskrivning", "Description") }
    var forCustomer: String { t("Fylls i av kunden (i kundportalen)", "Filled in by the customer (in the portal)") }
    var version: String { t("Version", "Version") }
    var notPublished: String { t("Inte publicerad", "Not published") }
    var unpublishedChanges: String { t("Ändringar ej publicerade", "Unpublished changes") }
    var archived: String { t("Arkiverad", "Archived") }
    var openTasks: String { t("Öppna uppgifter", "Open tasks") }
    var create: String { t("Skapa", "Create") }
    var builderHeading: String { t("Fält", "Fields") }
    var previewHeading: String { t("Förhandsvisning", "Preview") }
    var previewHint: String {
        t("Så här ser formuläret ut när det fylls i.", "This is how the form looks when it is filled in.")
    }
    var section: String { t("Avsnitt", "Section") }
    var sectionTitle: String { t("Avsnittets rubrik", "Section title") }
    var removeSection: String { t("Ta bort avsnittet", "Remove the section") }
    var addSection: String { t("Lägg till avsnitt", "Add a section") }
    var addField: String { t("Lägg till fält", "Add a field") }
    var field: String { t("Fält", "Field") }
    var label: String { t("Rubrik", "Label") }
    var key: String { t("Nyckel", "Key") }
    var keyHint: String { t("a–z, 0–9 och _; tom: från rubriken", "a–z, 0–9 and _; empty: from the label") }
    var kind: String { t("Typ", "Kind") }
    var required: String { t("Obligatoriskt", "Required") }
    var help: String { t("Hjälptext", "Help text") }
    var options: String { t("Alternativ (ett per rad)", "Options (one per line)") }
    var visibleWhen: String { t("Visa bara när fältet", "Show only when the field") }
    var always: String { t("— alltid synligt —", "— always shown —") }
    var equals: String { t("har värdet", "has the value") }
    var moveUp: String { t("Flytta upp", "Move up") }
    var moveDown: String { t("Flytta ned", "Move down") }
    var remove: String { t("Ta bort", "Remove") }
    var saveDraft: String { t("Spara utkast", "Save draft") }
    var publish: String { t("Publicera", "Publish") }
    var refreshPreview: String { t("Uppdatera förhandsvisningen", "Refresh the preview") }
    var published: String { t("Publicerad", "Published") }
    var backToForms: String { t("Alla formulär", "All forms") }
    func publishedVersion(_ version: Int) -> String {
        version == 0 ? notPublished : t("Publicerad version \(version)", "Published version \(version)")
    }

    func kindName(_ kind: FormFieldKind) -> String {
        switch kind {
        case .text: t("Text", "Text")
        case .longText: t("Lång text", "Long text")
        case .number: t("Tal", "Number")
        case .money: t("Belopp (kr)", "Amount (kr)")
        case .date: t("Datum", "Date")
        case .yesNo: t("Ja/nej", "Yes/no")
        case .choice: t("Ett val", "Choice")
        case .multipleChoice: t("Flera val", "Multiple choice")
        case .checklist: t("Checklista", "Checklist")
        case .signature: t("Signatur (namn)", "Signature (name)")
        case .file: t("Fil", "File")
        }
    }

    var yes: String { t("Ja", "Yes") }
    var no: String { t("Nej", "No") }
    var choose: String { t("Välj …", "Choose …") }
    func shownWhen(_ label: String, _ value: String) -> String {
        t("Fyll bara i om ”\(label)” är ”\(value)”.", "Only if “\(label)” is “\(value)”.")
    }
    var signatureHint: String { t("Skriv ditt namn som underskrift.", "Type your name as your signature.") }

    // MARK: Tasks

    var myTasks: String { t("Mina uppgifter", "My tasks") }
    var myTasksLead: String {
        t(
            "Uppgifter som getts till dig, din roll, din befattning eller din avdelning.",
            "Tasks given to you, your role, your position or your department.")
    }
    func show(_ show: TaskListShow) -> String {
        switch show {
        case .open: t("Öppna", "Open")
        case .overdue: t("Försenade", "Overdue")
        case .done: t("Klara", "Done")
        }
    }
    var noTasks: String { t("Inga uppgifter här.", "No tasks here.") }
    var task: String { t("Uppgift", "Task") }
    var tasks: String { t("Uppgifter", "Tasks") }
    var form: String { t("Formulär", "Form") }
    var assignee: String { t("Ansvarig", "Assignee") }
    var due: String { t("Klar senast", "Due") }
    var about: String { t("Gäller", "About") }
    var state: String { t("Status", "Status") }
    func stateName(_ state: TaskState) -> String {
        switch state {
        case .open: t("Öppen", "Open")
        case .done: t("Klar", "Done")
        case .cancelled: t("Avbruten", "Cancelled")
        }
    }
    var overdue: String { t("försenad", "overdue") }
    var complete: String { t("Markera som klar", "Complete") }
    var cancel: String { t("Avbryt uppgiften", "Cancel the task") }
    var reassign: String { t("Ändra ansvarig och datum", "Change assignee and date") }
    var save: String { t("Spara", "Save") }
    var comments: String { t("Kommentarer", "Comments") }
    var noComments: String { t("Inga kommentarer.", "No comments.") }
    var comment: String { t("Kommentar", "Comment") }
    var addComment: String { t("Kommentera", "Comment") }
    var answers: String { t("Svar", "Answers") }
    var files: String { t("Filer", "Files") }
    var unanswered: String { t("—", "—") }
    func completedBy(_ name: String?, _ at: String) -> String {
        if let name { return t("Klar \(at) av \(name).", "Completed \(at) by \(name).") }
        return t("Klar \(at).", "Completed \(at).")
    }
    func filledIn(_ form: String, _ version: Int) -> String {
        t("\(form), version \(version)", "\(form), version \(version)")
    }
    var customerFills: String {
        t("Kunden fyller i den här i kundportalen.", "The customer fills this in in the portal.")
    }
    public var notYours: String {
        t(
            "Uppgiften är inte din; en chef eller administratör kan ändra ansvarig.",
            "This task is not yours; a manager or admin can change the assignee.")
    }
    var addTask: String { t("Lägg till uppgift", "Add a task") }
    var title: String { t("Rubrik", "Title") }
    var noForm: String { t("Publicera ett formulär först.", "Publish a form first.") }
    var customerAssignee: String { t("Kunden (i kundportalen)", "The customer (in the portal)") }
    var departmentLabel: String { t("Avdelning", "Department") }
    var positionLabel: String { t("Befattning", "Position") }
    func roleName(_ role: StaffRole) -> String {
        switch role {
        case .admin: t("Alla administratörer", "All admins")
        case .manager: t("Alla chefer", "All managers")
        case .warehouse: t("Alla på lagret", "All warehouse staff")
        case .support: t("Alla på kundtjänst", "All support staff")
        }
    }
    public var notOpen: String { t("Uppgiften är inte längre öppen.", "The task is no longer open.") }
    public var commentMissing: String { t("Skriv en kommentar.", "Write a comment.") }
    public var commentTooLong: String { t("Högst 5000 tecken.", "At most 5000 characters.") }
    public var titleMissing: String {
        t("Skriv en rubrik (högst 200 tecken).", "Write a title (at most 200 characters).")
    }
    public var assigneeMissing: String { t("Välj vem som ska göra uppgiften.", "Choose who is to do the task.") }
    public var formMissing: String { t("Välj ett publicerat formulär.", "Choose a published form.") }
    public var dateInvalid: String { t("Skriv ett datum som 2026-06-12.", "Write a date such as 2026-06-12.") }
    public var fileTooLarge: String { t("En fil får vara högst 8 MB.", "A file may be at most 8 MB.") }
}

extension Strings {
    public var tasks: TaskStrings { TaskStrings(language) }
}
