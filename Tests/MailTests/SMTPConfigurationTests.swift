import Mail
import Testing

@Suite("SMTP_URL")
struct SMTPConfigurationTests {
    @Test("smtp:// means STARTTLS required, with percent-decoded credentials")
    func submission() throws {
        let configuration = try SMTPConfiguration(url: "smtp://bokning%40eventgaraget.se:p%3Ass@smtp.example.se:587")
        #expect(configuration.security == .startTLS)
        #expect(configuration.host == "smtp.example.se")
        #expect(configuration.port == 587)
        #expect(configuration.username == "bokning@eventgaraget.se")
        #expect(configuration.password == "p:ss")
        #expect(!configuration.description.contains("p:ss"))
        #expect(try SMTPConfiguration(url: "smtp://smtp.example.se").port == 587)
    }

    @Test("smtps:// is implicit TLS on 465; ?tls=none is clear text; options are read")
    func variants() throws {
        let implicit = try SMTPConfiguration(url: "smtps://u:p@smtp.example.se")
        #expect(implicit.security == .implicitTLS)
        #expect(implicit.port == 465)
        let relay = try SMTPConfiguration(url: "smtp://localhost:25?tls=none&timeout=5")
        #expect(relay.security == .none)
        #expect(relay.port == 25)
        #expect(relay.timeoutSeconds == 5)
        let custom = try SMTPConfiguration(url: "smtp://relay.internal:587?cafile=/etc/eg/ca.pem")
        #expect(custom.caFile == "/etc/eg/ca.pem")
        #expect(custom.security == .startTLS)
        #expect(try SMTPConfiguration(url: "smtp://user:pw@127.0.0.1:2525?tls=none").username == "user")
    }

    @Test(
        "bad URLs are refused without repeating the password",
        arguments: [
            "http://user:secret-pw@host", "smtp://user:secret-pw@", "smtps://user:secret-pw@host?tls=none",
            "smtp://user:secret-pw@mail.example.se?tls=none", "smtp://user:secret-pw@host?bogus=1",
            "smtp://user:secret-pw@host?timeout=0", "smtp://user:secret-pw@host/path", "not a url at all secret-pw",
        ])
    func refused(url: String) {
        #expect {
            try SMTPConfiguration(url: url)
        } throws: { error in
            guard case .invalidSMTPURL = error as? MailError else { return false }
            return !"\(error)".contains("secret-pw")
        }
    }

    @Test("the factory picks SMTP when SMTP_URL is set, the Maildir otherwise")
    func factory() throws {
        #expect(try MailTransportFactory.make(smtpURL: nil, maildir: ".data/mail") is MaildirTransport)
        #expect(try MailTransportFactory.make(smtpURL: "", maildir: ".data/mail") is MaildirTransport)
        let smtp = try MailTransportFactory.make(smtpURL: "smtp://localhost:25?tls=none", maildir: ".data/mail")
        #expect((smtp as? SMTPTransport)?.configuration.port == 25)
        #expect(throws: MailError.self) { try MailTransportFactory.make(smtpURL: "ftp://x", maildir: ".data/mail") }
    }
}
