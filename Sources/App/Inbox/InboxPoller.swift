import Database
import Domain
import Foundation
import Logging
import Mail
import Synchronization

/// The IMAP poll: its own thread and connection in the worker process (`EG_IMAP_URL`). Each pass
/// stores every unseen message (the same path as `ingest-email`) and only then marks it processed
/// (seen, or moved to `?move=`); a crash between the two fetches it again next time, and the
/// store finds it by Message-ID or SHA-256, so a restart never makes a duplicate.
final class InboxPoller: Sendable {
    let configuration: AppConfiguration
    let logger: Logger
    private let stopping = Atomic<Bool>(false)

    init(_ configuration: AppConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    func stop() { stopping.store(true, ordering: .sequentiallyConsistent) }

    func run() {
        while !stopping.load(ordering: .sequentiallyConsistent) {
            do {
                let counts = try pass()
                if counts.stored + counts.duplicates > 0 {
                    logger.info(
                        "inbox polled", metadata: ["stored": "\(counts.stored)", "duplicates": "\(counts.duplicates)"])
                }
            } catch {
                logger.warning("inbox poll failed; trying again later", metadata: ["error": "\(error)"])
            }
            var waited = 0
            while waited < configuration.imapIntervalSeconds * 10, !stopping.load(ordering: .sequentiallyConsistent) {
                usleep(100_000)
                waited += 1
            }
        }
    }

    /// One pass over the mailbox. - Returns: how many messages were stored and how many were
    /// already there.
    func pass() throws -> (stored: Int, duplicates: Int) {
        let mailbox = try IMAPMailbox(configuration: try IMAPConfiguration(url: configuration.imapURL))
        let connection = try Connection(url: configuration.databaseURL, logger: logger)
        defer { connection.close() }
        let ingest = InboxIngest(configuration)
        var stored = 0
        var duplicates = 0
        for uid in try mailbox.unseen() {
            guard !stopping.load(ordering: .sequentiallyConsistent) else { break }
            // One message that cannot be read or stored is logged and left for the next pass; the
            // ones after it still arrive.
            do {
                let raw: [UInt8]
                do {
                    raw = try mailbox.fetch(uid: uid)
                } catch let error as MailError {
                    guard case .imapMessageTooLarge(_, let bytes, let limit) = error else { throw error }
                    // Too large to fetch: kept as a note of what came, so it is not lost silently.
                    _ = try InboxStore.receive(connection, Self.tooLarge(uid: uid, bytes: bytes, limit: limit))
                    try mailbox.markProcessed(uid: uid)
                    continue
                }
                switch try ingest.ingest(raw, source: .imap, connection: connection).received {
                case .stored: stored += 1
                case .duplicate: duplicates += 1
                }
                try mailbox.markProcessed(uid: uid)
            } catch {
                logger.warning(
                    "an inbox message was not stored; it stays unseen",
                    metadata: ["uid": "\(uid)", "error": "\(error)"])
            }
        }
        return (stored, duplicates)
    }

    /// What the inbox keeps of a message over the IMAP size limit: its size and the problem.
    static func tooLarge(uid: UInt32, bytes: Int, limit: Int) -> ReceivedMail {
        let note = "imap:\(uid):\(bytes)"
        return ReceivedMail(
            kind: "other", messageID: nil, inReplyTo: [], references: [], fromAddress: nil, fromName: nil, to: "",
            subject: "", sentAt: nil, source: .imap, textBody: "", newText: "", signature: "", htmlBody: nil,
            raw: nil, rawSHA256: SHA256.hexDigest(Array(note.utf8)), rawSize: bytes,
            problems: [
                "the message is \(bytes) bytes, over the \(limit) the mailbox is read up to; it was left in the mailbox"
            ],
            attachments: [], bounce: nil, extractionJSON: nil)
    }
}
