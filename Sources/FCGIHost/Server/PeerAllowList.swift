import Foundation

/// The web servers allowed to open a FastCGI connection over TCP (`EG_FASTCGI_ALLOW`).
///
/// FastCGI has no authentication: whoever connects sets `REMOTE_ADDR` and every other CGI
/// parameter and skips nginx's limits. A unix socket is guarded by its file permissions; a TCP
/// port is guarded by this list, checked on every accepted connection before a byte is read.
/// (libfcgi's own `FCGI_WEB_SERVER_ADDRS` is not used: it lets every IPv6 peer through.)
public struct PeerAllowList: Sendable, Equatable, CustomStringConvertible {
    /// An address and how many leading bits of it must match: 4 or 16 bytes.
    struct Network: Sendable, Equatable {
        let bytes: [UInt8]
        let prefixLength: Int
        let text: String

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var remaining = prefixLength
            for (mine, theirs) in zip(bytes, address) where remaining > 0 {
                let bits = min(remaining, 8)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if mine & mask != theirs & mask { return false }
                remaining -= bits
            }
            return true
        }
    }

    let networks: [Network]

    /// Loopback only (127.0.0.0/8 and ::1): the default for a responder listening on loopback.
    public static let loopback = PeerAllowList(parsing: "127.0.0.0/8, ::1")!

    /// Parses a comma- or space-separated list of addresses and networks: `10.0.0.5`,
    /// `10.0.0.0/24`, `fd00:1::7`, `fd00:1::/64`. Nil when an entry is not one of those or the
    /// list is empty.
    public init?(parsing text: String) {
        var networks: [Network] = []
        for entry in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            let parts = entry.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let host = String(parts[0])
            guard let bytes = Self.bytes(of: host) else { return nil }
            let bits = bytes.count * 8
            var prefix = bits
            if parts.count == 2 {
                guard let given = Int(parts[1]), (0...bits).contains(given) else { return nil }
                prefix = given
            }
            networks.append(Network(bytes: bytes, prefixLength: prefix, text: String(entry)))
        }
        guard !networks.isEmpty else { return nil }
        self.networks = networks
    }

    /// Whether a peer's address (4 or 16 bytes) is on the list. An IPv4-mapped IPv6 address
    /// (`::ffff:10.0.0.5`, what a dual-stack socket reports) is compared as the IPv4 one.
    public func admits(_ address: [UInt8]) -> Bool {
        var address = address
        if address.count == 16, address[0..<10].allSatisfy({ $0 == 0 }), address[10] == 0xFF, address[11] == 0xFF {
            address = Array(address[12...])
        }
        return networks.contains { $0.contains(address) }
    }

    public var description: String { networks.map(\.text).joined(separator: ",") }

    /// The bytes of a textual IPv4 or IPv6 address.
    static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: v6) { Array($0) } }
        return nil
    }

    /// Whether `host` (from `EG_LISTEN`) can only be reached from this machine.
    public static func isLoopback(host: String) -> Bool {
        guard let bytes = bytes(of: host) else { return host == "localhost" }
        return loopback.admits(bytes)
    }
}
