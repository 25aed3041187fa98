import HTTP

/// The staff cookies. `__Host-` prefixed: the browser accepts them only when Secure, with
/// `Path=/` and no `Domain`, so a sibling subdomain cannot set or shadow them.
enum StaffCookies {
    /// The session token (256 random bits); the database has only its SHA-256.
    static let session = "__Host-eg_session"
    /// The sign-in form's token (double submit), so nobody can sign a browser into their account.
    static let login = "__Host-eg_login"
    /// The message shown once after a redirect (a `Flash` raw value, never free text).
    static let flash = "__Host-eg_flash"
    /// Between the password and the two-step code: the challenge's token (five minutes).
    static let twoStep = "__Host-eg_two_step"

    static func set(_ name: String, _ value: String, maxAge: Int? = nil) -> (name: String, value: String) {
        let age = maxAge.map { "; Max-Age=\($0)" } ?? ""
        return ("Set-Cookie", "\(name)=\(value); Path=/; Secure; HttpOnly; SameSite=Lax\(age)")
    }

    static func clear(_ name: String) -> (name: String, value: String) {
        ("Set-Cookie", "\(name)=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0")
    }
}
