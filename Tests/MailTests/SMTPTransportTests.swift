import Foundation
import Mail
import TestSupport
import Testing

/// Delivery through libcurl to a real SMTP server (aiosmtpd), one server per test.
@Suite("SMTP delivery to a real server", .serialized)
struct SMTPTransportTests {
    private func expectSameMessage(_ received: ReceivedMail, as message: EmailMessage, messageID: String) throws {
        let parsed = try ParsedMail.parse(Array(received.data))
        #expect(parsed.defects == [])
        #expect(parsed.messageID == "<\(messageID)>")
        #expect(parsed.subject == message.subject)
        #expect(ParsedMail.lf(parsed.plain) == message.textBody)
        #expect(ParsedMail.lf(parsed.html) == message.htmlBody)
        #expect(parsed.attachments.map(\.bytes) == message.attachments.map(\.bytes))
        #expect(parsed.to.map(\.address) == message.to.map(\.address))
    }

    @Test("plain SMTP (tls=none): the server receives the same message, envelope sender and recipients")
    func plainDelivery() throws {
        let server = try SMTPTestServer()
        let transport = try SMTPTransport(url: "smtp://127.0.0.1:\(server.port)?tls=none&timeout=20")
        let message = try Fixtures.message()
        let messageID = try transport.send(message)

        let received = server.messages()
        try #require(received.count == 1, "server log:\n\(server.log)")
        #expect(received[0].mailFrom == "bokning@eventgaraget.se")
        #expect(received[0].recipients == ["asa.oberg@example.se", "kontor@example.com"])
        #expect(received[0].login == nil)
        #expect(received[0].tls == false)
        try expectSameMessage(received[0], as: message, messageID: messageID)
    }

    @Test("AUTH with the URL's credentials; a wrong password is a typed error that does not show it")
    func authentication() throws {
        let server = try SMTPTestServer(credentials: ("bokning@eventgaraget.se", "rätt-lösen"))
        let good = try SMTPTransport(
            url: "smtp://bokning%40eventgaraget.se:r%C3%A4tt-l%C3%B6sen@127.0.0.1:\(server.port)?tls=none")
        let message = try Fixtures.message(attachments: false)
        _ = try good.send(message)
        let received = server.messages()
        try #require(received.count == 1, "server log:\n\(server.log)")
        #expect(received[0].login == "bokning@eventgaraget.se")

        let bad = try SMTPTransport(
            url: "smtp://bokning%40eventgaraget.se:hunter2-wrong@127.0.0.1:\(server.port)?tls=none")
        #expect {
            try bad.send(message)
        } throws: { error in
            guard case .smtpFailure(let code, let reply, _) = error as? MailError else { return false }
            // CURLE_LOGIN_DENIED, SMTP 535
            return code == 67 && reply == 535 && !"\(error)".contains("hunter2-wrong")
        }
        #expect(server.messages().count == 1)
    }

    @Test("STARTTLS with the relay's self-signed certificate given as cafile")
    func startTLS() throws {
        let server = try SMTPTestServer(tls: .startTLS)
        let message = try Fixtures.message()
        let transport = try SMTPTransport(url: "smtp://localhost:\(server.port)?cafile=\(server.certificatePath)")
        let messageID = try transport.send(message)
        let received = server.messages()
        try #require(received.count == 1, "server log:\n\(server.log)")
        #expect(received[0].tls)
        try expectSameMessage(received[0], as: message, messageID: messageID)

        // Without the CA file the certificate is not trusted: a typed error, nothing delivered.
        let untrusting = try SMTPTransport(url: "smtp://localhost:\(server.port)")
        #expect {
            try untrusting.send(message)
        } throws: { error in
            guard case .smtpFailure(let code, _, _) = error as? MailError else { return false }
            return code == 60  // CURLE_PEER_FAILED_VERIFICATION
        }
        #expect(server.messages().count == 1)
    }

    @Test("smtps:// speaks TLS from the first byte")
    func implicitTLS() throws {
        let server = try SMTPTestServer(tls: .implicit)
        let message = try Fixtures.message(attachments: false)
        let transport = try SMTPTransport(url: "smtps://127.0.0.1:\(server.port)?cafile=\(server.certificatePath)")
        let messageID = try transport.send(message)
        let received = server.messages()
        try #require(received.count == 1, "server log:\n\(server.log)")
        #expect(received[0].tls)
        try expectSameMessage(received[0], as: message, messageID: messageID)
    }

    @Test("STARTTLS is required: a server without it is refused before anything is sent")
    func startTLSRequired() throws {
        let server = try SMTPTestServer()
        let transport = try SMTPTransport(url: "smtp://127.0.0.1:\(server.port)")
        #expect {
            try transport.send(try Fixtures.message(attachments: false))
        } throws: { error in
            guard case .smtpFailure(let code, _, _) = error as? MailError else { return false }
            return code == 64  // CURLE_USE_SSL_FAILED
        }
        #expect(server.messages().isEmpty)
    }

    @Test("a refused recipient is a typed error carrying the SMTP reply")
    func refusedRecipient() throws {
        let server = try SMTPTestServer(refusing: ["nobody@example.se"])
        let transport = try SMTPTransport(url: "smtp://127.0.0.1:\(server.port)?tls=none")
        let message = try Fixtures.message(
            attachments: false, to: [EmailAddress("kund@example.se"), EmailAddress("nobody@example.se")])
        #expect {
            try transport.send(message)
        } throws: { error in
            guard case .smtpFailure(_, let reply, _) = error as? MailError else { return false }
            return reply == 550
        }
        #expect(server.messages().isEmpty)
    }

    @Test("a dead server is a typed error within the timeout")
    func deadServer() throws {
        let port = try freeTCPPort()
        let transport = try SMTPTransport(url: "smtp://127.0.0.1:\(port)?tls=none&timeout=5")
        let started = Date()
        #expect {
            try transport.send(try Fixtures.message(attachments: false))
        } throws: { error in
            guard case .smtpFailure(let code, _, _) = error as? MailError else { return false }
            return code == 7  // CURLE_COULDNT_CONNECT
        }
        #expect(Date().timeIntervalSince(started) < 6)
    }

    @Test("a server that accepts but never answers times out with a typed error")
    func silentServer() throws {
        let listener = try SilentListener()
        let transport = try SMTPTransport(url: "smtp://127.0.0.1:\(listener.port)?tls=none&timeout=2")
        let started = Date()
        #expect {
            try transport.send(try Fixtures.message(attachments: false))
        } throws: { error in
            guard case .smtpFailure(let code, _, _) = error as? MailError else { return false }
            return code == 28  // CURLE_OPERATION_TIMEDOUT
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("concurrent sends through one shared transport each use their own connection")
    func concurrentSends() throws {
        let server = try SMTPTestServer()
        let transport = try SMTPTransport(url: "smtp://127.0.0.1:\(server.port)?tls=none")
        let message = try Fixtures.message(attachments: false)
        let failures = LockedBox<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            do { _ = try transport.send(message) } catch { failures.update { $0.append("\(error)") } }
        }
        #expect(failures.get() == [])
        #expect(server.messages().count == 6)
    }
}

/// A TCP socket that listens but never accepts or answers: the connection completes (backlog),
/// the SMTP greeting never comes.
private final class SilentListener {
    let port: Int
    private let fd: Int32

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 8) == 0 else {
            close(fd)
            throw TestFailure("bind/listen failed")
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(fd) }
}
