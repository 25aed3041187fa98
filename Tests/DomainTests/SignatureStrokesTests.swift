import Testing

@testable import Domain

@Suite("Drawn signatures")
struct SignatureStrokesTests {
    static let scribble =
        "[["
        + (0..<20).map { "{\"x\":\(0.1 + Double($0) * 0.03),\"y\":\(0.5 + ($0 % 2 == 0 ? 0.1 : -0.1))}" }
        .joined(separator: ",") + "]]"

    @Test func aRealDrawingIsAccepted() throws {
        let strokes = try SignatureStrokes(json: Self.scribble)
        #expect(strokes.strokes.count == 1)
        #expect(strokes.strokes[0].count == 20)
        #expect(try SignatureStrokes(json: strokes.json) == strokes)
    }

    static let dotRepeated: String =
        "[[" + Array(repeating: "{\"x\":0.5,\"y\":0.5}", count: 30).joined(separator: ",") + "]]"
    static let outside: String =
        "[[{\"x\":1.5,\"y\":0.5}," + Array(repeating: "{\"x\":0.1,\"y\":0.9}", count: 10).joined(separator: ",") + "]]"
    static let badCases: [(String, SignatureStrokes.Invalid)] = [
        ("", .malformed),
        ("[]", .tooSmall),
        ("[[{\"x\":0.5,\"y\":0.5}]]", .tooSmall),
        (dotRepeated, .tooSmall),
        (outside, .outOfRange),
        ("{\"x\":1}", .malformed),
        ("[[{\"x\":\"a\",\"y\":0}]]", .malformed),
        ("[[]]", .tooManyPoints),
    ]

    @Test(arguments: badCases)
    func badDrawingsAreRefused(json: String, reason: SignatureStrokes.Invalid) {
        #expect(throws: reason) { try SignatureStrokes(json: json) }
    }

    @Test func sizeAndPointCountAreBounded() {
        let many =
            "[[" + Array(repeating: "{\"x\":0,\"y\":1},{\"x\":1,\"y\":0}", count: 2100).joined(separator: ",") + "]]"
        #expect(throws: SignatureStrokes.Invalid.tooManyPoints) { try SignatureStrokes(json: many) }
        let huge = String(repeating: " ", count: SignatureStrokes.maximumBytes + 1)
        #expect(throws: SignatureStrokes.Invalid.tooLarge) { try SignatureStrokes(json: huge) }
    }
}
