import CLibCurl
import Foundation

/// Publishes a live-pages message to nginx's nchan publisher location (`/pub/staff`) over the
/// unix socket only the worker can reach (`EG_LIVE_PUBLISH`), through libcurl.
public struct LivePublisher: Sendable {
    public let socketPath: String

    public init(socketPath: String) { self.socketPath = socketPath }

    public struct Failed: Error, CustomStringConvertible {
        public let description: String
    }

    public func publish(_ message: [UInt8]) throws {
        guard let handle = curl_easy_init() else { throw Failed(description: "libcurl") }
        defer { curl_easy_cleanup(handle) }
        var headers: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "Content-Type: application/json")
        headers = curl_slist_append(headers, "Accept: text/json")
        defer { curl_slist_free_all(headers) }
        _ = socketPath.withCString { eg_curl_setopt_pointer(handle, CURLOPT_UNIX_SOCKET_PATH, $0) }
        _ = "http://localhost/pub/staff".withCString { eg_curl_setopt_pointer(handle, CURLOPT_URL, $0) }
        _ = eg_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headers)
        _ = eg_curl_setopt_long(handle, CURLOPT_TIMEOUT, 2)
        _ = eg_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = eg_curl_setopt_long(handle, CURLOPT_FAILONERROR, 1)
        _ = eg_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, message.count)
        _ = eg_curl_setopt_write_function(handle) { _, size, count, _ in size * count }
        let code = message.withUnsafeBytes { bytes -> CURLcode in
            _ = eg_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, bytes.baseAddress)
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else { throw Failed(description: String(cString: curl_easy_strerror(code))) }
    }
}
