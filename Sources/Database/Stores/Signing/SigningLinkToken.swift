import Domain
import Foundation

/// The secret in a signing link (`/sign/{token}`): 256 random bits as URL-safe base64 without
/// padding (43 characters). Only its SHA-256 is stored (`signing_links.token_hash`); the text
/// itself leaves the process only in the customer's email (via the job payload, which the worker
/// scrubs) and is never shown on a staff screen.
public struct SigningLinkToken: Sendable, Equatable {
    /// The token as it appears in the URL.
    public let text: String

    private init(text: String) { self.text = text }

    /// A fresh token from the system's CSPRNG (`getrandom` on Linux).
    public static func generate() -> SigningLinkToken {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            for shift in stride(from: 0, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return SigningLinkToken(text: base64URL(bytes))
    }

    /// SHA-256 of the token text (UTF-8): the value stored in `signing_links.token_hash`.
    public var hash: [UInt8] { Self.hash(ofPresented: text) }

    /// The hash to look a presented token up by. Any text hashes (a wrong token simply finds no
    /// row), so a malformed token and an unknown one are indistinguishable to the caller.
    public static func hash(ofPresented text: String) -> [UInt8] { SHA256.hash(Array(text.utf8)) }

    /// URL-safe base64 (RFC 4648 §5) without padding.
    static func base64URL(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }
}
