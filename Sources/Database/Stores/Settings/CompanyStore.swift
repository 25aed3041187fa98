public import Domain

/// The company profile from the settings row (one row, made by the first migration).
public enum CompanyStore {
    /// Reads the profile. Address parts are joined into one line for footers and letters. Read on
    /// every page (never cached), so a change in the settings shows on the next request.
    /// - Throws: `DatabaseError` (`.connectionUnavailable` while PostgreSQL is down).
    public static func profile(_ connection: Connection) throws(DatabaseError) -> CompanyProfile {
        try stampedProfile(connection).profile
    }

    /// The profile with the settings row's `updated_at` (as text), which changes with every
    /// update of the row (a trigger keeps it): a cache keyed by it never serves a stale profile.
    public static func stampedProfile(
        _ connection: Connection
    ) throws(DatabaseError) -> (profile: CompanyProfile, stamp: String) {
        let rows = try connection.query(
            """
            SELECT company_name,
                   coalesce(org_number, '') AS org_number,
                   coalesce(vat_number, '') AS vat_number,
                   concat_ws(', ', nullif(btrim(address_line1), ''), nullif(btrim(address_line2), ''),
                             nullif(btrim(concat_ws(' ', postal_code, city)), '')) AS address,
                   coalesce(contact_email::text, '') AS contact_email,
                   coalesce(contact_phone, '') AS contact_phone,
                   coalesce(website_url, '') AS website_url,
                   left(encode(logo_sha256, 'hex'), 16) AS logo_version,
                   updated_at::text AS stamp
              FROM settings
            """)
        guard let row = rows.first else { return (.fallback, "") }
        let profile = CompanyProfile(
            name: try row.decode("company_name"),
            organisationNumber: try row.decode("org_number"),
            vatNumber: try row.decode("vat_number"),
            address: try row.decode("address"),
            email: try row.decode("contact_email"),
            phone: try row.decode("contact_phone"),
            website: try row.decode("website_url"),
            logoVersion: try row.decode("logo_version"))
        return (profile, try row.decode("stamp"))
    }
}
