import Foundation

/// The development PKI and time-stamp authority `scripts/run` makes (`scripts/dev-pki`,
/// `scripts/dev-tsa.py`), in a temporary folder on a free port, with the real verifiers around
/// it: poppler's pdfsig (the root in an NSS database) and pyHanko (installed by `scripts/test`).
public final class DevelopmentPKI {
    public let folder: String
    public let port: Int
    private var authority: Process?

    public var pki: String { folder + "/pki" }
    public var rootPEM: String { pki + "/root.pem" }
    public var timestampURL: String { "http://127.0.0.1:\(port)/tsa" }

    public init() throws {
        var template = Array("/tmp/egpki-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp") }
        folder = String(cString: made)
        port = try freeTCPPort()
        let created = try run("/bin/bash", [repositoryRoot + "/scripts/dev-pki", pki, String(port)])
        guard created.status == 0 else { throw TestFailure("dev-pki: \(created.errorOutput)") }
        try startAuthority()
        let nss = folder + "/nss"
        try FileManager.default.createDirectory(atPath: nss, withIntermediateDirectories: true)
        _ = try run("/usr/bin/certutil", ["-N", "-d", "sql:" + nss, "--empty-password"])
        let added = try run(
            "/usr/bin/certutil",
            ["-A", "-d", "sql:" + nss, "-n", "EventGaraget Dev Root CA", "-t", "C,C,C", "-i", rootPEM])
        guard added.status == 0 else { throw TestFailure("certutil: \(added.errorOutput)") }
    }

    deinit {
        stopAuthority()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Starts the TSA and CRL server (`scripts/dev-tsa.py`) and waits for it.
    public func startAuthority() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [repositoryRoot + "/scripts/dev-tsa.py", pki, String(port)]
        process.standardError = FileHandle.nullDevice
        try process.run()
        authority = process
        try waitUntil { (try? run("/usr/bin/curl", ["-sf", "http://127.0.0.1:\(port)/root.pem"]))?.status == 0 }
    }

    /// Stops it: what is checked afterwards is checked offline.
    public func stopAuthority() {
        guard let authority else { return }
        // SIGKILL: the test process's threads may block SIGTERM, which the child inherits.
        kill(authority.processIdentifier, SIGKILL)
        authority.waitUntilExit()
        self.authority = nil
    }

    /// Revokes the sealing certificate in the CA's database: the next CRL lists it.
    public func revokeSealCertificate() throws {
        let revoked = try run(
            "/usr/bin/openssl", ["ca", "-config", pki + "/ca.cnf", "-revoke", pki + "/seal.pem"], currentDirectory: pki)
        guard revoked.status == 0 else { throw TestFailure("openssl ca -revoke: \(revoked.errorOutput)") }
    }

    public func write(_ bytes: [UInt8]) throws -> String {
        let path = folder + "/\(UUID().uuidString).pdf"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// pdfsig's report of `bytes`, against the development root (its exit status is always 0).
    public func pdfsig(_ bytes: [UInt8]) throws -> String {
        try run("/usr/bin/pdfsig", ["-nssdir", "sql:" + folder + "/nss", try write(bytes)]).output
    }

    /// pyHanko's AdES validation (`sign adesverify`) against the development root only.
    public func pyhanko(_ bytes: [UInt8]) throws -> CommandResult {
        try run(
            Self.pyhankoCommand, ["sign", "adesverify", "--trust", rootPEM, "--trust-replace", try write(bytes)],
            environment: ["PYTHONWARNINGS": "ignore", "PATH": "/usr/bin:/bin", "HOME": folder])
    }

    /// `EG_PYHANKO` (set by `scripts/test`), or the venv it installs.
    public static var pyhankoCommand: String {
        ProcessInfo.processInfo.environment["EG_PYHANKO"] ?? repositoryRoot + "/.data/tools/pyhanko/bin/pyhanko"
    }
}
