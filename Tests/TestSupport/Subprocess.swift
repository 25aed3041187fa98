public import Foundation

/// The outcome of a finished command.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: Data
    public let stderr: Data

    public init(status: Int32, stdout: Data, stderr: Data) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    public var output: String { String(decoding: stdout, as: UTF8.self) }
    public var errorOutput: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs a command to completion, feeding `input` on standard input.
@discardableResult
public func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil, input: Data? = nil,
    currentDirectory: String? = nil
) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    let out = Pipe()
    let err = Pipe()
    let inp = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inp
    try process.run()
    // Read both pipes concurrently so a chatty command cannot fill one and block.
    let errorData = LockedBox(Data())
    let reader = Thread {
        errorData.set(err.fileHandleForReading.readDataToEndOfFile())
    }
    reader.start()
    if let input { inp.fileHandleForWriting.write(input) }
    try? inp.fileHandleForWriting.close()
    let outputData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return CommandResult(status: process.terminationStatus, stdout: outputData, stderr: errorData.get())
}

/// A value shared between threads behind a lock.
public final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    private var wasSet = false

    public init(_ value: Value) { self.value = value }

    public func get() -> Value { lock.withLock { value } }
    public func set(_ newValue: Value) {
        lock.withLock {
            value = newValue
            wasSet = true
        }
    }
    public func update<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&value) } }
    var isSet: Bool { lock.withLock { wasSet } }
}

/// A free TCP port on 127.0.0.1 (bound to port 0, read back, released).
public func freeTCPPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw TestFailure("socket() failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0 else { throw TestFailure("bind() failed") }
    let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else { throw TestFailure("getsockname() failed") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// The repository's root folder (the one with Package.swift), from this file's place in it.
public let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    fatalError("Package.swift not found above \(#filePath)")
}()

/// The `eventgaraget` binary under test: `EG_TEST_BINARY` (set by scripts/test) or the debug build.
public let productBinary: String = {
    if let path = ProcessInfo.processInfo.environment["EG_TEST_BINARY"], !path.isEmpty { return path }
    return repositoryRoot + "/.build/debug/eventgaraget"
}()

/// Polls `condition` until it holds or `timeout` passes.
public func waitUntil(timeout: Double = 10, _ condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return }
        usleep(20_000)
    }
    throw TestFailure("condition not met within \(timeout) s")
}
