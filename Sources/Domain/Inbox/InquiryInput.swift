public import Foundation

/// What the extractor reads of one email, after MIME parsing: the subject, the new text (quoted
/// history removed), the signature block the parser separated (may be empty), the sender and the
/// `Date` header, which is the reference for years and relative dates ("på lördag", "imorgon").
public struct InquiryInput: Sendable {
    public var subject: String
    public var text: String
    public var signature: String
    public var fromName: String?
    public var fromAddress: String?
    public var sentAt: Date
    public var kind: InboundKind

    public init(
        subject: String, text: String, signature: String = "", fromName: String? = nil, fromAddress: String? = nil,
        sentAt: Date, kind: InboundKind = .inquiry
    ) {
        self.subject = subject
        self.text = text
        self.signature = signature
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.sentAt = sentAt
        self.kind = kind
    }
}
