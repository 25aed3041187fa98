public import Database
public import Logging

/// Runs one kind of job (`email.signing_link`, `pdf.signed_agreement`, …). Handlers run on the
/// worker's thread with its connection; they must be idempotent, because a job whose worker died
/// after doing the work but before recording it runs again.
public protocol JobHandler: Sendable {
    /// The job kinds this handler runs.
    var kinds: [String] { get }
    /// Does the work. Throwing records the error and retries later with backoff.
    func run(_ job: ClaimedJob, connection: Connection, logger: Logger) throws
}
