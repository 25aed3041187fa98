/// Where an email the product queued is, as staff see it: when it could not be sent, they are
/// told why where they look (the quotation's link card), instead of it being retried unseen.
public enum EmailDelivery: Sendable, Equatable {
    /// Handed to the mail server (or the development Maildir).
    case sent
    /// Not out yet: waiting for a worker, or to be tried again after `error`.
    case pending(error: String?)
    /// Given up: `error` says why (an address the mailer refuses, or every attempt failed).
    case failed(error: String)
    /// No job recorded for it.
    case unknown

    /// From the job's state (`jobs.state`) and last error.
    public init(jobState: String?, error: String?) {
        switch jobState {
        case "done": self = .sent
        case "queued", "running": self = .pending(error: error)
        case "dead": self = .failed(error: error ?? "")
        default: self = .unknown
        }
    }
}
