/// What kind of mail a received message is, so that only people's messages become inquiries.
public enum InboundClassification: Sendable, Equatable {
    /// Written by a person (as far as can be told).
    case message
    /// An out-of-office or other automatic answer; `reason` names the header or subject that
    /// said so (`Auto-Submitted: auto-replied`, `subject "Autosvar: …"`).
    case autoReply(reason: String)
    /// A bounce or other delivery status notification.
    case deliveryReport(DeliveryReport)
}

/// A delivery status notification: which recipients of which of our messages it is about.
public struct DeliveryReport: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        case failed
        case delayed
        case delivered
        case relayed
        case expanded
        case other(String)

        init(_ text: String) {
            switch text.lowercased() {
            case "failed": self = .failed
            case "delayed": self = .delayed
            case "delivered": self = .delivered
            case "relayed": self = .relayed
            case "expanded": self = .expanded
            default: self = .other(text.lowercased())
            }
        }
    }

    public struct Recipient: Sendable, Equatable {
        /// From `Final-Recipient` (or `Original-Recipient`), without its `rfc822;` type.
        public let address: String
        public let action: Action
        /// The enhanced status code, e.g. `5.1.1`.
        public let status: String?
        /// The remote server's words, e.g. `smtp; 550 5.1.1 User unknown`.
        public let diagnosticCode: String?

        public init(address: String, action: Action, status: String?, diagnosticCode: String?) {
            self.address = address
            self.action = action
            self.status = status
            self.diagnosticCode = diagnosticCode
        }
    }

    public let recipients: [Recipient]
    /// The `Message-ID` (without angle brackets) of the message the report is about, from the
    /// returned message or its headers; for a non-standard bounce, the first one quoted in it.
    public let originalMessageID: String?
    /// The `Reporting-MTA`, without its `dns;` type.
    public let reportingMTA: String?
    /// True for RFC 3464 `multipart/report; report-type=delivery-status`; false for a bounce
    /// recognised by its sender or subject, whose recipients are a best guess.
    public let isStandard: Bool

    public init(recipients: [Recipient], originalMessageID: String?, reportingMTA: String?, isStandard: Bool) {
        self.recipients = recipients
        self.originalMessageID = originalMessageID
        self.reportingMTA = reportingMTA
        self.isStandard = isStandard
    }

    /// True when delivery failed for some recipient (or, for a non-standard bounce, for all of
    /// them, since it says nothing else).
    public var isFailure: Bool { !isStandard || recipients.contains { $0.action == .failed } }
}
