/// Everything that can go wrong asking the language model.
///
/// `description` is safe to log: it never holds the prompt, the answer or the API key (the
/// prompt and the answer hold customer data). The server's own error message is kept, cut to
/// 200 characters with control characters escaped.
public enum LanguageModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The client was made with something unusable (`problem` names it).
    case invalidConfiguration(problem: String)
    /// The schema text given to `completeJSON` is not a JSON object.
    case invalidSchema
    /// No answer: connection refused, TLS, DNS. `code` is the `CURLcode`, `message` curl's text.
    case transport(code: Int, message: String)
    /// No complete answer within the client's timeout.
    case timedOut(seconds: Double)
    /// The server answered with a status other than 2xx; `message` is its `error.message`.
    case httpStatus(status: Int, message: String)
    /// The answer was larger than `limit` bytes and was not read further.
    case responseTooLarge(limit: Int)
    /// The answer is not a chat completion (`problem` names what is missing, not what was there).
    case malformedResponse(problem: String)
    /// The model's content is not a JSON object. `finishReason` says why it stopped (`length`
    /// means the answer was cut off).
    case contentNotJSON(finishReason: String?)
    /// The model declined to answer (`message.refusal`); its words are not kept.
    case refused

    public var description: String {
        switch self {
        case .invalidConfiguration(let problem): return "language model client: \(problem)"
        case .invalidSchema: return "language model request: the schema is not a JSON object"
        case .transport(let code, let message): return "language model unreachable (curl code \(code)): \(message)"
        case .timedOut(let seconds): return "language model gave no answer within \(seconds) s"
        case .httpStatus(let status, let message):
            return "language model answered HTTP \(status)" + (message.isEmpty ? "" : ": \(message)")
        case .responseTooLarge(let limit): return "language model answer is larger than \(limit) bytes"
        case .malformedResponse(let problem): return "language model answer is not a chat completion: \(problem)"
        case .contentNotJSON(let finishReason):
            return "language model content is not a JSON object"
                + (finishReason.map { " (finish reason \(Self.printable($0, limit: 40)))" } ?? "")
        case .refused: return "language model refused to answer"
        }
    }

    /// Control characters escaped and length capped, so a hostile value cannot forge log lines.
    static func printable(_ text: String, limit: Int = 200) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(limit) {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > limit ? result + "…" : result
    }
}
