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
        "default_vat_rate", "signing_link_validity_days", "terms_template_html", "version",
    ]

    /// - Parameters:
    ///   - form: the settings values (stored, or as typed) and their errors.
    ///   - termsPreview: the stored terms as they will appear on quotations.
    ///   - logoForm: the upload's error, if it was refused.
    public static func render(
        form: FormState, termsPreview: SanitizedHTML, lastSaved: Date, logo: Logo?, logoForm: FormState,
        logoLimitKiB: Int, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings
        return AdminLayout.page(title: s.settingsTitle, admin) {
            div(.class("page-head")) {
                h1 { s.settingsTitle }
                p(.class("hint")) { "\(s.settingsLastSaved) \(DisplayFormat.dateTime(lastSaved))" }
            }
            section(.class("card"), .id("logo")) {
                h2 { s.settingsLogoHeading }
                if let logo, let url = SafeURL.logo(admin.page.company) {
                    div(.class("logo-current")) {
                        void("img", [.src(url), .attr("alt", s.logoCurrent), .class("logo-preview")])
                        p(.class("hint")) {
                            s.logoDescription(type: logo.mimeType == "image/png" ? "PNG" : "JPEG", kib: (logo.byteCount + 1023) / 1024)
                        }
                    }
                } else {
                    p { s.logoNone }
                }
                Fields.summary(logoForm, s)
                Fields.post(.admin(.settings(.uploadLogo)), csrf: admin.csrfToken, multipart: true) {
                    Fields.text(
                        "logo", s.logoFileLabel, logoForm, type: "file", required: true, hint: s.logoHint(limitKiB: logoLimitKiB),
                        extra: [.attr("accept", "image/png,image/jpeg")])
                    button(.class("button secondary"), .attr("type", "submit")) { s.logoUpload }
                }
                if logo != nil {
                    Fields.postButton(.admin(.settings(.removeLogo)), s.logoRemove, csrf: admin.csrfToken)
                }
            }

            Fields.summary(form, s)
            Fields.post(.admin(.settings(.update)), csrf: admin.csrfToken) {
                Fields.hidden("version", form["version"])
                fieldset(s.settingsCompanyHeading) {
                    div(.class("grid")) {
                        Fields.text("company_name", s.companyNameLabel, form, required: true, extra: [.attr("maxlength", "200")])
                        Fields.text("org_number", s.orgNumberLabel, form, extra: [.attr("inputmode", "numeric")])
                        Fields.text("vat_number", s.vatNumberLabel, form)
                    }
                }
                fieldset(s.settingsAddressHeading) {
                    div(.class("grid")) {
                        Fields.text("address_line1", s.addressLine1Label, form, extra: [.attr("autocomplete", "address-line1")])
                        Fields.text("address_line2", s.addressLine2Label, form, extra: [.attr("autocomplete", "address-line2")])
                        Fields.text("postal_code", s.postalCodeLabel, form, extra: [.attr("autocomplete", "postal-code")])
                        Fields.text("city", s.cityLabel, form, extra: [.attr("autocomplete", "address-level2")])
                        Fields.text(
                            "country", s.countryLabel, form, required: true, hint: s.countryHint,
                            extra: [.attr("maxlength", "2"), .attr("autocomplete", "country")])
                    }
                }
                fieldset(s.settingsContactHeading) {
                    div(.class("grid")) {
                        Fields.text("contact_email", s.contactEmailLabel, form, type: "email")
                        Fields.text("contact_phone", s.contactPhoneLabel, form, type: "tel")
                        Fields.text("website_url", s.websiteLabel, form, type: "url")
                    }
                }
                fieldset(s.settingsEmailHeading) {
                    div(.class("grid")) {
                        Fields.text("team_notification_email", s.teamEmailLabel, form, type: "email", hint: s.teamEmailHint)
                        div {}
                        Fields.text("sender_name", s.senderNameLabel, form, extra: [.attr("maxlength", "100")])
                        Fields.text("sender_address", s.senderAddressLabel, form, type: "email")
                    }
                    p(.class("hint")) { s.senderHint }
                }
                fieldset(s.settingsQuotationHeading) {
                    div(.class("grid")) {
                        Fields.text(
                            "default_vat_rate", s.defaultVATLabel, form, required: true, hint: s.defaultVATHint,
                            extra: [.attr("inputmode", "decimal")])
                        Fields.text(
                            "signing_link_validity_days", s.linkValidityLabel, form, type: "number", required: true,
                            hint: s.linkValidityHint, extra: [.attr("min", "1"), .attr("max", "365"), .attr("step", "1")])
                    }
                    Fields.textarea("terms_template_html", s.termsLabel, form, rows: 12, hint: s.termsHint)
                    if !termsPreview.markup.isEmpty {
                        element("details", [.class("terms-preview"), .flag("open")]) {
                            element("summary", []) { s.termsPreview }
                            div(.class("rich-text")) { Node.sanitized(termsPreview) }
                        }
                    }
                }
                button(.class("button"), .attr("type", "submit")) { s.settingsSave }
            }
        }.rendered()
    }

    private static func fieldset(_ legend: String, @NodeBuilder content: () -> [Node]) -> Node {
        element("fieldset", [.class("settings-group")]) {
            element("legend", []) { legend }
            content()
        }
    }
}
