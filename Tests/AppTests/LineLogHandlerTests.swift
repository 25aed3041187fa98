import Logging
import Testing

@testable import App

@Suite("The log line")
struct LineLogHandlerTests {
    @Test("control characters in any field are escaped, so a request cannot forge or split a line")
    func controlCharactersAreEscaped() {
        // A path with a percent-encoded CR/LF arrives decoded; so could a header in metadata.
        let line = LineLogHandler.line(
            timestamp: "2026-12-07T07:00:00.000Z", level: "info",
            metadata: ["request_id": "abc", "agent": "x\u{1B}[31mred\u{7F}"],
            message: "GET /admin/x\r\n2026-12-07T07:00:00.000Z info forged 200 0.1ms")
        #expect(!line.contains("\n") && !line.contains("\r") && !line.contains("\u{1B}") && !line.contains("\u{7F}"))
        #expect(line.hasSuffix(#"GET /admin/x\r\n2026-12-07T07:00:00.000Z info forged 200 0.1ms"#))
        #expect(line.contains(#"agent=x\u{1b}[31mred\u{7f} "#))
        #expect(line.hasPrefix("2026-12-07T07:00:00.000Z info agent="))
        // Ordinary text, Swedish letters included, is left as it is.
        #expect(LineLogHandler.escaped("Åsa bokade tält · 200") == "Åsa bokade tält · 200")
        #expect(LineLogHandler.escaped("a\u{2028}b\tc") == #"a\u{2028}b\tc"#)
    }
}
