public import Foundation

/// One message in the test server's Maildir, with its flags as IMAP names them.
public struct StoredIMAPMessage: Sendable, Equatable {
    public let bytes: [UInt8]
    /// `\Seen`, `\Deleted`, `\Answered`, `\Flagged`, `\Draft`, from the Maildir file name.
    public let flags: Set<String>
}

/// A real IMAP server for tests: Debian's dovecot (`dovecot-imapd`), in the foreground with its
/// own configuration, on a free port of 127.0.0.1, implicit TLS with a fresh self-signed
/// certificate for `localhost`/127.0.0.1 (`certificatePath` is its CA file), one user from a
/// passwd-file and Maildir storage, everything under one temporary folder.
///
/// Runs as root: dovecot's login processes chroot and drop to `dovenull`, and the mail
/// processes run as `nobody`, which owns the Maildir. The server is stopped by `stop()`, at
/// deinit, and at process exit.
public final class IMAPTestServer: @unchecked Sendable {
    public static let binary = "/usr/sbin/dovecot"
    /// Whether dovecot is installed; tests skip with a message when it is not.
    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    public let port: Int
    public let directory: String
    public let user: String
    public let password: String
    /// The self-signed certificate (PEM), the CA file a client needs.
    public var certificatePath: String { directory + "/cert.pem" }
    /// The dovecot log, for failure messages.
    public var log: String { (try? String(contentsOfFile: directory + "/dovecot.log", encoding: .utf8)) ?? "" }

    private let mailOwner: (uid: uid_t, gid: gid_t)
    private let lock = NSLock()
    private var process: Process?
    private var deliveries = 0

    /// - Parameter capabilities: replaces the capabilities dovecot announces after login
    ///   (`IMAP4rev1 UIDPLUS` to look like a server without MOVE); nil keeps dovecot's.
    public init(user: String = "bokning", password: String = "s3kret-lösen", capabilities: String? = nil) throws {
        guard Self.isAvailable else { throw TestFailure("dovecot is not installed (apt-get install dovecot-imapd)") }
        guard geteuid() == 0 else { throw TestFailure("the dovecot test server runs as root") }
        guard let nobody = getpwnam("nobody") else { throw TestFailure("no user nobody") }
        mailOwner = (nobody.pointee.pw_uid, nobody.pointee.pw_gid)
        self.user = user
        self.password = password

        var template = Array("/tmp/egimap-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp failed") }
        directory = String(cString: made)
        // dovenull and nobody pass through to the sockets and the Maildir.
        chmod(directory, 0o755)
        port = try freeTCPPort()

        do {
            let certificate = try run(
                "/usr/bin/openssl",
                [
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", directory + "/key.pem", "-out",
                    certificatePath, "-days", "2", "-subj", "/CN=localhost", "-addext",
                    "subjectAltName=DNS:localhost,IP:127.0.0.1",
                ])
            guard certificate.status == 0 else { throw TestFailure("openssl req failed: \(certificate.errorOutput)") }
            try "\(user):{PLAIN}\(password)::::::\n".write(
                toFile: directory + "/users", atomically: true, encoding: .utf8)
            try configuration(capabilities: capabilities).write(
                toFile: directory + "/dovecot.conf", atomically: true, encoding: .utf8)
            try makeMaildir(folder: nil)
            try start()
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// Puts `bytes` into the folder's Maildir `new/` as a message no client has seen yet (the
    /// way a local delivery agent does), returning the file's name.
    @discardableResult
    public func deliver(_ bytes: [UInt8], to folder: String? = nil) throws -> String {
        let count = lock.withLock {
            deliveries += 1
            return deliveries
        }
        let name = "\(Int(Date().timeIntervalSince1970)).M\(count)P\(getpid()).egtest"
        let folderPath = maildir(folder)
        let temporary = folderPath + "/tmp/" + name
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw TestFailure("cannot write \(temporary)")
        }
        chown(temporary, mailOwner.uid, mailOwner.gid)
        chmod(temporary, 0o600)
        guard rename(temporary, folderPath + "/new/" + name) == 0 else { throw TestFailure("rename failed") }
        return name
    }

    /// The folder's messages (INBOX by default) with their flags, read from the Maildir.
    public func messages(in folder: String? = nil) throws -> [StoredIMAPMessage] {
        let folderPath = maildir(folder)
        var found: [(String, StoredIMAPMessage)] = []
        for part in ["new", "cur"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folderPath + "/" + part)) ?? []
            for name in names {
                guard let data = FileManager.default.contents(atPath: folderPath + "/" + part + "/" + name) else {
                    continue
                }
                var flags: Set<String> = []
                if let marker = name.range(of: ":2,") {
                    let letters: [Character: String] = [
                        "S": "\\Seen", "T": "\\Deleted", "R": "\\Answered", "F": "\\Flagged", "D": "\\Draft",
                    ]
                    for letter in name[marker.upperBound...] { if let flag = letters[letter] { flags.insert(flag) } }
                }
                found.append((name, StoredIMAPMessage(bytes: Array(data), flags: flags)))
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Makes a folder (Maildir++ `.Name`), as a person would in a mail client.
    public func createFolder(_ name: String) throws { try makeMaildir(folder: name) }

    /// Stops the server and removes its folder. Idempotent.
    public func stop() {
        let running = lock.withLock { () -> Process? in
            defer { process = nil }
            return process
        }
        if let running {
            TestServerRegistry.shared.stop(running, directory: directory)
        } else {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    private func start() throws {
        let process = Process()
        // Spawned from a dispatch thread, a child inherits a mask blocking SIGTERM, which would
        // leave only SIGKILL to stop dovecot: python clears the mask, then becomes dovecot.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            "-c",
            "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, set()); os.execv(sys.argv[1], sys.argv[1:])",
            Self.binary, "-F", "-c", directory + "/dovecot.conf",
        ]
        _ = FileManager.default.createFile(atPath: directory + "/stdout.log", contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/stdout.log"))
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        lock.withLock { self.process = process }
        TestServerRegistry.shared.add(process, directory: directory)

        let deadline = Date().addingTimeInterval(20)
        while !acceptsConnections(port: port) {
            guard process.isRunning, Date() < deadline else {
                let stdout = (try? String(contentsOfFile: directory + "/stdout.log", encoding: .utf8)) ?? ""
                throw TestFailure("dovecot did not start:\n\(stdout.suffix(2000))\n\(log.suffix(2000))")
            }
            usleep(20_000)
        }
    }

    private func maildir(_ folder: String?) -> String {
        directory + "/mail/" + user + (folder.map { "/." + $0.replacingOccurrences(of: "/", with: ".") } ?? "")
    }

    private func makeMaildir(folder: String?) throws {
        let path = maildir(folder)
        for part in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: path + "/" + part, withIntermediateDirectories: true)
        }
        if folder != nil { _ = FileManager.default.createFile(atPath: path + "/maildirfolder", contents: nil) }
        // Everything under mail/ and home/ belongs to the user the mail processes run as.
        try FileManager.default.createDirectory(atPath: directory + "/home/" + user, withIntermediateDirectories: true)
        for top in ["/mail", "/home"] {
            chown(directory + top, mailOwner.uid, mailOwner.gid)
            let enumerator = FileManager.default.enumerator(atPath: directory + top)
            while let relative = enumerator?.nextObject() as? String {
                chown(directory + top + "/" + relative, mailOwner.uid, mailOwner.gid)
            }
        }
    }

    private func configuration(capabilities: String?) -> String {
        """
        base_dir = \(directory)/run
        state_dir = \(directory)/state
        log_path = \(directory)/dovecot.log
        protocols = imap
        listen = 127.0.0.1
        ssl = required
        ssl_cert = <\(certificatePath)
        ssl_key = <\(directory)/key.pem
        disable_plaintext_auth = yes
        auth_mechanisms = plain login
        default_internal_user = dovecot
        default_login_user = dovenull
        first_valid_uid = \(mailOwner.uid)
        first_valid_gid = \(mailOwner.gid)
        passdb {
          driver = passwd-file
          args = scheme=PLAIN username_format=%u \(directory)/users
        }
        userdb {
          driver = static
          args = uid=\(mailOwner.uid) gid=\(mailOwner.gid) home=\(directory)/home/%u
        }
        mail_location = maildir:\(directory)/mail/%u
        namespace inbox {
          inbox = yes
          separator = /
        }
        \(capabilities.map { "imap_capability = \($0)" } ?? "")
        service imap-login {
          inet_listener imap {
            port = 0
          }
          inet_listener imaps {
            port = \(port)
            ssl = yes
          }
        }

        """
    }

}
