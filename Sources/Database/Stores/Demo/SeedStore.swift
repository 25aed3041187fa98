public import Domain

/// The company settings `seed-demo` writes (strings; empty is stored as NULL).
public struct CompanySettings: Sendable {
    public var companyName: String
    public var orgNumber: String
    public var vatNumber: String
    public var addressLine1: String
    public var postalCode: String
    public var city: String
    public var contactEmail: String
    public var contactPhone: String
    public var websiteURL: String
    public var teamNotificationEmail: String
    public var emailSender: String
    /// Already sanitised HTML.
    public var termsTemplateHTML: String
    /// `NNNN-NNNN`, or empty.
    public var bankgiro: String
    /// The AB's registered seat, or empty.
    public var registeredSeat: String

    public init(
        companyName: String, orgNumber: String, vatNumber: String, addressLine1: String, postalCode: String,
        city: String, contactEmail: String, contactPhone: String, websiteURL: String, teamNotificationEmail: String,
        emailSender: String, termsTemplateHTML: String, bankgiro: String = "", registeredSeat: String = ""
    ) {
        self.bankgiro = bankgiro
        self.registeredSeat = registeredSeat
        self.companyName = companyName
        self.orgNumber = orgNumber
        self.vatNumber = vatNumber
        self.addressLine1 = addressLine1
        self.postalCode = postalCode
        self.city = city
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
        self.websiteURL = websiteURL
        self.teamNotificationEmail = teamNotificationEmail
        self.emailSender = emailSender
        self.termsTemplateHTML = termsTemplateHTML
    }
}

/// The writes only `eventgaraget seed-demo` needs (settings, placeholder users, and moving demo
/// quotations into the declined / expired / void states). The admin and signing issues will own
/// the real operations; these exist so the demo data is made through SQL in store code.
public enum SeedStore {
    /// Overwrites the settings row's company fields. - Throws: `DatabaseError`.
    public static func writeCompanySettings(_ connection: Connection, _ s: CompanySettings) throws(DatabaseError) {
        try connection.execute(
            """
            UPDATE settings
               SET company_name = \(s.companyName), org_number = \(CustomerStore.nonEmpty(s.orgNumber)),
                   vat_number = \(CustomerStore.nonEmpty(s.vatNumber)), address_line1 = \(CustomerStore.nonEmpty(s.addressLine1)),
                   postal_code = \(CustomerStore.nonEmpty(s.postalCode)), city = \(CustomerStore.nonEmpty(s.city)),
                   contact_email = \(CustomerStore.nonEmpty(s.contactEmail)), contact_phone = \(CustomerStore.nonEmpty(s.contactPhone)),
                   website_url = \(CustomerStore.nonEmpty(s.websiteURL)),
                   team_notification_email = \(CustomerStore.nonEmpty(s.teamNotificationEmail)),
                   email_sender = \(CustomerStore.nonEmpty(s.emailSender)), terms_template_html = \(s.termsTemplateHTML),
                   bankgiro = \(CustomerStore.nonEmpty(s.bankgiro)), registered_seat = \(CustomerStore.nonEmpty(s.registeredSeat)),
                   version = version + 1
            """)
    }

    /// The settings' terms template (sanitised HTML). - Throws: `DatabaseError`.
    public static func termsTemplate(_ connection: Connection) throws(DatabaseError) -> String {
        try connection.query("SELECT terms_template_html FROM settings")[0].decode("terms_template_html")
    }

    /// Creates a staff user with the given password hash (seed-demo passes the demo password's argon2id hash). - Throws: `DatabaseError` (`.uniqueViolation("users_email_key")`).
    public static func createUser(
        _ connection: Connection, email: String, name: String, role: String, passwordHash: String
    ) throws(DatabaseError) -> Int64 {
        try connection.query(
            """
            INSERT INTO users (email, name, role, password_hash) VALUES (\(email), \(name), \(role), \(passwordHash))
            RETURNING id
            """)[0].decode("id")
    }

    /// Gives the named accounts that still have the placeholder hash "!" (demo data from before
    /// staff sign-in existed) this hash. Returns how many changed.
    public static func replacePlaceholderPasswords(
        _ connection: Connection, emails: [String], passwordHash: String
    )
        throws(DatabaseError) -> Int
    {
        var changed = 0
        for email in emails {
            changed += try connection.execute(
                "UPDATE users SET password_hash = \(passwordHash) WHERE email = \(email)::citext AND password_hash = '!'"
            )
        }
        return changed
    }
}

extension SeedStore {
    /// The bookings behind us (returned or closed) with their last day, oldest first: what the
    /// demo invoices.
    public static func finishedBookings(_ connection: Connection) throws -> [(id: BookingID, lastDay: CalendarDate)] {
        try connection.query(
            "SELECT id, period_end FROM bookings WHERE state IN ('returned', 'closed') ORDER BY period_end, id"
        ).map { row in
            (BookingID(rawValue: try row.decode("id")), try CalendarDate(iso: try row.decode("period_end")))
        }
    }
}
