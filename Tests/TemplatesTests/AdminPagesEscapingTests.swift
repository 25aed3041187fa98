import Domain
import Foundation
import Routing
import Sanitizer
import Testing

@testable import Templates

/// The users, settings and activity pages with hostile values everywhere a person can type.
@Suite("Escaping: users, settings, activity")
struct AdminPagesEscapingTests {
    static let hostile = EscapingTests.hostile

    static func admin(_ value: String, logoVersion: String? = nil, role: StaffRole = .admin) -> AdminPage {
        let company = CompanyProfile(name: value, email: value, logoVersion: logoVersion)
        return AdminPage(
            page: PageContext(language: .en, currentPath: .root, assets: AssetCatalog(), company: company),
            user: StaffMember(id: UserID(rawValue: 1), email: value, name: value, role: role, locale: .sv),
            csrfToken: value, flash: .saved)
    }

    static func expectInert(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let html = String(decoding: bytes, as: UTF8.self)
        #expect(!html.contains("<script>alert"), sourceLocation: sourceLocation)
        #expect(!html.contains("<img src=x"), sourceLocation: sourceLocation)
        #expect(!html.contains("' onmouseover='"), sourceLocation: sourceLocation)
        #expect(!html.contains("href=\"javascript:"), sourceLocation: sourceLocation)
        #expect(!html.contains("src=\"javascript:"), sourceLocation: sourceLocation)
    }

    @Test(arguments: hostile)
    func everyAdminPageIsInert(_ value: String) throws {
        let admin = Self.admin(value)
        let member = StaffMember(id: UserID(rawValue: 2), email: value, name: value, role: .support, locale: .en)
        let form = FormState(
            values: Dictionary(
                uniqueKeysWithValues: Set(SettingsPage.fieldNames + UserFormPage.fieldNames).map { ($0, value) }),
            errors: ["email": value, "company_name": value], formError: value)
        let entry = ActivityPage.Entry(
            id: 7, at: Date(), actor: .user(UserID(rawValue: 2), name: value), ip: value, entityType: value,
            entityID: 3,
            action: value, before: [value: value], after: [value: value, "name": value])
        let customerEntry = ActivityPage.Entry(
            id: 6, at: Date(), actor: .other(kind: value), ip: nil, entityType: "customer", entityID: 9,
            action: "updated",
            before: [:], after: ["name": value])
        let pages = [
            UsersPage.render(
                rows: [
                    UsersPage.Row(
                        member: member, active: false, lockedUntil: Date().addingTimeInterval(600), lastLoginAt: Date())
                ],
                error: value, admin: admin),
            UserFormPage.render(existing: nil, form: form, admin: admin),
            UserFormPage.render(
                existing: UserFormPage.Existing(member: member, active: true), form: form, admin: admin),
            SettingsPage.render(
                form: form, termsPreview: try HTMLSanitizer.sanitize(value), lastSaved: Date(),
                logo: SettingsPage.Logo(mimeType: value, byteCount: 10), logoForm: FormState(errors: ["logo": value]),
                logoLimitKiB: 512, admin: admin),
            ActivityPage.render(
                entries: [entry, customerEntry], query: ActivityQuery(entity: value, before: value), filters: form,
                staff: [(UserID(rawValue: 2), value)], entityTypes: [value], nextBefore: 5, admin: admin),
        ]
        for page in pages { Self.expectInert(page) }
    }

    @Test func theLogoAppearsOnlyForAHexVersion() {
        let withLogo = String(
            decoding: UsersPage.render(rows: [], admin: Self.admin("Firma", logoVersion: "0123456789abcdef")),
            as: UTF8.self)
        #expect(withLogo.contains("<img src=\"/logo?v=0123456789abcdef\" alt=\"\" class=\"brand-logo\">"))
        let forged = String(
            decoding: UsersPage.render(rows: [], admin: Self.admin("Firma", logoVersion: "\"><script>")), as: UTF8.self)
        #expect(!forged.contains("brand-logo"))
        let none = String(decoding: UsersPage.render(rows: [], admin: Self.admin("Firma")), as: UTF8.self)
        #expect(!none.contains("brand-logo") && !none.contains("/logo?"))
    }

    @Test func theActivityLogLinksOnlyWhatTheReaderMayOpen() {
        let entry = ActivityPage.Entry(
            id: 1, at: Date(), actor: .user(UserID(rawValue: 4), name: "Maria"), ip: nil, entityType: "user",
            entityID: 4,
            action: "updated", before: ["role": "manager"], after: ["role": "support"])
        func page(_ role: StaffRole) -> String {
            String(
                decoding: ActivityPage.render(
                    entries: [entry], query: ActivityQuery(), filters: FormState(), staff: [], entityTypes: ["user"],
                    nextBefore: nil,
                    admin: Self.admin("Firma", role: role)),
                as: UTF8.self)
        }
        #expect(page(.admin).contains("href=\"/admin/users/4/edit\">User #4</a>"))
        #expect(!page(.manager).contains("/admin/users/4/edit"))
        #expect(page(.manager).contains("User #4"))
        #expect(page(.manager).contains("<td class=\"before\">manager</td><td class=\"after\">support</td>"))
    }
}
