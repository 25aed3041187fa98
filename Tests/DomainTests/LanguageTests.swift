import Testing

@testable import Domain

@Suite("Language negotiation")
struct LanguageTests {
    @Test(arguments: [
        ("en-GB,en;q=0.9,sv;q=0.8", Language.en),
        ("sv-SE,sv;q=0.9,en;q=0.5", .sv),
        ("de-DE,de;q=0.9,en;q=0.4,sv;q=0.7", .sv),
        ("fr, EN;q=0.1", .en),
    ])
    func picksTheBestLanguageWeSpeak(header: String, expected: Language) {
        #expect(Language.negotiate(acceptLanguage: header) == expected)
    }

    @Test func noneWeSpeakOrNoHeaderGivesNil() {
        #expect(Language.negotiate(acceptLanguage: "de, fr;q=0.8") == nil)
        #expect(Language.negotiate(acceptLanguage: "en;q=0") == nil)
        #expect(Language.negotiate(acceptLanguage: nil) == nil)
        #expect(Language.default == .sv)
    }
}
