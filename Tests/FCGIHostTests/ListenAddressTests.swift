import FCGIHost
import Testing

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
}
