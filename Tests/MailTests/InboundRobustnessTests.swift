import Foundation
import Mail
import Testing

@Suite("Received email: malformed and hostile input parses, in bounded time")
struct InboundRobustnessTests {
    /// Seconds a debug build may take for one input (a release build needs a small fraction).
    static let budget = 20.0

    static func nested(_ depth: Int) -> [UInt8] {
        var bytes = Array("Subject: deep\n".utf8)
        for level in 0..<depth {
            bytes += Array("Content-Type: multipart/mixed; boundary=\"b\(level)\"\n\n--b\(level)\n".utf8)
        }
        bytes += Array("Content-Type: text/plain\n\ninnermost\n".utf8)
        return bytes
    }

    static let cases: [(name: String, bytes: [UInt8], problem: String?)] = [
        ("empty input", [], nil),
        ("only headers", Array("Subject: x\r\nFrom: a@b.se\r\n".utf8), "header section has no end"),
        ("no blank line", Array("Subject: x\nthis is body text\n".utf8), "header section ends without a blank line"),
        ("binary garbage", (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ $0 >> 3) }, nil),
        (
            "broken boundaries",
            Array("Content-Type: multipart/mixed; boundary=xyz\n\n--xy\nno\n--xyzz\nstill no\n".utf8),
            "never uses its boundary"
        ),
        (
            "multipart without boundary", Array("Content-Type: multipart/alternative\n\nHej\n".utf8),
            "has no boundary"
        ),
        (
            "unterminated multipart",
            Array("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nHej".utf8),
            "no closing boundary"
        ),
        (
            "base64 with garbage",
            Array("Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n!!!!####****%%%%JVBERi0=".utf8),
            "base64 part 1 is broken; kept as raw bytes"
        ),
        (
            "base64 with a few stray characters",
            Array("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nSGVqIGhlaiBoZWogaGVq!IGhlaiE=".utf8),
            "base64 part 1 has 1 stray characters"
        ),
        (
            "a 10 MB body",
            Array("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n".utf8)
                + Array(repeating: Array("Tält och stolar =C3=A5 rad med text som =\n".utf8), count: 250_000).joined(),
            nil
        ),
        ("1000 nested multiparts", nested(1000), "nesting deeper than 20 levels; inner parts kept as raw"),
        (
            "an unknown charset", Array("Content-Type: text/plain; charset=x-foo\n\nabc".utf8),
            "unknown charset x-foo"
        ),
        (
            "a header of 1 MB", Array("Subject: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 1 << 20) + [0x0A],
            "over 64 KB; truncated"
        ),
        (
            "a 1 MB header of encoded-word starts",
            Array("Subject: ".utf8) + Array(repeating: Array("=?utf-8?q?".utf8), count: 100_000).joined() + [0x0A],
            "over 64 KB; truncated"
        ),
        ("NUL bytes", Array("Subject: a\0b\n\nHej\0 d\0\0".utf8), nil),
        (
            "too many parts",
            Array("Content-Type: multipart/mixed; boundary=b\n\n".utf8)
                + Array(repeating: Array("--b\n\nx\n".utf8), count: 2000).joined(),
            "more than 500 MIME parts"
        ),
        (
            "many parameters and RFC 2231 pieces",
            Array("Content-Type: text/plain; ".utf8)
                + Array((0..<5000).map { "name*\($0)*=%E4%;" }.joined().utf8) + Array("\n\nx".utf8),
            nil
        ),
        (
            "an address list of commas and quotes", Array(("To: " + String(repeating: "\",<>(", count: 20_000)).utf8),
            nil
        ),
        ("a lone CR", [0x0D], nil),
        ("a dash line", Array("--\n--\n\n--".utf8), nil),
    ]

    @Test(
        "each malformed input parses without a crash, in bounded time, and names its problem", arguments: cases.indices)
    func malformed(index: Int) {
        let (name, bytes, problem) = Self.cases[index]
        let start = Date()
        let message = InboundMessage.parse(bytes)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < Self.budget, "\(name) took \(elapsed) s")
        if let problem {
            #expect(message.problems.contains { $0.contains(problem) }, "\(name): \(message.problems)")
        }
        #expect(!(message.textBody ?? "").contains("\0"), "\(name)")
        #expect(!message.subject.contains("\0"), "\(name)")
    }

    @Test("the 10 MB body is read whole and right")
    func largeBody() {
        let line = "Tält och stolar å rad med text som "
        let bytes =
            Array("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n".utf8)
            + Array(repeating: Array("Tält och stolar =C3=A5 rad med text som =\n".utf8), count: 250_000).joined()
        let message = InboundMessage.parse(bytes)
        #expect(message.textBody?.count == line.count * 250_000)
    }

    @Test("past the size limit the message is cut and says so")
    func sizeLimit() {
        let bytes = Array("Subject: big\n\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 2000)
        let message = InboundMessage.parse(bytes, limits: InboundLimits(maximumBytes: 1000))
        #expect(message.subject == "big")
        #expect(message.textBody?.utf8.count == 1000 - 14)
        #expect(message.problems == ["message over the 1000 bytes limit; truncated"])
    }

    @Test("deep nesting keeps the outer text and the raw inner part")
    func deepNesting() {
        var bytes = Array(
            "Content-Type: multipart/mixed; boundary=outer\n\n--outer\nContent-Type: text/plain\n\nouter text\n--outer\n"
                .utf8)
        bytes += Self.nested(30).dropFirst("Subject: deep\n".utf8.count)
        bytes += Array("\n--outer--\n".utf8)
        let message = InboundMessage.parse(bytes)
        #expect(message.textBody == "outer text")
        #expect(message.attachments.count == 1)
        #expect(message.attachments.first?.contentType == "multipart/mixed")
    }
}

@Suite("Received email: mutated real messages never crash the parser")
struct InboundMutationTests {
    /// A fixed-seed generator (SplitMix64), so a failure repeats.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let samples = [
        InboundSamples.outlook, InboundSamples.gmail, InboundSamples.appleMail, InboundSamples.forwardedAsAttachment,
        InboundSamples.postfixBounce, InboundSamples.exchangeOutOfOffice, InboundSamples.swedishBounce,
    ]

    @Test("byte flips, cuts, repeats and inserted MIME syntax", arguments: samples.indices)
    func mutations(sample: Int) {
        var generator = SeededGenerator(state: UInt64(sample) &* 7919)
        let syntax = ["\r\n", "\n\n", "=?", "?=", "--", "=", ";", "\"", "<", "(", ":", "boundary=", "*0*=", "%"]
        for _ in 0..<150 {
            var bytes = Self.samples[sample]
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                guard !bytes.isEmpty else { break }
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.removeSubrange(at...)
                case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 40)], at: at)
                default: bytes.insert(contentsOf: Array(syntax.randomElement(using: &generator)!.utf8), at: at)
                }
            }
            let message = InboundMessage.parse(bytes)
            #expect(message.attachments.allSatisfy { $0.size == $0.bytes.count })
        }
    }
}
