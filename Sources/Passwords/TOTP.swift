import CLibCrypto

/// Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1 of the 30-second time step,
/// six digits, what every authenticator app (Google Authenticator, Authy, 1Password…) makes from
/// an `otpauth://` QR code. HMAC through libcrypto (OpenSSL).
public enum TOTP {
    public static let digits = 6
    public static let period: Int64 = 30
    /// Steps either side of now that are accepted: a phone's clock a little off, a code typed
    /// as it turns over.
    public static let window: Int64 = 1

    /// A new shared secret: 20 random bytes (160 bits, RFC 4226's recommendation).
    public static func newSecret() -> [UInt8] { SecureRandom.bytes(20) }

    /// The time step of a Unix time.
    public static func step(at unixTime: Int64) -> Int64 { unixTime / period }

    /// The code for `step`, zero-padded (`"042517"`).
    public static func code(secret: [UInt8], step: Int64) -> String {
        var counter = [UInt8](repeating: 0, count: 8)
        for index in 0..<8 { counter[7 - index] = UInt8(truncatingIfNeeded: UInt64(bitPattern: step) >> (8 * index)) }
        var mac = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = secret.withUnsafeBytes { key in
            HMAC(EVP_sha1(), key.baseAddress, Int32(secret.count), counter, counter.count, &mac, &length)
        }
        // Dynamic truncation (RFC 4226 §5.3).
        let offset = Int(mac[Int(length) - 1] & 0x0F)
        let binary =
            (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        let value = binary % 1_000_000
        let text = String(value)
        return String(repeating: "0", count: digits - text.count) + text
    }

    /// The step `code` belongs to within `window` of `unixTime`, if it is right and newer than
    /// `after` (a code is used once: the step of the last accepted code is stored); nil otherwise.
    /// The comparison does not stop at the first differing digit.
    public static func verify(_ code: String, secret: [UInt8], at unixTime: Int64, after: Int64?) -> Int64? {
        let typed = code.filter { !$0.isWhitespace }
        guard typed.count == digits, typed.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let now = step(at: unixTime)
        var found: Int64?
        for candidate in (now - window)...(now + window) where candidate > (after ?? Int64.min) {
            if SecureRandom.constantTimeEqual(self.code(secret: secret, step: candidate), typed), found == nil {
                found = candidate
            }
        }
        return found
    }

    /// The `otpauth://` URI an authenticator app reads from the QR code.
    public static func provisioningURI(secret: [UInt8], account: String, issuer: String) -> String {
        func encode(_ text: String) -> String {
            var result = ""
            for byte in text.utf8 {
                if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x40
                {
                    result.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
            return result
        }
        return "otpauth://totp/\(encode(issuer)):\(encode(account))?secret=\(Base32.encode(secret))"
            + "&issuer=\(encode(issuer))&algorithm=SHA1&digits=\(digits)&period=\(period)"
    }
}

/// RFC 4648 base32 without padding, as authenticator apps show and take secrets.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var result = ""
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                result.unicodeScalars.append(Unicode.Scalar(alphabet[(buffer >> (bits - 5)) & 31]))
                bits -= 5
            }
        }
        if bits > 0 { result.unicodeScalars.append(Unicode.Scalar(alphabet[(buffer << (5 - bits)) & 31])) }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
