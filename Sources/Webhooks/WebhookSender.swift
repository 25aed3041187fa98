import CLibCurl
import Foundation

/// What one delivery attempt got back.
public struct WebhookResponse: Sendable, Equatable {
    /// The HTTP status, or nil when no answer came (refused, timed out, blocked).
    public var status: Int?
    /// The start of the answer's body (at most 1 KiB, UTF-8 with replacements).
    public var excerpt: String
    public var durationMilliseconds: Int
    /// Why there was no answer, in English for the delivery log.
    public var error: String?

    /// Any 2xx status is a delivery.
    public var succeeded: Bool { status.map { (200..<300).contains($0) } ?? false }
}

/// POSTs a webhook message through libcurl: JSON body, the Standard Webhooks headers, a
/// whole-request timeout, no redirects followed, http and https only. Unless allowed, the
/// connection is refused when the address it resolved to is loopback, private, link-local or
/// otherwise not public (checked on the address curl is about to use, so DNS tricks do not help).
public struct WebhookSender: Sendable {
    public var timeoutSeconds: Int
    public var allowPrivateAddresses: Bool

    public init(timeoutSeconds: Int = 15, allowPrivateAddresses: Bool = false) {
        self.timeoutSeconds = timeoutSeconds
        self.allowPrivateAddresses = allowPrivateAddresses
    }

    /// Signs `body` for this attempt (a fresh timestamp) and POSTs it; nil when `secret` is not
    /// a `whsec_` secret.
    public func deliver(url: String, secret: String, id: String, body: [UInt8]) -> WebhookResponse? {
        let timestamp = Int(Date().timeIntervalSince1970)
        guard let signature = WebhookSignature.sign(secret: secret, id: id, timestamp: timestamp, body: body) else {
            return nil
        }
        return post(url: url, id: id, timestamp: timestamp, signature: signature, body: body)
    }

    public func post(url: String, id: String, timestamp: Int, signature: String, body: [UInt8]) -> WebhookResponse {
        let started = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Int { Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000) }
        guard let handle = curl_easy_init() else {
            return WebhookResponse(status: nil, excerpt: "", durationMilliseconds: 0, error: "libcurl")
        }
        defer { curl_easy_cleanup(handle) }
        final class State {
            var body: [UInt8] = []
            var allowPrivate = false
            var refusedAddress: String?
        }
        let state = State()
        state.allowPrivate = allowPrivateAddresses
        let context = Unmanaged.passUnretained(state).toOpaque()
        var headers: UnsafeMutablePointer<curl_slist>?
        for header in [
            "Content-Type: application/json", "User-Agent: EventGaraget-Webhooks/1", "webhook-id: \(id)",
            "webhook-timestamp: \(timestamp)", "webhook-signature: \(signature)", "Expect:",
        ] {
            headers = curl_slist_append(headers, header)
        }
        defer { curl_slist_free_all(headers) }
        _ = url.withCString { eg_curl_setopt_pointer(handle, CURLOPT_URL, $0) }
        _ = "http,https".withCString { eg_curl_setopt_pointer(handle, CURLOPT_PROTOCOLS_STR, $0) }
        _ = eg_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headers)
        _ = eg_curl_setopt_long(handle, CURLOPT_TIMEOUT, timeoutSeconds)
        _ = eg_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = eg_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        _ = eg_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
        _ = eg_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = eg_curl_setopt_write_function(handle) { data, size, count, context in
            guard let data, let context else { return 0 }
            let state = Unmanaged<State>.fromOpaque(context).takeUnretainedValue()
            let length = size * count
            let keep = max(0, min(length, 1024 - state.body.count))
            data.withMemoryRebound(to: UInt8.self, capacity: length) {
                state.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: keep))
            }
            return length
        }
        _ = eg_curl_setopt_pointer(handle, CURLOPT_PREREQDATA, context)
        _ = eg_curl_setopt_prereq_function(handle) { context, primaryIP, _, _, _ in
            guard let context, let primaryIP else { return CURL_PREREQFUNC_ABORT }
            let state = Unmanaged<State>.fromOpaque(context).takeUnretainedValue()
            let address = String(cString: primaryIP)
            if !state.allowPrivate, PublicAddress.isPrivate(address) {
                state.refusedAddress = address
                return CURL_PREREQFUNC_ABORT
            }
            return CURL_PREREQFUNC_OK
        }
        let code = body.withUnsafeBytes { bytes -> CURLcode in
            _ = eg_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, bytes.baseAddress)
            return curl_easy_perform(handle)
        }
        withExtendedLifetime(state) {}
        let excerpt = String(decoding: state.body, as: UTF8.self)
        if let refused = state.refusedAddress {
            return WebhookResponse(
                status: nil, excerpt: "", durationMilliseconds: elapsed(),
                error: "refused: \(refused) is not a public address (EG_WEBHOOK_ALLOW_PRIVATE allows it)")
        }
        guard code == CURLE_OK else {
            return WebhookResponse(
                status: nil, excerpt: excerpt, durationMilliseconds: elapsed(),
                error: String(cString: curl_easy_strerror(code)))
        }
        var status = 0
        _ = eg_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return WebhookResponse(status: status, excerpt: excerpt, durationMilliseconds: elapsed(), error: nil)
    }
}

/// Which addresses a webhook may not reach without `EG_WEBHOOK_ALLOW_PRIVATE`.
public enum PublicAddress {
    /// True for loopback, unspecified, private (RFC 1918, RFC 6598, fc00::/7), link-local,
    /// multicast, reserved and documentation ranges, and IPv4-mapped forms of them; false for a
    /// public address. Text that is not an address counts as private (refused).
    public static func isPrivate(_ text: String) -> Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            let a = UInt32(bigEndian: v4.s_addr)
            return privateV4(a)
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return true }
        let b = withUnsafeBytes(of: v6) { Array($0) }
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF {  // ::ffff:a.b.c.d
            return privateV4(UInt32(b[12]) << 24 | UInt32(b[13]) << 16 | UInt32(b[14]) << 8 | UInt32(b[15]))
        }
        if b[0..<15].allSatisfy({ $0 == 0 }) { return true }  // :: and ::1
        if b[0] & 0xFE == 0xFC { return true }  // fc00::/7 unique local
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return true }  // fe80::/10 link-local
        if b[0] == 0xFF { return true }  // multicast
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8 { return true }  // 2001:db8::/32
        return false
    }

    static func privateV4(_ a: UInt32) -> Bool {
        func within(_ base: UInt32, _ bits: UInt32) -> Bool { a >> (32 - bits) == base >> (32 - bits) }
        return within(0x0000_0000, 8) || within(0x0A00_0000, 8) || within(0x6440_0000, 10)
            || within(0x7F00_0000, 8) || within(0xA9FE_0000, 16) || within(0xAC10_0000, 12)
            || within(0xC000_0000, 24) || within(0xC000_0200, 24) || within(0xC0A8_0000, 16)
            || within(0xC612_0000, 15) || within(0xC633_6400, 24) || within(0xCB00_7100, 24)
            || a >= 0xE000_0000
    }
}
