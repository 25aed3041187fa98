import Foundation
import TestSupport
import Testing

/// Flows through their pages with a real PostgreSQL: an admin builds a flow with a branch in the
/// editor (buttons and all, no JavaScript), the simulator predicts a walk, a manager starts the flow
/// on a booking, its tasks are completed through the task pages, and the run takes exactly the
/// predicted path with its events; refusals store nothing; roles hold.
@Suite("Admin: flows", .serialized)
struct AdminFlowTests {
    /// Two published forms made the way the form builder stores them: a survey with a choice and a
    /// checklist.
    static func forms(_ session: AdminSession) throws -> (survey: String, checklist: String) {
        func form(_ name: String, _ definition: String) throws -> String {
            let id =
                try session.sql(
                    "INSERT INTO forms (name, draft) VALUES ('\(name)', '\(definition)') RETURNING id"
                )
                .split(separator: "\n").first.map(String.init) ?? ""
            _ = try session.sql(
                "INSERT INTO form_versions (form_id, version, name, definition) VALUES (\(id), 1, '\(name)', '\(definition)')"
            )
            return id
        }
        let survey = try form(
            "Testbesök",
            #"{"sections": [{"title": "Mark", "fields": [{"key": "underlag", "label": "Underlag", "kind": "choice", "required": true, "options": ["gräs", "asfalt"]}]}]}"#
        )
        let checklist = try form(
            "Testlista",
            #"{"sections": [{"title": "", "fields": [{"key": "klart", "label": "Klart", "kind": "yes_no", "required": false}]}]}"#
        )
        return (survey, checklist)
    }

    /// The editor's rows as the page posts them.
    static func rows(_ rows: [[(String, String)]]) -> [(String, String)] {
        var fields: [(String, String)] = [("r_count", String(rows.count))]
        for (index, row) in rows.enumerated() {
            for (name, value) in row { fields.append(("r_\(name)_\(index)", value)) }
        }
        return fields
    }

    static func flowSnapshot(_ session: AdminSession) throws -> String {
        try session.sql(
            """
            SELECT (SELECT count(*) FROM flows) || '|' || (SELECT count(*) FROM flow_versions) || '|'
                || (SELECT count(*) FROM flow_runs) || '|' || (SELECT count(*) FROM tasks) || '|'
                || (SELECT count(*) FROM audit_log WHERE entity_type IN ('flow', 'flow_run'))
            """)
    }

    @Test func aFlowWithABranchRunsTheWayTheSimulatorSaid() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        let forms = try Self.forms(session)

        // The editor without JavaScript: "+ Level" and "+ Branch" post the form and show it again.
        let blank = try admin.get("/admin/flows/new")
        #expect(blank.status == 200 && blank.text.contains("name=\"r_kind_0\" value=\"level\""))
        let withTask = try admin.post(
            "/admin/flows",
            [("name", "Eventtest"), ("description", ""), ("version", "")]
                + Self.rows([[("kind", "level"), ("name", "Platsbesök"), ("key", ""), ("then", "")]])
                + [("builder", "task:0")])
        #expect(withTask.status == 200)
        #expect(withTask.text.contains("name=\"r_kind_1\" value=\"task\""))
        #expect(withTask.text.contains("name=\"r_key_0\" value=\"platsbesok\""), "the key made from the name")
        #expect(
            try session.sql("SELECT count(*) FROM flows WHERE name = 'Eventtest'") == "0",
            "an editor button saves nothing")

        let definition = Self.rows([
            [("kind", "level"), ("name", "Platsbesök"), ("key", "platsbesok"), ("then", "packning")],
            [
                ("kind", "task"), ("name", "Besök platsen"), ("form", forms.survey), ("assignee", "role:warehouse"),
                ("due", "3"),
            ],
            [("kind", "branch"), ("field", "answers.underlag"), ("op", "equals"), ("value", "gräs"), ("goto", "golv")],
            [("kind", "level"), ("name", "Golv"), ("key", ""), ("then", "")],
            [
                ("kind", "task"), ("name", "Lägg golv"), ("form", forms.checklist), ("assignee", "role:warehouse"),
                ("due", ""),
            ],
            [("kind", "level"), ("name", "Packning"), ("key", ""), ("then", "end")],
            [
                ("kind", "task"), ("name", "Packlista"), ("form", forms.checklist), ("assignee", "customer"),
                ("due", ""),
            ],
            [
                ("kind", "branch"), ("field", "booking.total"), ("op", "greater"), ("value", "100000000"),
                ("goto", "chef"),
            ],
            [("kind", "level"), ("name", "Chef"), ("key", "chef"), ("then", "")],
            [("kind", "task"), ("name", "Godkänn"), ("form", forms.checklist), ("assignee", "manager"), ("due", "")],
        ])

        // A branch going back is refused with the reason; nothing is stored.
        var backwards = definition
        if let index = backwards.firstIndex(where: { $0.0 == "r_goto_7" }) { backwards[index].1 = "platsbesok" }
        let before = try Self.flowSnapshot(session)
        let refused = try admin.post(
            "/admin/flows", [("name", "Eventtest"), ("description", ""), ("version", ""), ("save", "1")] + backwards)
        #expect(refused.status == 422)
        #expect(refused.text.contains("Branches only go forward"))
        #expect(Page.value("name", in: refused.text) == "Eventtest", "what was typed is kept")
        let unnamed = try admin.post(
            "/admin/flows", [("name", " "), ("description", ""), ("version", ""), ("save", "1")] + definition)
        #expect(unnamed.status == 400 && unnamed.text.contains("Give the flow a name"))
        #expect(try Self.flowSnapshot(session) == before)

        let created = try admin.post(
            "/admin/flows",
            [("name", "Eventtest"), ("description", "Test av grenar"), ("version", ""), ("save", "1")] + definition)
        #expect(created.status == 303)
        let flowID = try session.sql("SELECT id FROM flows WHERE name = 'Eventtest'")
        let page = try admin.get("/admin/flows/\(flowID)")
        #expect(page.status == 200)
        for text in [
            "data-level=\"platsbesok\"", "data-level=\"golv\"", "data-level=\"chef\"", "Besök platsen", "Testbesök",
        ] {
            #expect(page.text.contains(text), "\(text)")
        }

        // The simulator: grass and a small total → Platsbesök, Golv, Packning; nothing is made.
        let tasksBefore = try session.sql("SELECT count(*) FROM tasks")
        let simulated = try admin.get("/admin/flows/\(flowID)/simulate?v_0=gr%C3%A4s&v_1=5000")
        #expect(simulated.status == 200)
        let walk = Self.walk(simulated.text)
        #expect(walk == ["platsbesok", "golv", "packning"], "\(walk)")
        #expect(try session.sql("SELECT count(*) FROM tasks") == tasksBefore)
        let asphalt = Self.walk(try admin.get("/admin/flows/\(flowID)/simulate?v_0=asfalt&v_1=5000").text)
        #expect(asphalt == ["platsbesok", "packning"], "\(asphalt)")

        // A manager starts it on a booking; warehouse staff may not.
        let booking = try session.sql(
            "SELECT id FROM bookings WHERE state = 'confirmed' AND total_ore < 10000000000 ORDER BY id LIMIT 1")
        let warehouse = try session.browser(signedInAs: "lager@eventgaraget.se")
        _ = try warehouse.get("/admin/bookings/\(booking)")
        #expect(try warehouse.post("/admin/flows/runs", [("flow", flowID), ("booking", booking)]).status == 403)
        let manager = try session.browser(signedInAs: "maria@eventgaraget.se")
        let bookingPage = try manager.get("/admin/bookings/\(booking)")
        #expect(bookingPage.text.contains("id=\"flows\"") && bookingPage.text.contains(">Eventtest</option>"))
        let started = try manager.post("/admin/flows/runs", [("flow", flowID), ("booking", booking)])
        #expect(started.status == 303)
        let again = try manager.post("/admin/flows/runs", [("flow", flowID), ("booking", booking)])
        #expect(again.status == 409 && again.text.contains("already runs"), "one run at a time")
        let run = try session.sql("SELECT id FROM flow_runs WHERE booking_id = \(booking)")
        #expect(try session.sql("SELECT current_level FROM flow_runs WHERE id = \(run)") == "platsbesok")
        let surveyTask = try session.sql(
            "SELECT id || ':' || assignee_kind || ':' || assignee_role || ':' || (due_on IS NOT NULL) FROM tasks WHERE flow_run_id = \(run)"
        )
        #expect(surveyTask.hasSuffix(":role:warehouse:true"), "\(surveyTask)")
        let surveyID = String(surveyTask.prefix { $0 != ":" })

        // The booking page shows the progress: the current level with its task, and what is ahead.
        let progress = try manager.get("/admin/bookings/\(booking)")
        #expect(progress.text.contains("class=\"current\" data-level=\"platsbesok\""))
        #expect(progress.text.contains("class=\"ahead\" data-level=\"golv\""))

        // The warehouse fills the survey: grass.
        _ = try warehouse.get("/admin/tasks/\(surveyID)")
        let done = try warehouse.postMultipart(
            "/admin/tasks/\(surveyID)/complete", fields: [("underlag", "gräs")], file: nil)
        #expect(done.status == 303, "\(done.status) \(done.text.prefix(300))")
        #expect(try session.sql("SELECT current_level FROM flow_runs WHERE id = \(run)") == "golv")
        let floorTask = try session.sql(
            "SELECT id FROM tasks WHERE flow_run_id = \(run) AND flow_level = 'golv' AND state = 'open'")
        _ = try warehouse.get("/admin/tasks/\(floorTask)")
        #expect(
            try warehouse.postMultipart("/admin/tasks/\(floorTask)/complete", fields: [("klart", "yes")], file: nil)
                .status == 303)
        // Packning's task is the customer's; the staff side cannot complete it for them, so it is
        // completed as the portal would (the customer's own task), through the same use case.
        #expect(try session.sql("SELECT current_level FROM flow_runs WHERE id = \(run)") == "packning")
        let customerTask = try session.sql(
            "SELECT id || ':' || assignee_kind FROM tasks WHERE flow_run_id = \(run) AND flow_level = 'packning'")
        #expect(customerTask.hasSuffix(":customer"), "\(customerTask)")
        let packID = String(customerTask.prefix { $0 != ":" })
        _ = try admin.get("/admin/tasks/\(packID)")
        #expect(
            try admin.postMultipart("/admin/tasks/\(packID)/cancel", fields: [], file: nil).status == 303,
            "a manager may cancel the customer's task")

        // The run took the simulator's path and ended: Platsbesök → Golv → Packning → end.
        #expect(try session.sql("SELECT state FROM flow_runs WHERE id = \(run)") == "done")
        let path = try session.sql(
            "SELECT string_agg(level_key || '>' || went_to, ',' ORDER BY id) FROM flow_run_levels WHERE run_id = \(run)"
        )
        #expect(path == "platsbesok>golv,golv>packning,packning>end", "\(path)")
        #expect(
            try session.sql(
                "SELECT string_agg(DISTINCT type, ',' ORDER BY type) FROM events WHERE type LIKE 'flow.%'")
                == "flow.completed,flow.created,flow.level_entered,flow.started")
        let branchTrace = try session.sql(
            "SELECT trace::text FROM flow_run_levels WHERE run_id = \(run) AND level_key = 'platsbesok'")
        #expect(branchTrace.contains("\"actual\": \"gräs\"") || branchTrace.contains("\"actual\":\"gräs\""))

        // The flow's page lists the run; the booking page shows it done.
        #expect(try admin.get("/admin/flows/\(flowID)").text.contains("/admin/bookings/\(booking)"))
        #expect(try manager.get("/admin/bookings/\(booking)").text.contains("data-state=\"done\""))
    }

    /// The demo's "Eventförberedelse" runs on the company party: the survey answered "gräs", so the
    /// run is on "Golv" with its task open for the warehouse department; the booking page shows it.
    @Test func theDemoFlowRunsOnABooking() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let run = try session.sql(
            """
            SELECT r.booking_id || '|' || r.current_level || '|' ||
                   (SELECT string_agg(t.flow_level || ':' || t.state || ':' || t.assignee_kind, ',' ORDER BY t.id)
                      FROM tasks t WHERE t.flow_run_id = r.id)
              FROM flow_runs r JOIN flows f ON f.id = r.flow_id WHERE f.name = 'Eventförberedelse'
            """)
        let parts = run.split(separator: "|").map(String.init)
        #expect(parts.count == 3 && parts[1] == "golv", "\(run)")
        #expect(parts.last == "platsbesok:done:department,golv:open:department", "\(run)")
        let page = try session.admin.get("/admin/bookings/\(parts.first ?? "0")")
        #expect(page.text.contains("class=\"passed\" data-level=\"platsbesok\""))
        #expect(page.text.contains("class=\"current\" data-level=\"golv\""))
        #expect(page.text.contains("class=\"ahead\" data-level=\"kundens_uppgifter\""))
        let flows = try session.admin.get("/admin/flows")
        #expect(flows.text.contains("data-flow=\"Eventförberedelse\""))
    }

    /// A department the demo flow gave tasks to is not deleted (the tasks say who did the work): a
    /// message, not an error. A position a flow names but that is gone gives the level's task to the
    /// managers, so the flow still moves on.
    @Test func theStructureAndFlowsKeepEachOtherWhole() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        let lager = try session.sql("SELECT id FROM departments WHERE name = 'Lager och logistik'")
        let salj = try session.sql("SELECT id FROM departments WHERE name = 'Sälj'")
        _ = try admin.get("/admin/structure/departments/\(lager)")
        let refused = try admin.post("/admin/structure/departments/\(lager)/delete", [("move_to", salj)])
        #expect(refused.status == 422 && refused.text.contains("Tasks were given to it"), "\(refused.status)")
        #expect(try session.sql("SELECT count(*) FROM departments WHERE id = \(lager)") == "1")

        let forms = try Self.forms(session)
        let montor = try session.sql("SELECT id FROM positions WHERE name = 'Montör'")
        _ = try admin.get("/admin/flows/new")
        #expect(
            try admin.post(
                "/admin/flows",
                [("name", "Montage"), ("description", ""), ("version", ""), ("save", "1")]
                    + Self.rows([
                        [("kind", "level"), ("name", "Montera"), ("key", ""), ("then", "")],
                        [
                            ("kind", "task"), ("name", "Montera tältet"), ("form", forms.checklist),
                            ("assignee", "position:\(montor)"), ("due", ""),
                        ],
                    ])
            ).status == 303)
        _ = try admin.get("/admin/structure/departments/\(lager)")
        #expect(
            try admin.post("/admin/structure/positions/\(montor)/delete").status == 303,
            "a vacant position without tasks")
        let flow = try session.sql("SELECT id FROM flows WHERE name = 'Montage'")
        let booking = try session.sql("SELECT id FROM bookings WHERE state = 'confirmed' ORDER BY id LIMIT 1")
        _ = try admin.get("/admin/bookings/\(booking)")
        #expect(try admin.post("/admin/flows/runs", [("flow", flow), ("booking", booking)]).status == 303)
        #expect(
            try session.sql(
                "SELECT t.assignee_kind || ':' || t.assignee_role FROM tasks t JOIN flow_runs r ON r.id = t.flow_run_id WHERE r.flow_id = \(flow)"
            )
                == "role:manager")
    }

    @Test func onlyAdminsBuildAndAStoppedRunCancelsItsTasks() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let forms = try Self.forms(session)
        let manager = try session.browser(signedInAs: "maria@eventgaraget.se")
        #expect(try manager.get("/admin/flows").status == 200)
        #expect(try manager.get("/admin/flows/new").status == 403)
        let levels: [[(String, String)]] = [
            [("kind", "level"), ("name", "Ett"), ("key", ""), ("then", "")],
            [("kind", "task"), ("name", "Gör det"), ("form", forms.checklist), ("assignee", "manager"), ("due", "1")],
        ]
        let definition = Self.rows(levels)
        #expect(
            try manager.post(
                "/admin/flows", [("name", "X"), ("description", ""), ("version", ""), ("save", "1")] + definition
            )
            .status == 403)
        let support = try session.browser(signedInAs: "support@eventgaraget.se")
        #expect(try support.get("/admin/flows").status == 403)

        _ = try session.admin.get("/admin/flows/new")
        let stopptest = try session.admin.post(
            "/admin/flows", [("name", "Stopptest"), ("description", ""), ("version", ""), ("save", "1")] + definition)
        #expect(stopptest.status == 303, "\(stopptest.status): \(stopptest.text.prefix(400))")
        let flowID = try session.sql("SELECT id FROM flows WHERE name = 'Stopptest'")
        let booking = try session.sql("SELECT id FROM bookings WHERE state = 'confirmed' ORDER BY id DESC LIMIT 1")
        _ = try manager.get("/admin/bookings/\(booking)")
        #expect(try manager.post("/admin/flows/runs", [("flow", flowID), ("booking", booking)]).status == 303)
        let run = try session.sql("SELECT id FROM flow_runs WHERE booking_id = \(booking) AND flow_id = \(flowID)")
        // "The starter's manager": Maria's manager in the demo structure gets the task.
        let assignee = try session.sql(
            "SELECT u.email FROM tasks t JOIN users u ON u.id = t.assignee_user_id WHERE t.flow_run_id = \(run)")
        let marias = try session.sql(
            "SELECT u.email FROM staff_placements p JOIN users u ON u.id = p.manager_id JOIN users m ON m.id = p.user_id WHERE m.email = 'maria@eventgaraget.se'"
        )
        #expect(!marias.isEmpty && assignee == marias, "\(assignee) vs \(marias)")

        // A new version leaves the running run on its own.
        let page = try session.admin.get("/admin/flows/\(flowID)")
        let version = Page.value("version", in: page.text) ?? ""
        #expect(version == "1")
        let saved = try session.admin.post(
            "/admin/flows/\(flowID)",
            [("name", "Stopptest"), ("description", ""), ("version", "1"), ("save", "1")]
                + Self.rows(levels + [[("kind", "level"), ("name", "Två"), ("key", ""), ("then", "")]]))
        #expect(saved.status == 303)
        #expect(try session.sql("SELECT current_version FROM flows WHERE id = \(flowID)") == "2")
        let stale = try session.admin.post(
            "/admin/flows/\(flowID)",
            [("name", "Stopptest"), ("description", ""), ("version", "1"), ("save", "1")] + definition)
        #expect(stale.status == 409, "saving over a newer version")
        #expect(
            try session.sql(
                "SELECT v.version FROM flow_runs r JOIN flow_versions v ON v.id = r.flow_version_id WHERE r.id = \(run)"
            )
                == "1")

        let stopped = try manager.post("/admin/flows/runs/\(run)/cancel")
        #expect(stopped.status == 303)
        #expect(try session.sql("SELECT state FROM flow_runs WHERE id = \(run)") == "cancelled")
        #expect(try session.sql("SELECT string_agg(state, ',') FROM tasks WHERE flow_run_id = \(run)") == "cancelled")
    }

    /// The levels of the simulator's walk, in order.
    static func walk(_ html: String) -> [String] {
        guard let start = html.range(of: "class=\"flow-walk\""), let end = html[start.upperBound...].range(of: "</ol>")
        else { return [] }
        let list = html[start.upperBound..<end.lowerBound]
        var keys: [String] = []
        var rest = list[...]
        while let found = rest.range(of: "<li data-level=\"") {
            let tail = rest[found.upperBound...]
            guard let quote = tail.firstIndex(of: "\"") else { break }
            keys.append(String(tail[..<quote]))
            rest = tail[quote...]
        }
        return keys
    }
}
