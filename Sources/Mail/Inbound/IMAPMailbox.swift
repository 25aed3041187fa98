/// One mailbox folder polled over IMAP through libcurl: which messages are new, their raw
/// RFC 5322 bytes, and marking each one processed.
///
/// **Survives restarts without duplicates**, used in this order:
///
/// 1. `uidValidity()`: when it differs from the value stored after the last poll, the folder was
///    recreated and old UIDs mean nothing (UIDs are only used within one poll, so nothing
///    else changes).
/// 2. `unseen()`: the UIDs of messages neither `\Seen` nor `\Deleted`, oldest first.
/// 3. For each: `fetch(uid:)`, store the message in the database (deduplicated by Message-ID,
///    or the SHA-256 of the bytes when it has none), commit, and only then `markProcessed(uid:)`.
///
/// Fetching does not set `\Seen` (it asks for `BODY.PEEK[]`), so after a crash between the
/// commit and `markProcessed` the message is still unseen: the next poll fetches it again and the
/// store's deduplication drops it. A message a person has opened in another client in the
/// meantime (so `\Seen`) is not picked up: the folder polled should belong to the product.
///
/// The connection stays open from the first command until the mailbox is released, so one poll
/// costs one login. Not thread-safe: make it, use it and drop it on one thread.
public final class IMAPMailbox {
    public let configuration: IMAPConfiguration
    private let session: CurlIMAPSession
    private var capabilities: Set<String>?

    public init(configuration: IMAPConfiguration) throws(MailError) {
        self.configuration = configuration
        session = try CurlIMAPSession(configuration: configuration)
    }

    /// The folder's UIDVALIDITY (`STATUS … (UIDVALIDITY)`).
    public func uidValidity() throws(MailError) -> UInt32 {
        let reply = try session.run(
            "STATUS \(Self.quoted(configuration.folder)) (UIDVALIDITY)", name: "STATUS", inFolder: false)
        guard let value = IMAPReply.status("UIDVALIDITY", in: reply.untagged) else {
            throw .imapUnexpectedReply(command: "STATUS", problem: "no UIDVALIDITY in the STATUS reply")
        }
        return value
    }

    /// The UIDs of the folder's messages that are neither `\Seen` nor `\Deleted`
    /// (`UID SEARCH UNSEEN UNDELETED`), ascending, at most `maxMessages` of them.
    ///
    /// A `NOOP` goes first: a server shows a selected folder's new messages only after a command
    /// has ended, so without it a second poll on the same connection would miss them.
    public func unseen() throws(MailError) -> [UInt32] {
        _ = try session.run("NOOP", name: "NOOP", inFolder: true)
        let reply = try session.run("UID SEARCH UNSEEN UNDELETED", name: "UID SEARCH", inFolder: true)
        guard let uids = IMAPReply.searchUIDs(reply.untagged) else {
            throw .imapUnexpectedReply(command: "UID SEARCH", problem: "no SEARCH reply")
        }
        return Array(uids.prefix(configuration.maxMessages))
    }

    /// The message's raw RFC 5322 bytes, exactly as the server stores them, without setting
    /// `\Seen`.
    ///
    /// The size is asked first, so a message over `maxMessageBytes` is refused before it is
    /// downloaded. The bytes come in pieces of `IMAPMailbox.pieceBytes` from
    /// `UID FETCH n (BODY.PEEK[]<offset.length>)`, read from the server's lines as curl passes
    /// them on. (curl's own fetch by URL, `;UID=n`, sends `BODY[]`, which sets `\Seen`; and curl
    /// passes on at most 300 KiB of lines per command, and lines up to half its buffer whole,
    /// which a piece stays under.)
    /// - Throws: `MailError.imapMessageMissing` when no message has the UID,
    ///   `.imapMessageTooLarge`, `.imapUnexpectedReply` when a reply is not whole (the next
    ///   command then logs in anew), `.imapFailure`.
    public func fetch(uid: UInt32) throws(MailError) -> [UInt8] {
        let probe = try session.run("UID FETCH \(uid) (RFC822.SIZE)", name: "UID FETCH", inFolder: true)
        guard let size = IMAPReply.size(probe.untagged, uid: uid) else { throw .imapMessageMissing(uid: uid) }
        guard size <= configuration.maxMessageBytes else {
            throw .imapMessageTooLarge(uid: uid, bytes: size, limit: configuration.maxMessageBytes)
        }
        var message: [UInt8] = []
        message.reserveCapacity(size)
        while true {
            let offset = message.count
            let reply = try session.run(
                "UID FETCH \(uid) (BODY.PEEK[]<\(offset).\(Self.pieceBytes)>)", name: "UID FETCH", inFolder: true,
                limit: Self.pieceBytes + (64 << 10))
            guard let piece = IMAPReply.fetchedBody(reply.transcript, uid: uid, offset: offset) else {
                session.reconnectNext()
                throw .imapUnexpectedReply(command: "UID FETCH", problem: "the BODY[]<\(offset)> reply is not whole")
            }
            message += piece
            guard message.count <= configuration.maxMessageBytes else {
                throw .imapMessageTooLarge(uid: uid, bytes: message.count, limit: configuration.maxMessageBytes)
            }
            if piece.count < Self.pieceBytes { return message }
        }
    }

    /// The bytes one `fetch` command asks for: its reply stays under curl's 300 KiB of lines per
    /// command and under half of curl's line buffer.
    static let pieceBytes = 192 << 10

    /// Flags the message `\Seen`, then moves it to `moveTo` when one is configured (`UID MOVE`,
    /// or `UID COPY`, `\Deleted` and `UID EXPUNGE` — plain `EXPUNGE` without UIDPLUS — on a
    /// server without MOVE). A missing target folder is created once. Harmless to repeat: a UID
    /// no longer in the folder is left alone.
    public func markProcessed(uid: UInt32) throws(MailError) {
        _ = try session.run("UID STORE \(uid) +FLAGS.SILENT (\\Seen)", name: "UID STORE", inFolder: true)
        guard let target = configuration.moveTo else { return }
        do {
            try move(uid, to: target)
        } catch {
            guard session.lastFinalLine?.uppercased().contains("[TRYCREATE]") == true else { throw error }
            _ = try session.run("CREATE \(Self.quoted(target))", name: "CREATE", inFolder: false)
            try move(uid, to: target)
        }
    }

    private func move(_ uid: UInt32, to target: String) throws(MailError) {
        let capabilities = try serverCapabilities()
        if capabilities.contains("MOVE") {
            _ = try session.run("UID MOVE \(uid) \(Self.quoted(target))", name: "UID MOVE", inFolder: true)
            return
        }
        _ = try session.run("UID COPY \(uid) \(Self.quoted(target))", name: "UID COPY", inFolder: true)
        _ = try session.run("UID STORE \(uid) +FLAGS.SILENT (\\Deleted)", name: "UID STORE", inFolder: true)
        if capabilities.contains("UIDPLUS") {
            _ = try session.run("UID EXPUNGE \(uid)", name: "UID EXPUNGE", inFolder: true)
        } else {
            _ = try session.run("EXPUNGE", name: "EXPUNGE", inFolder: true)
        }
    }

    private func serverCapabilities() throws(MailError) -> Set<String> {
        if let capabilities { return capabilities }
        let reply = try session.run("CAPABILITY", name: "CAPABILITY", inFolder: false)
        guard let found = IMAPReply.capabilities(reply.untagged) else {
            throw .imapUnexpectedReply(command: "CAPABILITY", problem: "no CAPABILITY reply")
        }
        capabilities = found
        return found
    }

    /// A folder name as an IMAP quoted string (the configuration refuses `"` and `\` in names).
    private static func quoted(_ folder: String) -> String { "\"\(folder)\"" }
}
