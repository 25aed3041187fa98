import Foundation
import Testing

/// One case of the data-driven corpus in `Corpus/*.json`.
struct CorpusEntry: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let html: String
    /// Benign cases: the exact output.
    let expected: String?
    /// Fragments the output must contain.
    let contains: [String]?
    /// Fragments the output must not contain (for content that must go with its element).
    let absent: [String]?

    var testDescription: String { name }
}

/// The corpus files, found next to this source file (`#filePath`), not through SwiftPM resources.
enum Corpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    /// Hostile inputs: anything that could run script, load something or escape the allow-list.
    static let hostile = (try? load("hostile.json")) ?? []
    /// Benign inputs whose text and allowed markup must survive.
    static let benign = (try? load("benign.json")) ?? []

    /// Throws if the file is missing or malformed; the parameterised tests use the non-throwing
    /// properties above and `CorpusTests.corpusLoads` reports the error.
    static func load(_ file: String) throws -> [CorpusEntry] {
        let data = try Data(contentsOf: directory.appendingPathComponent(file))
        return try JSONDecoder().decode([CorpusEntry].self, from: data)
    }
}
