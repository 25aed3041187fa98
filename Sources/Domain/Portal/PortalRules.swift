public import Foundation

/// The customer portal's sign-in rules: how long an emailed link and a session live, and how many
/// links an address and a client may ask for. Pure, so the limits are tested without a database.
public enum PortalRules {
    /// An emailed sign-in link works once, within this many seconds of being made.
    public static let linkLifetime: TimeInterval = 15 * 60
    /// A portal session ends after this long without a request…
    public static let sessionIdleTimeout: TimeInterval = 30 * 60
    /// …and at the latest this long after sign-in.
    public static let sessionAbsoluteTimeout: TimeInterval = 12 * 3600
    /// The window the request limits count in.
    public static let requestWindow: TimeInterval = 3600
    /// Links one address may be sent per window.
    public static let maxRequestsPerAddress = 5
    /// "Send me a link" requests one client (an IPv4 address or an IPv6 /64) may make per window,
    /// known addresses or not.
    public static let maxRequestsPerClient = 20

    /// What a "send me a link" request comes to. The page says the same for every outcome, so
    /// nobody learns whether an address belongs to a customer.
    public enum LinkDecision: Sendable, Equatable {
        /// Make a link and email it.
        case send
        /// No customer has this address (or only an archived one): nothing is sent.
        case unknownAddress
        /// Too many requests for the address or from the client in the window: nothing is sent.
        case throttled
    }

    /// Decides a request from the requests already made in the window (this one not counted) and
    /// whether a live customer has the address. The client's limit comes first, so guessing
    /// addresses from one place is slowed down whatever it guesses.
    public static func decide(customerFound: Bool, recentForAddress: Int, recentForClient: Int) -> LinkDecision {
        guard recentForClient < maxRequestsPerClient, recentForAddress < maxRequestsPerAddress else {
            return .throttled
        }
        return customerFound ? .send : .unknownAddress
    }
}
