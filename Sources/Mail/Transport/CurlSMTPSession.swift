import CLibCurl
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place that talks to libcurl: one SMTP delivery on its own easy handle.
///
/// Every return code is checked; the handle, recipient list and error buffer are freed with
/// `defer`. Errors carry the `CURLcode`, the last SMTP reply code and curl's message with the
/// password removed.
enum CurlSMTPSession {
    static func deliver(
        _ data: [UInt8], from sender: String, recipients: [String], configuration: SMTPConfiguration
    ) throws(MailError) {
        guard globalInitCode == CURLE_OK else {
            throw .smtpFailure(code: Int(globalInitCode.rawValue), responseCode: 0, message: "curl_global_init failed")
        }
        guard let handle = curl_easy_init() else {
            throw .smtpFailure(code: Int(CURLE_FAILED_INIT.rawValue), responseCode: 0, message: "curl_easy_init failed")
        }
        defer { curl_easy_cleanup(handle) }

        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }

        func failure(_ code: CURLcode, _ operation: String) -> MailError {
            var responseCode = 0
            _ = eg_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &responseCode)
            var message = String(cString: errorBuffer)
            if message.isEmpty { message = String(cString: curl_easy_strerror(code)) }
            if let password = configuration.password, !password.isEmpty {
                message = message.replacingOccurrences(of: password, with: "***")
            }
            return .smtpFailure(
                code: Int(code.rawValue), responseCode: responseCode, message: "\(operation): \(message)")
        }
        func set(_ option: CURLoption, _ value: Int, _ name: String) throws(MailError) {
            let code = eg_curl_setopt_long(handle, option, value)
            guard code == CURLE_OK else { throw failure(code, "setting \(name)") }
        }
        func set(_ option: CURLoption, pointer: UnsafeRawPointer?, _ name: String) throws(MailError) {
            let code = eg_curl_setopt_pointer(handle, option, pointer)
            guard code == CURLE_OK else { throw failure(code, "setting \(name)") }
        }
        // libcurl copies string options, so a temporary C string is enough.
        func set(_ option: CURLoption, string: String, _ name: String) throws(MailError) {
            let code = string.withCString { eg_curl_setopt_pointer(handle, option, $0) }
            guard code == CURLE_OK else { throw failure(code, "setting \(name)") }
        }

        var recipientList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(recipientList) }
        for recipient in recipients {
            guard let appended = curl_slist_append(recipientList, "<\(recipient)>") else {
                throw .smtpFailure(
                    code: Int(CURLE_OUT_OF_MEMORY.rawValue), responseCode: 0, message: "curl_slist_append failed")
            }
            recipientList = appended
        }

        let source = UploadSource(data)
        let readCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
            buffer, size, count, context in
            guard let buffer, let context else { return 0 }
            return Unmanaged<UploadSource>.fromOpaque(context).takeUnretainedValue().read(
                into: buffer, capacity: size * count)
        }

        try withExtendedLifetime(source) { () throws(MailError) in
            try set(CURLOPT_ERRORBUFFER, pointer: UnsafeRawPointer(errorBuffer), "CURLOPT_ERRORBUFFER")
            try set(CURLOPT_NOSIGNAL, 1, "CURLOPT_NOSIGNAL")
            try set(CURLOPT_URL, string: configuration.curlURL, "CURLOPT_URL")
            try set(CURLOPT_PROTOCOLS_STR, string: "smtp,smtps", "CURLOPT_PROTOCOLS_STR")
            let useSSL = configuration.security == .none ? CURLUSESSL_NONE : CURLUSESSL_ALL
            try set(CURLOPT_USE_SSL, Int(useSSL.rawValue), "CURLOPT_USE_SSL")
            try set(CURLOPT_SSL_VERIFYPEER, 1, "CURLOPT_SSL_VERIFYPEER")
            try set(CURLOPT_SSL_VERIFYHOST, 2, "CURLOPT_SSL_VERIFYHOST")
            if let caFile = configuration.caFile { try set(CURLOPT_CAINFO, string: caFile, "CURLOPT_CAINFO") }
            if let username = configuration.username { try set(CURLOPT_USERNAME, string: username, "CURLOPT_USERNAME") }
            if let password = configuration.password { try set(CURLOPT_PASSWORD, string: password, "CURLOPT_PASSWORD") }
            try set(CURLOPT_CONNECTTIMEOUT, min(10, configuration.timeoutSeconds), "CURLOPT_CONNECTTIMEOUT")
            try set(CURLOPT_TIMEOUT, configuration.timeoutSeconds, "CURLOPT_TIMEOUT")
            try set(CURLOPT_MAIL_FROM, string: "<\(sender)>", "CURLOPT_MAIL_FROM")
            try set(CURLOPT_MAIL_RCPT, pointer: UnsafeRawPointer(recipientList), "CURLOPT_MAIL_RCPT")
            try set(CURLOPT_UPLOAD, 1, "CURLOPT_UPLOAD")
            let readCode = eg_curl_setopt_read_function(handle, readCallback)
            guard readCode == CURLE_OK else { throw failure(readCode, "setting CURLOPT_READFUNCTION") }
            try set(
                CURLOPT_READDATA, pointer: UnsafeRawPointer(Unmanaged.passUnretained(source).toOpaque()),
                "CURLOPT_READDATA")

            let code = curl_easy_perform(handle)
            guard code == CURLE_OK else { throw failure(code, "delivery") }
        }
    }

    /// `curl_global_init` exactly once per process; Swift initialises globals thread-safely.
    private static let globalInitCode: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))
}

/// The rendered message, handed to curl piece by piece from its read callback.
private final class UploadSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}
