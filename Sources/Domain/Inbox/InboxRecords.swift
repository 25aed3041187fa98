public import Foundation

/// A conversation as the inbox lists it.
public struct ConversationSummary: Sendable, Equatable {
    public let id: Int64
    public let subject: String
    public let partyAddress: String
    public let partyName: String?
    /// The matched customer's name (company or person).
    public let customerName: String?
    public let state: ConversationState
    public let assignedTo: String?
    public let lastMessageAt: Date
    public let messages: Int
    public let unread: Int
    /// The start of the newest message's new text.
    public let snippet: String
    public let quotationNumber: String?
    public let bookingNumber: String?

    public init(
        id: Int64, subject: String, partyAddress: String, partyName: String?, customerName: String?,
        state: ConversationState, assignedTo: String?, lastMessageAt: Date, messages: Int, unread: Int,
        snippet: String, quotationNumber: String?, bookingNumber: String?
    ) {
        self.id = id
        self.subject = subject
        self.partyAddress = partyAddress
        self.partyName = partyName
        self.customerName = customerName
        self.state = state
        self.assignedTo = assignedTo
        self.lastMessageAt = lastMessageAt
        self.messages = messages
        self.unread = unread
        self.snippet = snippet
        self.quotationNumber = quotationNumber
        self.bookingNumber = bookingNumber
    }
}

/// One conversation with its links, for its page.
public struct ConversationDetail: Sendable, Equatable {
    public let summary: ConversationSummary
    public let customerID: CustomerID?
    public let quotationID: QuotationID?
    public let bookingID: BookingID?
    public let assignedToID: UserID?
    public let messages: [MailMessageRecord]

    public init(
        summary: ConversationSummary, customerID: CustomerID?, quotationID: QuotationID?, bookingID: BookingID?,
        assignedToID: UserID?, messages: [MailMessageRecord]
    ) {
        self.summary = summary
        self.customerID = customerID
        self.quotationID = quotationID
        self.bookingID = bookingID
        self.assignedToID = assignedToID
        self.messages = messages
    }

    /// The newest received message that reads as an inquiry with something to propose.
    public var inquiry: MailMessageRecord? {
        messages.last { $0.direction == .received && $0.extractionJSON != nil && $0.kind == "inquiry" }
    }

    /// The newest received message: what a reply answers.
    public var lastReceived: MailMessageRecord? { messages.last { $0.direction == .received } }
}

/// A received or written email of a conversation.
public struct MailMessageRecord: Sendable, Equatable {
    public enum Direction: String, Sendable, Equatable {
        case received = "in"
        case written = "out"
    }

    public let id: Int64
    public let conversationID: Int64?
    public let direction: Direction
    /// `inquiry`, `reply`, `auto-reply`, `bounce`, `other` (received) or `staff` (written).
    public let kind: String
    public let messageID: String?
    public let references: [String]
    public let fromAddress: String?
    public let fromName: String?
    public let to: String
    public let subject: String
    public let sentAt: Date?
    public let receivedAt: Date
    public let source: String
    public let textBody: String
    public let newText: String
    public let signature: String
    /// Sanitised markup (the Sanitizer's output, stored as such).
    public let htmlBody: String?
    public let rawSize: Int?
    public let rawKept: Bool
    public let rawSHA256: String?
    public let problems: [String]
    public let extractionJSON: String?
    public let readAt: Date?
    public let writtenBy: String?
    public let quotationID: QuotationID?
    public let delivery: String?
    public let deliveryDetail: String?
    public let attachments: [MailAttachmentInfo]

    public init(
        id: Int64, conversationID: Int64?, direction: Direction, kind: String, messageID: String?,
        references: [String], fromAddress: String?, fromName: String?, to: String, subject: String, sentAt: Date?,
        receivedAt: Date, source: String, textBody: String, newText: String, signature: String, htmlBody: String?,
        rawSize: Int?, rawKept: Bool, rawSHA256: String?, problems: [String], extractionJSON: String?, readAt: Date?,
        writtenBy: String?, quotationID: QuotationID?, delivery: String?, deliveryDetail: String?,
        attachments: [MailAttachmentInfo]
    ) {
        self.id = id
        self.conversationID = conversationID
        self.direction = direction
        self.kind = kind
        self.messageID = messageID
        self.references = references
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.sentAt = sentAt
        self.receivedAt = receivedAt
        self.source = source
        self.textBody = textBody
        self.newText = newText
        self.signature = signature
        self.htmlBody = htmlBody
        self.rawSize = rawSize
        self.rawKept = rawKept
        self.rawSHA256 = rawSHA256
        self.problems = problems
        self.extractionJSON = extractionJSON
        self.readAt = readAt
        self.writtenBy = writtenBy
        self.quotationID = quotationID
        self.delivery = delivery
        self.deliveryDetail = deliveryDetail
        self.attachments = attachments
    }

    /// The quoted history: what the text has beyond its new text and signature.
    public var hasHistory: Bool { textBody.count > newText.count + signature.count + 2 }
}

/// An attachment as listed (its bytes are fetched by id).
public struct MailAttachmentInfo: Sendable, Equatable {
    public let id: Int64
    public let filename: String
    public let contentType: String
    public let size: Int
    public let sha256: String
    /// False when it was over the size the inbox keeps.
    public let kept: Bool

    public init(id: Int64, filename: String, contentType: String, size: Int, sha256: String, kept: Bool) {
        self.id = id
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.kept = kept
    }
}

/// A received message, read and ready to store: what `ingest-email` and the IMAP poll hand the
/// store (the MIME parsing and sanitising happen before, in the app).
public struct ReceivedMail: Sendable {
    public struct Attachment: Sendable, Equatable {
        public let filename: String
        public let contentType: String
        public let size: Int
        public let sha256: String
        /// nil when over the size the inbox keeps.
        public let bytes: [UInt8]?

        public init(filename: String, contentType: String, size: Int, sha256: String, bytes: [UInt8]?) {
            self.filename = filename
            self.contentType = contentType
            self.size = size
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    /// A delivery status notification: which sent email failed, to whom, and why.
    public struct Bounce: Sendable, Equatable {
        public let originalMessageID: String?
        public let recipient: String?
        public let reason: String

        public init(originalMessageID: String?, recipient: String?, reason: String) {
            self.originalMessageID = originalMessageID
            self.recipient = recipient
            self.reason = reason
        }
    }

    public enum Source: String, Sendable, Equatable {
        case pipe, imap, demo
    }

    /// `inquiry`, `reply`, `auto-reply`, `bounce` or `other`, as the headers say; the store
    /// makes an `inquiry` a `reply` when it threads into an earlier conversation.
    public var kind: String
    public var messageID: String?
    public var inReplyTo: [String]
    public var references: [String]
    public var fromAddress: String?
    public var fromName: String?
    public var to: String
    public var subject: String
    public var sentAt: Date?
    public var source: Source
    public var textBody: String
    public var newText: String
    public var signature: String
    public var htmlBody: String?
    public var raw: [UInt8]?
    public var rawSHA256: String
    public var rawSize: Int
    public var problems: [String]
    public var attachments: [Attachment]
    public var bounce: Bounce?
    /// The inquiry read from the new text (JSON, see `InquiryExtraction`).
    public var extractionJSON: String?
    /// The customer the text names when it is not the sender (a forwarded inquiry): when a staff
    /// member forwards a customer's email to the inbox, the conversation is with the customer.
    public var namedCustomer: (address: String, name: String?)?

    public init(
        kind: String, messageID: String?, inReplyTo: [String], references: [String], fromAddress: String?,
        fromName: String?, to: String, subject: String, sentAt: Date?, source: Source, textBody: String,
        newText: String, signature: String, htmlBody: String?, raw: [UInt8]?, rawSHA256: String, rawSize: Int,
        problems: [String], attachments: [Attachment], bounce: Bounce?, extractionJSON: String?
    ) {
        self.kind = kind
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.sentAt = sentAt
        self.source = source
        self.textBody = textBody
        self.newText = newText
        self.signature = signature
        self.htmlBody = htmlBody
        self.raw = raw
        self.rawSHA256 = rawSHA256
        self.rawSize = rawSize
        self.problems = problems
        self.attachments = attachments
        self.bounce = bounce
        self.extractionJSON = extractionJSON
    }
}
