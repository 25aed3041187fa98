import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes each message as a file into a Maildir (`tmp/`, then an atomic rename into `new/`),
/// where any Maildir reader (mutt -f, Thunderbird, Dovecot) shows it. The development default.
///
/// File names are `seconds.pid_counter.host` (the counter is process-wide), so concurrent sends
/// from many threads or processes never collide; creation uses `O_EXCL` as a last guard.
/// Messages are stored with LF line endings, as Maildir readers expect. `directory`, `tmp/`,
/// `new/` and `cur/` are created (mode 0700) when missing.
public struct MaildirTransport: MailTransport {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func send(_ message: EmailMessage, messageID: String) throws(MailError) -> String {
        let crlf = message.rendered(date: Date(), messageID: messageID)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(crlf.count)
        for (index, byte) in crlf.enumerated()
        where !(byte == 0x0D && index + 1 < crlf.count && crlf[index + 1] == 0x0A) {
            bytes.append(byte)
        }

        for sub in ["", "/tmp", "/new", "/cur"] { try Self.makeDirectory(directory + sub) }
        let name = Self.uniqueName()
        let temporary = directory + "/tmp/" + name
        let final = directory + "/new/" + name

        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .ioFailure(errno: errno, path: temporary, operation: "open") }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do throws(MailError) {
            var written = 0
            while written < bytes.count {
                let result = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
                if result < 0 {
                    if errno == EINTR { continue }
                    throw .ioFailure(errno: errno, path: temporary, operation: "write")
                }
                written += result
            }
            guard fsync(fd) == 0 else { throw .ioFailure(errno: errno, path: temporary, operation: "fsync") }
            closed = true
            guard close(fd) == 0 else { throw .ioFailure(errno: errno, path: temporary, operation: "close") }
            guard rename(temporary, final) == 0 else {
                throw .ioFailure(errno: errno, path: final, operation: "rename")
            }
        } catch {
            unlink(temporary)
            throw error
        }
        return messageID
    }

    private static func makeDirectory(_ path: String) throws(MailError) {
        if mkdir(path, 0o700) == 0 || errno == EEXIST { return }
        if errno == ENOENT {
            let parent = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
            if !parent.isEmpty && parent != path {
                try makeDirectory(parent)
                if mkdir(path, 0o700) == 0 || errno == EEXIST { return }
            }
        }
        throw .ioFailure(errno: errno, path: path, operation: "mkdir")
    }

    private static func uniqueName() -> String {
        let count = MaildirCounter.shared.next()
        return "\(Int(Date().timeIntervalSince1970)).\(getpid())_\(count).\(hostName)"
    }

    /// The host name with `/` and `:` escaped as the Maildir convention asks.
    private static let hostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name.replacingAll("/", with: "\\057").replacingAll(":", with: "\\072")
    }()
}

/// The per-process delivery counter of Maildir names (the one piece of shared state the
/// naming scheme needs), behind a lock.
private final class MaildirCounter: @unchecked Sendable {
    static let shared = MaildirCounter()
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
