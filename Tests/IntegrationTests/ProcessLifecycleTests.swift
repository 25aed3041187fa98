import Foundation
import TestSupport
import Testing

/// Tests that stop, kill or starve parts of the product: each makes its own stack.
@Suite("Processes: shutdown, database outages, migrations", .serialized)
struct ProcessLifecycleTests {
    @Test func sigtermDuringASlowRequestLetsItFinishThenExitsZero() throws {
        let stack = try ProductStack()
        defer { stack.shutdown() }
        // Make the home page slow for real: hold a lock on the settings row it reads.
        let locker = try PsqlSession(url: stack.databaseURL)
        try locker.send("BEGIN; LOCK TABLE settings IN ACCESS EXCLUSIVE MODE; SELECT 'locked';")
        try locker.waitFor("locked")

        let slow = LockedBox<HTTPResult?>(nil)
        let requestDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            slow.set(try? stack.client.get("/", headers: ["Accept-Language": "en"]))
            requestDone.signal()
        }
        // Wait until the request is inside the responder (blocked on the lock), then SIGTERM.
        try waitUntil {
            (try? stack.postgres.psql(
                "SELECT count(*) FROM pg_locks WHERE NOT granted", database: "postgres"))?.trimmingCharacters(
                    in: .whitespacesAndNewlines) != "0"
        }
        let responder = try #require(stack.responderProcess)
        kill(responder.processIdentifier, SIGTERM)
        usleep(300_000)
        #expect(responder.isRunning, "the responder must wait for the in-flight request")

        try locker.send("COMMIT;")
        #expect(requestDone.wait(timeout: .now() + 20) == .success)
        let result = try #require(slow.get())
        #expect(result.status == 200)
        #expect(result.text.contains("</html>"))

        let deadline = Date().addingTimeInterval(15)
        while responder.isRunning && Date() < deadline { usleep(20_000) }
        #expect(!responder.isRunning)
        #expect(responder.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: stack.socketPath), "the socket is removed on exit")
        locker.close()
    }

    @Test func shutdownIsBoundedWhenARequestNeverFinishes() throws {
        let stack = try ProductStack(environment: ["EG_SHUTDOWN_TIMEOUT": "1"])
        defer { stack.shutdown() }
        let locker = try PsqlSession(url: stack.databaseURL)
        try locker.send("BEGIN; LOCK TABLE settings IN ACCESS EXCLUSIVE MODE; SELECT 'locked';")
        try locker.waitFor("locked")
        Thread.detachNewThread { _ = try? stack.client.request("GET", "/", timeout: 10) }
        try waitUntil {
            (try? stack.postgres.psql(
                "SELECT count(*) FROM pg_locks WHERE NOT granted", database: "postgres"))?.trimmingCharacters(
                    in: .whitespacesAndNewlines) != "0"
        }
        let started = Date()
        let status = stack.stopResponder(signal: SIGTERM, timeout: 10)
        #expect(status == 0)
        #expect(Date().timeIntervalSince(started) < 5)
        locker.close()
    }

    @Test func theResponderCanListenOnTCPForNginxOnAnotherHost() throws {
        let stack = try ProductStack(listenTCP: true)
        defer { stack.shutdown() }
        let home = try stack.client.get("/", headers: ["Accept-Language": "en"])
        #expect(home.status == 200)
        #expect(home.text.contains("Did you receive a quotation?"))
        #expect(!FileManager.default.fileExists(atPath: stack.socketPath))
        #expect(stack.stopResponder() == 0)
    }

    @Test func postgresDownGives503AndRecoveryNeedsNoRestart() throws {
        let stack = try ProductStack()
        defer { stack.shutdown() }
        let responderPID = stack.responderProcess?.processIdentifier
        #expect(try stack.client.get("/healthz").status == 200)

        stack.postgres.stop()
        let health = try stack.client.get("/healthz")
        #expect(health.status == 503)
        let page = try stack.client.get("/", headers: ["Accept-Language": "en"])
        #expect(page.status == 503)
        #expect(page.text.contains("<h1>Temporarily unavailable</h1>"))
        #expect(page.header("retry-after") != nil)
        // Pages that do not need the database still work.
        #expect(try stack.client.get("/nope").status == 404)

        stack.postgres.start()
        try waitUntil(timeout: 10) { (try? stack.client.get("/healthz"))?.status == 200 }
        #expect(try stack.client.get("/").status == 200)
        #expect(stack.responderProcess?.processIdentifier == responderPID)
        #expect(stack.responderProcess?.isRunning == true)
    }
}

/// A `psql` process kept open, to hold locks across steps of a test.
final class PsqlSession: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let buffer = LockedBox("")

    init(url: String) throws {
        let bin = (ProcessInfo.processInfo.environment["PG_BIN"]).map { $0 + "/psql" } ?? "/usr/bin/psql"
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = ["-X", "-q", "-t", "-A", url]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let handle = output.fileHandleForReading
        let buffer = self.buffer
        Thread.detachNewThread {
            while true {
                let data = handle.availableData
                if data.isEmpty { return }
                buffer.update { $0 += String(decoding: data, as: UTF8.self) }
            }
        }
    }

    func send(_ sql: String) throws {
        input.fileHandleForWriting.write(Data((sql + "\n").utf8))
    }

    func waitFor(_ text: String, timeout: Double = 10) throws {
        try waitUntil(timeout: timeout) { self.buffer.get().contains(text) }
    }

    func close() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
