import CLibCurl
import Foundation

/// The one place that talks IMAP to libcurl: one easy handle, so one login serves every command
/// of a poll (curl keeps the connection and the selected folder between performs).
///
/// Every command is a `CURLOPT_CUSTOMREQUEST`. curl hands the command's untagged replies to the
/// write callback (`untagged`) and every line the server sends, literals included, to the
/// header callback (`transcript`); both are capped. Errors carry the `CURLcode`, curl's message
/// and the server's final reply line, with the password removed. Not thread-safe: the handle
/// belongs to the thread that made it.
final class CurlIMAPSession {
    struct Reply {
        /// The command's untagged replies (`* SEARCH 1 2`), as curl passes them on.
        var untagged: [UInt8]
        /// Every line the server sent during the command, literals included, byte for byte.
        var transcript: [UInt8]
    }

    /// curl reads server lines into a buffer of this size and cuts a line longer than half of
    /// it; `IMAPMailbox.fetch` asks for pieces shorter than that. 512 KiB is libcurl's largest.
    static let bufferSize = 512 << 10

    private let configuration: IMAPConfiguration
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init(configuration: IMAPConfiguration) throws(MailError) {
        guard Self.globalInitCode == CURLE_OK else {
            throw .imapFailure(
                code: Int(Self.globalInitCode.rawValue), command: "connect", message: "curl_global_init failed")
        }
        guard let handle = curl_easy_init() else {
            throw .imapFailure(
                code: Int(CURLE_FAILED_INIT.rawValue), command: "connect", message: "curl_easy_init failed")
        }
        self.configuration = configuration
        self.handle = handle
        errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        // Closes the connection (curl says LOGOUT) before the buffer it may write into goes.
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// The final reply line of the last command (`NO [TRYCREATE] …`), tag removed.
    private(set) var lastFinalLine: String?

    private var freshConnection = false

    /// Makes the next command log in on a new connection: the old one's state is in doubt.
    func reconnectNext() { freshConnection = true }

    /// Runs `command` (its name, e.g. `UID SEARCH`, is `name` in errors). With `inFolder`, curl
    /// first selects the configured folder unless this connection already has it selected.
    /// At most `limit` bytes are accepted; more fails with curl code 23.
    func run(_ command: String, name: String, inFolder: Bool, limit: Int = 8 << 20) throws(MailError) -> Reply {
        let sink = Sink(limit: limit)
        errorBuffer[0] = 0
        lastFinalLine = nil
        defer { lastFinalLine = IMAPReply.finalLine(sink.transcript) }
        try withExtendedLifetime(sink) { () throws(MailError) in
            let context = UnsafeRawPointer(Unmanaged.passUnretained(sink).toOpaque())
            try set(CURLOPT_ERRORBUFFER, pointer: UnsafeRawPointer(errorBuffer), name)
            try set(CURLOPT_NOSIGNAL, 1, name)
            try set(CURLOPT_URL, string: configuration.curlURL(folder: inFolder ? configuration.folder : nil), name)
            try set(CURLOPT_FRESH_CONNECT, freshConnection ? 1 : 0, name)
            freshConnection = false
            try set(CURLOPT_PROTOCOLS_STR, string: "imap,imaps", name)
            let useSSL = configuration.security == .none ? CURLUSESSL_NONE : CURLUSESSL_ALL
            try set(CURLOPT_USE_SSL, Int(useSSL.rawValue), name)
            try set(CURLOPT_SSL_VERIFYPEER, 1, name)
            try set(CURLOPT_SSL_VERIFYHOST, 2, name)
            if let caFile = configuration.caFile { try set(CURLOPT_CAINFO, string: caFile, name) }
            if let username = configuration.username { try set(CURLOPT_USERNAME, string: username, name) }
            if let password = configuration.password { try set(CURLOPT_PASSWORD, string: password, name) }
            try set(CURLOPT_CONNECTTIMEOUT, min(10, configuration.timeoutSeconds), name)
            try set(CURLOPT_TIMEOUT, configuration.timeoutSeconds, name)
            try set(CURLOPT_BUFFERSIZE, Self.bufferSize, name)
            // curl percent-decodes a custom request: a literal % must reach the server as %.
            try set(CURLOPT_CUSTOMREQUEST, string: command.replacingOccurrences(of: "%", with: "%25"), name)
            try set(CURLOPT_WRITEDATA, pointer: context, name)
            try set(CURLOPT_HEADERDATA, pointer: context, name)
            let writeCode = eg_curl_setopt_write_function(handle) { data, size, count, context in
                guard let data, let context else { return 0 }
                return Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue().append(
                    data, size * count, toTranscript: false)
            }
            guard writeCode == CURLE_OK else { throw failure(writeCode, name, sink) }
            let headerCode = eg_curl_setopt_header_function(handle) { data, size, count, context in
                guard let data, let context else { return 0 }
                return Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue().append(
                    data, size * count, toTranscript: true)
            }
            guard headerCode == CURLE_OK else { throw failure(headerCode, name, sink) }

            let code = curl_easy_perform(handle)
            guard code == CURLE_OK else { throw failure(code, name, sink) }
        }
        return Reply(untagged: sink.untagged, transcript: sink.transcript)
    }

    private func failure(_ code: CURLcode, _ name: String, _ sink: Sink) -> MailError {
        var message = String(cString: errorBuffer)
        if message.isEmpty { message = String(cString: curl_easy_strerror(code)) }
        if code == CURLE_WRITE_ERROR && sink.overflowed { message = "the reply is larger than \(sink.limit) bytes" }
        if let reply = IMAPReply.finalLine(sink.transcript) { message += "; server: \(MailError.printable(reply))" }
        if let password = configuration.password, !password.isEmpty {
            message = message.replacingOccurrences(of: password, with: "***")
        }
        return .imapFailure(code: Int(code.rawValue), command: name, message: message)
    }

    private func set(_ option: CURLoption, _ value: Int, _ name: String) throws(MailError) {
        let code = eg_curl_setopt_long(handle, option, value)
        guard code == CURLE_OK else { throw setFailure(code, option, name) }
    }

    private func set(_ option: CURLoption, pointer: UnsafeRawPointer?, _ name: String) throws(MailError) {
        let code = eg_curl_setopt_pointer(handle, option, pointer)
        guard code == CURLE_OK else { throw setFailure(code, option, name) }
    }

    // libcurl copies string options, so a temporary C string is enough.
    private func set(_ option: CURLoption, string: String, _ name: String) throws(MailError) {
        let code = string.withCString { eg_curl_setopt_pointer(handle, option, $0) }
        guard code == CURLE_OK else { throw setFailure(code, option, name) }
    }

    private func setFailure(_ code: CURLcode, _ option: CURLoption, _ name: String) -> MailError {
        .imapFailure(
            code: Int(code.rawValue), command: name,
            message: "setting curl option \(option.rawValue): \(String(cString: curl_easy_strerror(code)))")
    }

    /// `curl_global_init` exactly once per process; Swift initialises globals thread-safely.
    private static let globalInitCode: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))
}

/// What curl hands over during one command, up to a limit (returning less than given makes
/// curl stop with `CURLE_WRITE_ERROR`).
private final class Sink {
    let limit: Int
    var untagged: [UInt8] = []
    var transcript: [UInt8] = []
    var overflowed = false

    init(limit: Int) { self.limit = limit }

    func append(_ data: UnsafeMutablePointer<CChar>, _ length: Int, toTranscript: Bool) -> Int {
        guard untagged.count + transcript.count + length <= limit else {
            overflowed = true
            return 0
        }
        data.withMemoryRebound(to: UInt8.self, capacity: length) {
            let bytes = UnsafeBufferPointer(start: $0, count: length)
            if toTranscript { transcript.append(contentsOf: bytes) } else { untagged.append(contentsOf: bytes) }
        }
        return length
    }
}
