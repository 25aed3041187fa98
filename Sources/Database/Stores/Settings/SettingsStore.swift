public import Domain
public import Foundation

/// The editable company settings, as the settings form shows and saves them. Empty text is stored
/// as NULL. `termsTemplateHTML` must already be sanitised; `emailSender` is `Name <address>` or empty.
public struct SettingsValues: Sendable, Equatable {
    public var companyName: String
    public var orgNumber: String
    public var vatNumber: String
    public var addressLine1: String
    public var addressLine2: String
    public var postalCode: String
    public var city: String
    /// ISO 3166-1 alpha-2, upper case (`SE`).
    public var country: String
    public var contactEmail: String
    public var contactPhone: String
    public var websiteURL: String
    public var teamNotificationEmail: String
    public var emailSender: String
    public var defaultVATRate: VATRate
    public var signingLinkValidityDays: Int
    public var termsTemplateHTML: String
    /// Invoicing: `NNNN-NNNN` (or empty), "Godkänd för F-skatt", an AB's registered seat, the
    /// days until an invoice is due, and rounding the amount to pay to whole kronor.
    public var bankgiro: String
    /// `NNNNNNN-N`, an IBAN and its BIC, or empty.
    public var plusgiro: String = ""
    public var iban: String = ""
    public var bic: String = ""
    public var approvedForFTax: Bool
    public var registeredSeat: String
    public var invoiceTermsDays: Int
    public var invoiceRoundToKronor: Bool
    /// The deposit invoice's share of a booking (1–100 %), and whether signing drafts it.
    public var invoiceDepositPercent: Int
    public var invoiceDepositOnSigning: Bool
    /// Reminders: on or off, the fee (at most 60 kr), days after the due date for the first, days
    /// between them, how many.
    public var remindersEnabled: Bool
    public var reminderFee: Money
    public var reminderFirstDays: Int
    public var reminderIntervalDays: Int
    public var reminderMax: Int

    public init(
        companyName: String, orgNumber: String = "", vatNumber: String = "", addressLine1: String = "",
        addressLine2: String = "", postalCode: String = "", city: String = "", country: String = "SE",
        contactEmail: String = "", contactPhone: String = "", websiteURL: String = "",
        teamNotificationEmail: String = "",
        emailSender: String = "", defaultVATRate: VATRate = .default, signingLinkValidityDays: Int = 30,
        termsTemplateHTML: String = "", bankgiro: String = "", approvedForFTax: Bool = true,
        registeredSeat: String = "", invoiceTermsDays: Int = 30, invoiceRoundToKronor: Bool = true,
        invoiceDepositPercent: Int = 30, invoiceDepositOnSigning: Bool = false, remindersEnabled: Bool = true,
        reminderFee: Money = Money(ore: 6_000), reminderFirstDays: Int = 7, reminderIntervalDays: Int = 14,
        reminderMax: Int = 2
    ) {
        self.remindersEnabled = remindersEnabled
        self.reminderFee = reminderFee
        self.reminderFirstDays = reminderFirstDays
        self.reminderIntervalDays = reminderIntervalDays
        self.reminderMax = reminderMax
        self.invoiceDepositPercent = invoiceDepositPercent
        self.invoiceDepositOnSigning = invoiceDepositOnSigning
        self.bankgiro = bankgiro
        self.approvedForFTax = approvedForFTax
        self.registeredSeat = registeredSeat
        self.invoiceTermsDays = invoiceTermsDays
        self.invoiceRoundToKronor = invoiceRoundToKronor
        self.companyName = companyName
        self.orgNumber = orgNumber
        self.vatNumber = vatNumber
        self.addressLine1 = addressLine1
        self.addressLine2 = addressLine2
        self.postalCode = postalCode
        self.city = city
        self.country = country
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
        self.websiteURL = websiteURL
        self.teamNotificationEmail = teamNotificationEmail
        self.emailSender = emailSender
        self.defaultVATRate = defaultVATRate
        self.signingLinkValidityDays = signingLinkValidityDays
        self.termsTemplateHTML = termsTemplateHTML
    }

    /// Field name → text, the shape audit rows keep (names are the settings columns).
    public var auditFields: [String: String] {
        [
            "company_name": companyName, "org_number": orgNumber, "vat_number": vatNumber,
            "address_line1": addressLine1,
            "address_line2": addressLine2, "postal_code": postalCode, "city": city, "country": country,
            "contact_email": contactEmail, "contact_phone": contactPhone, "website_url": websiteURL,
            "team_notification_email": teamNotificationEmail, "email_sender": emailSender,
            "default_vat_rate": defaultVATRate.formatted(.en),
            "signing_link_validity_days": String(signingLinkValidityDays),
            "terms_template_html": termsTemplateHTML, "bankgiro": bankgiro,
            "approved_for_f_tax": approvedForFTax ? "yes" : "no", "registered_seat": registeredSeat,
            "invoice_terms_days": String(invoiceTermsDays),
            "invoice_round_to_kronor": invoiceRoundToKronor ? "yes" : "no",
            "invoice_deposit_percent": String(invoiceDepositPercent),
            "invoice_deposit_on_signing": invoiceDepositOnSigning ? "yes" : "no",
            "plusgiro": plusgiro, "iban": iban, "bic": bic,
            "reminders_enabled": remindersEnabled ? "yes" : "no", "reminder_fee_ore": String(reminderFee.ore),
            "reminder_first_days": String(reminderFirstDays), "reminder_interval_days": String(reminderIntervalDays),
            "reminder_max": String(reminderMax),
        ]
    }
}

/// The stored logo as the settings page describes it (the bytes are only read by `/logo`).
public struct LogoSummary: Sendable, Equatable {
    public let mimeType: String
    public let byteCount: Int
    /// Lower-case hex SHA-256 of the bytes.
    public let sha256: String
}

/// The settings row: the values, the optimistic-locking version, and the logo if there is one.
public struct SettingsRecord: Sendable, Equatable {
    public let values: SettingsValues
    public let version: Int
    public let logo: LogoSummary?
    public let updatedAt: Date
}

/// The logo to serve, or only its validator when the client's copy is current.
public enum StoredLogo: Sendable, Equatable {
    case unchanged(mimeType: String, sha256: String)
    case image(bytes: [UInt8], mimeType: String, sha256: String)
}

public enum SettingsStoreError: Error, Sendable, Equatable {
    /// Someone saved the settings since the form was loaded; these are the current ones.
    case versionConflict(current: SettingsRecord)
}

/// The one settings row (company profile, email sender, defaults, terms template, logo). Every
/// change is audited as entity `settings` (no id: it is a singleton) with the fields that changed.
public enum SettingsStore {
    static let columns: Query = """
        company_name, coalesce(org_number, '') AS org_number, coalesce(vat_number, '') AS vat_number,
        coalesce(address_line1, '') AS address_line1, coalesce(address_line2, '') AS address_line2,
        coalesce(postal_code, '') AS postal_code, coalesce(city, '') AS city, country,
        coalesce(contact_email::text, '') AS contact_email, coalesce(contact_phone, '') AS contact_phone,
        coalesce(website_url, '') AS website_url, coalesce(team_notification_email::text, '') AS team_email,
        coalesce(email_sender, '') AS email_sender, default_vat_rate_bp, signing_link_validity_days,
        terms_template_html, version, updated_at, coalesce(bankgiro, '') AS bankgiro, approved_for_f_tax,
        coalesce(registered_seat, '') AS registered_seat, invoice_terms_days, invoice_round_to_kronor,
        invoice_deposit_percent, invoice_deposit_on_signing, reminders_enabled, reminder_fee_ore,
        reminder_first_days, reminder_interval_days, reminder_max, coalesce(plusgiro, '') AS plusgiro,
        coalesce(iban, '') AS iban, coalesce(bic, '') AS bic, logo_mime, octet_length(logo) AS logo_bytes, encode(logo_sha256, 'hex') AS logo_sha256
        """

    /// The settings row. - Throws: `DatabaseError`.
    public static func read(_ connection: Connection) throws -> SettingsRecord {
        try record(connection.query("SELECT " + columns + " FROM settings")[0])
    }

    /// Saves the form if `version` is still the stored one, with an audit row naming each changed
    /// field before and after. Saving unchanged values writes nothing.
    /// - Throws: `SettingsStoreError.versionConflict` (nothing written), `DatabaseError`.
    public static func update(
        _ connection: Connection, version: Int, values v: SettingsValues, actor: AuditActor
    ) throws {
        try connection.transaction { tx in
            let current = try record(tx.query("SELECT " + columns + " FROM settings FOR UPDATE")[0])
            guard current.version == version else { throw SettingsStoreError.versionConflict(current: current) }
            guard let diff = AuditStore.changes(from: current.values.auditFields, to: v.auditFields) else { return }
            func text(_ value: String) -> String? { value.isEmpty ? nil : value }
            try tx.execute(
                """
                UPDATE settings
                   SET company_name = \(v.companyName), org_number = \(text(v.orgNumber)), vat_number = \(text(v.vatNumber)),
                       address_line1 = \(text(v.addressLine1)), address_line2 = \(text(v.addressLine2)),
                       postal_code = \(text(v.postalCode)), city = \(text(v.city)), country = \(v.country),
                       contact_email = \(text(v.contactEmail)), contact_phone = \(text(v.contactPhone)),
                       website_url = \(text(v.websiteURL)), team_notification_email = \(text(v.teamNotificationEmail)),
                       email_sender = \(text(v.emailSender)), default_vat_rate_bp = \(v.defaultVATRate.basisPoints),
                       signing_link_validity_days = \(v.signingLinkValidityDays), terms_template_html = \(v.termsTemplateHTML),
                       bankgiro = \(text(v.bankgiro)), approved_for_f_tax = \(v.approvedForFTax),
                       registered_seat = \(text(v.registeredSeat)), invoice_terms_days = \(v.invoiceTermsDays),
                       invoice_round_to_kronor = \(v.invoiceRoundToKronor),
                       invoice_deposit_percent = \(v.invoiceDepositPercent),
                       invoice_deposit_on_signing = \(v.invoiceDepositOnSigning),
                       reminders_enabled = \(v.remindersEnabled), reminder_fee_ore = \(v.reminderFee.ore),
                       reminder_first_days = \(v.reminderFirstDays), reminder_interval_days = \(v.reminderIntervalDays),
                       reminder_max = \(v.reminderMax), plusgiro = \(text(v.plusgiro)), iban = \(text(v.iban)),
                       bic = \(text(v.bic)),
                       version = version + 1
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "settings", entityID: nil, action: "updated", before: diff.before,
                after: diff.after)
        }
    }

    /// Replaces the logo with an image `LogoImage.inspect` accepted; audited with what it replaced.
    /// Does not change the settings' version: the logo has its own form, and replacing it must not
    /// make an open settings form stale.
    public static func setLogo(_ connection: Connection, bytes: [UInt8], image: LogoImage, actor: AuditActor) throws {
        try connection.transaction { tx in
            let before = try logoSummary(tx)
            let rows = try tx.query(
                """
                UPDATE settings SET logo = \(bytes), logo_mime = \(image.format.mimeType), logo_sha256 = sha256(\(bytes))
                RETURNING encode(logo_sha256, 'hex') AS sha
                """)
            let after = [
                "logo": image.format.mimeType, "logo_bytes": String(bytes.count),
                "logo_size": "\(image.width)×\(image.height)",
                "logo_sha256": try rows[0].decode("sha", as: String.self),
            ]
            try AuditStore.record(
                tx, actor: actor, entity: "settings", entityID: nil, action: "logo_uploaded",
                before: before.map {
                    ["logo": $0.mimeType, "logo_bytes": String($0.byteCount), "logo_sha256": $0.sha256]
                },
                after: after)
        }
    }

    /// Removes the logo; false (and nothing audited) when there was none.
    public static func removeLogo(_ connection: Connection, actor: AuditActor) throws -> Bool {
        try connection.transaction { tx in
            guard let before = try logoSummary(tx) else { return false }
            try tx.execute("UPDATE settings SET logo = NULL, logo_mime = NULL, logo_sha256 = NULL")
            try AuditStore.record(
                tx, actor: actor, entity: "settings", entityID: nil, action: "logo_removed",
                before: ["logo": before.mimeType, "logo_bytes": String(before.byteCount), "logo_sha256": before.sha256])
            return true
        }
    }

    /// The logo for `/logo`: nil when there is none; only its type and hash when one of `ifNoneMatch`
    /// (hex SHA-256s the client already has) is current, or `matchAny` (`If-None-Match: *`), so a
    /// revalidation never reads the image.
    public static func logo(
        _ connection: Connection, ifNoneMatch known: [String] = [], matchAny: Bool = false
    )
        throws(DatabaseError) -> StoredLogo?
    {
        guard
            let row = try connection.query(
                """
                SELECT logo_mime, encode(logo_sha256, 'hex') AS sha,
                       CASE WHEN \(matchAny) OR encode(logo_sha256, 'hex') = ANY(\(arrayLiteral(known))::text[]) THEN NULL ELSE logo END AS logo
                  FROM settings WHERE logo IS NOT NULL
                """
            ).first
        else { return nil }
        let mime: String = try row.decode("logo_mime")
        let sha: String = try row.decode("sha")
        guard let bytes: [UInt8] = try row.decode("logo") else { return .unchanged(mimeType: mime, sha256: sha) }
        return .image(bytes: bytes, mimeType: mime, sha256: sha)
    }

    // MARK: Reading rows

    private static func logoSummary(_ tx: Connection) throws -> LogoSummary? {
        let row = try tx.query(
            """
            SELECT logo_mime, octet_length(logo) AS logo_bytes, encode(logo_sha256, 'hex') AS logo_sha256
              FROM settings FOR UPDATE
            """)[0]
        return try summary(row)
    }

    private static func summary(_ row: Row) throws -> LogoSummary? {
        guard let mime: String = try row.decode("logo_mime") else { return nil }
        return LogoSummary(
            mimeType: mime, byteCount: try row.decode("logo_bytes"),
            sha256: try row.decode("logo_sha256", as: String?.self) ?? "")
    }

    private static func record(_ row: Row) throws -> SettingsRecord {
        var values = SettingsValues(
            companyName: try row.decode("company_name"), orgNumber: try row.decode("org_number"),
            vatNumber: try row.decode("vat_number"), addressLine1: try row.decode("address_line1"),
            addressLine2: try row.decode("address_line2"), postalCode: try row.decode("postal_code"),
            city: try row.decode("city"), country: try row.decode("country"),
            contactEmail: try row.decode("contact_email"),
            contactPhone: try row.decode("contact_phone"), websiteURL: try row.decode("website_url"),
            teamNotificationEmail: try row.decode("team_email"), emailSender: try row.decode("email_sender"),
            defaultVATRate: try VATRate(basisPoints: try row.decode("default_vat_rate_bp")),
            signingLinkValidityDays: try row.decode("signing_link_validity_days"),
            termsTemplateHTML: try row.decode("terms_template_html"), bankgiro: try row.decode("bankgiro"),
            approvedForFTax: try row.decode("approved_for_f_tax"),
            registeredSeat: try row.decode("registered_seat"),
            invoiceTermsDays: try row.decode("invoice_terms_days"),
            invoiceRoundToKronor: try row.decode("invoice_round_to_kronor"),
            invoiceDepositPercent: try row.decode("invoice_deposit_percent"),
            invoiceDepositOnSigning: try row.decode("invoice_deposit_on_signing"),
            remindersEnabled: try row.decode("reminders_enabled"),
            reminderFee: Money(ore: try row.decode("reminder_fee_ore")),
            reminderFirstDays: try row.decode("reminder_first_days"),
            reminderIntervalDays: try row.decode("reminder_interval_days"),
            reminderMax: try row.decode("reminder_max"))
        values.plusgiro = try row.decode("plusgiro")
        values.iban = try row.decode("iban")
        values.bic = try row.decode("bic")
        return SettingsRecord(
            values: values, version: try row.decode("version"), logo: try summary(row),
            updatedAt: try row.decode("updated_at"))
    }

    /// A PostgreSQL text-array literal of hex digests (anything else is dropped, so nothing needs quoting).
    static func arrayLiteral(_ values: [String]) -> String {
        let hex = Set("0123456789abcdef")
        let kept = values.prefix(8).filter { $0.count == 64 && $0.allSatisfy(hex.contains) }
        return "{" + kept.joined(separator: ",") + "}"
    }
}
