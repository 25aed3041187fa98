import Foundation
import Mail
import TestSupport
import Testing

/// Polling a real IMAP server (dovecot) through libcurl, one server per test.
@Suite(
    "IMAP polling against a real server", .serialized,
    .enabled(if: IMAPTestServer.isAvailable, "dovecot is not installed (apt-get install dovecot-imapd)"))
struct IMAPMailboxTests {
    /// A customer's email, CRLF line ends, with a non-ASCII body in 8 bits.
    private static func inquiry(_ number: Int, body: String? = nil) -> [UInt8] {
        let text = body ?? "Hej! Vi vill hyra ett tält för 80 personer den \(number) juni.\r\nMvh Åsa\r\n"
        return Array(
            ("From: =?utf-8?q?=C3=85sa_=C3=96berg?= <asa.oberg@example.se>\r\n"
                + "To: bokning@eventgaraget.se\r\nSubject: =?utf-8?q?F=C3=B6rfr=C3=A5gan?= \(number)\r\n"
                + "Message-ID: <inquiry-\(number)@example.se>\r\nDate: Mon, 2 Jun 2025 10:0\(number % 10):00 +0200\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
                + "\r\n" + text).utf8)
    }

    private static func mailbox(
        _ server: IMAPTestServer, options: String = "", password: String? = nil
    )
        throws -> IMAPMailbox
    {
        let secret = (password ?? server.password).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let url =
            "imaps://\(server.user):\(secret)@localhost:\(server.port)/INBOX?cafile=\(server.certificatePath)"
            + "&timeout=20" + options
        return try IMAPMailbox(configuration: IMAPConfiguration(url: url))
    }

    @Test("three messages: found, fetched byte for byte without \\Seen, moved to Processed, gone from the next poll")
    func pollFetchMove() throws {
        let server = try IMAPTestServer()
        try server.createFolder("Processed")
        let sent = (1...3).map { Self.inquiry($0) }
        for message in sent { try server.deliver(message) }

        let mailbox = try Self.mailbox(server, options: "&move=Processed")
        let validity = try mailbox.uidValidity()
        #expect(validity > 0)
        let uids = try mailbox.unseen()
        try #require(uids.count == 3, "dovecot log:\n\(server.log)")
        #expect(uids == uids.sorted())
        let fetched = try uids.map { try mailbox.fetch(uid: $0) }
        #expect(fetched == sent)
        // Fetching does not mark a message read: a crash before markProcessed loses nothing.
        #expect(try server.messages().allSatisfy { !$0.flags.contains("\\Seen") })
        #expect(try mailbox.unseen() == uids)

        for uid in uids { try mailbox.markProcessed(uid: uid) }
        #expect(try server.messages().isEmpty)
        let processed = try server.messages(in: "Processed")
        #expect(Set(processed.map(\.bytes)) == Set(sent))
        #expect(processed.allSatisfy { $0.flags.contains("\\Seen") })

        // A later poll, on a new connection as after a restart: nothing to do.
        let next = try Self.mailbox(server, options: "&move=Processed")
        #expect(try next.unseen().isEmpty)
        #expect(try next.uidValidity() == validity)
        // Repeating markProcessed for a message already moved is harmless.
        try next.markProcessed(uid: uids[0])
        #expect(try server.messages(in: "Processed").count == 3)
    }

    @Test("without move, processed messages stay in the folder flagged \\Seen")
    func flagOnly() throws {
        let server = try IMAPTestServer()
        let sent = (1...3).map { Self.inquiry($0) }
        for message in sent { try server.deliver(message) }
        let mailbox = try Self.mailbox(server)
        let uids = try mailbox.unseen()
        try #require(uids.count == 3, "dovecot log:\n\(server.log)")
        for uid in uids {
            _ = try mailbox.fetch(uid: uid)
            try mailbox.markProcessed(uid: uid)
        }
        let stored = try server.messages()
        #expect(Set(stored.map(\.bytes)) == Set(sent))
        #expect(stored.allSatisfy { $0.flags == ["\\Seen"] })
        #expect(try Self.mailbox(server).unseen().isEmpty)
    }

    @Test("a poll that stops between fetching and marking finds the same messages again after a restart")
    func restartBeforeMarking() throws {
        let server = try IMAPTestServer()
        for number in 1...2 { try server.deliver(Self.inquiry(number)) }
        var firstRun: [UInt32] = []
        do {
            let mailbox = try Self.mailbox(server, options: "&move=Processed")
            firstRun = try mailbox.unseen()
            for uid in firstRun { _ = try mailbox.fetch(uid: uid) }
            // The process dies here: stored in the database, never marked processed.
        }
        let restarted = try Self.mailbox(server, options: "&move=Processed")
        #expect(try restarted.unseen() == firstRun)
        #expect(firstRun.count == 2)
    }

    @Test("a message delivered after a poll is found by the next one on the same connection")
    func laterDelivery() throws {
        let server = try IMAPTestServer()
        try server.deliver(Self.inquiry(1))
        let mailbox = try Self.mailbox(server, options: "&move=Processed")
        let first = try mailbox.unseen()
        try #require(first.count == 1, "dovecot log:\n\(server.log)")
        try mailbox.markProcessed(uid: first[0])

        let late = Self.inquiry(2)
        try server.deliver(late)
        let second = try mailbox.unseen()
        try #require(second.count == 1)
        #expect(second[0] > first[0])
        #expect(try mailbox.fetch(uid: second[0]) == late)
    }

    @Test("a wrong password is a login error that does not show the password")
    func wrongPassword() throws {
        let server = try IMAPTestServer()
        try server.deliver(Self.inquiry(1))
        let mailbox = try Self.mailbox(server, password: "hunter2-wrong")
        #expect {
            try mailbox.unseen()
        } throws: { error in
            guard case .imapFailure(let code, _, let message) = error as? MailError else { return false }
            // CURLE_LOGIN_DENIED, with the server's reply
            return code == 67 && message.contains("AUTHENTICATIONFAILED") && !"\(error)".contains("hunter2-wrong")
                && !"\(error)".contains(server.password)
        }
    }

    @Test("a certificate the CA file does not vouch for fails verification")
    func wrongCertificateAuthority() throws {
        let server = try IMAPTestServer()
        try server.deliver(Self.inquiry(1))
        let folder = NSTemporaryDirectory() + "egimap-ca-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let other = try run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", folder + "/key.pem", "-out",
                folder + "/ca.pem", "-days", "2", "-subj", "/CN=localhost", "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ])
        try #require(other.status == 0)
        for cafile in ["&cafile=" + folder + "/ca.pem", ""] {
            let url = "imaps://\(server.user):pw@localhost:\(server.port)/INBOX?timeout=20" + cafile
            let mailbox = try IMAPMailbox(configuration: IMAPConfiguration(url: url))
            #expect {
                try mailbox.unseen()
            } throws: { error in
                guard case .imapFailure(let code, _, _) = error as? MailError else { return false }
                return code == 60  // CURLE_PEER_FAILED_VERIFICATION
            }
        }
    }

    @Test("a message over max_bytes is refused before it is downloaded and stays unseen")
    func tooLarge() throws {
        let server = try IMAPTestServer()
        let big = Self.inquiry(1, body: String(repeating: "Stort tält, många stolar.\r\n", count: 200))
        try server.deliver(big)
        let mailbox = try Self.mailbox(server, options: "&max_bytes=2048")
        let uids = try mailbox.unseen()
        try #require(uids.count == 1, "dovecot log:\n\(server.log)")
        #expect {
            try mailbox.fetch(uid: uids[0])
        } throws: { error in
            guard case .imapMessageTooLarge(let uid, let bytes, let limit) = error as? MailError else { return false }
            return uid == uids[0] && bytes == big.count && limit == 2048
        }
        #expect(try mailbox.unseen() == uids)
        #expect {
            try mailbox.fetch(uid: 999)
        } throws: { error in
            (error as? MailError) == .imapMessageMissing(uid: 999)
        }
    }

    @Test("long lines and large messages come back byte for byte, in pieces, still unseen")
    func largeMessages() throws {
        let server = try IMAPTestServer()
        // A 100 KB line, a 400 KB line (longer than curl passes on whole), and a message of
        // exactly two pieces, whose last request finds nothing more.
        var sent = [100_000, 400_000].enumerated().map { index, size in
            Self.inquiry(index + 1, body: String(repeating: "x", count: size) + "\r\nslut\r\n")
        }
        let head = Self.inquiry(3, body: "")
        sent.append(head + Array(repeating: UInt8(ascii: "y"), count: 2 * (192 << 10) - head.count - 2) + [13, 10])
        for message in sent { try server.deliver(message) }
        let mailbox = try Self.mailbox(server)
        let uids = try mailbox.unseen()
        try #require(uids.count == 3, "dovecot log:\n\(server.log)")
        let fetched = try uids.map { try mailbox.fetch(uid: $0) }
        #expect(fetched.map(\.count) == sent.map(\.count))
        #expect(fetched == sent)
        #expect(try server.messages().allSatisfy { !$0.flags.contains("\\Seen") })
        #expect(try mailbox.unseen() == uids)
    }

    @Test("a server without MOVE: COPY, \\Deleted and UID EXPUNGE, creating the missing folder")
    func withoutMove() throws {
        let server = try IMAPTestServer(capabilities: "IMAP4rev1 UIDPLUS")
        let sent = (1...2).map { Self.inquiry($0) }
        for message in sent { try server.deliver(message) }
        let mailbox = try Self.mailbox(server, options: "&move=Behandlat")
        let uids = try mailbox.unseen()
        try #require(uids.count == 2, "dovecot log:\n\(server.log)")
        for uid in uids {
            _ = try mailbox.fetch(uid: uid)
            try mailbox.markProcessed(uid: uid)
        }
        #expect(try server.messages().isEmpty)
        let processed = try server.messages(in: "Behandlat")
        #expect(Set(processed.map(\.bytes)) == Set(sent))
        #expect(processed.allSatisfy { $0.flags == ["\\Seen"] })
    }
}
