import Foundation
import TestSupport
import Testing

/// Finding F2: a text short to the eye and long in bytes. One visible "Å" carrying 200,000
/// combining rings is one `Character` and 400 KB; every form must refuse it with a 400 and store
/// nothing, whether an index holds the field (which made PostgreSQL fail with a 500) or not
/// (which stored it into pages, PDFs and every page's title).
@Suite("Every form refuses a text that is short to the eye and long in bytes", .serialized)
struct OversizedTextTests {
    static let password = "eventgaraget-demo"
    static let hostile = "Å" + String(repeating: "\u{030A}", count: 200_000)

    /// One form: the page that shows it, where it posts, the field that gets the text, and the
    /// table and column where it would land.
    struct Form: CustomStringConvertible {
        let who: String
        let page: String
        let action: String
        let field: String
        var extra: [String: String] = [:]
        let table: String
        let column: String
        var description: String { "\(action) \(field)" }
    }

    @Test func everyStaffFormRefusesIt() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        func sql(_ query: String) throws -> String {
            try stack.postgres.psql(query, database: database).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let customer = try sql("SELECT id FROM customers ORDER BY id LIMIT 1")
        let draft = try sql("SELECT id FROM quotations WHERE state = 'draft' ORDER BY id LIMIT 1")
        let booking = try sql("SELECT id FROM bookings ORDER BY id LIMIT 1")
        let forms = [
            Form(
                who: "support", page: "/admin/customers/new", action: "/admin/customers", field: "name",
                extra: ["kind": "person"], table: "customers", column: "name"),
            Form(
                who: "support", page: "/admin/customers/new", action: "/admin/customers", field: "notes",
                extra: ["kind": "person", "name": "Vanlig kund"], table: "customers", column: "notes"),
            Form(
                who: "maria", page: "/admin/products/new", action: "/admin/products", field: "name",
                extra: ["sku": "F2-1", "price": "100", "stock": "1"], table: "products", column: "name"),
            Form(
                who: "maria", page: "/admin/addons/new", action: "/admin/addons", field: "name",
                extra: ["price": "10"], table: "addons", column: "name"),
            Form(
                who: "maria", page: "/admin/quotations/new?customer=\(customer)", action: "/admin/quotations",
                field: "title",
                extra: [
                    "action": "create", "customer_id": customer, "period_start": "2027-05-01",
                    "period_end": "2027-05-02",
                ],
                table: "quotations", column: "title"),
            Form(
                who: "maria", page: "/admin/quotations/\(draft)", action: "/admin/quotations/\(draft)", field: "title",
                extra: ["action": "save"], table: "quotations", column: "title"),
            Form(
                who: "maria", page: "/admin/bookings/\(booking)", action: "/admin/bookings/\(booking)/notes",
                field: "notes", table: "bookings", column: "notes"),
            Form(
                who: "admin", page: "/admin/settings", action: "/admin/settings", field: "company_name",
                table: "settings", column: "company_name"),
            Form(
                who: "admin", page: "/admin/users/new", action: "/admin/users", field: "name",
                extra: ["email": "ny@eventgaraget.se", "password": "ett långt lösenord"], table: "users", column: "name"
            ),
        ]
        var browsers: [String: StaffBrowser] = [:]
        for form in forms {
            let browser = try browsers[form.who] ?? signedIn(stack, "\(form.who)@eventgaraget.se")
            browsers[form.who] = browser
            let page = try browser.get(form.page)
            #expect(page.status == 200, "\(form.page)")
            var fields = try EditorForm(html: page.text, action: form.action)
            for (name, value) in form.extra { fields.values[name] = value }
            fields.values[form.field] = Self.hostile
            let answer = try browser.post(form.action, fields.pairs.filter { $0.0 != "_csrf" })
            #expect(answer.status == 400, "\(form) → \(answer.status)")
            #expect(
                try sql("SELECT count(*) FROM \(form.table) WHERE char_length(\(form.column)) > 10000") == "0",
                "\(form) stored it")
        }

        // Sign-in: the email field, before any account is looked up.
        let visitor = StaffBrowser(client: stack.client)
        _ = try visitor.get("/admin/login")
        let login = try visitor.post(
            "/admin/login",
            [("_login", visitor.cookies["__Host-eg_login"] ?? ""), ("email", Self.hostile), ("password", "x")],
            csrf: false)
        #expect(login.status == 400)
        #expect(try sql("SELECT count(*) FROM login_attempts WHERE char_length(email) > 1000") == "0")

        // A calendar feed's name is cut to its limit, not kept whole.
        let maria = try browsers["maria"] ?? signedIn(stack, "maria@eventgaraget.se")
        _ = try maria.get("/admin/account")
        #expect(try maria.post("/admin/account/calendar-feeds", [("name", Self.hostile)]).status == 200)
        #expect(try sql("SELECT max(char_length(name)) FROM calendar_feeds") == "100")
    }

    @Test func theSigningPageRefusesItInTheNameAndTheDeclineReason() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let database = databaseName(fromURL: stack.databaseURL)
        let token = try stack.postgres.psql(
            """
            SELECT j.payload->>'token' FROM jobs j
              JOIN signing_links l ON l.id = (j.payload->>'signing_link_id')::bigint
              JOIN quotation_versions v ON v.id = l.quotation_version_id
              JOIN quotations q ON q.id = v.quotation_id
             WHERE j.kind = 'email.signing_link' AND j.payload ? 'token' AND q.state = 'sent'
               AND l.voided_at IS NULL AND l.expires_at > now()
             ORDER BY j.id DESC LIMIT 1
            """,
            database: database
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.count == 43)
        let page = try stack.client.request(
            "GET", "/sign/\(token)", headers: [:], body: nil, contentType: nil, http1: false, timeout: 30)
        let formToken = try #require(StaffBrowser.inputValue(named: "form_token", in: page.text))
        let name = Self.hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        for (path, body) in [
            (
                "/sign/\(token)",
                "form_token=\(formToken)&method=typed&signer_name=\(name)&signer_email=a%40example.se&typed_signature=A&consent=yes"
            ),
            ("/sign/\(token)/decline", "form_token=\(formToken)&reason=\(name)"),
        ] {
            let answer = try stack.client.request(
                "POST", path, headers: ["Origin": stack.client.baseURL], body: Data(body.utf8),
                contentType: "application/x-www-form-urlencoded", http1: false, timeout: 30)
            #expect(answer.status == 400, "\(path) → \(answer.status)")
        }
        let stored = try stack.postgres.psql(
            "SELECT (SELECT count(*) FROM signatures) || '/' || (SELECT count(*) FROM declines WHERE char_length(reason) > 2000)",
            database: database)
        #expect(stored.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("/0"))
        #expect(
            try stack.postgres.psql(
                "SELECT count(*) FROM signatures WHERE char_length(signer_name) > 200", database: database
            ).trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    func signedIn(_ stack: InProcessApp, _ email: String) throws -> StaffBrowser {
        let browser = StaffBrowser(client: stack.client)
        browser.language = "en"
        let login = try browser.login(email: email, password: Self.password)
        guard login.status == 303 else { throw TestFailure("login as \(email) failed: \(login.status)") }
        return browser
    }
}
