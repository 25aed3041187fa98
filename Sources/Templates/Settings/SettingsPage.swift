public import Domain
public import Foundation
import Routing
public import Sanitizer

/// `/admin/settings`: the company profile, the email sender, quotation defaults, the terms
/// template, and the logo (its own multipart form).
public enum SettingsPage {
    /// The stored logo, as the page describes it.
    public struct Logo: Sendable {
        public let mimeType: String
        public let byteCount: Int

        public init(mimeType: String, byteCount: Int) {
            self.mimeType = mimeType
            self.byteCount = byteCount
        }
    }

    /// The settings form's fields (all echoed back when the form is shown again).
    public static let fieldNames = [
        "company_name", "org_number", "vat_number", "address_line1", "address_line2", "postal_code", "city", "country",
        "contact_email", "contact_phone", "website_url", "team_notification_email", "sender_name", "sender_address",
        "default_vat_rate", "signing_link_validity_days", "terms_template_html", "version", "bankgiro",
        "approved_for_f_tax", "registered_seat", "invoice_terms_days", "invoice_round_to_kronor",
        "invoice_deposit_percent", "invoice_deposit_on_signing", "plusgiro", "iban", "bic", "reminders_enabled",
        "reminder_fee",
        "reminder_first_days", "reminder_interval_days", "reminder_max",
    ]

    /// - Parameters:
    ///   - form: the settings values (stored, or as typed) and their errors.
    ///   - termsPreview: the stored terms as they will appear on quotations.
    ///   - logoForm: the upload's error, if it was refused.
    public static func render(
        form: FormState, termsPreview: SanitizedHTML, lastSaved: Date, logo: Logo?, logoForm: FormState,
        logoLimitKiB: Int, twoStepRoles: Set<StaffRole> = [], referenceRates: [Reminders.ReferenceRate] = [],
        today: CalendarDate? = nil, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings
        return AdminLayout.page(title: s.settings.title, admin) {
            div(.class("page-head")) {
                h1 { s.settings.title }
                p(.class("hint")) { "\(s.settings.lastSaved) \(DisplayFormat.dateTime(lastSaved))" }
            }
            section(.class("card"), .id("two-step")) {
                h2 { s.staff.twoStepTitle }
                p(.class("hint")) { s.settings.twoStepRolesText }
                Fields.post(.admin(.settings(.twoStepRoles)), csrf: admin.csrfToken) {
                    for role in StaffRole.allCases {
                        Fields.checkbox(
                            "two_step_\(role.rawValue)", s.roleName(role),
                            FormState(values: ["two_step_\(role.rawValue)": twoStepRoles.contains(role) ? "yes" : ""]))
                    }
                    button(.class("button secondary"), .attr("type", "submit")) { s.settings.twoStepRolesSave }
                }
            }
            section(.class("card"), .id("email-tests")) {
                h2 { s.settings.emailTestsHeading }
                p(.class("hint")) { s.settings.emailTestsText(admin.user.email) }
                Fields.post(.admin(.settings(.testEmail)), csrf: admin.csrfToken) {
                    Fields.select(
                        "template", s.settings.emailTestTemplate,
                        FormState(values: ["template": EmailTemplate.signingLink.rawValue]),
                        options: EmailTemplate.allCases.map { ($0.rawValue, s.settings.templateName($0)) })
                    button(.class("button secondary"), .attr("type", "submit")) { s.settings.emailTestSend }
                }
            }
            section(.class("card"), .id("logo")) {
                h2 { s.settings.logoHeading }
                if let logo, let url = SafeURL.logo(admin.page.company) {
                    div(.class("logo-current")) {
                        void("img", [.src(url), .attr("alt", s.settings.logoCurrent), .class("logo-preview")])
                        p(.class("hint")) {
                            s.settings.logoDescription(
                                type: logo.mimeType == "image/png" ? "PNG" : "JPEG", kib: (logo.byteCount + 1023) / 1024
                            )
                        }
                    }
                } else {
                    p { s.settings.logoNone }
                }
                Fields.summary(logoForm, s)
                Fields.post(.admin(.settings(.uploadLogo)), csrf: admin.csrfToken, multipart: true) {
                    Fields.text(
                        "logo", s.settings.logoFileLabel, logoForm, type: "file", required: true,
                        hint: s.settings.logoHint(limitKiB: logoLimitKiB),
                        extra: [.attr("accept", "image/png,image/jpeg")])
                    button(.class("button secondary"), .attr("type", "submit")) { s.settings.logoUpload }
                }
                if logo != nil {
                    Fields.postButton(.admin(.settings(.removeLogo)), s.settings.logoRemove, csrf: admin.csrfToken)
                }
            }

            Fields.summary(form, s)
            Fields.post(.admin(.settings(.update)), csrf: admin.csrfToken) {
                Fields.hidden("version", form["version"])
                fieldset(s.settings.companyHeading) {
                    div(.class("grid")) {
                        Fields.text(
                            "company_name", s.settings.companyNameLabel, form, required: true,
                            extra: [.attr("maxlength", "200")])
                        Fields.text(
                            "org_number", s.settings.orgNumberLabel, form, extra: [.attr("inputmode", "numeric")])
                        Fields.text("vat_number", s.settings.vatNumberLabel, form)
                    }
                }
                fieldset(s.settings.addressHeading) {
                    div(.class("grid")) {
                        Fields.text(
                            "address_line1", s.settings.addressLine1Label, form,
                            extra: [.attr("autocomplete", "address-line1")])
                        Fields.text(
                            "address_line2", s.settings.addressLine2Label, form,
                            extra: [.attr("autocomplete", "address-line2")])
                        Fields.text(
                            "postal_code", s.settings.postalCodeLabel, form,
                            extra: [.attr("autocomplete", "postal-code")])
                        Fields.text(
                            "city", s.settings.cityLabel, form, extra: [.attr("autocomplete", "address-level2")])
                        Fields.text(
                            "country", s.settings.countryLabel, form, required: true, hint: s.settings.countryHint,
                            extra: [.attr("maxlength", "2"), .attr("autocomplete", "country")])
                    }
                }
                fieldset(s.settings.contactHeading) {
                    div(.class("grid")) {
                        Fields.text("contact_email", s.settings.contactEmailLabel, form, type: "email")
                        Fields.text("contact_phone", s.settings.contactPhoneLabel, form, type: "tel")
                        Fields.text("website_url", s.settings.websiteLabel, form, type: "url")
                    }
                }
                fieldset(s.settings.emailHeading) {
                    div(.class("grid")) {
                        Fields.text(
                            "team_notification_email", s.settings.teamEmailLabel, form, type: "email",
                            hint: s.settings.teamEmailHint)
                        div {}
                        Fields.text("sender_name", s.settings.senderNameLabel, form, extra: [.attr("maxlength", "100")])
                        Fields.text("sender_address", s.settings.senderAddressLabel, form, type: "email")
                    }
                    p(.class("hint")) { s.settings.senderHint }
                }
                fieldset(s.settings.invoicingHeading) {
                    div(.class("grid")) {
                        Fields.text(
                            "bankgiro", s.settings.bankgiroLabel, form, hint: s.settings.bankgiroHint,
                            extra: [.attr("inputmode", "numeric"), .attr("placeholder", "5050-1055")])
                        Fields.text(
                            "plusgiro", s.settings.plusgiroLabel, form,
                            extra: [.attr("inputmode", "numeric"), .attr("placeholder", "12345-6")])
                        Fields.text(
                            "iban", s.settings.ibanLabel, form, hint: s.settings.ibanHint,
                            extra: [.attr("placeholder", "SE45 5000 0000 0583 9825 7466")])
                        Fields.text("bic", s.settings.bicLabel, form, extra: [.attr("placeholder", "ESSESESS")])
                        Fields.text(
                            "registered_seat", s.settings.registeredSeatLabel, form, hint: s.settings.registeredSeatHint
                        )
                        Fields.text(
                            "invoice_terms_days", s.settings.termsDaysLabel, form, type: "number", required: true,
                            extra: [.attr("min", "0"), .attr("max", "120"), .attr("step", "1")])
                        Fields.text(
                            "invoice_deposit_percent", s.settings.depositPercentLabel, form, type: "number",
                            required: true, hint: s.settings.depositPercentHint,
                            extra: [.attr("min", "1"), .attr("max", "100"), .attr("step", "1")])
                    }
                    Fields.checkbox("approved_for_f_tax", s.settings.fTaxLabel, form)
                    Fields.checkbox("invoice_round_to_kronor", s.settings.roundLabel, form)
                    Fields.checkbox("invoice_deposit_on_signing", s.settings.depositOnSigningLabel, form)
                }
                fieldset(s.settings.remindersHeading) {
                    p(.class("hint")) { s.settings.remindersHint }
                    Fields.checkbox("reminders_enabled", s.settings.remindersEnabledLabel, form)
                    div(.class("grid")) {
                        Fields.text(
                            "reminder_fee", s.settings.reminderFeeLabel, form, hint: s.settings.reminderFeeHint,
                            extra: [.attr("inputmode", "decimal")])
                        Fields.text(
                            "reminder_first_days", s.settings.reminderFirstDaysLabel, form, type: "number",
                            required: true, extra: [.attr("min", "1"), .attr("max", "60")])
                        Fields.text(
                            "reminder_interval_days", s.settings.reminderIntervalLabel, form, type: "number",
                            required: true, extra: [.attr("min", "1"), .attr("max", "60")])
                        Fields.text(
                            "reminder_max", s.settings.reminderMaxLabel, form, type: "number", required: true,
                            extra: [.attr("min", "1"), .attr("max", "5")])
                    }
                    referenceRatesTable(referenceRates, today: today, s: s)
                }
                fieldset(s.settings.quotationHeading) {
                    div(.class("grid")) {
                        Fields.text(
                            "default_vat_rate", s.settings.defaultVATLabel, form, required: true,
                            hint: s.settings.defaultVATHint,
                            extra: [.attr("inputmode", "decimal")])
                        Fields.text(
                            "signing_link_validity_days", s.settings.linkValidityLabel, form, type: "number",
                            required: true,
                            hint: s.settings.linkValidityHint,
                            extra: [.attr("min", "1"), .attr("max", "365"), .attr("step", "1")])
                    }
                    Fields.textarea(
                        "terms_template_html", s.settings.termsLabel, form, rows: 12, hint: s.settings.termsHint)
                    if !termsPreview.markup.isEmpty {
                        element("details", [.class("terms-preview"), .flag("open")]) {
                            element("summary", []) { s.settings.termsPreview }
                            div(.class("rich-text")) { Node.sanitized(termsPreview) }
                        }
                    }
                }
                button(.class("button"), .attr("type", "submit")) { s.settings.save }
            }
        }.rendered()
    }

    /// The stored reference rates (late interest is computed from them), newest first, and a
    /// warning when this half-year's is missing.
    static func referenceRatesTable(_ rates: [Reminders.ReferenceRate], today: CalendarDate?, s: Strings) -> Node {
        let current = today.map(Reminders.halfYear(of:))
        return div(.id("reference-rates")) {
            if let current, !rates.contains(where: { $0.validFrom == current }) {
                p(.class("form-errors"), .attr("role", "status")) { s.settings.referenceRateMissing(current.iso) }
            }
            table(.class("list")) {
                element("caption", []) { s.settings.referenceRatesCaption }
                thead {
                    tr {
                        th(.attr("scope", "col")) { s.settings.referenceRateFrom }
                        th(.attr("scope", "col"), .class("num")) { s.settings.referenceRate }
                        th(.attr("scope", "col"), .class("num")) { s.settings.lateInterestRate }
                    }
                }
                tbody {
                    for rate in rates.reversed().prefix(6) {
                        tr {
                            td { rate.validFrom.iso }
                            td(.class("num")) {
                                Percent.editingText(basisPoints: rate.basisPoints, language: s.language) + " %"
                            }
                            td(.class("num")) {
                                Percent.editingText(basisPoints: rate.basisPoints + 800, language: s.language) + " %"
                            }
                        }
                    }
                }
            }
        }
    }

    private static func fieldset(_ legend: String, @NodeBuilder content: () -> [Node]) -> Node {
        element("fieldset", [.class("settings-group")]) {
            element("legend", []) { legend }
            content()
        }
    }
}
