import Database
import Domain
import UseCases

/// The demo's forms and tasks. The forms come early, right after the structure: "Platsbesök" (the
/// site survey before a big tent, with "describe the access" only when the truck cannot get in),
/// "Packlista kontroll" (the warehouse's checklist) and "Leveranstid och platskarta" (for the
/// customer: the delivery window, a venue map, the contact on site). The tasks come once the
/// bookings exist, on the nearest confirmed one: the packing check done, the site survey open for
/// the Lagerchef, and the delivery details open for the customer (in the portal). All by the system.
enum DemoTasks {
    static let survey = FormDefinition(sections: [
        FormSection(
            title: "Underlag och framkomlighet",
            fields: [
                FormField(
                    key: "underlag", label: "Underlag", kind: .choice, required: true,
                    help: "Avgör golv och förankring.", options: ["gräs", "asfalt", "grus", "annat"]),
                FormField(
                    key: "underlag_annat", label: "Vilket underlag?", kind: .text, required: true,
                    visibleWhen: FieldCondition(field: "underlag", equals: "annat")),
                FormField(key: "framkomligt", label: "Kan lastbilen köra fram?", kind: .yesNo, required: true),
                FormField(
                    key: "beskriv_framkomlighet", label: "Beskriv framkomligheten", kind: .longText, required: true,
                    help: "Grindar, bredd, lutning, hur långt vi får bära.",
                    visibleWhen: FieldCondition(field: "framkomligt", equals: "no")),
            ]),
        FormSection(
            title: "El och bilder",
            fields: [
                FormField(key: "el", label: "Finns el på platsen?", kind: .yesNo, required: true),
                FormField(
                    key: "foton", label: "Foton av platsen", kind: .file, help: "Gärna från infarten och tältytan."),
            ]),
    ])

    static let packing = FormDefinition(sections: [
        FormSection(
            title: "Kontroll före utkörning",
            fields: [
                FormField(
                    key: "kontroll", label: "Kontrollerat", kind: .checklist, required: true,
                    options: [
                        "Alla rader på packlistan plockade", "Tältdukar hela och torra", "Stänger och fötter räknade",
                        "Spännband och markspett med", "Lasten säkrad",
                    ]),
                FormField(key: "anmarkning", label: "Anmärkning", kind: .longText),
                FormField(key: "signatur", label: "Packat av", kind: .signature, required: true),
            ])
    ])

    static let delivery = FormDefinition(sections: [
        FormSection(
            title: "Leverans",
            fields: [
                FormField(
                    key: "leveransfonster", label: "Önskad leveranstid", kind: .choice, required: true,
                    options: ["07–10", "10–13", "13–16"]),
                FormField(
                    key: "platskarta", label: "Karta över platsen", kind: .file, required: true,
                    help: "Rita gärna in var tältet ska stå."),
            ]),
        FormSection(
            title: "Kontakt på plats",
            fields: [
                FormField(key: "kontakt_namn", label: "Namn", kind: .text, required: true),
                FormField(key: "kontakt_telefon", label: "Telefon", kind: .text, required: true),
            ]),
    ])

    /// The three forms, published (version 1). Returns their ids by name.
    static func seedForms(_ tx: Connection, actor: AuditActor) throws -> [String: FormID] {
        var forms: [String: FormID] = [:]
        for (name, description, forCustomer, definition) in [
            ("Platsbesök", "Besök före ett större tält: underlag, framkomlighet, el och bilder.", false, survey),
            ("Packlista kontroll", "Lagrets kontroll innan lasten går.", false, packing),
            (
                "Leveranstid och platskarta", "Kunden anger leveranstid, laddar upp en karta och kontakt på plats.",
                true,
                delivery
            ),
        ] {
            let id = try FormStore.create(
                tx, name: name, description: description, forCustomer: forCustomer, draft: definition, actor: actor)
            try FormStore.publish(tx, id, actor: actor)
            forms[name] = id
        }
        return forms
    }

    /// The tasks on `booking` (its customer `customer`): one done, one open for the Lagerchef, one
    /// open for the customer.
    static func seedTasks(
        _ tx: Connection, forms: [String: FormID], booking: BookingID, customer: CustomerID, today: CalendarDate,
        actor: AuditActor
    ) throws {
        guard let packing = forms["Packlista kontroll"], let survey = forms["Platsbesök"],
            let delivery = forms["Leveranstid och platskarta"]
        else { return }
        let lagerchef = try tx.query("SELECT id FROM positions WHERE name = 'Lagerchef'").first.map {
            PositionID(rawValue: try $0.decode("id"))
        }
        let packed = try TaskStore.create(
            tx,
            NewTask(
                formID: packing, title: "Packkontroll", assignee: .role(.warehouse), dueOn: today, bookingID: booking),
            actor: actor)
        let outcome = try CompleteTask.run(
            tx, packed,
            submitted: [
                "kontroll": [
                    "Alla rader på packlistan plockade", "Tältdukar hela och torra", "Stänger och fötter räknade",
                    "Spännband och markspett med", "Lasten säkrad",
                ],
                "anmarkning": ["En extra rulle spännband med."], "signatur": ["Jönsson Lager"],
            ], uploads: [], actor: actor)
        guard outcome == .done else { throw CommandFailure("demo packing task: \(outcome)") }
        if let lagerchef {
            _ = try TaskStore.create(
                tx,
                NewTask(
                    formID: survey, title: "Platsbesök före tältet", assignee: .position(lagerchef),
                    dueOn: try today.adding(days: 2), bookingID: booking),
                actor: actor)
        }
        _ = try TaskStore.create(
            tx,
            NewTask(
                formID: delivery, title: "Leveranstid och platskarta", assignee: .customer(customer),
                dueOn: try today.adding(days: 5), bookingID: booking, customerID: customer),
            actor: actor)
    }
}
