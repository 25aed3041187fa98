import Database
import Domain
import Foundation
import Sanitizer
import Templates

/// The settings form's text ⇄ `SettingsValues`: every rule with its message next to the field.
enum SettingsForm {
    /// The stored settings as the form shows them.
    static func state(_ record: SettingsRecord, language: Language) -> FormState {
        let v = record.values
        let sender = EmailSender.split(stored: v.emailSender)
        return FormState(values: [
            "company_name": v.companyName, "org_number": v.orgNumber, "vat_number": v.vatNumber,
            "address_line1": v.addressLine1, "address_line2": v.addressLine2, "postal_code": v.postalCode,
            "city": v.city,
            "country": v.country, "contact_email": v.contactEmail, "contact_phone": v.contactPhone,
            "website_url": v.websiteURL, "team_notification_email": v.teamNotificationEmail,
            "sender_name": sender.displayName, "sender_address": sender.address,
            "default_vat_rate": v.defaultVATRate.percentText(language),
            "signing_link_validity_days": String(v.signingLinkValidityDays), "terms_template_html": v.termsTemplateHTML,
            "bankgiro": v.bankgiro, "approved_for_f_tax": v.approvedForFTax ? "yes" : "",
            "registered_seat": v.registeredSeat, "invoice_terms_days": String(v.invoiceTermsDays),
            "invoice_round_to_kronor": v.invoiceRoundToKronor ? "yes" : "",
            "invoice_deposit_percent": String(v.invoiceDepositPercent),
            "invoice_deposit_on_signing": v.invoiceDepositOnSigning ? "yes" : "",
            "reminders_enabled": v.remindersEnabled ? "yes" : "", "reminder_fee": v.reminderFee.editingText(language),
            "reminder_first_days": String(v.reminderFirstDays),
            "reminder_interval_days": String(v.reminderIntervalDays),
            "reminder_max": String(v.reminderMax), "plusgiro": v.plusgiro, "iban": v.iban, "bic": v.bic,
            "version": String(record.version),
        ])
    }

    /// The values to save, or nil with an error next to each wrong field.
    static func validate(_ form: inout FormState, s: Strings) -> SettingsValues? {
        func text(_ name: String, max: Int = 200, required: Bool = false) -> String {
            let value = form[name]
            if required && value.isEmpty {
                form.errors[name] = s.required
            } else if value.lengthForLimits > max
                || value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            {
                form.errors[name] = s.settings.tooLong
            }
            return value
        }
        func email(_ name: String) -> String {
            let value = text(name, max: 254)
            if !value.isEmpty, form.errors[name] == nil, !EmailAddressRule.isValid(value) {
                form.errors[name] = s.settings.emailInvalid
            }
            return value
        }

        let country = text("country", max: 60, required: true).uppercased()
        if form.errors["country"] == nil, country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            form.errors["country"] = s.settings.countryInvalid
        }
        let orgNumber = text("org_number", max: 30)
        if country == "SE", !orgNumber.isEmpty, form.errors["org_number"] == nil,
            !SwedishRegistration.isValidOrganisationNumber(orgNumber)
        {
            form.errors["org_number"] = s.settings.orgNumberInvalid
        }
        var vatNumber = text("vat_number", max: 30)
        if country == "SE", !vatNumber.isEmpty, form.errors["vat_number"] == nil {
            if SwedishRegistration.isValidVATNumber(vatNumber) {
                vatNumber = vatNumber.uppercased().filter { $0 != " " && $0 != "-" }
            } else {
                form.errors["vat_number"] = s.settings.vatNumberInvalid
            }
        }
        let phone = text("contact_phone", max: 40)
        if !phone.isEmpty, !phone.allSatisfy({ ($0.isASCII && $0.isNumber) || " +-()".contains($0) }) {
            form.errors["contact_phone"] = s.settings.phoneInvalid
        }
        let website = text("website_url", max: 300)
        if !website.isEmpty, form.errors["website_url"] == nil, !isWebsite(website) {
            form.errors["website_url"] = s.settings.websiteInvalid
        }

        let senderName = text("sender_name", max: 100)
        let senderAddress = email("sender_address")
        var sender = ""
        if !senderAddress.isEmpty, form.errors["sender_address"] == nil {
            do {
                sender = try EmailSender(displayName: senderName, address: senderAddress).stored
            } catch {
                form.errors[error == .invalidAddress ? "sender_address" : "sender_name"] =
                    error == .invalidAddress ? s.settings.emailInvalid : s.settings.senderNameInvalid
            }
        } else if senderAddress.isEmpty, !senderName.isEmpty {
            form.errors["sender_address"] = s.settings.senderAddressMissing
        }

        var vat = VATRate.default
        do { vat = try VATRate(percentText: form["default_vat_rate"]) } catch {
            form.errors["default_vat_rate"] = error == .empty ? s.required : s.settings.vatInvalid
        }
        let days = Int(form["signing_link_validity_days"]) ?? 0
        if !(1...365).contains(days) { form.errors["signing_link_validity_days"] = s.settings.validityInvalid }

        let bankgiro = text("bankgiro", max: 9)
        if !bankgiro.isEmpty, form.errors["bankgiro"] == nil, !SwedishRegistration.isValidBankgiro(bankgiro) {
            form.errors["bankgiro"] = s.settings.bankgiroInvalid
        }
        let plusgiro = text("plusgiro", max: 10)
        if !plusgiro.isEmpty, form.errors["plusgiro"] == nil, !SwedishRegistration.isValidPlusgiro(plusgiro) {
            form.errors["plusgiro"] = s.settings.plusgiroInvalid
        }
        let iban = text("iban", max: 50).uppercased().filter { $0 != " " }
        if !iban.isEmpty, form.errors["iban"] == nil, !SwedishRegistration.isValidIBAN(iban) {
            form.errors["iban"] = s.settings.ibanInvalid
        }
        let bic = text("bic", max: 11).uppercased().filter { $0 != " " }
        if !bic.isEmpty, form.errors["bic"] == nil, !SwedishRegistration.isValidBIC(bic) || iban.isEmpty {
            form.errors["bic"] = s.settings.bicInvalid
        }
        let termsDays = Int(form["invoice_terms_days"]) ?? -1
        if !(0...120).contains(termsDays) { form.errors["invoice_terms_days"] = s.settings.termsDaysInvalid }
        let depositPercent = Int(form["invoice_deposit_percent"]) ?? -1
        if !(1...100).contains(depositPercent) {
            form.errors["invoice_deposit_percent"] = s.settings.depositPercentInvalid
        }
        let reminderFee = form["reminder_fee"].isEmpty ? Money.zero : try? Money(parsing: form["reminder_fee"])
        if reminderFee.map({ $0.isNegative || $0 > Reminders.Policy.maximumFee }) ?? true {
            form.errors["reminder_fee"] = s.settings.reminderFeeInvalid
        }
        func whole(_ name: String, _ range: ClosedRange<Int>) -> Int {
            guard let value = Int(form[name]), range.contains(value) else {
                form.errors[name] = s.settings.numberBetween(range.lowerBound, range.upperBound)
                return range.lowerBound
            }
            return value
        }
        let firstDays = whole("reminder_first_days", 1...60)
        let intervalDays = whole("reminder_interval_days", 1...60)
        let maxReminders = whole("reminder_max", 1...5)

        var terms = ""
        do { terms = try HTMLSanitizer.sanitize(form["terms_template_html"]).markup } catch {
            form.errors["terms_template_html"] = s.settings.termsTooLarge(
                limitKiB: HTMLSanitizer.maximumInputBytes / 1024)
        }

        var values = SettingsValues(
            companyName: text("company_name", required: true), orgNumber: orgNumber, vatNumber: vatNumber,
            addressLine1: text("address_line1"), addressLine2: text("address_line2"),
            postalCode: text("postal_code", max: 20),
            city: text("city", max: 100), country: country, contactEmail: email("contact_email"), contactPhone: phone,
            websiteURL: website, teamNotificationEmail: email("team_notification_email"), emailSender: sender,
            defaultVATRate: vat, signingLinkValidityDays: days, termsTemplateHTML: terms, bankgiro: bankgiro,
            approvedForFTax: form["approved_for_f_tax"] == "yes", registeredSeat: text("registered_seat", max: 100),
            invoiceTermsDays: termsDays, invoiceRoundToKronor: form["invoice_round_to_kronor"] == "yes",
            invoiceDepositPercent: depositPercent,
            invoiceDepositOnSigning: form["invoice_deposit_on_signing"] == "yes",
            remindersEnabled: form["reminders_enabled"] == "yes", reminderFee: reminderFee ?? .zero,
            reminderFirstDays: firstDays, reminderIntervalDays: intervalDays, reminderMax: maxReminders)
        values.plusgiro = plusgiro
        values.iban = iban
        values.bic = bic
        return form.errors.isEmpty ? values : nil
    }

    /// An `http(s)://host…` address the footer and emails can link to.
    static func isWebsite(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !text.contains(where: \.isWhitespace),
            let url = URL(string: text), let host = url.host, host.contains(".")
        else { return false }
        return URLPolicy.isAllowedLink(text)
    }
}
