import Foundation
import TestSupport
import Testing

/// Forms and tasks in process with a real PostgreSQL: an admin builds and publishes a form without
/// JavaScript; a manager gives a task on a booking to a department; "My tasks" shows it to the
/// people placed there and not to others; completing it stores the answers and files and emits the
/// event, and a missing required visible field is refused with its message, nothing stored.
@Suite("Admin: forms and tasks", .serialized)
struct AdminTasksTests {
    /// The builder's inputs for a site survey with a conditional field.
    static let survey: [(String, String)] = [
        ("name", "Test survey"), ("description", ""), ("sections", "1"), ("fields", "3"), ("s0_title", "Plats"),
        ("f0_section", "0"), ("f0_key", ""), ("f0_label", "Truck access"), ("f0_kind", "yes_no"),
        ("f0_required", "yes"),
        ("f0_help", ""), ("f0_options", ""), ("f0_when_field", ""), ("f0_when_value", ""),
        ("f1_section", "0"), ("f1_key", "access_notes"), ("f1_label", "Describe the access"), ("f1_kind", "long_text"),
        ("f1_required", "yes"), ("f1_help", ""), ("f1_options", ""), ("f1_when_field", "truck_access"),
        ("f1_when_value", "no"),
        ("f2_section", "0"), ("f2_key", "photos"), ("f2_label", "Photos"), ("f2_kind", "file"), ("f2_help", ""),
        ("f2_options", ""), ("f2_when_field", ""), ("f2_when_value", ""),
    ]

    static func buildForm(_ session: AdminSession) throws -> String {
        let admin = session.admin
        _ = try admin.get("/admin/forms/new")
        let created = try admin.post("/admin/forms", [("name", "Test survey")])
        #expect(created.status == 303)
        let id = try session.sql("SELECT id FROM forms WHERE name = 'Test survey'")
        #expect(created.header("location") == "/admin/forms/\(id)")
        _ = try admin.get("/admin/forms/\(id)")
        let published = try admin.post("/admin/forms/\(id)", Self.survey + [("op", "publish")])
        #expect(published.status == 303, "\(published.text.prefix(2000))")
        return id
    }

    @Test func anAdminBuildsAFormWithoutJavaScriptAndPublishingChecksIt() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        // The demo's forms are there, published, and its tasks on a booking.
        let list = try admin.get("/admin/forms")
        for name in ["Platsbesök", "Packlista kontroll", "Leveranstid och platskarta"] {
            #expect(list.text.contains(">\(name)</a>"), "\(name)")
        }
        #expect(
            try session.sql(
                "SELECT string_agg(state || ':' || assignee_kind, ',' ORDER BY id) FROM tasks WHERE flow_run_id IS NULL"
            )
                == "done:role,open:position,open:customer", "the demo's own tasks (its flow's are the flow test's)")
        _ = try admin.get("/admin/forms/new")
        _ = try admin.post("/admin/forms", [("name", "Test survey")])
        let id = try session.sql("SELECT id FROM forms WHERE name = 'Test survey'")
        _ = try admin.get("/admin/forms/\(id)")

        // "Add a field" comes back with the field's inputs, nothing stored.
        let added = try admin.post(
            "/admin/forms/\(id)", [("name", "Test survey"), ("sections", "1"), ("fields", "0"), ("op", "add:0")])
        #expect(added.status == 200)
        #expect(Page.value("f0_key", in: added.text) == "field_1")
        #expect(added.text.contains("name=\"f0_label\""))
        #expect(try session.sql("SELECT count(*) FROM form_versions WHERE form_id = \(id)") == "0")

        // Publishing a field without a label is refused next to it; nothing is stored.
        var missing = Self.survey
        missing[missing.firstIndex { $0.0 == "f1_label" }!].1 = ""
        let refused = try admin.post("/admin/forms/\(id)", missing + [("op", "publish")])
        #expect(refused.status == 422)
        #expect(Page.error("f1_label", in: refused.text) == "Write the field's label.")
        #expect(try session.sql("SELECT count(*) FROM form_versions WHERE form_id = \(id)") == "0")

        // The preview shows the conditional field with its condition in words.
        let preview = try admin.post("/admin/forms/\(id)", Self.survey + [("op", "preview")])
        #expect(preview.text.contains("data-when-field=\"truck_access\""))
        #expect(preview.text.contains("Only if “Truck access” is “No”."))

        let published = try admin.post("/admin/forms/\(id)", Self.survey + [("op", "publish")])
        #expect(published.status == 303)
        #expect(try session.sql("SELECT version FROM form_versions WHERE form_id = \(id)") == "1")
        #expect(
            try session.sql(
                "SELECT definition -> 'sections' -> 0 -> 'fields' -> 0 ->> 'key' FROM form_versions WHERE form_id = \(id)"
            )
                == "truck_access", "the key comes from the label")
        #expect(
            try session.sql("SELECT count(*) FROM events WHERE type = 'form.published' AND entity_id = \(id)") == "1")

        // Only admins build forms.
        let manager = try session.browser(signedInAs: "maria@eventgaraget.se")
        #expect(try manager.get("/admin/forms").status == 403)
    }

    @Test func aTaskForADepartmentIsInTheirTasksAndCompletingStoresTheAnswersOrNothing() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let form = try Self.buildForm(session)
        let booking = try session.sql("SELECT min(id) FROM bookings")
        let lager = try session.sql("SELECT id FROM departments WHERE name = 'Lager och logistik'")

        // A manager gives it on the booking page.
        let manager = try session.browser(signedInAs: "maria@eventgaraget.se")
        let page = try manager.get("/admin/bookings/\(booking)")
        #expect(page.text.contains("Add a task"))
        let given = try manager.post(
            "/admin/tasks",
            [
                ("booking", booking), ("form", form), ("title", "Site survey"), ("assignee", "department:\(lager)"),
                ("due_on", "2026-06-01"),
            ])
        #expect(given.status == 303)
        #expect(given.header("location") == "/admin/bookings/\(booking)")
        let task = try session.sql("SELECT id FROM tasks WHERE title = 'Site survey'")
        #expect(try manager.get("/admin/bookings/\(booking)").text.contains("href=\"/admin/tasks/\(task)\""))
        // A bad assignee is refused with its reason, nothing stored.
        let bad = try manager.post(
            "/admin/tasks", [("booking", booking), ("form", form), ("title", "Other"), ("assignee", "")])
        #expect(bad.status == 400 && bad.text.contains("Choose who is to do the task."))
        #expect(try session.sql("SELECT count(*) FROM tasks WHERE title = 'Other'") == "0")
        // The booking's own customer may be given it; another customer may not (they would see it).
        let stranger = try session.sql(
            "SELECT min(id) FROM customers WHERE id <> (SELECT customer_id FROM bookings WHERE id = \(booking))")
        let foreign = try manager.post(
            "/admin/tasks",
            [("booking", booking), ("form", form), ("title", "Other"), ("assignee", "customer:\(stranger)")])
        #expect(foreign.status == 400 && foreign.text.contains("Choose who is to do the task."))
        #expect(try session.sql("SELECT count(*) FROM tasks WHERE title = 'Other'") == "0")
        let own = try session.sql("SELECT customer_id FROM bookings WHERE id = \(booking)")
        #expect(
            try manager.post(
                "/admin/tasks",
                [("booking", booking), ("form", form), ("title", "Own"), ("assignee", "customer:\(own)")]
            ).status == 303)

        // Jönsson holds Lagerchef in Lager och logistik: his tasks; Åke's (support) not.
        let warehouse = try session.browser(signedInAs: "lager@eventgaraget.se")
        let mine = try warehouse.get("/admin/tasks")
        #expect(mine.status == 200 && mine.text.contains("href=\"/admin/tasks/\(task)\""))
        #expect(mine.text.contains("Lager och logistik"))
        #expect(try warehouse.get("/admin/tasks?show=overdue").text.contains("href=\"/admin/tasks/\(task)\""))
        let support = try session.browser(signedInAs: "support@eventgaraget.se")
        #expect(!(try support.get("/admin/tasks").text.contains("href=\"/admin/tasks/\(task)\"")))

        // "No" shows the description, which is required: 422 with its message, nothing stored.
        let taskPage = try warehouse.get("/admin/tasks/\(task)")
        #expect(taskPage.text.contains("enctype=\"multipart/form-data\""))
        let photo = (name: "photos", filename: "gate.jpg", type: "image/jpeg", data: Data([0xFF, 0xD8, 0xFF, 0x01]))
        let refused = try warehouse.postMultipart(
            "/admin/tasks/\(task)/complete", fields: [("truck_access", "no"), ("access_notes", " ")], file: photo)
        #expect(refused.status == 422)
        #expect(refused.text.contains("Describe the access: please fill in this field."))
        #expect(
            try session.sql("SELECT state || '|' || (SELECT count(*) FROM task_files) FROM tasks WHERE id = \(task)")
                == "open|0")
        #expect(
            try session.sql("SELECT count(*) FROM events WHERE type = 'task.completed' AND entity_id = \(task)") == "0")

        let done = try warehouse.postMultipart(
            "/admin/tasks/\(task)/complete", fields: [("truck_access", "no"), ("access_notes", "Narrow gate, 2.8 m")],
            file: photo)
        #expect(done.status == 303)
        #expect(try session.sql("SELECT state FROM tasks WHERE id = \(task)") == "done")
        #expect(
            try session.sql(
                "SELECT payload -> 'object' -> 'answers' ->> 'access_notes' FROM events WHERE type = 'task.completed' AND entity_id = \(task)"
            )
                == "Narrow gate, 2.8 m")
        #expect(
            try session.sql(
                "SELECT payload -> 'object' -> 'answers' ->> 'truck_access' FROM events WHERE type = 'task.completed' AND entity_id = \(task)"
            )
                == "false")
        let shown = try warehouse.get("/admin/tasks/\(task)")
        #expect(shown.text.contains("Narrow gate, 2.8 m"))
        let fileID = try session.sql("SELECT id FROM task_files WHERE task_id = \(task)")
        let download = try warehouse.get("/admin/tasks/files/\(fileID)")
        #expect(download.status == 200 && download.body == Data([0xFF, 0xD8, 0xFF, 0x01]))
        #expect(try warehouse.get("/admin/tasks?show=done").text.contains("href=\"/admin/tasks/\(task)\""))
    }
}
