public import Domain

/// The automation feature's strings (`strings.automation`).
public struct AutomationStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var title: String { t("Automation", "Automation") }
    var lead: String {
        t(
            "Händelser skrivs i samma transaktion som ändringen och skickas till webhooks, signerade enligt Standard Webhooks. Misslyckade leveranser försöks igen i mer än ett dygn.",
            "Events are written in the same transaction as the change and sent to webhooks, signed as Standard Webhooks specifies. Failed deliveries are retried for more than a day."
        )
    }
    var webhooks: String { t("Webhooks", "Webhooks") }
    var newWebhook: String { t("Ny webhook", "New webhook") }
    var noWebhooks: String { t("Inga webhooks än.", "No webhooks yet.") }
    var url: String { t("Adress (URL)", "URL") }
    var urlHint: String {
        t(
            "https-adressen händelserna skickas till med POST.",
            "The https address events are POSTed to.")
    }
    var eventTypes: String { t("Händelsetyper", "Event types") }
    var eventTypesHint: String {
        t(
            "Kommaseparerade, till exempel quotation.signed,booking.cancelled. Tomt: alla.",
            "Comma-separated, for example quotation.signed,booking.cancelled. Empty: all.")
    }
    var allEvents: String { t("alla", "all") }
    var description: String { t("Beskrivning", "Description") }
    var status: String { t("Status", "Status") }
    var active: String { t("Aktiv", "Active") }
    var disabled: String { t("Avstängd", "Disabled") }
    func failuresInARow(_ n: Int) -> String { t("\(n) misslyckade i rad", "\(n) failures in a row") }
    func circuitOpen(_ until: String) -> String { t("Pausad till \(until)", "Paused until \(until)") }
    var lastDelivered: String { t("Senast levererad", "Last delivered") }
    var never: String { t("Aldrig", "Never") }
    var create: String { t("Skapa", "Create") }
    public var urlInvalid: String {
        t("Ange en http- eller https-adress med värdnamn.", "Enter an http or https address with a host name.")
    }
    public func unknownTypes(_ list: String) -> String {
        t("Okända händelsetyper: \(list)", "Unknown event types: \(list)")
    }
    var secretTitle: String { t("Hemlig nyckel", "Secret") }
    var secretOnce: String {
        t(
            "Kopiera nyckeln nu: den visas bara en gång. Mottagaren kontrollerar varje meddelandes signatur med den.",
            "Copy the secret now: it is shown only once. The receiver checks every message's signature with it.")
    }
    var enable: String { t("Slå på", "Enable") }
    var disable: String { t("Stäng av", "Disable") }
    var rotateSecret: String { t("Ny hemlig nyckel", "New secret") }
    var remove: String { t("Ta bort", "Remove") }
    var deliveries: String { t("Leveranser", "Deliveries") }
    var noDeliveries: String { t("Inga leveranser än.", "No deliveries yet.") }
    var event: String { t("Händelse", "Event") }
    var attempt: String { t("Försök", "Attempt") }
    var time: String { t("Tid", "Time") }
    var result: String { t("Resultat", "Result") }
    var duration: String { t("Tid (ms)", "Time (ms)") }
    var delivered: String { t("Levererad", "Delivered") }
    var failed: String { t("Misslyckades", "Failed") }
    var redeliver: String { t("Skicka igen", "Send again") }
    var events: String { t("Händelser", "Events") }
    var noEvents: String { t("Inga händelser.", "No events.") }
    var filterType: String { t("Typ", "Type") }
    var filter: String { t("Visa", "Show") }
    var entity: String { t("Gäller", "Entity") }
    var deadJobs: String { t("Jobb som gett upp", "Jobs that gave up") }
    var noDeadJobs: String { t("Inga: allt har gått igenom.", "None: everything went through.") }
    var kind: String { t("Typ", "Kind") }
    var lastError: String { t("Senaste fel", "Last error") }
    var replay: String { t("Kör igen", "Run again") }
    func replayAll(_ kind: String) -> String { t("Kör alla \(kind) igen", "Run every \(kind) again") }
    public func replayed(_ n: Int) -> String {
        n == 1 ? t("1 jobb körs igen.", "1 job runs again.") : t("\(n) jobb körs igen.", "\(n) jobs run again.")
    }
    public var descriptionTooLong: String { t("Högst 200 tecken.", "At most 200 characters.") }
    public var notDead: String { t("Jobbet har inte gett upp.", "The job has not given up.") }
}

extension Strings {
    public var automation: AutomationStrings { AutomationStrings(language) }
}

extension AutomationStrings {
    var triggers: String { t("Triggers", "Triggers") }
    var triggerSecret: String {
        t("Hemlig nyckel för webhook-åtgärderna", "Secret of the webhook actions")
    }
    var triggersLead: String {
        t(
            "En trigger gör något när en händelse inträffar: villkor, ett tidsfönster och åtgärder i ordning. Varje ändring sparas som en ny version; varje körning visar vad den gjorde.",
            "A trigger does something when an event happens: conditions, a time window and actions in order. Each change is saved as a new version; each run shows what it did."
        )
    }
    var newTrigger: String { t("Ny trigger", "New trigger") }
    var name: String { t("Namn", "Name") }
    var eventType: String { t("Händelse", "Event") }
    var definition: String { t("Åtgärder och tidsfönster (JSON)", "Actions and time window (JSON)") }
    var definitionHint: String {
        t(
            "Valfritt window och actions: email, webhook, note, wait, check, resend_link, set_state. Villkoren ställs in ovan. Se README, avsnittet Automation.",
            "An optional window and actions: email, webhook, note, wait, check, resend_link, set_state. The conditions are set above. See the README's Automation section."
        )
    }
    var activeLabel: String { t("Aktiv", "Active") }
    var save: String { t("Spara ny version", "Save new version") }
    var duplicate: String { t("Duplicera", "Duplicate") }
    func versionLabel(_ n: Int) -> String { t("version \(n)", "version \(n)") }
    var builtinLabel: String { t("inbyggd", "built in") }
    var runsHeading: String { t("Körningar", "Runs") }
    var noRuns: String { t("Inga körningar än.", "No runs yet.") }
    var runs: String { t("Körningar", "Runs") }
    var succeededLabel: String { t("Lyckade", "Succeeded") }
    var failedLabel: String { t("Misslyckade", "Failed") }
    var lastRun: String { t("Senast", "Last run") }
    var meanDuration: String { t("Medeltid", "Mean time") }
    var allStatuses: String { t("alla", "all") }
    func statusName(_ status: String) -> String {
        switch status {
        case "running": t("pågår", "running")
        case "waiting": t("väntar", "waiting")
        case "succeeded": t("klar", "succeeded")
        case "skipped": t("villkor ej uppfyllda", "conditions not met")
        case "failed": t("misslyckades", "failed")
        default: status
        }
    }
    var steps: String { t("Steg", "Steps") }
    var tester: String { t("Testa mot en riktig post", "Test against a real record") }
    var testerLead: String {
        t(
            "Kör definitionen i formuläret mot en post som om händelsen just hänt: villkoren med sina värden och varje åtgärd som den skulle bli. Inget skickas, sparas eller köas.",
            "Runs the definition in the form against a record as if the event had just happened: the conditions with their values and each action as it would be. Nothing is sent, saved or queued."
        )
    }
    var entityID: String { t("Postens id", "Record id") }
    var runTest: String { t("Testa", "Test") }
    var testNotFound: String { t("Ingen sådan post.", "No such record.") }
    func testVerdict(_ holds: Bool) -> String {
        holds
            ? t("Villkoren är uppfyllda: åtgärderna skulle köras.", "The conditions hold: the actions would run.")
            : t("Villkoren är inte uppfyllda: inget skulle hända.", "The conditions do not hold: nothing would happen.")
    }
    var missingPlaceholders: String { t("Platshållare utan värde", "Placeholders without a value") }
    public var nameRequired: String {
        t("Ge triggern ett namn (högst 200 tecken).", "Give the trigger a name (at most 200 characters).")
    }
    public var unknownEvent: String { t("Välj en händelse ur listan.", "Choose an event from the list.") }
    public func definitionInvalid(_ detail: String) -> String {
        t("Definitionen går inte att använda: \(detail)", "The definition cannot be used: \(detail)")
    }
    public var versionConflict: String {
        t(
            "Någon annan sparade en ny version under tiden. Ladda om sidan och gör ändringen igen.",
            "Someone else saved a new version meanwhile. Reload the page and make the change again.")
    }
    public var entityIDInvalid: String { t("Ange postens id (ett heltal).", "Enter the record's id (a whole number).") }
}

/// Incoming hooks.
extension AutomationStrings {
    var hooks: String { t("Inkommande webhooks", "Incoming hooks") }
    var newHook: String { t("Ny inkommande webhook", "New incoming hook") }
    var noHooks: String { t("Inga inkommande webhooks än.", "No incoming hooks yet.") }
    var hooksLead: String {
        t(
            "Andra program (ett webbformulär, ett CRM) skickar meddelanden hit, signerade enligt Standard Webhooks. Varje meddelande blir en händelse hook.received; en förfrågan blir också en kund och ett offertutkast.",
            "Other programs (a web form, a CRM) post messages here, signed as Standard Webhooks specifies. Each message becomes a hook.received event; a lead also becomes a customer and a draft quotation."
        )
    }
    var hookKind: String { t("Gör om till", "Turn into") }
    func kindName(_ kind: IncomingHook.Kind) -> String {
        switch kind {
        case .event: t("En händelse", "An event")
        case .lead: t("Förfrågan: kund och offertutkast", "Lead: customer and draft quotation")
        }
    }
    var mapping: String { t("Fält i meddelandet", "Fields in the message") }
    var mappingHint: String {
        t(
            "Var varje uppgift finns i det postade JSON-objektet, som punktseparerad sökväg (contact.email). Tomt: läses inte. Datum som ÅÅÅÅ-MM-DD; utan datum blir det ingen offert.",
            "Where each value is in the posted JSON object, as a dotted path (contact.email). Empty: not read. Dates as YYYY-MM-DD; without a date no quotation is made."
        )
    }
    func leadField(_ field: LeadMapping.Field) -> String {
        switch field {
        case .name: t("Namn", "Name")
        case .email: t("E-post", "Email")
        case .phone: t("Telefon", "Phone")
        case .company: t("Företag", "Company")
        case .organisationNumber: t("Organisationsnummer", "Organisation number")
        case .start: t("Första dag", "First day")
        case .end: t("Sista dag", "Last day")
        case .guests: t("Antal gäster", "Guests")
        case .title: t("Offertens rubrik", "Quotation title")
        case .message: t("Meddelande", "Message")
        }
    }
    public var pathInvalid: String {
        t(
            "Skriv en sökväg av bokstäver, siffror, _ och - åtskilda med punkter.",
            "Write a path of letters, digits, _ and - separated by dots.")
    }
    public var hookNameRequired: String {
        t("Ge den ett namn (högst 200 tecken).", "Give it a name (at most 200 characters).")
    }
    var hookURLTitle: String { t("Adress och hemlig nyckel", "Address and secret") }
    var hookURLOnce: String {
        t(
            "Kopiera båda nu: de visas bara en gång. Avsändaren postar till adressen och signerar varje meddelande med nyckeln (webhook-id, webhook-timestamp, webhook-signature).",
            "Copy both now: they are shown only once. The sender posts to the address and signs each message with the secret (webhook-id, webhook-timestamp, webhook-signature)."
        )
    }
    var renew: String { t("Ny adress och nyckel", "New address and secret") }
    var received: String { t("Mottagna", "Received") }
    var lastReceived: String { t("Senast mottaget", "Last received") }
    var messages: String { t("Meddelanden", "Messages") }
    var noMessages: String { t("Inga meddelanden än.", "No messages yet.") }
    var messageID: String { t("Meddelande-id", "Message id") }
    var became: String { t("Blev", "Became") }
    var customer: String { t("Kund", "Customer") }
    var quotation: String { t("Offert", "Quotation") }
    var noQuotationNoDate: String { t("ingen offert (inget datum)", "no quotation (no date)") }
    public var emailNotResendable: String {
        t(
            "Det här meddelandet kan inte skickas igen: en signeringslänk skickas om med ”Skicka länken igen” på offerten (den gör en ny länk), och en triggers e-post hör till triggerns körning.",
            "This email cannot be sent again: a signing link is resent with \u{201C}Resend the link\u{201D} on the quotation (which makes a new link), and a trigger's email belongs to the trigger's run."
        )
    }
    public var emailTooOld: String {
        t(
            "Jobbet som skickade meddelandet är borttaget (äldre än lagringstiden), så det kan inte skickas igen.",
            "The job that sent this email has been removed (older than the retention period), so it cannot be sent again."
        )
    }

    // The condition builder.
    var conditionsHeading: String { t("Villkor", "Conditions") }
    var conditionsHint: String {
        t(
            "Fält i händelsen: object.… (posten efter ändringen), details.… (ändringen), previous.… (det som ersattes), event.type. Inga villkor: triggern körs för varje händelse av typen.",
            "Fields of the event: object.… (the record after the change), details.… (the change), previous.… (what it replaced), event.type. No conditions: the trigger runs for every event of its type."
        )
    }
    func matchLabel(_ match: ConditionGroup.Match, top: Bool) -> String {
        switch (match, top) {
        case (.all, true): t("Alla villkoren ska gälla", "All of the conditions hold")
        case (.any, true): t("Minst ett av villkoren ska gälla", "At least one of the conditions holds")
        case (.all, false): t("Grupp: alla ska gälla", "Group: all hold")
        case (.any, false): t("Grupp: minst ett ska gälla", "Group: at least one holds")
        }
    }
    func operatorLabel(_ op: Condition.Operator) -> String {
        switch op {
        case .equals: t("är", "equals")
        case .differs: t("är inte", "differs from")
        case .contains: t("innehåller", "contains")
        case .greater: t("är större än", "is greater than")
        case .less: t("är mindre än", "is less than")
        case .in: t("är något av (komma mellan)", "is one of (comma-separated)")
        case .empty: t("är tomt", "is empty")
        case .notEmpty: t("är inte tomt", "is not empty")
        case .changed: t("ändrades", "changed")
        case .changedFrom: t("ändrades från", "changed from")
        case .changedTo: t("ändrades till", "changed to")
        }
    }
    var fieldLabel: String { t("Fält", "Field") }
    var operatorName: String { t("Jämförelse", "Comparison") }
    var valueLabel: String { t("Värde", "Value") }
    var addCondition: String { t("+ Villkor", "+ Condition") }
    var addGroup: String { t("+ Grupp", "+ Group") }
    var removeRow: String { t("Ta bort", "Remove") }
    var removeGroup: String { t("Ta bort gruppen", "Remove the group") }
    var noConditions: String { t("Inga villkor.", "No conditions.") }

    // The run log's filters.
    var triggerLabel: String { t("Trigger", "Trigger") }
    var allTriggers: String { t("Alla triggers", "All triggers") }
    var fromDay: String { t("Från och med", "From") }
    var toDay: String { t("Till och med", "To") }
    var entityLabel: String { t("Post", "Record") }
    var entityHint: String {
        t(
            "Typ och id, till exempel booking:12 eller quotation:7.",
            "Type and id, for example booking:12 or quotation:7.")
    }
}
