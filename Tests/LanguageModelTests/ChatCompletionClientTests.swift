import Foundation
import LanguageModel
import TestSupport
import Testing

/// The chat-completions client against a real HTTP server speaking the same API, one per test.
@Suite("Chat completions against a real server", .serialized)
struct ChatCompletionClientTests {
    static let system = "Extract the inquiry as JSON."
    static let user = "Hej! Vi vill hyra ett tält för 80 personer den 14 juni. Mvh Åsa Öberg, 070-123 45 67"
    static let schema = """
        {"type": "object", "additionalProperties": false, "required": ["guests", "date"],
         "properties": {"guests": {"type": "integer"}, "date": {"type": ["string", "null"]}}}
        """

    private func client(
        _ server: ChatCompletionTestServer, key: String? = nil, timeout: Double = 10
    ) throws
        -> ChatCompletionClient
    {
        try ChatCompletionClient(
            url: server.url, model: "eg-extract-1", apiKey: key ?? server.apiKey, timeoutSeconds: timeout)
    }

    private func ask(_ client: ChatCompletionClient) throws(LanguageModelError) -> String {
        try client.completeJSON(system: Self.system, user: Self.user, schemaName: "inquiry", schema: Self.schema)
    }

    /// No error text may carry the prompt, the answer or a key.
    private func isClean(_ error: any Error, _ secrets: [String]) -> Bool {
        let text = "\(error)"
        return !([Self.user, "Åsa", "070-123"] + secrets).contains { text.contains($0) }
    }

    @Test("the request names the model, temperature 0 and the strict schema; the content comes back")
    func requestAndAnswer() throws {
        let server = try ChatCompletionTestServer()
        let content = #"{"guests": 80, "date": "2025-06-14"}"#
        try server.answer(content: content)
        #expect(try ask(client(server)) == content)

        let requests = server.requests()
        try #require(requests.count == 1, "server log:\n\(server.log)")
        let request = try #require(try JSONSerialization.jsonObject(with: requests[0]) as? [String: Any])
        #expect(request["model"] as? String == "eg-extract-1")
        #expect((request["temperature"] as? NSNumber)?.doubleValue == 0)
        let messages = try #require(request["messages"] as? [[String: String]])
        #expect(messages == [["role": "system", "content": Self.system], ["role": "user", "content": Self.user]])
        let format = try #require(request["response_format"] as? [String: Any])
        #expect(format["type"] as? String == "json_schema")
        let jsonSchema = try #require(format["json_schema"] as? [String: Any])
        #expect(jsonSchema["name"] as? String == "inquiry")
        #expect(jsonSchema["strict"] as? Bool == true)
        let sent = try #require(jsonSchema["schema"] as? NSDictionary)
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(Self.schema.utf8)) as? NSDictionary)
        #expect(sent == expected)
    }

    @Test("a wrong key is a 401 with the server's message, and neither key appears")
    func wrongKey() throws {
        let server = try ChatCompletionTestServer()
        let wrong = "sk-wrong-\(UUID().uuidString)"
        #expect {
            try ask(client(server, key: wrong))
        } throws: { error in
            guard case .httpStatus(401, let message) = error as? LanguageModelError else { return false }
            return message.contains("Incorrect API key") && isClean(error, [wrong, server.apiKey])
        }
    }

    @Test("a server slower than the timeout fails within the timeout")
    func slowServer() throws {
        let server = try ChatCompletionTestServer()
        try server.answer(content: #"{"guests": 1, "date": null}"#, delaySeconds: 6)
        let started = Date()
        #expect {
            try ask(client(server, timeout: 1))
        } throws: { error in
            (error as? LanguageModelError) == .timedOut(seconds: 1) && isClean(error, [server.apiKey])
        }
        #expect(Date().timeIntervalSince(started) < 3)
    }

    @Test(
        "content that is not a JSON object is an error that does not repeat it",
        arguments: ["Åsa vill hyra ett tält", "[80, \"2025-06-14\"]", "{\"guests\": 80, \"date\": \"2025-06-"])
    func notJSON(content: String) throws {
        let server = try ChatCompletionTestServer()
        try server.answer(content: content, finishReason: content.hasPrefix("{") ? "length" : "stop")
        #expect {
            try ask(client(server))
        } throws: { error in
            guard case .contentNotJSON(let reason) = error as? LanguageModelError else { return false }
            return reason == (content.hasPrefix("{") ? "length" : "stop") && isClean(error, [content])
        }
    }

    @Test("an answer over 1 MiB is refused")
    func oversize() throws {
        let server = try ChatCompletionTestServer()
        try server.answer(content: #"{"guests": 80, "date": null}"#, paddingBytes: 2 << 20)
        #expect {
            try ask(client(server))
        } throws: { error in
            (error as? LanguageModelError) == .responseTooLarge(limit: 1 << 20)
        }
        // Just under the limit is still read.
        try server.answer(content: #"{"guests": 80, "date": null}"#, paddingBytes: (1 << 20) - 2048)
        #expect(try ask(client(server)) == #"{"guests": 80, "date": null}"#)
    }

    @Test("a refusal is an error without the model's words")
    func refusal() throws {
        let server = try ChatCompletionTestServer()
        try server.answer(content: nil, refusal: "I cannot help Åsa with that.")
        #expect {
            try ask(client(server))
        } throws: { error in
            (error as? LanguageModelError) == .refused && isClean(error, ["cannot help"])
        }
    }

    @Test("a server error carries its status and message, cut short")
    func serverError() throws {
        let server = try ChatCompletionTestServer()
        try server.answer(content: nil, status: 503, errorMessage: "overloaded\n" + String(repeating: "x", count: 500))
        #expect {
            try ask(client(server))
        } throws: { error in
            guard case .httpStatus(503, let message) = error as? LanguageModelError else { return false }
            return message.hasPrefix("overloaded\\u{a}") && message.count < 230
        }
    }

    @Test("a schema that is not a JSON object is refused before anything is sent")
    func badSchema() throws {
        let server = try ChatCompletionTestServer()
        let client = try client(server)
        for schema in ["", "[1]", "{\"type\": "] {
            #expect(throws: LanguageModelError.invalidSchema) {
                try client.completeJSON(system: Self.system, user: Self.user, schemaName: "inquiry", schema: schema)
            }
        }
        #expect(server.requests().isEmpty)
    }

    @Test(
        "unusable settings are refused",
        arguments: [
            ("ftp://127.0.0.1/v1", "m", 10.0), ("http://127.0.0.1/v1", " ", 10.0), ("http://127.0.0.1/v1", "m", 0.0),
        ])
    func invalidConfiguration(url: String, model: String, timeout: Double) {
        #expect {
            try ChatCompletionClient(url: url, model: model, apiKey: "sk-x", timeoutSeconds: timeout)
        } throws: { error in
            guard case .invalidConfiguration = error as? LanguageModelError else { return false }
            return !"\(error)".contains("sk-x")
        }
    }
}
