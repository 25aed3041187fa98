/// What an incoming email is, as the inbox sorts it: a new inquiry, a reply in a thread we know, an
/// automatic answer (out of office), a bounce, or anything else.
public enum InboundKind: String, Sendable, Codable, CaseIterable {
    case inquiry
    case reply
    case autoReply = "auto-reply"
    case bounce
    case other
}
