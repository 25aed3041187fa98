import Testing

@testable import Domain

@Suite("Document numbers")
struct DocumentNumberTests {
    @Test func formatsWithFourDigitsAndGrowsPastThem() throws {
        #expect(try DocumentNumber(kind: .quotation, year: 2026, sequence: 42).description == "Q-2026-0042")
        #expect(try DocumentNumber(kind: .booking, year: 2026, sequence: 7).description == "EG-2026-0007")
        #expect(try DocumentNumber(kind: .booking, year: 2026, sequence: 9999).description == "EG-2026-9999")
        #expect(try DocumentNumber(kind: .quotation, year: 2027, sequence: 12_345).description == "Q-2027-12345")
    }

    @Test(arguments: ["Q-2026-0001", "EG-2026-0042", "Q-2026-10000", "EG-2099-123456"])
    func parsesWhatItPrints(text: String) throws {
        #expect(try DocumentNumber(parsing: text).description == text)
    }

    @Test(arguments: [
        "Q-2026-001", "Q-2026-00042", "X-2026-0001", "Q2026-0001", "q-2026-0001", "Q-26-0001",
        "Q-2026-0001 ", "EG-2026-+001", "Q-2026-00a1", "", "Q--2026-0001",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(throws: DocumentNumberError.malformed(text)) { try DocumentNumber(parsing: text) }
    }

    @Test func rangesAndOrder() throws {
        #expect(throws: DocumentNumberError.outOfRange) { try DocumentNumber(parsing: "Q-2026-0000") }
        #expect(throws: DocumentNumberError.outOfRange) {
            try DocumentNumber(kind: .quotation, year: 1999, sequence: 1)
        }
        #expect(try DocumentNumber(parsing: "Q-2026-9999") < DocumentNumber(parsing: "Q-2026-10000"))
    }
}
