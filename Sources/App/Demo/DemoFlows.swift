import Database
import Domain
import Foundation
import UseCases
import Webhooks

/// The demo's flow "Eventförberedelse", built from the demo forms through the same use cases as the
/// pages: a site survey (grass → a level for the floor), the customer's delivery window and venue
/// map, packing, and above 100 000 kr the seller's manager's approval. It runs on the largest upcoming
/// booking, started by the seller, with the survey answered, so the booking page shows a flow under
/// way. A trigger (shipped off) starts it on every new booking.
enum DemoFlows {
    static func seed(_ tx: Connection, booking: BookingID?, seller: UserID) throws {
        let forms = try FormStore.publishedForms(tx)
        func form(_ name: String) -> FormListItem? { forms.first { $0.name == name } }
        guard let survey = form("Platsbesök"), let packing = form("Packlista kontroll"),
            let customerForm = form("Leveranstid och platskarta"),
            let surveyVersion = try FormStore.newestVersion(tx, of: survey.id)
        else { return }
        let actor = AuditActor(kind: .user, userID: seller)
        let approval = try FormStore.create(
            tx, name: "Chefsgodkännande",
            description: "Stora bokningar godkänns av säljarens chef innan lagret packar.",
            draft: FormDefinition(sections: [
                FormSection(
                    title: "Godkännande",
                    fields: [
                        FormField(key: "godkand", label: "Godkänd", kind: .yesNo, required: true),
                        FormField(key: "kommentar", label: "Kommentar", kind: .longText),
                    ])
            ]), actor: actor)
        _ = try FormStore.publish(tx, approval, actor: actor)

        // The survey's ground question: the choice field offering grass.
        let ground = surveyVersion.definition.fields.first { field in
            field.kind == .choice && field.options.contains { $0.lowercased() == "gräs" }
        }
        let grass = ground?.options.first { $0.lowercased() == "gräs" } ?? "gräs"
        let structure = try StructureStore.structure(tx)
        let warehouse: FlowAssignee =
            structure.departments.first { $0.name == "Lager och logistik" }.map { .department($0.id) }
            ?? .role(.warehouse)
        let definition = FlowDefinition(levels: [
            FlowLevel(
                key: "platsbesok", name: "Platsbesök",
                tasks: [
                    FlowTaskTemplate(form: survey.id.rawValue, title: "Platsbesök", assignee: warehouse, dueDays: 3)
                ],
                branches: ground.map { field in
                    [
                        FlowBranch(
                            when: ConditionGroup(conditions: [
                                .compare(field: "answers.\(field.key)", op: .equals, value: .string(grass))
                            ]), goTo: "golv")
                    ]
                } ?? [], then: "kundens_uppgifter"),
            FlowLevel(
                key: "golv", name: "Golv",
                tasks: [
                    FlowTaskTemplate(
                        form: packing.id.rawValue, title: "Golv och markskydd till gräsytan", assignee: warehouse,
                        dueDays: 5)
                ]),
            FlowLevel(
                key: "kundens_uppgifter", name: "Kundens uppgifter",
                tasks: [
                    FlowTaskTemplate(
                        form: customerForm.id.rawValue, title: "Leveranstid och platskarta", assignee: .customer,
                        dueDays: 7)
                ]),
            FlowLevel(
                key: "packning", name: "Packning",
                tasks: [
                    FlowTaskTemplate(
                        form: packing.id.rawValue, title: "Packlista kontroll", assignee: warehouse, dueDays: 10)
                ],
                branches: [
                    FlowBranch(
                        when: ConditionGroup(conditions: [
                            .compare(field: "booking.total", op: .greater, value: .number(100_000))
                        ]), goTo: "chefsgodkannande")
                ], then: FlowTarget.endKey),
            FlowLevel(
                key: "chefsgodkannande", name: "Chefsgodkännande",
                tasks: [
                    FlowTaskTemplate(
                        form: approval.rawValue, title: "Godkänn stor bokning", assignee: .startersManager, dueDays: 2)
                ]),
        ])
        guard
            case .saved(let flow) = try SaveFlow.run(
                tx, id: nil, expectedVersion: 0, name: "Eventförberedelse",
                description:
                    "Arbetet inför ett event: platsbesök, golv på gräs, kundens leveranstid och platskarta, packning och chefens godkännande av stora bokningar.",
                definition: definition, actor: actor)
        else { throw DemoFlowError() }

        // Shipped off: turned on, it starts the flow on every booking a signature makes.
        let trigger = TriggerDefinition(actions: [.startFlow(flow)])
        _ = try TriggerStore.create(
            tx, name: "Starta Eventförberedelse för nya bokningar", eventType: "booking.created", active: false,
            definitionJSON: trigger.json, secret: WebhookSignature.newSecret(), actor: actor)

        guard let booking,
            case .started(let run) = try StartFlow.run(
                tx, flow: flow, booking: booking, startedBy: seller, actor: actor)
        else { return }
        // The survey is done: grass, so the floor level follows.
        guard let task = try FlowStore.openTaskIDs(tx, run).first else { return }
        var submitted: [String: [String]] = [:]
        for field in surveyVersion.definition.fields {
            switch field.kind {
            case .choice: submitted[field.key] = [field.key == ground?.key ? grass : field.options.first ?? ""]
            case .multipleChoice, .checklist: submitted[field.key] = Array(field.options.prefix(1))
            case .yesNo: submitted[field.key] = ["yes"]
            case .number, .money: submitted[field.key] = ["16"]
            case .date: submitted[field.key] = [BusinessCalendar.today().iso]
            case .text, .longText, .signature:
                submitted[field.key] = ["Plan gräsmatta bakom huset, infart via grusväg."]
            case .file: break
            }
        }
        _ = try CompleteTask.run(
            tx, TaskID(rawValue: task), submitted: submitted, uploads: [],
            actor: AuditActor(
                kind: .user, userID: structure.people.first { $0.member.role == .warehouse }?.member.id ?? seller))
    }
}

/// The demo flow was refused by the rules (a bug in the demo data).
struct DemoFlowError: Error {}
