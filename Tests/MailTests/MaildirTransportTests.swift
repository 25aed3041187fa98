import Foundation
import Mail
import TestSupport
import Testing

@Suite("Maildir delivery")
struct MaildirTransportTests {
    /// A Maildir path two missing levels below a fresh temporary root (removed by the caller).
    private func makeDirectory() -> (root: String, maildir: String) {
        let root = NSTemporaryDirectory() + "egmaildir-\(UUID().uuidString)"
        return (root, root + "/nested/mail")
    }

    private func files(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test("a message lands in new/, nothing stays in tmp/, and it parses back")
    func delivers() throws {
        let (root, directory) = makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let transport = MaildirTransport(directory: directory)
        let messageID = try transport.send(try Fixtures.message())

        let delivered = files(directory + "/new")
        #expect(delivered.count == 1)
        #expect(files(directory + "/tmp").isEmpty)
        #expect(FileManager.default.fileExists(atPath: directory + "/cur"))
        let name = try #require(delivered.first)
        #expect(name.split(separator: ".").count >= 3)
        #expect(name.contains("\(getpid())_"))

        let bytes = try #require(FileManager.default.contents(atPath: directory + "/new/" + name))
        #expect(!bytes.contains(0x0D))  // stored with LF line endings, as Maildir readers expect
        let parsed = try ParsedMail.parse(Array(bytes))
        #expect(parsed.defects == [])
        #expect(parsed.messageID == "<\(messageID)>")
        #expect(parsed.subject == Fixtures.subject)
        #expect(ParsedMail.lf(parsed.plain) == Fixtures.plain)
        #expect(parsed.attachments.first?.bytes == Fixtures.pdf)
    }

    @Test("concurrent sends from many threads all land, each under its own name")
    func concurrentSends() throws {
        let (root, directory) = makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let transport = MaildirTransport(directory: directory)
        let message = try Fixtures.message(attachments: false)
        let ids = LockedBox<[String]>([])
        let failures = LockedBox<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<15 {
                do {
                    let id = try transport.send(message)
                    ids.update { $0.append(id) }
                } catch {
                    failures.update { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.get() == [])
        #expect(Set(ids.get()).count == 120)
        #expect(Set(files(directory + "/new")).count == 120)
        #expect(files(directory + "/tmp").isEmpty)
    }

    @Test("an unusable directory gives an I/O error with errno and path")
    func unusableDirectory() throws {
        let file = NSTemporaryDirectory() + "egmaildir-file-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let transport = MaildirTransport(directory: file + "/mail")
        #expect {
            try transport.send(try Fixtures.message(attachments: false))
        } throws: { error in
            guard case .ioFailure(let code, let path, _) = error as? MailError else { return false }
            return code == ENOTDIR && path.hasPrefix(file)
        }
    }
}
