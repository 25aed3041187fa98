import Foundation

/// The test servers' processes still running (SMTP, IMAP, chat completions), each with the
/// folder it works in. An exit handler kills what is left, so a test run leaves no process
/// and no folder behind.
final class TestServerRegistry: @unchecked Sendable {
    static let shared = TestServerRegistry()

    private let lock = NSLock()
    private var servers: [pid_t: String] = [:]

    private init() {
        atexit { TestServerRegistry.shared.terminateAll() }
    }

    func add(_ process: Process, directory: String) {
        lock.withLock { servers[process.processIdentifier] = directory }
    }

    /// Stops `process`: SIGTERM, SIGKILL after two seconds; then forgets it and removes
    /// `directory`.
    func stop(_ process: Process, directory: String) {
        let pid = process.processIdentifier
        if process.isRunning { kill(pid, SIGTERM) }
        for _ in 0..<100 where process.isRunning { usleep(20_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
        _ = lock.withLock { servers.removeValue(forKey: pid) }
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func terminateAll() {
        let remaining = lock.withLock { servers }
        // SIGKILL: the servers hold nothing worth a graceful stop, and it cannot be blocked;
        // dovecot's children notice their master is gone and exit too.
        for pid in remaining.keys { kill(pid, SIGKILL) }
        for directory in remaining.values { try? FileManager.default.removeItem(atPath: directory) }
    }
}

/// Whether something accepts TCP connections on 127.0.0.1:`port`.
public func acceptsConnections(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
}
