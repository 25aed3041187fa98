public import Foundation

/// A running `eventgaraget worker`, killed when the value goes away if the test did not stop it.
public final class WorkerProcess {
    public let process = Process()

    public init(environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: productBinary)
        process.arguments = ["worker"]
        process.environment = environment
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// SIGTERM, then waits up to `timeout`; the exit status, or -1 when it had to be killed.
    @discardableResult
    public func stop(timeout: Double = 15) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -1
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
