import Foundation
import TestSupport
import Testing

/// The products and add-ons pages in process (the real responder) with a real PostgreSQL and the demo data.
@Suite("Catalogue pages", .serialized)
struct CatalogPagesTests {
    static func signedIn(_ stack: InProcessApp, _ email: String) throws -> StaffBrowser {
        let browser = StaffBrowser(client: stack.client)
        #expect(try browser.login(email: email, password: "eventgaraget-demo").status == 303)
        return browser
    }

    static func product(_ fields: [String: String]) -> [(String, String)] {
        var values = [
            "sku": "", "name": "", "category": "", "price": "", "pricing": "per_day", "stock": "0", "description": "",
        ]
        for (key, value) in fields { values[key] = value }
        return values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The reserved units of each day cell of the strip, by date.
    static func strip(_ html: String) -> [String: Int] {
        var result: [String: Int] = [:]
        var rest = Substring(html)
        while let range = rest.range(of: "data-date=\"") {
            rest = rest[range.upperBound...]
            let date = String(rest.prefix(10))
            guard let reserved = rest.range(of: "data-reserved=\"") else { break }
            let digits = rest[reserved.upperBound...].prefix { $0.isNumber }
            result[date] = Int(digits)
        }
        return result
    }

    @Test func aNewProductsDescriptionIsSanitisedAndATakenSkuIsRefusedNextToTheField() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        let tents = try stack.postgres.psql("SELECT id FROM product_categories WHERE name = 'Tält'", database: database)
        let browser = try Self.signedIn(stack, "maria@eventgaraget.se")
        let form = try browser.get("/admin/products/new")
        #expect(form.status == 200)
        #expect(form.text.contains("<option value=\"\(tents)\">Tält</option>"))

        let taken = try browser.post(
            "/admin/products",
            Self.product([
                "sku": "TALT-3x3", "name": "Partytält 5×5 m", "category": tents, "price": "1 250,50", "stock": "3",
            ]))
        #expect(taken.status == 400)
        #expect(
            taken.text.contains(
                #"<p class="field-error" id="error-sku">This SKU is already used by another product.</p>"#))
        #expect(taken.text.contains(#"value="Partytält 5×5 m""#) && taken.text.contains(#"value="1 250,50""#))
        #expect(taken.text.contains("<option value=\"\(tents)\" selected>Tält</option>"))

        let wrong = try browser.post(
            "/admin/products", Self.product(["sku": "TALT 5x5", "name": "", "price": "1,250", "stock": "-2"]))
        #expect(wrong.status == 400)
        #expect(wrong.text.contains(#"id="error-price">Write the amount as 1250 or 1,250.00.</p>"#))
        #expect(wrong.text.contains(#"id="error-name">Required.</p>"#))
        #expect(wrong.text.contains(#"id="error-stock">Enter a number from 0 to 1000000.</p>"#))
        #expect(
            try stack.postgres.psql("SELECT count(*) FROM products WHERE sku LIKE 'TALT%5x5'", database: database)
                == "0")

        let hostile =
            #"<p>Vitt <strong>tält</strong> med <a href="javascript:alert(1)">sidor</a></p><script>alert("x")</script><img src=x onerror=alert(2)>"#
        let created = try browser.post(
            "/admin/products",
            Self.product([
                "sku": "TALT-5x5", "name": "Partytält 5×5 m", "category": tents, "price": "1 250,50",
                "pricing": "per_rental",
                "stock": "3", "description": hostile,
            ]))
        #expect(created.status == 303)
        let detail = try browser.follow(created)
        #expect(detail.status == 200)
        #expect(detail.text.contains("Created."))
        #expect(detail.text.contains("<strong>tält</strong>"))
        #expect(detail.text.contains("SEK\u{00A0}1,250.50 per rental"))
        for bad in ["<script>alert", "alert(", "onerror", "javascript:"] {
            #expect(!detail.text.contains(bad), "\(bad) is gone")
        }
        let stored = try stack.postgres.psql(
            "SELECT description_html FROM products WHERE sku = 'TALT-5x5'", database: database)
        #expect(
            stored.contains("<strong>tält</strong>") && !stored.contains("script") && !stored.contains("onerror"),
            "\(stored)")
        #expect(
            try stack.postgres.psql(
                "SELECT price_ore || ' ' || pricing || ' ' || stock FROM products WHERE sku = 'TALT-5x5'",
                database: database)
                == "125050 per_rental 3")

        let list = try browser.get("/admin/products?q=5x5")
        #expect(list.text.contains("<code>TALT-5x5</code>") && list.text.contains("Tält"))
        // Deactivated: gone from the list unless asked for.
        let id = try stack.postgres.psql("SELECT id FROM products WHERE sku = 'TALT-5x5'", database: database)
        _ = try browser.get("/admin/products/\(id)")
        #expect(try browser.post("/admin/products/\(id)/deactivate").status == 303)
        #expect(!(try browser.get("/admin/products?q=5x5").text.contains("TALT-5x5")))
        let inactive = try browser.get("/admin/products?q=5x5&inactive=1")
        #expect(
            inactive.text.contains("TALT-5x5") && inactive.text.contains(#"<span class="badge bad">Inactive</span>"#))
    }

    @Test func theStripShowsADemoBookingsReservedUnitsOnItsDays() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        let row = try stack.postgres.psql(
            """
            SELECT p.id || '|' || b.number || '|' || (b.period_start - 1) || '|' || b.period_start || '|' || b.period_end
                   || '|' || (b.period_end + 1) || '|' || bl.quantity
              FROM booking_lines bl JOIN bookings b ON b.id = bl.booking_id JOIN products p ON p.id = bl.product_id
             WHERE p.sku = 'BORD-STA'
            """, database: database)
        let parts = row.split(separator: "|").map(String.init)
        try #require(parts.count == 7, "\(row)")
        let (product, number, before, first, last, after, quantity) = (
            parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]
        )

        let browser = try Self.signedIn(stack, "support@eventgaraget.se")
        let page = try browser.get("/admin/products/\(product)?from=\(before)&to=\(after)")
        #expect(page.status == 200)
        let days = Self.strip(page.text)
        #expect(days == [before: 0, first: Int(quantity)!, last: Int(quantity)!, after: 0], "\(days)")
        #expect(page.text.contains("\(quantity)/30"))
        #expect(page.text.contains(number), "the booking holding the tables is listed")
        #expect(page.text.contains("Hisingens Bygg &amp; Måleri AB"))
        #expect(page.text.contains("20 units free for the whole period."))
        #expect(!page.text.contains("/admin/products/\(product)/edit"), "support does not edit products")
        #expect(!page.text.contains("/admin/products/\(product)/stock"), "nor set stock")

        // The default period is two weeks from today; more than 62 days or a bad date is refused.
        #expect(Self.strip(try browser.get("/admin/products/\(product)").text).count == 14)
        let tooLong = try browser.get("/admin/products/\(product)?from=2026-01-01&to=2026-12-31")
        #expect(tooLong.status == 400)
        #expect(tooLong.text.contains(#"id="error-to">At most 62 days at a time.</p>"#))
        let badDate = try browser.get("/admin/products/\(product)?from=2026-02-30")
        #expect(badDate.status == 400)
        #expect(badDate.text.contains(#"id="error-from">Enter a date such as 2026-06-19.</p>"#))
        #expect(badDate.text.contains(#"value="2026-02-30""#))

        // Less stock than reserved: the booked days are marked short.
        try stack.postgres.psql("UPDATE products SET stock = 4 WHERE id = \(product)", database: database)
        let short = try browser.get("/admin/products/\(product)?from=\(before)&to=\(after)")
        #expect(short.text.contains("Short on 2 days: more reserved than in stock."))
        #expect(short.text.contains("<span class=\"badge bad\">Short \(Int(quantity)! - 4)</span>"))
        #expect(short.text.components(separatedBy: "avail-day short").count == 3)
    }

    @Test func theWarehouseSetsStockButCannotOpenTheProductForm() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        let product = try stack.postgres.psql("SELECT id FROM products WHERE sku = 'VARM-EL'", database: database)
        let lager = try Self.signedIn(stack, "lager@eventgaraget.se")

        let page = try lager.get("/admin/products/\(product)")
        #expect(page.status == 200)
        let version = try #require(StaffBrowser.inputValue(named: "version", in: page.text))
        let saved = try lager.post("/admin/products/\(product)/stock", [("version", version), ("stock", "30")])
        #expect(saved.status == 303)
        #expect(try lager.follow(saved).text.contains(#"<dd id="stock-level">30</dd>"#))
        #expect(
            try stack.postgres.psql(
                "SELECT string_agg(action || ' ' || after::text, ';') FROM audit_log WHERE entity_type = 'product' AND entity_id = \(product)",
                database: database) == #"stock_changed {"stock": "30"}"#)

        // A second save from the same (now outdated) page is refused with the current level.
        let stale = try lager.post("/admin/products/\(product)/stock", [("version", version), ("stock", "10")])
        #expect(stale.status == 409)
        #expect(stale.text.contains("Someone else saved changes while you were editing."))
        #expect(stale.text.contains(#"name="stock" value="30""#))
        lager.language = "sv"
        let typo = try lager.post("/admin/products/\(product)/stock", [("version", "2"), ("stock", "tio")])
        #expect(typo.status == 400)
        #expect(typo.text.contains(#"id="error-stock">Skriv ett heltal.</p>"#), "in the member's language")
        #expect(typo.text.contains(#"name="stock" value="tio""#), "what was typed stays")

        #expect(try lager.get("/admin/products/\(product)/edit").status == 403)
        #expect(try stack.postgres.psql("SELECT stock FROM products WHERE id = \(product)", database: database) == "30")
    }

    @Test func addonsAreCreatedEditedAndDeactivated() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        let tent = try stack.postgres.psql("SELECT id FROM products WHERE sku = 'TALT-9x18'", database: database)
        let browser = try Self.signedIn(stack, "admin@eventgaraget.se")
        let form = try browser.get("/admin/addons/new")
        #expect(form.text.contains("<option value=\"\(tent)\">TALT-9x18 · Festtält 9×18 m</option>"))

        let missing = try browser.post(
            "/admin/addons",
            [
                ("name", "Golvvärme för tält"), ("price", ""), ("pricing", "per_unit"), ("product", tent),
                ("description", ""),
            ])
        #expect(missing.status == 400)
        #expect(missing.text.contains(#"id="error-price">Required.</p>"#))
        #expect(missing.text.contains("<option value=\"\(tent)\" selected>"))

        let created = try browser.post(
            "/admin/addons",
            [
                ("name", "Golvvärme för tält"), ("price", "1 200"), ("pricing", "per_unit"), ("product", tent),
                ("description", "Per tält."),
            ])
        #expect(created.status == 303)
        let list = try browser.follow(created)
        #expect(list.text.contains("Created."))
        #expect(list.text.contains("Golvvärme för tält") && list.text.contains("SEK\u{00A0}1,200.00 per unit"))
        #expect(list.text.contains("href=\"/admin/products/\(tent)\">TALT-9x18 · Festtält 9×18 m</a>"))

        let id = try stack.postgres.psql("SELECT id FROM addons WHERE name = 'Golvvärme för tält'", database: database)
        let edit = try browser.get("/admin/addons/\(id)/edit")
        let version = try #require(StaffBrowser.inputValue(named: "version", in: edit.text))
        let updated = try browser.post(
            "/admin/addons/\(id)",
            [
                ("version", version), ("name", "Golvvärme för tält"), ("price", "1 350"), ("pricing", "per_unit"),
                ("product", ""),
                ("description", "Per tält."),
            ])
        #expect(updated.status == 303)
        #expect(try browser.follow(updated).text.contains("SEK\u{00A0}1,350.00 per unit"))

        _ = try browser.get("/admin/addons/\(id)/edit")
        #expect(try browser.post("/admin/addons/\(id)/deactivate").status == 303)
        #expect(!(try browser.get("/admin/addons?q=golvv").text.contains("Golvvärme")))
        #expect(try browser.get("/admin/addons?q=golvv&inactive=1").text.contains("Golvvärme"))
        #expect(
            try stack.postgres.psql(
                "SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE entity_type = 'addon' AND entity_id = \(id)",
                database: database) == "created,updated,deactivated")
    }
}
