import Foundation
import Mail
import Testing
import Worker

@testable import App

/// Finding F3: two live workers must never run one job at once, and a retried email keeps its
/// Message-ID. (The store's side, an attempt that outlives its lease, is in JobStoreTests.)
@Suite("Job leases and retried emails")
struct JobLeaseTests {
    @Test(arguments: ["smtp://relay:25?tls=none&timeout=600", "smtp://relay:25?tls=none", ""])
    func theLeaseIsLongerThanTheLongestAttempt(smtpURL: String) throws {
        var environment = ["EG_MAIL_DIR": NSTemporaryDirectory() + "eg-lease-mail"]
        if !smtpURL.isEmpty { environment["EG_SMTP_URL"] = smtpURL }
        let dispatcher = try JobDispatcher(try AppConfiguration.load(environment: environment).get())
        let configuration = JobRunner.Configuration(
            databaseURL: "", workerID: "w", longestAttemptSeconds: dispatcher.longestAttemptSeconds)
        #expect(dispatcher.longestAttemptSeconds == (smtpURL.contains("600") ? 600 : smtpURL.isEmpty ? 60 : 30))
        #expect(
            configuration.leaseSeconds >= dispatcher.longestAttemptSeconds + JobRunner.Configuration.leaseMarginSeconds)
    }

    @Test func everyAttemptOfAJobSendsTheSameMessageID() throws {
        let folder = NSTemporaryDirectory() + "eg-lease-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let message = try EmailMessage(
            from: try EmailAddress("offert@eventgaraget.se"), to: [try EmailAddress("kund@example.se")],
            subject: "Offert", textBody: "Hej", htmlBody: "<p>Hej</p>")
        let base = MaildirTransport(directory: folder)
        let first = try JobMailTransport(base: base, seed: "job12.abc").send(message)
        let retry = try JobMailTransport(base: base, seed: "job12.abc").send(message)
        let other = try JobMailTransport(base: base, seed: "job13.abd").send(message)
        #expect(first == "job12.abc@eventgaraget.se")
        #expect(retry == first)
        #expect(other != first)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/new")
        let headers = try files.map { try String(contentsOfFile: folder + "/new/" + $0, encoding: .utf8) }
        #expect(headers.filter { $0.contains("Message-ID: <job12.abc@eventgaraget.se>") }.count == 2)
    }
}
