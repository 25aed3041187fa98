/// SHA-256 (FIPS 180-4), dependency-free: the product has no crypto library, and snapshot hashes,
/// document hashes and migration checksums must match PostgreSQL's `sha256()` on every platform.
///
/// One-shot: `SHA256.hexDigest(bytes)`; streaming (large PDFs): `var h = SHA256(); h.update(…);
/// let digest = h.finalize()`. For integrity of public documents, not for passwords (argon2id).
public struct SHA256: Sendable {
    /// A 32-byte digest.
    public struct Digest: Sendable, Hashable, CustomStringConvertible {
        public let bytes: [UInt8]

        /// Lower-case hex, 64 characters.
        public var hex: String {
            let digits = Array("0123456789abcdef".utf8)
            var text: [UInt8] = []
            text.reserveCapacity(bytes.count * 2)
            for byte in bytes {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            }
            return String(decoding: text, as: UTF8.self)
        }

        public var description: String { hex }
    }

    private var h: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]
    /// Bytes not yet compressed (fewer than 64).
    private var buffer: [UInt8] = []
    /// Bytes already compressed (a multiple of 64).
    private var byteCount: UInt64 = 0

    public init() { buffer.reserveCapacity(64) }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update(contiguous: $0) }) { return done }
        Array(bytes).withUnsafeBufferPointer { update(contiguous: $0) }
    }

    /// Whole blocks straight from the caller's memory; only a partial block is copied.
    private mutating func update(contiguous bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            if buffer.isEmpty && bytes.count - index >= 64 {
                compress(UnsafeBufferPointer(rebasing: bytes[index..<(index + 64)]))
                index += 64
                continue
            }
            let take = min(64 - buffer.count, bytes.count - index)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + take)]))
            index += take
            if buffer.count == 64 {
                let block = buffer
                block.withUnsafeBufferPointer { compress($0) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
    }

    /// The digest of everything added so far; the hasher itself is left unchanged.
    public func finalize() -> Digest {
        var copy = self
        let bitLength = (copy.byteCount &+ UInt64(copy.buffer.count)) &* 8
        // 0x80, zeros up to 56 bytes into a block, then the length in bits, big-endian.
        var padding: [UInt8] = [0x80]
        padding.append(contentsOf: repeatElement(0, count: (119 - copy.buffer.count) % 64))
        for shift in stride(from: 56, through: 0, by: -8) {
            padding.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        copy.update(padding)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for word in copy.h {
            bytes += [
                UInt8(truncatingIfNeeded: word >> 24), UInt8(truncatingIfNeeded: word >> 16),
                UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word),
            ]
        }
        return Digest(bytes: bytes)
    }

    /// The 32-byte digest of `message`.
    public static func hash(_ message: some Sequence<UInt8>) -> [UInt8] { digest(message).bytes }

    /// Lower-case hex of the digest of `message`.
    public static func hexDigest(_ message: some Sequence<UInt8>) -> String { digest(message).hex }

    public static func digest(_ message: some Sequence<UInt8>) -> Digest {
        var hasher = SHA256()
        hasher.update(message)
        return hasher.finalize()
    }

    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Processes one 64-byte block.
    private mutating func compress(_ block: UnsafeBufferPointer<UInt8>) {
        byteCount &+= 64
        var state = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 {
                w[i] =
                    UInt32(block[i * 4]) << 24 | UInt32(block[i * 4 + 1]) << 16 | UInt32(block[i * 4 + 2]) << 8
                    | UInt32(block[i * 4 + 3])
            }
            for i in 16..<64 {
                let s0 = Self.rotr(w[i - 15], 7) ^ Self.rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = Self.rotr(w[i - 2], 17) ^ Self.rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            Self.k.withUnsafeBufferPointer { k in
                var (a, b, c, d, e, f, g, hh) = state
                for i in 0..<64 {
                    let s1 = Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25)
                    let choice = (e & f) ^ (~e & g)
                    let t1 = hh &+ s1 &+ choice &+ k[i] &+ w[i]
                    let s0 = Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ s0 &+ majority)
                }
                state = (a, b, c, d, e, f, g, hh)
            }
        }
        h[0] &+= state.0
        h[1] &+= state.1
        h[2] &+= state.2
        h[3] &+= state.3
        h[4] &+= state.4
        h[5] &+= state.5
        h[6] &+= state.6
        h[7] &+= state.7
    }

    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
}
