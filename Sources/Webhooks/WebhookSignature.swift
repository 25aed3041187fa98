import CLibCrypto
public import Foundation

/// Standard Webhooks signing (https://www.standardwebhooks.com): a secret `whsec_` + base64 of
/// random bytes; each message carries `webhook-id`, `webhook-timestamp` (Unix seconds) and
/// `webhook-signature`: `v1,` + base64(HMAC-SHA256(key, "id.timestamp.body")), the key being the
/// secret's decoded bytes. HMAC and randomness through libcrypto.
public enum WebhookSignature {
    /// A new secret: `whsec_` + base64 of 32 random bytes.
    public static func newSecret() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        precondition(RAND_bytes(&bytes, Int32(bytes.count)) == 1, "the system's random source failed")
        return "whsec_" + Data(bytes).base64EncodedString()
    }

    /// The key bytes of a `whsec_…` secret, or nil when it is not one.
    public static func key(of secret: String) -> [UInt8]? {
        guard secret.hasPrefix("whsec_"), let data = Data(base64Encoded: String(secret.dropFirst(6))), data.count >= 16
        else { return nil }
        return [UInt8](data)
    }

    /// The `webhook-signature` header's value for a message.
    public static func sign(secret: String, id: String, timestamp: Int, body: [UInt8]) -> String? {
        guard let key = key(of: secret) else { return nil }
        let content = Array("\(id).\(timestamp).".utf8) + body
        var mac = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let done = key.withUnsafeBufferPointer { keyBytes in
            HMAC(EVP_sha256(), keyBytes.baseAddress, Int32(key.count), content, content.count, &mac, &length)
        }
        guard done != nil, length == 32 else { return nil }
        return "v1," + Data(mac).base64EncodedString()
    }

    /// Whether `header` (space-separated `v1,…` signatures) holds the right one, and `timestamp`
    /// is within `tolerance` of `now` (incoming hooks; replays of old messages are refused).
    public static func verify(
        secret: String, id: String, timestamp: String, body: [UInt8], header: String, now: Date = Date(),
        tolerance: TimeInterval = 300
    ) -> Bool {
        guard let seconds = Int(timestamp), abs(now.timeIntervalSince1970 - Double(seconds)) <= tolerance,
            let expected = sign(secret: secret, id: id, timestamp: seconds, body: body)
        else { return false }
        let wanted = Array(expected.utf8)
        return header.split(separator: " ").contains { candidate in
            let given = Array(candidate.utf8)
            // Constant time over the candidate's bytes.
            guard given.count == wanted.count else { return false }
            return CRYPTO_memcmp(given, wanted, given.count) == 0
        }
    }
}
