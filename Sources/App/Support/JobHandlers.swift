import Worker

/// The handlers the worker runs. The signing issue adds the email and PDF handlers here.
enum JobHandlers {
    static func all(_ configuration: AppConfiguration) -> [any JobHandler] {
        []
    }
}
