/// A failure a command reports in one sentence, without the usage text argument-parser adds to
/// validation errors (the arguments were fine; something else was not). Exits with status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
