import CLibCurl

/// The seal's HTTP requests through libcurl: the time-stamp query (POST) and the certificates'
/// revocation lists (GET). http and https only, a whole-request timeout, at most 4 MiB back, and
/// any status other than 2xx is an error.
enum HTTPFetch {
    static let limit = 4 << 20

    /// The body of `url`'s answer; with `body`, a POST of it as `contentType`.
    static func bytes(
        _ url: String, posting body: [UInt8]? = nil, contentType: String = "", timeoutSeconds: Int = 30
    ) throws(SealingError) -> [UInt8] {
        guard let handle = curl_easy_init() else { throw SealingError("libcurl") }
        defer { curl_easy_cleanup(handle) }
        final class Sink {
            var bytes: [UInt8] = []
        }
        let sink = Sink()
        let unmanaged = Unmanaged.passUnretained(sink)
        let headers: UnsafeMutablePointer<curl_slist>? =
            body == nil ? nil : curl_slist_append(nil, "Content-Type: \(contentType)")
        defer { curl_slist_free_all(headers) }
        _ = url.withCString { eg_curl_setopt_pointer(handle, CURLOPT_URL, $0) }
        _ = "http,https".withCString { eg_curl_setopt_pointer(handle, CURLOPT_PROTOCOLS_STR, $0) }
        _ = eg_curl_setopt_long(handle, CURLOPT_TIMEOUT, timeoutSeconds)
        _ = eg_curl_setopt_long(handle, CURLOPT_FAILONERROR, 1)
        _ = eg_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = eg_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, unmanaged.toOpaque())
        _ = eg_curl_setopt_write_function(handle) { data, size, count, context in
            guard let data, let context else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            let length = size * count
            guard sink.bytes.count + length <= HTTPFetch.limit else { return 0 }
            data.withMemoryRebound(to: UInt8.self, capacity: length) {
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
            }
            return length
        }
        let code: CURLcode
        if let body {
            _ = eg_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headers)
            _ = eg_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
            code = body.withUnsafeBytes { bytes -> CURLcode in
                _ = eg_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, bytes.baseAddress)
                return curl_easy_perform(handle)
            }
        } else {
            code = curl_easy_perform(handle)
        }
        withExtendedLifetime(sink) {}
        guard code == CURLE_OK else { throw SealingError(String(cString: curl_easy_strerror(code))) }
        return sink.bytes
    }
}
