/// Deterministic random tag soup: fragments of hostile and benign markup glued in random order, or
/// mutated corpus entries, so
/// the properties (idempotence, nothing the oracle objects to) are checked beyond the hand-written
/// corpus. Seeded, so a failure reproduces.
enum TagSoup {
    static let pieces: [String] = [
        "<p>", "</p>", "<b>", "</b>", "<strong>", "</strong>", "<em>", "<i>", "</i>", "<u>", "<s>",
        "<a href=\"/ok\">", "<a href=\"javascript:alert(1)\">", "<a href=https://ok.example/>", "</a>",
        "<img src=x onerror=alert(1)>", "<img src=\"https://ok.example/a.png\" width=10>", "<br>", "<hr>",
        "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<h2>", "</h2>", "<h3>", "<h4>", "</h4>",
        "<blockquote>", "</blockquote>", "<table>", "</table>", "<thead>", "<tbody>", "<tr>", "</tr>",
        "<td colspan=2>", "</td>", "<th>", "</th>", "<div>", "</div>", "<span>", "</span>", "<font>",
        "<svg>", "</svg>", "<math>", "<mtext>", "<style>", "</style>", "<script>", "</script>",
        "<noscript>", "</noscript>", "<textarea>", "</textarea>", "<title>", "</title>", "<select>",
        "<option>", "<form>", "</form>", "<input>", "<template>", "</template>", "<xmp>", "</xmp>",
        "<iframe>", "</iframe>", "<!--", "-->", "<![CDATA[", "]]>", "<p title=\"", "\">", "'", "\"",
        "<", ">", "&", "&amp;", "&lt;", "&#106;", "&colon;", "text", "å ä ö", " ", "\n", "\t",
        "</body>", "</html>", "<body>", "<html>", "<head>", "</head>", "<caption>", "<dl>", "<dt>",
        "<pre>", "<center>", "<object>", "<p onclick=alert(1)>", "</", "<!", "<?x ?>", "\u{0}",
    ]

    /// `count` copies of random corpus entries, each with a few pieces inserted, removed or
    /// replaced, sometimes followed by another entry: near-misses of known attacks.
    static func mutations(of corpus: [String], count: Int, seed: UInt64) -> [String] {
        guard !corpus.isEmpty else { return [] }
        var generator = SplitMix64(state: seed)
        return (0..<count).map { _ in
            var parts = corpus.randomElement(using: &generator)!.unicodeScalars.map { String($0) }
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let position = Int.random(in: 0...parts.count, using: &generator)
                let piece = pieces.randomElement(using: &generator)!
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: parts.insert(piece, at: position)
                case 1 where position < parts.count: parts.remove(at: position)
                case 2 where position < parts.count: parts[position] = piece
                default: break
                }
            }
            if Bool.random(using: &generator) { parts.append(corpus.randomElement(using: &generator)!) }
            return parts.joined()
        }
    }

    static func inputs(count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(state: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 1...60, using: &generator)
            return (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }
}

/// A tiny seedable generator (the standard library's is not seedable).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
