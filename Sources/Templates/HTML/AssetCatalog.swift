/// Fingerprints of the files in `static/`, computed once at start-up, so that asset URLs change
/// whenever a file does and nginx can serve them with a one-year `immutable` cache lifetime.
public struct AssetCatalog: Sendable {
    private let fingerprints: [String: String]

    public init(fingerprints: [String: String] = [:]) {
        self.fingerprints = fingerprints
    }

    /// Fingerprints file contents with 64-bit FNV-1a: not cryptographic, only a cache key.
    public init(files: [String: [UInt8]]) {
        var result: [String: String] = [:]
        for (name, bytes) in files {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            result[name] = String(hash, radix: 16)
        }
        fingerprints = result
    }

    public func fingerprint(of name: String) -> String? { fingerprints[name] }
}
