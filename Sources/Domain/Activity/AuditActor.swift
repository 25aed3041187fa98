/// Who made a change, for the audit row.
public struct AuditActor: Sendable {
    public enum Kind: String, Sendable { case user, customer, system, worker }
    public let kind: Kind
    public let userID: UserID?
    public let requestID: String?
    public let ip: String?

    public init(kind: Kind, userID: UserID? = nil, requestID: String? = nil, ip: String? = nil) {
        self.kind = kind
        self.userID = userID
        self.requestID = requestID
        self.ip = ip
    }

    /// A signed-in staff member acting through a request.
    public static func staff(_ id: UserID, requestID: String?, ip: String?) -> AuditActor {
        AuditActor(kind: .user, userID: id, requestID: requestID, ip: ip)
    }
}
