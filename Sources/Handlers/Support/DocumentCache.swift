import Domain
import Synchronization

/// Documents rendered from a frozen version, shared by all responder threads: a version is
/// immutable (its SHA-256 names its exact bytes), so the offer PDF rendered for it once is the
/// offer PDF for every later download, and a cairo render per request is not needed. Bounded by
/// total size; the oldest entries go first. Two threads may render the same document at the
/// same time on a miss (the render runs outside the lock); both results are the same document.
public final class DocumentCache: Sendable {
    struct Key: Hashable {
        let sha256: String
        let language: Language
    }

    private struct Entries {
        var documents: [Key: [UInt8]] = [:]
        var order: [Key] = []
        var bytes = 0
    }

    private let entries = Mutex(Entries())
    private let maximumBytes: Int

    public init(maximumBytes: Int = 16 << 20) {
        self.maximumBytes = maximumBytes
    }

    /// The offer PDF of the version with this SHA-256 in `language`, rendering it on a miss.
    func offerPDF(sha256: String, language: Language, render: () throws -> [UInt8]) rethrows -> [UInt8] {
        let key = Key(sha256: sha256, language: language)
        if let cached = entries.withLock({ $0.documents[key] }) { return cached }
        let document = try render()
        guard document.count <= maximumBytes / 4 else { return document }
        entries.withLock { entries in
            guard entries.documents[key] == nil else { return }
            while entries.bytes + document.count > maximumBytes, !entries.order.isEmpty {
                let oldest = entries.order.removeFirst()
                entries.bytes -= entries.documents.removeValue(forKey: oldest)?.count ?? 0
            }
            entries.documents[key] = document
            entries.order.append(key)
            entries.bytes += document.count
        }
        return document
    }
}
