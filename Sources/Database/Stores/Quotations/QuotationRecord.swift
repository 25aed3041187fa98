public import Domain
public import Foundation

/// The live signing link of a sent quotation, as staff may see it: when and to whom, how long it
/// lives, whether it was opened. Never the token (only its hash is stored anyway).
public struct SigningLinkSummary: Sendable, Equatable {
    public let id: SigningLinkID
    public let versionNo: Int
    public let recipient: String
    public let createdAt: Date
    public let expiresAt: Date
    public let voidedAt: Date?
    public let firstViewedAt: Date?
    public let lastViewedAt: Date?
    public let viewCount: Int
    public let createdByName: String?
    /// Whether the email with the link went out.
    public let email: EmailDelivery

    public func isExpired(at now: Date = Date()) -> Bool { expiresAt <= now }
}

/// A quotation as the editor and the read view show it.
public struct QuotationRecord: Sendable {
    public let id: QuotationID
    public let number: String
    public let state: QuotationState
    /// Optimistic locking: forms carry it, saves must match it.
    public let version: Int
    /// The last sent version's number (0: never sent).
    public let currentVersion: Int
    public let content: QuotationEdit
    /// The customer as it is now (a sent version keeps its own frozen copy).
    public let customer: CustomerDetails
    public let customerArchived: Bool
    public let createdAt: Date
    public let updatedAt: Date
    public let createdByName: String
    public let booking: (id: BookingID, number: String)?
    /// The link the customer can use now, if any.
    public let liveLink: SigningLinkSummary?
    /// The address the newest link (of any version, voided too) went to; nil before the first send.
    public let lastRecipient: String?
    /// The custom fields' values (`key` → value), archived fields' too.
    public var custom: [String: JSONValue] = [:]
}
