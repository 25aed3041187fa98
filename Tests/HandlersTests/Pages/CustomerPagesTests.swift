import Foundation
import TestSupport
import Testing

/// The customers pages in process (the real responder) with a real PostgreSQL and the demo data.
@Suite("Customer pages", .serialized)
struct CustomerPagesTests {
    static let password = "eventgaraget-demo"

    static func signedIn(_ stack: InProcessApp, _ email: String) throws -> StaffBrowser {
        let browser = StaffBrowser(client: stack.client)
        #expect(try browser.login(email: email, password: Self.password).status == 303)
        return browser
    }

    /// Every field of the customer form, as a browser submits it.
    static func fields(_ changes: [String: String], version: String? = nil) -> [(String, String)] {
        var values: [String: String] = [
            "kind": "person", "name": "", "company_name": "", "org_number": "", "vat_number": "", "email": "",
            "phone": "",
            "billing_line1": "", "billing_line2": "", "billing_postal_code": "", "billing_city": "",
            "billing_country": "SE",
            "delivery_line1": "", "delivery_line2": "", "delivery_postal_code": "", "delivery_city": "",
            "delivery_country": "SE",
            "locale": "sv", "notes": "",
        ]
        for (key, value) in changes { values[key] = value }
        var list = values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if let version { list.append(("version", version)) }
        return list
    }

    @Test func creatingACustomerKeepsTheInputOnErrorsThenFindsItInSearch() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        let browser = try Self.signedIn(stack, "support@eventgaraget.se")

        let empty = try browser.get("/admin/customers/new")
        #expect(empty.status == 200)
        #expect(empty.text.contains("New customer"))

        let typed: [String: String] = [
            "kind": "company", "name": "Lisa Ström", "company_name": "", "email": "lisa@", "phone": "031-12 34 56",
            "billing_line1": "Kvarnbygatan 8", "billing_postal_code": "43134", "billing_city": "Mölndal",
            "notes": "Portkod 1234 <b>inte</b> HTML",
        ]
        let refused = try browser.post("/admin/customers", Self.fields(typed))
        #expect(refused.status == 400)
        #expect(refused.text.contains("Correct the marked fields and try again."))
        #expect(refused.text.contains(#"<p class="field-error" id="error-company_name">Required.</p>"#))
        #expect(refused.text.contains(#"id="error-email">Enter an email address such as name@example.com.</p>"#))
        #expect(refused.text.contains(#"aria-invalid="true" aria-describedby="error-email""#))
        for kept in ["Lisa Ström", "lisa@", "031-12 34 56", "Kvarnbygatan 8", "Mölndal"] {
            #expect(refused.text.contains("value=\"\(kept)\""), "keeps \(kept)")
        }
        #expect(refused.text.contains("Portkod 1234 &lt;b&gt;inte&lt;/b&gt; HTML</textarea>"))
        #expect(refused.text.contains(#"<option value="company" selected>"#))
        #expect(
            try stack.postgres.psql("SELECT count(*) FROM customers WHERE name = 'Lisa Ström'", database: database)
                == "0")

        var fixed = typed
        fixed["company_name"] = "Ströms Catering & Fest AB"
        fixed["email"] = "lisa@stromscatering.example"
        let created = try browser.post("/admin/customers", Self.fields(fixed))
        #expect(created.status == 303)
        let location = try #require(created.header("location"))
        #expect(location.hasPrefix("/admin/customers/"))
        let id = String(location.dropFirst("/admin/customers/".count))
        let detail = try browser.follow(created)
        #expect(detail.status == 200)
        #expect(detail.text.contains("Created."))
        #expect(detail.text.contains("Ströms Catering &amp; Fest AB"))
        #expect(detail.text.contains("431 34"), "the postcode is written the Swedish way")
        #expect(detail.text.contains(#"href="mailto:lisa@stromscatering.example""#))
        #expect(!detail.text.contains("New quotation for this customer"), "support may not create quotations")
        #expect(try browser.get("/admin/customers/new").text.contains("New customer"), "the flash shows once")

        for search in ["catering", "STRÖM", "lisa@strom", "031123456"] {
            let list = try browser.get(
                "/admin/customers?q=\(search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            #expect(list.status == 200)
            #expect(list.text.contains("href=\"/admin/customers/\(id)\""), "found by \(search)")
            #expect(list.text.contains("Contact: Lisa Ström"))
        }
        #expect(try browser.get("/admin/customers?q=nobody-like-this").text.contains("No customers found."))
        let audit = try stack.postgres.psql(
            "SELECT action || ':' || (after->>'company_name') FROM audit_log WHERE entity_type = 'customer' AND entity_id = \(id)",
            database: database)
        #expect(audit == "created:Ströms Catering & Fest AB")
        #expect(try browser.get("/admin/customers/99999999").status == 404)
        #expect(try browser.get("/admin/customers?after=abc").status == 400)
    }

    @Test func theSecondOfTwoEditsIsRefusedWithTheFirstOnesValues() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        let id = try stack.postgres.psql("SELECT id FROM customers WHERE name = 'Åsa Öberg'", database: database)
        let asa: [String: String] = [
            "name": "Åsa Öberg", "email": "asa.oberg@example.se", "phone": "070-123 45 67",
            "billing_line1": "Ängsvägen 3",
            "billing_postal_code": "433 30", "billing_city": "Partille",
        ]

        let karin = try Self.signedIn(stack, "admin@eventgaraget.se")
        let maria = try Self.signedIn(stack, "maria@eventgaraget.se")
        let karinForm = try karin.get("/admin/customers/\(id)/edit")
        let mariaForm = try maria.get("/admin/customers/\(id)/edit")
        #expect(karinForm.status == 200 && mariaForm.status == 200)
        let version = try #require(StaffBrowser.inputValue(named: "version", in: mariaForm.text))
        #expect(version == "1")

        var karins = asa
        karins["phone"] = "070-999 88 77"
        let first = try karin.post("/admin/customers/\(id)", Self.fields(karins, version: version))
        #expect(first.status == 303)
        #expect(try karin.follow(first).text.contains("Changes saved."))

        var marias = asa
        marias["name"] = "Åsa Öberg-Lind"
        let second = try maria.post("/admin/customers/\(id)", Self.fields(marias, version: version))
        #expect(second.status == 409)
        #expect(second.text.contains("Someone else saved changes while you were editing."))
        #expect(second.text.contains(#"value="070-999 88 77""#), "the other's saved phone number is shown")
        #expect(second.text.contains(#"value="Åsa Öberg""#), "the stored name, not the refused one")
        #expect(StaffBrowser.inputValue(named: "version", in: second.text) == "2")
        #expect(
            try stack.postgres.psql(
                "SELECT name || '|' || phone || '|' || version FROM customers WHERE id = \(id)", database: database)
                == "Åsa Öberg|070-999 88 77|2")

        // Saving again from the refreshed form goes through.
        let retry = try maria.post(
            "/admin/customers/\(id)", Self.fields(marias.merging(["phone": "070-999 88 77"]) { $1 }, version: "2"))
        #expect(retry.status == 303)
        let audit = try stack.postgres.psql(
            "SELECT string_agg(action || ':' || (SELECT string_agg(k, ',') FROM jsonb_object_keys(after) k), ' ' ORDER BY id) FROM audit_log WHERE entity_type = 'customer' AND entity_id = \(id)",
            database: database)
        #expect(audit == "updated:phone updated:name")
    }

    @Test func archivingHidesTheCustomerUntilAskedForAndRestoreBringsItBack() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        let id = try stack.postgres.psql("SELECT id FROM customers WHERE name = 'Göran Näslund'", database: database)
        let browser = try Self.signedIn(stack, "maria@eventgaraget.se")

        #expect(try browser.get("/admin/customers?q=n%C3%A4slund").text.contains("href=\"/admin/customers/\(id)\""))
        _ = try browser.get("/admin/customers/\(id)")
        let archived = try browser.post("/admin/customers/\(id)/archive")
        #expect(archived.status == 303)
        let page = try browser.follow(archived)
        #expect(page.text.contains("Archived."))
        #expect(page.text.contains(#"<span class="badge warn">Archived</span>"#))
        #expect(page.text.contains("Restore"))

        let hidden = try browser.get("/admin/customers?q=n%C3%A4slund")
        #expect(!hidden.text.contains("href=\"/admin/customers/\(id)\""))
        #expect(hidden.text.contains("No customers found."))
        let shown = try browser.get("/admin/customers?archived=1&q=n%C3%A4slund")
        #expect(shown.text.contains("href=\"/admin/customers/\(id)\""))
        #expect(shown.text.contains(#"<span class="badge warn">Archived</span>"#))
        #expect(
            !(try browser.get("/admin/customers").text.contains("href=\"/admin/customers/\(id)\"")),
            "not on the default list")

        let restored = try browser.post("/admin/customers/\(id)/archive", [("restore", "yes")])
        #expect(restored.status == 303)
        #expect(try browser.get("/admin/customers?q=n%C3%A4slund").text.contains("href=\"/admin/customers/\(id)\""))
        #expect(
            try stack.postgres.psql(
                "SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE entity_type = 'customer' AND entity_id = \(id)",
                database: database) == "archived,restored")

        // 55 matches: 50 on the first page and a link to the next, which has the other 5.
        try stack.postgres.psql(
            "INSERT INTO customers (kind, name) SELECT 'person', 'Pagina ' || lpad(g::text, 2, '0') FROM generate_series(1, 55) g",
            database: database)
        let first = try browser.get("/admin/customers?q=pagina")
        #expect(first.text.components(separatedBy: ">Pagina ").count - 1 == 50)
        #expect(first.text.contains(">Pagina 50<") && !first.text.contains(">Pagina 51<"))
        let lastOnFirst = try stack.postgres.psql(
            "SELECT id FROM customers WHERE name = 'Pagina 50'", database: database)
        let nextLink = "/admin/customers?after=\(lastOnFirst)&amp;q=pagina"
        #expect(
            first.text.contains("<a href=\"\(nextLink)\" rel=\"next\">Next page</a>"), "the cursor is the last row's id"
        )
        let second = try browser.get(nextLink.replacingOccurrences(of: "&amp;", with: "&"))
        #expect(second.text.components(separatedBy: ">Pagina ").count - 1 == 5)
        #expect(second.text.contains(">Pagina 51<") && second.text.contains(">Pagina 55<"))
        #expect(!second.text.contains("rel=\"next\""))
        #expect(second.text.contains("<a href=\"/admin/customers?q=pagina\">First page</a>"))
    }

    @Test func theDetailPageShowsADemoCustomersQuotationsBookingsAndActivity() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        let row = try stack.postgres.psql(
            """
            SELECT c.id || '|' || q.id || '|' || q.number || '|' || b.id || '|' || b.number
              FROM customers c JOIN quotations q ON q.customer_id = c.id JOIN bookings b ON b.quotation_id = q.id
             WHERE c.company_name = 'Hisingens Bygg & Måleri AB'
            """, database: database)
        let parts = row.split(separator: "|").map(String.init)
        try #require(parts.count == 5, "\(row)")
        let (customer, quotation, quotationNumber, booking, bookingNumber) = (
            parts[0], parts[1], parts[2], parts[3], parts[4]
        )

        let browser = try Self.signedIn(stack, "maria@eventgaraget.se")
        let page = try browser.get("/admin/customers/\(customer)")
        #expect(page.status == 200)
        let html = page.text
        #expect(html.contains("<h1>Hisingens Bygg &amp; Måleri AB"))
        #expect(html.contains("Mikael Berg") && html.contains("556001-2345") && html.contains("Exportgatan 47"))
        #expect(html.contains("Slottsskogen, Stora dammen"), "the delivery address")
        #expect(html.contains("<a href=\"/admin/quotations/\(quotation)\">\(quotationNumber)</a>"))
        #expect(html.contains("Sommarfest Hisingens Bygg"))
        #expect(html.contains(#"<span class="badge ok">Signed</span>"#))
        #expect(html.contains("<a href=\"/admin/bookings/\(booking)\">\(bookingNumber)</a>"))
        #expect(html.contains(#"<span class="badge ok">Confirmed</span>"#))
        #expect(html.contains("href=\"/admin/bookings?customer=\(customer)\""))
        #expect(
            html.contains("Booking created") && html.contains("Quotation signed") && html.contains("Quotation sent"))
        #expect(html.contains("The customer"), "the signing was done by the customer")
        #expect(html.contains("href=\"/admin/quotations/new?customer=\(customer)\""), "a manager may start a quotation")
        #expect(html.contains("href=\"/admin/customers/\(customer)/edit\""))

        // The warehouse does not work with customers.
        let lager = try Self.signedIn(stack, "lager@eventgaraget.se")
        #expect(try lager.get("/admin/customers/\(customer)").status == 403)
    }
}
