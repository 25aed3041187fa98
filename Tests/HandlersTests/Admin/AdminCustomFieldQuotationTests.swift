import Foundation
import TestSupport
import Testing

/// A customer-visible quotation field through the pages: filled in the editor (a bad value is
/// refused with nothing stored), frozen into the sent version, shown on the signing page and in
/// the offer PDF's text, and kept when the customer signs; the version's hash still verifies.
@Suite("Admin: custom fields on quotations", .serialized)
struct AdminCustomFieldQuotationTests {
    /// The values of a page's form controls as a browser would post them: inputs (checked
    /// checkboxes only), selected options, textareas.
    static func formFields(_ html: String, action: String) -> [(String, String)] {
        guard let start = html.range(of: "action=\"\(action)\""),
            let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex)
        else { return [] }
        let form = String(html[start.upperBound..<end.lowerBound])
        var fields: [(String, String)] = []
        func attribute(_ name: String, in tag: String) -> String? {
            guard let range = tag.range(of: " \(name)=\"([^\"]*)\"", options: .regularExpression) else { return nil }
            return String(tag[range].dropFirst(name.count + 3).dropLast()).replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
        }
        let tags = try! NSRegularExpression(pattern: "<(input|select|textarea)\\b[^>]*>", options: [])
        let ns = form as NSString
        for match in tags.matches(in: form, range: NSRange(location: 0, length: ns.length)) {
            let tag = ns.substring(with: match.range)
            guard let name = attribute("name", in: tag), name != "_csrf" else { continue }
            if tag.hasPrefix("<input") {
                let type = attribute("type", in: tag) ?? "text"
                if type == "submit" || type == "button" { continue }
                if type == "checkbox" || type == "radio" {
                    if tag.contains(" checked") { fields.append((name, attribute("value", in: tag) ?? "on")) }
                } else {
                    fields.append((name, attribute("value", in: tag) ?? ""))
                }
            } else if tag.hasPrefix("<select") {
                let rest = ns.substring(from: match.range.location + match.range.length)
                let body = rest.components(separatedBy: "</select>")[0]
                let options = body.components(separatedBy: "<option").dropFirst()
                let chosen = options.first { $0.contains(" selected") } ?? options.first
                fields.append((name, chosen.flatMap { attribute("value", in: "<option" + $0) } ?? ""))
            } else {
                let rest = ns.substring(from: match.range.location + match.range.length)
                let text = rest.components(separatedBy: "</textarea>")[0]
                fields.append(
                    (
                        name,
                        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                            .replacingOccurrences(of: "&amp;", with: "&")
                    ))
            }
        }
        return fields
    }

    @Test func aCustomerVisibleFieldIsFrozenIntoTheVersionTheSigningPageAndThePDF() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        _ = try admin.get("/admin/fields/new")
        let created = try admin.post(
            "/admin/fields",
            [
                ("entity", "quotation"), ("key", "underlag"), ("kind", "choice"), ("label", "Underlag på plats"),
                ("options", "gräs\nasfalt\ngrus"), ("customer_visible", "yes"), ("list_column", "yes"),
                ("filterable", "yes"),
            ])
        #expect(created.status == 303)
        // A field staff keep to themselves never reaches the customer.
        #expect(
            try admin.post(
                "/admin/fields",
                [("entity", "quotation"), ("key", "intern_kod"), ("kind", "text"), ("label", "Intern kod")]
            ).status == 303)

        let id = try session.sql(
            """
            SELECT q.id FROM quotations q JOIN customers c ON c.id = q.customer_id
             WHERE q.state = 'draft' AND c.email IS NOT NULL AND q.period_start > current_date
             ORDER BY q.id LIMIT 1
            """)
        let editor = try admin.get("/admin/quotations/\(id)")
        #expect(editor.text.contains("name=\"cf_underlag\"") && editor.text.contains("name=\"cf_intern_kod\""))
        var fields = Self.formFields(editor.text, action: "/admin/quotations/\(id)")
        #expect(fields.contains { $0.0 == "version" }, "\(fields.map(\.0))")
        fields.removeAll { $0.0 == "cf_underlag" || $0.0 == "cf_intern_kod" || $0.0 == "action" }

        // A value that is not an option: 400 with the message, nothing stored.
        let bad = try admin.post(
            "/admin/quotations/\(id)", fields + [("cf_underlag", "sand"), ("action", "save")])
        #expect(bad.status == 400 && bad.text.contains("Choose one of the options."), "\(bad.status)")
        #expect(try session.sql("SELECT custom ? 'underlag' FROM quotations WHERE id = \(id)") == "f")

        let saved = try admin.post(
            "/admin/quotations/\(id)",
            fields + [("cf_underlag", "gräs"), ("cf_intern_kod", "HEMLIG-42"), ("action", "save")])
        #expect(saved.status == 303, "\(saved.text)")
        #expect(try session.sql("SELECT custom->>'underlag' FROM quotations WHERE id = \(id)") == "gräs")

        // The list: a column and a filter.
        let list = try admin.get("/admin/quotations?cf_underlag=gr%C3%A4s")
        #expect(list.status == 200 && list.text.contains(">gräs</td>"))

        // Sent: the version freezes the customer-visible field only.
        let page = try admin.get("/admin/quotations/\(id)")
        let version = try #require(
            Self.formFields(page.text, action: "/admin/quotations/\(id)/send").first { $0.0 == "version" })
        let sent = try admin.post(
            "/admin/quotations/\(id)/send", [("version", version.1), ("shortage_reason", "Testar egna fält")])
        #expect(sent.status == 303, "\(sent.text)")
        let snapshot = try session.sql(
            "SELECT snapshot FROM quotation_versions WHERE quotation_id = \(id) ORDER BY version_no DESC LIMIT 1")
        #expect(snapshot.contains("{\"key\":\"underlag\",\"label\":\"Underlag på plats\",\"value\":\"gräs\"}"))
        #expect(!snapshot.contains("HEMLIG-42"))
        #expect(
            try session.sql(
                """
                SELECT snapshot_sha256 = sha256(convert_to(snapshot, 'UTF8')) FROM quotation_versions
                 WHERE quotation_id = \(id) ORDER BY version_no DESC LIMIT 1
                """) == "t")

        let token = try session.sql(
            """
            SELECT j.payload->>'token' FROM jobs j
              JOIN signing_links l ON l.id = (j.payload->>'signing_link_id')::bigint
              JOIN quotation_versions v ON v.id = l.quotation_version_id
             WHERE j.kind = 'email.signing_link' AND v.quotation_id = \(id) ORDER BY j.id DESC LIMIT 1
            """)
        let client = session.stack.client
        let signing = try client.get("/sign/\(token)", headers: ["Accept-Language": "sv"])
        #expect(signing.status == 200)
        #expect(signing.text.contains("<dt>Underlag på plats</dt><dd data-custom-field=\"underlag\">gräs</dd>"))
        #expect(!signing.text.contains("HEMLIG-42") && !signing.text.contains("Intern kod"))

        let pdf = try client.get("/sign/\(token)/offer.pdf", headers: ["Accept-Language": "sv"])
        #expect(pdf.status == 200 && pdf.header("content-type") == "application/pdf")
        let file = session.stack.directory + "/\(UUID().uuidString).pdf"
        try pdf.body.write(to: URL(fileURLWithPath: file))
        let text = try run("/usr/bin/pdftotext", ["-enc", "UTF-8", file, "-"]).output
        #expect(text.contains("UNDERLAG PÅ PLATS"), "\(text)")
        #expect(text.contains("gräs"))
        #expect(!text.contains("HEMLIG-42"))

        // Changing the field afterwards does not change what was sent.
        _ = try session.sql("UPDATE quotations SET custom = '{\"underlag\": \"asfalt\"}' WHERE id = \(id)")
        let again = try client.get("/sign/\(token)", headers: ["Accept-Language": "sv"])
        #expect(again.text.contains("data-custom-field=\"underlag\">gräs</dd>"))
    }
}
