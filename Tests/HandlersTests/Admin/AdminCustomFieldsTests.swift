import Foundation
import TestSupport
import Testing

/// Custom fields through the pages, in process with a real PostgreSQL: an admin adds a field,
/// it appears on the customer form, refuses bad values (400, the message next to it, nothing
/// stored), is saved with its audit row, shows as a list column and filters the list; hostile
/// filter text stays a bound parameter; only admins define fields.
@Suite("Admin: custom fields", .serialized)
struct AdminCustomFieldsTests {
    static func customerCount(_ session: AdminSession) throws -> String {
        try session.sql("SELECT count(*) || '|' || count(*) FILTER (WHERE custom <> '{}') FROM customers")
    }

    static let newCustomer: [(String, String)] = [
        ("kind", "person"), ("name", "Fältsson Test"), ("billing_country", "SE"), ("delivery_country", "SE"),
        ("locale", "sv"),
    ]

    @Test func aFieldAddedInThePagesIsInTheFormTheListAndTheFilter() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        let page = try admin.get("/admin/fields")
        #expect(page.status == 200 && page.text.contains("Custom fields"))

        // A malformed key is refused next to its field; nothing stored.
        let bad = try admin.post(
            "/admin/fields",
            [("entity", "customer"), ("key", "Bad Key"), ("kind", "text"), ("label", "X")])
        #expect(bad.status == 400 && bad.text.contains("The key must be lower-case letters"))
        #expect(try session.sql("SELECT count(*) FROM custom_field_definitions WHERE key = 'bad key'") == "0")

        let created = try admin.post(
            "/admin/fields",
            [
                ("entity", "customer"), ("key", "segment"), ("kind", "choice"), ("label", "Segment"),
                ("options", "Bröllop\nFöretagsfest\nFestival"), ("required", "yes"), ("list_column", "yes"),
                ("filterable", "yes"), ("help", "Vilken sorts kund"),
            ])
        #expect(created.status == 303, "\(created.text)")
        let segment = "(SELECT id FROM custom_field_definitions WHERE key = 'segment')"
        #expect(
            try session.sql(
                "SELECT count(*) FROM audit_log WHERE entity_type = 'custom_field' AND action = 'created' AND entity_id = \(segment)"
            ) == "1")
        #expect(
            try session.sql(
                "SELECT count(*) FROM events WHERE type = 'custom_field.created' AND entity_id = \(segment)") == "1")
        let list = try admin.get("/admin/fields")
        #expect(list.text.contains("segment") && list.text.contains("Bröllop, Företagsfest, Festival"))
        // The same key twice: 422.
        let twice = try admin.post(
            "/admin/fields", [("entity", "customer"), ("key", "segment"), ("kind", "text"), ("label", "Igen")])
        #expect(twice.status == 422 && twice.text.contains("already a field with the key segment"))

        // The customer form shows the field with its options and help.
        let form = try admin.get("/admin/customers/new")
        #expect(form.text.contains("name=\"cf_segment\"") && form.text.contains("Festival"))
        #expect(form.text.contains("Vilken sorts kund"))

        // Required and by type: refused with the message next to it, nothing stored.
        let before = try Self.customerCount(session)
        let missing = try admin.post("/admin/customers", Self.newCustomer + [("cf_segment", "")])
        #expect(missing.status == 400 && missing.text.contains("Fill in this field."))
        let wrong = try admin.post("/admin/customers", Self.newCustomer + [("cf_segment", "Begravning")])
        #expect(wrong.status == 400 && wrong.text.contains("Choose one of the options."))
        #expect(wrong.text.contains("value=\"Fältsson Test\""), "what was typed is kept")
        #expect(try Self.customerCount(session) == before)

        let saved = try admin.post("/admin/customers", Self.newCustomer + [("cf_segment", "Festival")])
        #expect(saved.status == 303)
        let id = try session.sql("SELECT id FROM customers WHERE name = 'Fältsson Test'")
        #expect(try session.sql("SELECT custom->>'segment' FROM customers WHERE id = \(id)") == "Festival")
        #expect(
            try session.sql(
                "SELECT after->>'custom.segment' FROM audit_log WHERE entity_type = 'customer' AND entity_id = \(id) AND action = 'created'"
            ) == "Festival")
        #expect(
            try session.sql(
                "SELECT payload->'object'->'custom'->>'segment' FROM events WHERE type = 'customer.created' ORDER BY id DESC LIMIT 1"
            ) == "Festival")

        // The edit form shows the stored value; an update to a bad value changes nothing.
        let shown = try admin.get("/admin/customers/\(id)")
        #expect(shown.text.contains("<dt>Segment</dt><dd>Festival</dd>"))
        let edit = try admin.get("/admin/customers/\(id)/edit")
        #expect(edit.text.contains("<option value=\"Festival\" selected"))
        let version = try session.sql("SELECT version FROM customers WHERE id = \(id)")
        let refused = try admin.post(
            "/admin/customers/\(id)", Self.newCustomer + [("version", version), ("cf_segment", "x")])
        #expect(refused.status == 400)
        #expect(try session.sql("SELECT custom->>'segment' FROM customers WHERE id = \(id)") == "Festival")

        // The list: a column, and a filter that finds exactly this customer.
        let all = try admin.get("/admin/customers?q=F%C3%A4ltsson")
        #expect(all.text.contains("<th class=\"custom\">Segment</th>") && all.text.contains(">Festival</td>"))
        let filtered = try admin.get("/admin/customers?cf_segment=Festival")
        #expect(filtered.text.contains("Fältsson Test"))
        #expect(filtered.text.contains("<option value=\"Festival\" selected"))
        let other = try admin.get("/admin/customers?cf_segment=Br%C3%B6llop")
        #expect(!other.text.contains("Fältsson Test"))
        // Hostile filter text is a value, never SQL: no error, no match, the table intact.
        for hostile in ["Festival' OR '1'='1", "\"}') OR true --", "%' ; DROP TABLE customers; --"] {
            let encoded = hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let answer = try admin.get("/admin/customers?cf_segment=\(encoded)")
            #expect(answer.status == 200 && !answer.text.contains("Fältsson Test"), "\(hostile)")
        }
        #expect(try session.sql("SELECT count(*) > 0 FROM customers") == "t")

        // Archived: gone from the form and the list, the value kept.
        let fieldID = try session.sql("SELECT id FROM custom_field_definitions WHERE key = 'segment'")
        _ = try admin.get("/admin/fields")
        #expect(try admin.post("/admin/fields/\(fieldID)/archive").status == 303)
        #expect(!(try admin.get("/admin/customers/new")).text.contains("cf_segment"))
        let version2 = try session.sql("SELECT version FROM customers WHERE id = \(id)")
        _ = try admin.get("/admin/customers/\(id)/edit")
        let resaved = try admin.post(
            "/admin/customers/\(id)", Self.newCustomer + [("version", version2), ("phone", "070-111 22 33")])
        #expect(resaved.status == 303)
        #expect(try session.sql("SELECT custom->>'segment' FROM customers WHERE id = \(id)") == "Festival")
        _ = try admin.get("/admin/fields")
        #expect(try admin.post("/admin/fields/\(fieldID)/archive", [("restore", "yes")]).status == 303)
        #expect(
            try session.sql(
                "SELECT string_agg(type, ',' ORDER BY id) FROM events WHERE type LIKE 'custom_field.%' AND entity_id = \(fieldID)"
            ) == "custom_field.created,custom_field.archived,custom_field.restored")
    }

    @Test func theDemoFieldsAreOnTheirFormsListsFiltersTriggersAndExports() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        let fields = try admin.get("/admin/fields")
        for label in ["Kundtyp", "Vikt (kg)", "Markunderlag", "Portkod"] {
            #expect(fields.text.contains(label), "\(label)")
        }

        // Customers: the column, and the filter as a select of the options.
        let customers = try admin.get("/admin/customers?cf_kundtyp=F%C3%B6rening")
        #expect(customers.text.contains("<th class=\"custom\">Kundtyp</th>"))
        #expect(customers.text.contains("Kungälvs Idrottsförening") && !customers.text.contains("Åsa Öberg"))
        #expect(customers.text.contains("<option value=\"Förening\" selected"))

        // Products: a number range.
        let heavy = try admin.get("/admin/products?cf_vikt_kg_from=100")
        #expect(heavy.text.contains("<th class=\"custom\">Vikt (kg)</th>"))
        #expect(heavy.text.contains("TALT-12x24") && heavy.text.contains(">1450</td>"))
        #expect(!heavy.text.contains("STOL-VIT"))
        // A range bound that is not a number is no filter, and never an error.
        #expect(try admin.get("/admin/products?cf_vikt_kg_from=1%27%3B--").status == 200)

        // The booking page: the field with the notes; too long is refused with nothing stored.
        let booking = try session.sql("SELECT id FROM bookings WHERE custom ? 'portkod' ORDER BY id LIMIT 1")
        let code = try session.sql("SELECT custom->>'portkod' FROM bookings WHERE id = \(booking)")
        let page = try admin.get("/admin/bookings/\(booking)")
        #expect(page.text.contains("name=\"cf_portkod\" value=\"\(code)\""))
        let version = try session.sql("SELECT version FROM bookings WHERE id = \(booking)")
        let long = try admin.post(
            "/admin/bookings/\(booking)/notes",
            [("version", version), ("notes", "Ring vid grinden"), ("cf_portkod", String(repeating: "9", count: 501))])
        #expect(long.status == 400 && long.text.contains("At most 500 characters."))
        #expect(try session.sql("SELECT custom->>'portkod' FROM bookings WHERE id = \(booking)") == code)
        let saved = try admin.post(
            "/admin/bookings/\(booking)/notes",
            [("version", version), ("notes", "Ring vid grinden"), ("cf_portkod", "4711")])
        #expect(saved.status == 303)
        #expect(try session.sql("SELECT custom->>'portkod' FROM bookings WHERE id = \(booking)") == "4711")
        let listed = try admin.get("/admin/bookings")
        #expect(listed.status == 200)

        // The trigger page's field picker offers the fields' paths.
        let trigger = try admin.get("/admin/automation/triggers/new")
        #expect(trigger.text.contains("value=\"object.custom.markunderlag\""))
        #expect(trigger.text.contains("value=\"object.customer.custom.kundtyp\""))
        #expect(trigger.text.contains("value=\"object.custom.portkod\""))

        // The utilisation export carries the products' field.
        let csv = try admin.get("/admin/reports/utilisation.csv")
        #expect(csv.status == 200 && csv.text.contains("Vikt (kg)") && csv.text.contains("1450"))
    }

    @Test func onlyAdminsDefineFields() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        for email in ["maria@eventgaraget.se", "support@eventgaraget.se"] {
            let member = try session.browser(signedInAs: email)
            #expect(try member.get("/admin/fields").status == 403)
            let refused = try member.post(
                "/admin/fields", [("entity", "customer"), ("key", "x"), ("kind", "text"), ("label", "X")])
            #expect(refused.status == 403)
        }
        #expect(try session.sql("SELECT count(*) FROM custom_field_definitions WHERE key = 'x'") == "0")
    }
}
