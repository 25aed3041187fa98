import Foundation
import TestSupport
import Testing

/// A seeded stack with the demo admin signed in, and the look-ups the admin page tests share.
struct AdminSession {
    static let password = "eventgaraget-demo"

    let stack: InProcessApp
    let database: String
    let admin: StaffBrowser

    init() throws {
        stack = try InProcessApp()
        let seeded = stack.seeded
        guard seeded.status == 0 else { throw TestFailure("seed-demo failed: \(seeded.errorOutput)") }
        database = databaseName(fromURL: stack.databaseURL)
        admin = StaffBrowser(client: stack.client)
        let signedIn = try admin.login(email: "admin@eventgaraget.se", password: Self.password)
        guard signedIn.status == 303 else { throw TestFailure("admin sign-in answered \(signedIn.status)") }
    }

    /// A second browser signed in as `email` (a demo user unless a password is given).
    func browser(signedInAs email: String, password: String = Self.password) throws -> StaffBrowser {
        let browser = StaffBrowser(client: stack.client)
        let result = try browser.login(email: email, password: password)
        guard result.status == 303 else {
            throw TestFailure("\(email) sign-in answered \(result.status): \(result.text)")
        }
        return browser
    }

    func sql(_ statement: String) throws -> String {
        try stack.postgres.psql(statement, database: database).trimmed
    }

    func userID(_ email: String) throws -> String {
        try sql("SELECT id FROM users WHERE email = '\(email)'")
    }
}

/// What a page shows, read the way a person would check it.
enum Page {
    /// The `value` of the input named `name` (attributes in our templates' order: type, id, name, value).
    static func value(_ name: String, in html: String) -> String? {
        StaffBrowser.inputValue(named: name, in: html).map(unescape)
    }

    /// The selected option of the select named `name`.
    static func selected(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "name=\"\(name)\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.range(of: "</select>") else { return nil }
        let options = rest[..<end.lowerBound]
        guard let selected = options.range(of: "\" selected>") else { return nil }
        let before = options[..<selected.lowerBound]
        guard let quote = before.range(of: "value=\"", options: .backwards) else { return nil }
        return String(before[quote.upperBound...])
    }

    /// The text of the textarea named `name`.
    static func textarea(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "<textarea"),
            let named = html[start.lowerBound...].range(of: "name=\"\(name)\""),
            let open = html[named.upperBound...].range(of: ">"),
            let close = html[open.upperBound...].range(of: "</textarea>")
        else { return nil }
        return unescape(String(html[open.upperBound..<close.lowerBound]))
    }

    /// The error shown next to the field `name`, if any.
    static func error(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "id=\"error-\(name)\">") else { return nil }
        let rest = html[start.upperBound...]
        return rest.range(of: "</p>").map { unescape(String(rest[..<$0.lowerBound])) }
    }

    /// The text of the page header's brand link (the company name).
    static func brand(in html: String) -> String? {
        guard let start = html.range(of: "class=\"brand\""), let close = html[start.upperBound...].range(of: "</a>")
        else { return nil }
        var text = String(html[start.upperBound..<close.lowerBound])
        // Drop the tags (the logo's <img>) and the rest of the opening tag.
        while let open = text.firstIndex(of: "<"), let end = text[open...].firstIndex(of: ">") {
            text.removeSubrange(open...end)
        }
        if let gt = text.firstIndex(of: ">") { text = String(text[text.index(after: gt)...]) }
        return unescape(text.trimmed)
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
