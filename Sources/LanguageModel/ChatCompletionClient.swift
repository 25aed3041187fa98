import CLibCurl
import Foundation

/// Asks an OpenAI-compatible chat-completions endpoint (`EG_LLM_URL`, e.g.
/// `http://127.0.0.1:8089/v1/chat/completions`) for an answer that follows a JSON Schema.
///
/// One POST per call through libcurl, on its own easy handle (so any thread may call): a strict
/// `json_schema` response format, temperature 0, `Authorization: Bearer <key>`, a whole-request
/// timeout, no redirects, http and https only, at most 1 MiB back. Nothing here logs, and no
/// error holds the prompt, the answer or the key.
public struct ChatCompletionClient: Sendable {
    /// The largest answer read; a larger one is `LanguageModelError.responseTooLarge`.
    public static let responseLimit = 1 << 20

    public let url: String
    public let model: String
    public let timeoutSeconds: Double
    private let apiKey: String

    /// - Parameter timeoutSeconds: for the whole request; connecting gets at most 10 s of it.
    /// - Throws: `LanguageModelError.invalidConfiguration` for a URL that is not http(s), an
    ///   empty model, a key with a line break or a timeout outside 0.1…600 s.
    public init(url: String, model: String, apiKey: String, timeoutSeconds: Double = 60) throws(LanguageModelError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", components.host?.isEmpty == false
        else { throw .invalidConfiguration(problem: "the URL must be http:// or https:// with a host") }
        guard !model.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalidConfiguration(problem: "no model name")
        }
        guard !apiKey.contains(where: { $0.isNewline }) else {
            throw .invalidConfiguration(problem: "the API key holds a line break")
        }
        guard (0.1...600).contains(timeoutSeconds) else {
            throw .invalidConfiguration(problem: "the timeout must be 0.1 to 600 seconds")
        }
        self.url = url
        self.model = model
        self.apiKey = apiKey
        self.timeoutSeconds = timeoutSeconds
    }

    /// The model's answer to `user` under the `system` instructions: a JSON object text
    /// that the server was asked to make follow `schema` (strict mode).
    ///
    /// The returned text is checked to parse as a JSON object; whether it follows the schema is
    /// the caller's to check (a compatible server may not enforce it).
    /// - Parameters:
    ///   - schemaName: the schema's name for the server (letters, digits, `_` and `-`).
    ///   - schema: a JSON Schema as JSON text; it must be an object.
    /// - Throws: `LanguageModelError`; see its cases.
    public func completeJSON(
        system: String, user: String, schemaName: String, schema: String
    )
        throws(LanguageModelError) -> String
    {
        let body = try Self.requestBody(
            model: model, system: system, user: user, schemaName: schemaName, schema: schema)
        let (status, answer) = try post(body)
        guard (200..<300).contains(status) else {
            throw .httpStatus(status: status, message: redacted(Self.errorMessage(answer)))
        }
        return try Self.content(of: answer)
    }

    /// The request's JSON: model, the two messages, temperature 0, the strict schema.
    static func requestBody(
        model: String, system: String, user: String, schemaName: String, schema: String
    )
        throws(LanguageModelError) -> [UInt8]
    {
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(schema.utf8)), parsed is [String: Any] else {
            throw .invalidSchema
        }
        guard !schemaName.isEmpty, schemaName.count <= 64,
            schemaName.unicodeScalars.allSatisfy({
                $0.isASCII
                    && ($0 == "_" || $0 == "-" || $0.properties.isAlphabetic
                        || ("0"..."9").contains($0))
            })
        else { throw .invalidConfiguration(problem: "the schema name must be 1 to 64 letters, digits, _ or -") }
        let request: [String: Any] = [
            "model": model,
            "messages": [["role": "system", "content": system], ["role": "user", "content": user]],
            "temperature": 0,
            "response_format": [
                "type": "json_schema",
                "json_schema": ["name": schemaName, "strict": true, "schema": parsed],
            ],
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: request, options: [.sortedKeys]) else {
            throw .invalidSchema
        }
        return Array(data)
    }

    /// `choices[0].message.content` of a chat completion, checked to be a JSON object's text.
    static func content(of answer: [UInt8]) throws(LanguageModelError) -> String {
        guard let root = try? JSONSerialization.jsonObject(with: Data(answer)) as? [String: Any] else {
            throw .malformedResponse(problem: "the body is not a JSON object")
        }
        guard let choices = root["choices"] as? [Any], let first = choices.first as? [String: Any],
            let message = first["message"] as? [String: Any]
        else { throw .malformedResponse(problem: "no choices[0].message") }
        if let refusal = message["refusal"] as? String, !refusal.isEmpty { throw .refused }
        let finishReason = first["finish_reason"] as? String
        guard let content = message["content"] as? String else { throw .contentNotJSON(finishReason: finishReason) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(content.utf8)), object is [String: Any] else {
            throw .contentNotJSON(finishReason: finishReason)
        }
        return content
    }

    /// `error.message` of an OpenAI-style error body, cut to 200 characters; empty otherwise
    /// (a body that is not that shape is not repeated: it could echo the request).
    static func errorMessage(_ answer: [UInt8]) -> String {
        guard let root = try? JSONSerialization.jsonObject(with: Data(answer)) as? [String: Any] else { return "" }
        if let error = root["error"] as? [String: Any], let message = error["message"] as? String {
            return LanguageModelError.printable(message)
        }
        if let message = root["error"] as? String { return LanguageModelError.printable(message) }
        return ""
    }

    private func redacted(_ text: String) -> String {
        apiKey.isEmpty ? text : text.replacingOccurrences(of: apiKey, with: "***")
    }

    private func post(_ body: [UInt8]) throws(LanguageModelError) -> (status: Int, body: [UInt8]) {
        guard Self.globalInitCode == CURLE_OK else {
            throw .transport(code: Int(Self.globalInitCode.rawValue), message: "curl_global_init failed")
        }
        guard let handle = curl_easy_init() else {
            throw .transport(code: Int(CURLE_FAILED_INIT.rawValue), message: "curl_easy_init failed")
        }
        defer { curl_easy_cleanup(handle) }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }

        var headers: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headers) }
        for header in [
            "Content-Type: application/json", "Accept: application/json", "Authorization: Bearer \(apiKey)",
            "User-Agent: EventGaraget/1", "Expect:",
        ] {
            guard let appended = curl_slist_append(headers, header) else {
                throw .transport(code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "curl_slist_append failed")
            }
            headers = appended
        }

        final class Sink {
            var bytes: [UInt8] = []
            var overflowed = false
        }
        let sink = Sink()
        let timeoutMilliseconds = Int((timeoutSeconds * 1000).rounded(.up))
        let code = withExtendedLifetime(sink) { () -> CURLcode in
            var code = eg_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeRawPointer(errorBuffer))
            func set(_ option: CURLoption, _ value: Int) {
                if code == CURLE_OK { code = eg_curl_setopt_long(handle, option, value) }
            }
            func set(_ option: CURLoption, string: String) {
                if code == CURLE_OK { code = string.withCString { eg_curl_setopt_pointer(handle, option, $0) } }
            }
            set(CURLOPT_URL, string: url)
            set(CURLOPT_PROTOCOLS_STR, string: "http,https")
            set(CURLOPT_FOLLOWLOCATION, 0)
            set(CURLOPT_NOSIGNAL, 1)
            set(CURLOPT_SSL_VERIFYPEER, 1)
            set(CURLOPT_SSL_VERIFYHOST, 2)
            set(CURLOPT_TIMEOUT_MS, timeoutMilliseconds)
            set(CURLOPT_CONNECTTIMEOUT_MS, min(10_000, timeoutMilliseconds))
            set(CURLOPT_MAXFILESIZE, Self.responseLimit)
            if code == CURLE_OK { code = eg_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headers) }
            if code == CURLE_OK {
                code = eg_curl_setopt_pointer(
                    handle, CURLOPT_WRITEDATA, UnsafeRawPointer(Unmanaged.passUnretained(sink).toOpaque()))
            }
            if code == CURLE_OK {
                code = eg_curl_setopt_write_function(handle) { data, size, count, context in
                    guard let data, let context else { return 0 }
                    let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
                    let length = size * count
                    guard sink.bytes.count + length <= ChatCompletionClient.responseLimit else {
                        sink.overflowed = true
                        return 0
                    }
                    data.withMemoryRebound(to: UInt8.self, capacity: length) {
                        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
                    }
                    return length
                }
            }
            set(CURLOPT_POSTFIELDSIZE, body.count)
            guard code == CURLE_OK else { return code }
            return body.withUnsafeBytes { bytes -> CURLcode in
                let code = eg_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, bytes.baseAddress)
                guard code == CURLE_OK else { return code }
                return curl_easy_perform(handle)
            }
        }
        switch code {
        case CURLE_OK: break
        case CURLE_OPERATION_TIMEDOUT: throw .timedOut(seconds: timeoutSeconds)
        case CURLE_FILESIZE_EXCEEDED: throw .responseTooLarge(limit: Self.responseLimit)
        case CURLE_WRITE_ERROR where sink.overflowed: throw .responseTooLarge(limit: Self.responseLimit)
        default:
            var message = String(cString: errorBuffer)
            if message.isEmpty { message = String(cString: curl_easy_strerror(code)) }
            throw .transport(code: Int(code.rawValue), message: redacted(LanguageModelError.printable(message)))
        }
        var status = 0
        _ = eg_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return (status, sink.bytes)
    }

    /// `curl_global_init` exactly once per process; Swift initialises globals thread-safely.
    private static let globalInitCode: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))
}
