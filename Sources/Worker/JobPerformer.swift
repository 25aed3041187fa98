public import Database
public import Domain
public import Logging

/// Runs the jobs (`Job`): one `perform` that switches over every case, so a new job does not
/// compile until the worker handles it. Runs on the worker's thread with its connection; the work
/// must be idempotent, because a job whose worker died after doing the work but before recording
/// it runs again.
public protocol JobPerformer: Sendable {
    /// Does the work. Throwing records the error and retries later with backoff, until the job's
    /// attempts are used up (then it is dead).
    func perform(_ job: Job, claimed: ClaimedJob, connection: Connection, logger: Logger) throws
}
