public import struct Foundation.Date

/// The customer's decline of a version.
public struct DeclineRecord: Sendable, Equatable {
    public let reason: String?
    public let declinedAt: Date
    public let ip: String?

    public init(reason: String?, declinedAt: Date, ip: String?) {
        self.reason = reason
        self.declinedAt = declinedAt
        self.ip = ip
    }
}
