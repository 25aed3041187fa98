internal import CLibSodium
import Foundation

/// Secrets from the operating system's CSPRNG (libsodium's `randombytes_buf`, `getrandom` on Linux).
public enum SecureRandom {
    /// `count` random bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        _ = sodium_init()
        var buffer = [UInt8](repeating: 0, count: count)
        buffer.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) }
        return buffer
    }

    /// 256 random bits as URL-safe base64 without padding (43 characters): session cookies,
    /// calendar feed URLs, login form tokens.
    public static func token() -> String { base64URL(bytes(32)) }

    /// URL-safe base64 (RFC 4648 §5) without padding.
    public static func base64URL(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    /// Compares two secrets in time that depends only on their length (`sodium_memcmp`).
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return x.withUnsafeBytes { p in
            y.withUnsafeBytes { q in sodium_memcmp(p.baseAddress!, q.baseAddress!, x.count) == 0 }
        }
    }
}
