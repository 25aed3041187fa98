import HTTP

/// The portal's cookies: names of their own, so a customer's cookie is never read as a staff one
/// (nor the other way round). `__Host-` prefixed, Secure, HttpOnly, SameSite=Lax, `Path=/`.
enum PortalCookies {
    /// The customer's session token (256 random bits); the database has only its SHA-256.
    static let session = "__Host-eg_portal"
    /// Before sign-in: the forms' token (double submit), so no other site can post them.
    static let form = "__Host-eg_portal_form"
    /// The message shown once after a redirect (a `PortalFlash` raw value, never free text).
    static let flash = "__Host-eg_portal_flash"

    static func set(_ name: String, _ value: String, maxAge: Int? = nil) -> (name: String, value: String) {
        StaffCookies.set(name, value, maxAge: maxAge)
    }

    static func clear(_ name: String) -> (name: String, value: String) { StaffCookies.clear(name) }
}
