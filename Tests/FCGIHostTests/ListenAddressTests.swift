import Testing

@testable import FCGIHost

@Suite("Where the FastCGI host listens")
struct ListenAddressTests {
    @Test func listenAddressesParse() {
        #expect(ListenAddress(parsing: "unix:/run/eg.sock") == .unix(path: "/run/eg.sock"))
        #expect(ListenAddress(parsing: ".data/run/eg.sock") == .unix(path: ".data/run/eg.sock"))
        #expect(ListenAddress(parsing: "127.0.0.1:9000") == .tcp(host: "127.0.0.1", port: 9000))
        #expect(ListenAddress(parsing: "[::1]:9000") == .tcp(host: "::1", port: 9000))
        #expect(ListenAddress(parsing: ":9000") == .tcp(host: "", port: 9000))
        #expect(ListenAddress(parsing: "localhost") == nil)
        #expect(ListenAddress(parsing: "host:70000") == nil)
        #expect(ListenAddress(parsing: "unix:") == nil)
    }

    static func bytes(_ text: String) -> [UInt8] { PeerAllowList.bytes(of: text)! }

    @Test func theAllowListAdmitsOnlyItsAddressesAndNetworks() throws {
        let list = try #require(PeerAllowList(parsing: "10.0.0.5, 10.0.1.0/24 fd00:1::/64,192.0.2.128/25"))
        for admitted in [
            "10.0.0.5", "10.0.1.0", "10.0.1.255", "fd00:1::7", "fd00:1:0:0:ffff::1", "192.0.2.200", "::ffff:10.0.0.5",
        ] {
            #expect(list.admits(Self.bytes(admitted)), "\(admitted)")
        }
        for refused in ["10.0.0.6", "10.0.2.1", "fd00:2::7", "192.0.2.127", "127.0.0.1", "::1", "::ffff:10.0.0.6"] {
            #expect(!list.admits(Self.bytes(refused)), "\(refused)")
        }
        #expect(PeerAllowList(parsing: "") == nil)
        #expect(PeerAllowList(parsing: "nginx.internal") == nil)
        #expect(PeerAllowList(parsing: "10.0.0.0/33") == nil)
        #expect(PeerAllowList(parsing: "10.0.0.0/") == nil)
        #expect(PeerAllowList.loopback.admits(Self.bytes("127.3.2.1")))
        #expect(PeerAllowList.isLoopback(host: "127.0.0.1") && PeerAllowList.isLoopback(host: "::1"))
        #expect(!PeerAllowList.isLoopback(host: "0.0.0.0") && !PeerAllowList.isLoopback(host: ""))
    }
}
