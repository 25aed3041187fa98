import Domain
import Sanitizer
import Templates

/// Per-thread caches of things that never change once written, so no invalidation is needed:
/// a sent quotation version is immutable (its row and its SHA-256 are fixed), so its decoded
/// snapshot and sanitised terms can be kept. Bounded; cleared wholesale when full.
/// Not `Sendable`: it belongs to one responder thread, like its connection.
public final class ThreadCaches {
    struct FrozenVersion {
        let snapshot: QuotationSnapshot
        let terms: SanitizedHTML
    }

    private var versions: [String: FrozenVersion] = [:]
    private var agreements: [AgreementKey: RenderedHTML] = [:]
    private var company: (stamp: String, profile: CompanyProfile)?
    private let capacity: Int

    public init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// The company profile for the settings row as of `stamp` (its `updated_at`), loading it when
    /// the row has changed since it was cached.
    func companyProfile(
        stamp: String, load: () throws -> (profile: CompanyProfile, stamp: String)
    ) rethrows -> CompanyProfile {
        if !stamp.isEmpty, let company, company.stamp == stamp { return company.profile }
        let loaded = try load()
        company = (loaded.stamp, loaded.profile)
        return loaded.profile
    }

    struct AgreementKey: Hashable {
        let sha256: String
        let language: Language
    }

    /// The frozen agreement of the version with this SHA-256 as the signing page shows it in
    /// `language`, rendered once per thread.
    func agreementHTML(sha256: String, language: Language, render: () -> RenderedHTML) -> RenderedHTML {
        let key = AgreementKey(sha256: sha256, language: language)
        if let cached = agreements[key] { return cached }
        let html = render()
        if agreements.count >= capacity { agreements.removeAll(keepingCapacity: true) }
        agreements[key] = html
        return html
    }

    /// The decoded version with this SHA-256 (the hash identifies the exact bytes); `json` reads
    /// those bytes, and is called only when this thread has not decoded them yet.
    func frozenVersion(sha256: String, json: () throws -> String) throws -> FrozenVersion {
        if let cached = versions[sha256] { return cached }
        let snapshot = try QuotationSnapshot(canonicalJSON: try json())
        // Terms were sanitised when saved; sanitising again is idempotent and keeps the rule in one place.
        let version = FrozenVersion(
            snapshot: snapshot, terms: (try? HTMLSanitizer.sanitize(snapshot.termsHTML)) ?? .empty)
        if versions.count >= capacity { versions.removeAll(keepingCapacity: true) }
        versions[sha256] = version
        return version
    }
}
