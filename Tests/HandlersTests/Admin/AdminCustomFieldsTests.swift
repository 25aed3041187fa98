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
        #expect(
            try session.sql(
                "SELECT count(*) FROM audit_log WHERE entity_type = 'custom_field' AND action = 'created'") == "1")
        #expect(try session.sql("SELECT count(*) FROM events WHERE type = 'custom_field.created'") == "1")
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
        #expect(try session.sql("SELECT count(*) FROM events WHERE type LIKE 'custom_field.%'") == "3")
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
