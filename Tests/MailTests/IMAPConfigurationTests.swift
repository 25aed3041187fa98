import Mail
import Testing

@Suite("EG_IMAP_URL")
struct IMAPConfigurationTests {
    @Test("imaps:// is implicit TLS on 993, with percent-decoded credentials and the folder from the path")
    func implicitTLS() throws {
        let configuration = try IMAPConfiguration(
            url: "imaps://kund%40eventgaraget.se:p%3Ass%40w@mail.example.se/Kunder/Inkorg")
        #expect(configuration.security == .implicitTLS)
        #expect(configuration.host == "mail.example.se")
        #expect(configuration.port == 993)
        #expect(configuration.username == "kund@eventgaraget.se")
        #expect(configuration.password == "p:ss@w")
        #expect(configuration.folder == "Kunder/Inkorg")
        #expect(configuration.moveTo == nil)
        #expect(configuration.timeoutSeconds == 30)
        #expect(configuration.maxMessages == 50)
        #expect(configuration.maxMessageBytes == 25 << 20)
        #expect(!configuration.description.contains("p:ss@w"))
        #expect(configuration.description.contains("kund@eventgaraget.se"))
    }

    @Test("imap:// means STARTTLS required on 143; INBOX by default; options are read")
    func options() throws {
        let plain = try IMAPConfiguration(url: "imap://u:p@mail.example.se")
        #expect(plain.security == .startTLS)
        #expect(plain.port == 143)
        #expect(plain.folder == "INBOX")
        let custom = try IMAPConfiguration(
            url: "imap://u:p@mail.example.se:1143/INBOX?move=Processed&cafile=/etc/eg/ca.pem&timeout=5"
                + "&max_messages=10&max_bytes=1048576")
        #expect(custom.port == 1143)
        #expect(custom.moveTo == "Processed")
        #expect(custom.caFile == "/etc/eg/ca.pem")
        #expect(custom.timeoutSeconds == 5)
        #expect(custom.maxMessages == 10)
        #expect(custom.maxMessageBytes == 1 << 20)
        #expect(try IMAPConfiguration(url: "imap://u:p@127.0.0.1:143/?tls=none").security == .none)
        #expect(try IMAPConfiguration(url: "imaps://u:p@mail.example.se/?move=").moveTo == nil)
    }

    @Test(
        "bad URLs are refused without repeating the password",
        arguments: [
            "http://user:secret-pw@host", "imap://user:secret-pw@", "imaps://user:secret-pw@host?tls=none",
            "imap://user:secret-pw@mail.example.se?tls=none", "imap://user:secret-pw@host?bogus=1",
            "imap://user:secret-pw@host?timeout=0", "imap://user:secret-pw@host/INBOX?move=inbox",
            "imap://user:secret-pw@host/In%22box", "imap://user:secret-pw@host/Inkorg%C3%A5",
            "imap://user:secret-pw@host?max_bytes=12", "not a url at all secret-pw",
        ])
    func refused(url: String) {
        #expect {
            try IMAPConfiguration(url: url)
        } throws: { error in
            guard case .invalidIMAPURL = error as? MailError else { return false }
            return !"\(error)".contains("secret-pw")
        }
    }
}
