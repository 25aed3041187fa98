import Database
import Domain
import Foundation
import HTTP
import Routing
import Sanitizer
import Templates

/// `/admin/settings` (Admin only): the company profile, contact, email sender, quotation defaults
/// and terms template in one form with optimistic locking; the logo through its own upload form.
/// Every page reads the company from the settings row, so a save shows on the next page at once.
enum SettingsHandler {
    static func handle(_ route: SettingsRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .show: try show(admin)
        case .update: try update(admin)
        case .uploadLogo: try uploadLogo(admin)
        case .removeLogo: try removeLogo(admin)
        case .twoStepRoles: try twoStepRoles(admin)
        case .testEmail: try testEmail(admin)
        }
    }

    /// The roles that must use two-step verification (checkboxes `two_step_<role>`).
    static func twoStepRoles(_ admin: AdminContext) throws -> Response {
        let roles = Set(StaffRole.allCases.filter { admin.request.form["two_step_\($0.rawValue)"] == "yes" })
        try admin.connection().transaction { tx in try TwoStepStore.setRequiredRoles(tx, roles, actor: admin.actor) }
        return admin.redirect(to: .admin(.settings(.show)), flash: .twoStepRoles)
    }

    /// A test of one email template to the admin who asked (the worker sends it), audited.
    static func testEmail(_ admin: AdminContext) throws -> Response {
        guard let template = EmailTemplate(rawValue: admin.request.form["template"] ?? "") else {
            throw HTTPError(.badRequest, reason: admin.strings.settings.emailTestUnknown)
        }
        try admin.connection().transaction { tx in
            _ = try JobStore.enqueue(tx, .testEmail(template: template, userID: admin.user.id))
            try AuditStore.record(
                tx, actor: admin.actor, entity: "settings", entityID: nil, action: "test_email",
                after: ["template": template.rawValue])
        }
        return admin.redirect(to: .admin(.settings(.show)), flash: .testEmailQueued)
    }

    static func show(_ admin: AdminContext) throws -> Response {
        try page(admin, form: nil, logoForm: FormState(), status: .ok)
    }

    static func update(_ admin: AdminContext) throws -> Response {
        let s = admin.strings
        guard let version = Int(admin.request.form["version"] ?? "") else { throw HTTPError(.badRequest) }
        var form = FormState(values: admin.formValues(SettingsPage.fieldNames))
        // The terms keep their line breaks and indentation as typed.
        form.values["terms_template_html"] = admin.request.form["terms_template_html"] ?? ""
        guard let values = SettingsForm.validate(&form, s: s) else {
            return try page(admin, form: form, logoForm: FormState(), status: .badRequest)
        }
        do {
            try SettingsStore.update(try admin.connection(), version: version, values: values, actor: admin.actor)
        } catch SettingsStoreError.versionConflict(let current) {
            var fresh = SettingsForm.state(current, language: admin.strings.language)
            fresh.formError = s.conflictMessage
            return try page(admin, form: fresh, logoForm: FormState(), status: .conflict)
        }
        return admin.redirect(to: .admin(.settings(.show)), flash: .saved)
    }

    /// A PNG or JPEG, judged by its bytes (`LogoImage`), at most `LogoImage.maximumBytes`.
    static func uploadLogo(_ admin: AdminContext) throws -> Response {
        let s = admin.strings
        var logoForm = FormState()
        guard let file = admin.request.form.file("logo"), !file.bytes.isEmpty else {
            logoForm.errors["logo"] = s.settings.logoMissing
            return try page(admin, form: nil, logoForm: logoForm, status: .badRequest)
        }
        let image: LogoImage
        do {
            image = try LogoImage.inspect(file.bytes)
        } catch {
            logoForm.errors["logo"] =
                switch error {
                case .empty: s.settings.logoMissing
                case .tooLarge(let limit): s.settings.logoTooLarge(limitKiB: limit / 1024)
                case .unsupportedFormat: s.settings.logoWrongFormat
                case .damaged: s.settings.logoDamaged
                case .tooManyPixels(let limit): s.settings.logoTooManyPixels(limit: limit)
                }
            return try page(admin, form: nil, logoForm: logoForm, status: .badRequest)
        }
        try SettingsStore.setLogo(try admin.connection(), bytes: file.bytes, image: image, actor: admin.actor)
        return admin.redirect(to: .admin(.settings(.show)), flash: .saved)
    }

    static func removeLogo(_ admin: AdminContext) throws -> Response {
        let removed = try SettingsStore.removeLogo(try admin.connection(), actor: admin.actor)
        return admin.redirect(to: .admin(.settings(.show)), flash: removed ? .logoRemoved : nil)
    }

    /// The page with `form` (typed values and errors), or the stored settings when nil.
    private static func page(
        _ admin: AdminContext, form: FormState?, logoForm: FormState, status: HTTPStatus
    ) throws -> Response {
        let record = try SettingsStore.read(try admin.connection())
        let preview = (try? HTMLSanitizer.sanitize(record.values.termsTemplateHTML)) ?? .empty
        return admin.html(
            SettingsPage.render(
                form: form ?? SettingsForm.state(record, language: admin.strings.language), termsPreview: preview,
                lastSaved: record.updatedAt,
                logo: record.logo.map { SettingsPage.Logo(mimeType: $0.mimeType, byteCount: $0.byteCount) },
                logoForm: logoForm, logoLimitKiB: LogoImage.maximumBytes / 1024,
                twoStepRoles: try TwoStepStore.requiredRoles(try admin.connection()),
                referenceRates: try InvoiceStore.referenceRates(try admin.connection()),
                today: BusinessCalendar.today(), admin: try admin.page()),
            status: status)
    }
}
