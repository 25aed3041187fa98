public import Domain

/// The flows' strings (`strings.flows`): the list, the route map, the editor, the simulator, the
/// booking's progress card, and why a flow or a start was refused.
public struct FlowStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var title: String { t("Flöden", "Flows") }
    var lead: String {
        t(
            "Ett flöde är nivåer av uppgifter som en bokning går igenom. När en nivås uppgifter är klara väljer flödets regler nästa nivå utifrån svaren och bokningen.",
            "A flow is the levels of tasks a booking goes through. When a level's tasks are done, the flow's rules choose the next level from the answers and the booking."
        )
    }
    var newFlow: String { t("Nytt flöde", "New flow") }
    var empty: String { t("Inga flöden än.", "No flows yet.") }
    var name: String { t("Namn", "Name") }
    var description: String { t("Beskrivning", "Description") }
    var version: String { t("Version", "Version") }
    var levels: String { t("Nivåer", "Levels") }
    var running: String { t("Pågår", "Running") }
    var archived: String { t("Arkiverat", "Archived") }
    var archive: String { t("Arkivera", "Archive") }
    var restore: String { t("Återställ", "Restore") }
    var save: String { t("Spara ny version", "Save a new version") }
    var create: String { t("Skapa flödet", "Create the flow") }
    var backToFlows: String { t("Till flödena", "Back to flows") }
    var routeMap: String { t("Vägen genom flödet", "The route through the flow") }
    var noTasksLevel: String {
        t("Inga uppgifter: ett beslut, som passeras direkt.", "No tasks: a decision, passed through at once.")
    }
    func due(_ days: Int) -> String { t("klar inom \(days) dagar", "due in \(days) days") }
    func when(_ field: String, _ op: String, _ value: String) -> String {
        t("Om \(field) \(op) \(value)", "If \(field) \(op) \(value)")
    }
    var otherwise: String { t("Annars", "Otherwise") }
    var nextInOrder: String { t("nästa nivå", "the next level") }
    var end: String { t("flödet är klart", "the flow ends") }
    var goesTo: String { t("går till", "goes to") }
    var runs: String { t("Körningar", "Runs") }
    var noRuns: String { t("Flödet har inte körts än.", "The flow has not run yet.") }
    var booking: String { t("Bokning", "Booking") }
    var state: String { t("Status", "State") }
    var level: String { t("Nivå", "Level") }
    var started: String { t("Startad", "Started") }
    func runState(_ state: FlowRunState) -> String {
        switch state {
        case .running: t("Pågår", "Running")
        case .done: t("Klart", "Done")
        case .cancelled: t("Avbrutet", "Cancelled")
        }
    }

    // MARK: Editor

    var editor: String { t("Bygg flödet", "Build the flow") }
    var editorHint: String {
        t(
            "Nivåerna körs uppifrån och ned. En gren testar ett fält (svar på uppgifterna: answers.<fältnyckel>, eller bokningen: booking.total i kronor, booking.custom.<nyckel>) och hoppar framåt; den första gren som stämmer gäller, annars ”sedan”. En nivå utan uppgifter är ett beslut – så gör du ”och”.",
            "Levels run top to bottom. A branch tests one field (the tasks' answers: answers.<field key>, or the booking: booking.total in kronor, booking.custom.<key>) and jumps forward; the first branch that holds wins, else \"then\". A level without tasks is a decision — that is how you make an \"and\"."
        )
    }
    var addLevel: String { t("+ Nivå", "+ Level") }
    var addTask: String { t("+ Uppgift", "+ Task") }
    var addBranch: String { t("+ Gren", "+ Branch") }
    var remove: String { t("Ta bort", "Remove") }
    var removeLevel: String { t("Ta bort nivån", "Remove the level") }
    var levelName: String { t("Nivåns namn", "Level name") }
    var then: String { t("Sedan", "Then") }
    var taskTitle: String { t("Uppgiftens rubrik", "Task title") }
    var form: String { t("Formulär", "Form") }
    var chooseForm: String { t("Välj formulär", "Choose a form") }
    var assignee: String { t("Tilldelas", "Assigned to") }
    var dueDays: String { t("Dagar att klara den", "Days to do it") }
    var field: String { t("Fält", "Field") }
    var comparison: String { t("Jämförelse", "Comparison") }
    var value: String { t("Värde", "Value") }
    var goTo: String { t("Gå till", "Go to") }
    var noForms: String {
        t(
            "Publicera ett formulär först: en nivås uppgifter fylls i med formulär.",
            "Publish a form first: a level's tasks are filled in with forms.")
    }
    func assigneeLabel(_ assignee: FlowAssignee, structure: CompanyStructure, roles: (StaffRole) -> String) -> String {
        switch assignee {
        case .customer: t("Kunden (portalen)", "The customer (portal)")
        case .startersManager: t("Chefen till den som startade", "The starter's manager")
        case .role(let role): t("Roll: ", "Role: ") + roles(role)
        case .user(let id): structure.person(id)?.member.name ?? t("Medarbetare \(id.rawValue)", "Staff \(id.rawValue)")
        case .department(let id):
            t("Avdelning: ", "Department: ") + (structure.department(id)?.name ?? String(id.rawValue))
        case .position(let id):
            t("Befattning: ", "Position: ") + (structure.position(id)?.name ?? String(id.rawValue))
        }
    }

    public func refusal(_ refusal: FlowRefusal) -> String {
        switch refusal {
        case .nameMissing: t("Ge flödet ett namn.", "Give the flow a name.")
        case .nameTooLong(let maximum):
            t("Namnet får vara högst \(maximum) tecken.", "The name is at most \(maximum) characters.")
        case .noLevels: t("Ett flöde behöver minst en nivå.", "A flow needs at least one level.")
        case .tooManyLevels(let maximum): t("Högst \(maximum) nivåer.", "At most \(maximum) levels.")
        case .levelKeyInvalid(let key):
            t("Nivånyckeln ”\(key)” går inte att använda.", "The level key \"\(key)\" cannot be used.")
        case .levelKeyTaken(let key): t("Två nivåer heter ”\(key)”.", "Two levels are called \"\(key)\".")
        case .levelNameMissing: t("Varje nivå behöver ett namn.", "Every level needs a name.")
        case .taskTitleMissing(let level):
            t(
                "En uppgift i nivån ”\(level)” saknar rubrik, eller har en som är längre än 200 tecken.",
                "A task of level \"\(level)\" has no title, or one longer than 200 characters.")
        case .taskFormUnknown(let level, _):
            t(
                "En uppgift i nivån ”\(level)” har ett formulär som inte är publicerat.",
                "A task of level \"\(level)\" uses a form that is not published.")
        case .dueDaysOutOfRange(let level):
            t(
                "Dagar att klara en uppgift är 0–365 (nivån ”\(level)”).",
                "Days to do a task are 0–365 (level \"\(level)\").")
        case .targetUnknown(let level, let target):
            t(
                "Nivån ”\(level)” går till ”\(target)”, som inte finns.",
                "Level \"\(level)\" goes to \"\(target)\", which does not exist.")
        case .targetBackwards(let level, let target):
            t(
                "Nivån ”\(level)” går bakåt till ”\(target)”. Grenar går bara framåt, så att varje flöde tar slut.",
                "Level \"\(level)\" goes back to \"\(target)\". Branches only go forward, so every flow ends.")
        case .branchWithoutCondition(let level):
            t("En gren i nivån ”\(level)” saknar villkor.", "A branch of level \"\(level)\" has no condition.")
        }
    }

    public func rowProblem(_ problem: FlowEditor.RowProblem) -> String {
        switch problem {
        case .formMissing(let row): t("Rad \(row): välj ett formulär.", "Row \(row): choose a form.")
        case .assigneeInvalid(let row):
            t("Rad \(row): välj vem som får uppgiften.", "Row \(row): choose who gets the task.")
        case .dueDaysInvalid(let row): t("Rad \(row): dagar är ett heltal.", "Row \(row): days are a whole number.")
        case .fieldMissing(let row): t("Rad \(row): grenen behöver ett fält.", "Row \(row): the branch needs a field.")
        case .valueInvalid(let row): t("Rad \(row): värdet går inte att läsa.", "Row \(row): the value cannot be read.")
        case .targetMissing(let row):
            t("Rad \(row): välj vart grenen går.", "Row \(row): choose where the branch goes.")
        case .rowOutsideLevel(let row): t("Rad \(row) hör inte till någon nivå.", "Row \(row) belongs to no level.")
        }
    }
    public var nameTaken: String { t("Ett annat flöde har redan det namnet.", "Another flow already has that name.") }
    public var conflict: String {
        t(
            "Någon sparade flödet medan du ändrade. Sidan visar deras version; gör om din ändring.",
            "Somebody saved the flow while you were editing. The page shows their version; make your change again.")
    }

    // MARK: Simulator

    var simulator: String { t("Simulator", "Simulator") }
    var simulatorHint: String {
        t(
            "Skriv svaren och bokningens värden som grenarna läser, så visas vilka nivåer och uppgifter som skulle följa. Inget skapas.",
            "Type the answers and booking values the branches read, and see which levels and tasks would follow. Nothing is made."
        )
    }
    var simulate: String { t("Simulera", "Simulate") }
    var noConditionFields: String {
        t(
            "Flödet har inga grenar: det går alltid nivå för nivå.",
            "The flow has no branches: it always goes level by level.")
    }
    var walk: String { t("Vägen", "The walk") }
    var branchHeld: String { t("grenen stämde", "the branch held") }
    var noBranchHeld: String { t("ingen gren stämde", "no branch held") }
    var wouldCreate: String { t("Skulle skapa", "Would create") }

    // MARK: Booking card

    var cardHeading: String { t("Flöden", "Flows") }
    var start: String { t("Starta flöde", "Start a flow") }
    var startButton: String { t("Starta", "Start") }
    var cancelRun: String { t("Avbryt flödet", "Stop the flow") }
    var current: String { t("Nu", "Now") }
    var passed: String { t("Klar", "Done") }
    var noRunsOnBooking: String { t("Inga flöden på bokningen.", "No flows on this booking.") }
    public var alreadyRunning: String {
        t("Flödet pågår redan på bokningen.", "The flow already runs on this booking.")
    }
    public var bookingClosed: String {
        t("En avbokad eller avslutad bokning får inga nya flöden.", "A cancelled or closed booking gets no new flows.")
    }
    public var archivedFlow: String { t("Flödet är arkiverat.", "The flow is archived.") }
    var taskStates: (String) -> String {
        { state in
            switch state {
            case "done": self.t("klar", "done")
            case "cancelled": self.t("avbruten", "cancelled")
            default: self.t("öppen", "open")
            }
        }
    }
}

extension Strings {
    public var flows: FlowStrings { FlowStrings(language) }
}
